import { describe, expect, it } from 'vitest'
import { buildOrgUnitTree } from '@kechuang/core/org-units'
import { filterOrgUnitTree } from './filter-org-unit-tree'

const rows = [
  { id: 'p', parentId: null, name: '湖北省', sortOrder: 0, aliases: [] },
  { id: 'c', parentId: 'p', name: '黄石市', sortOrder: 0, aliases: [] },
  { id: 'd', parentId: 'c', name: '大冶市', sortOrder: 0, aliases: [] },
  { id: 'y', parentId: 'c', name: '阳新县', sortOrder: 1, aliases: [] },
  { id: 'k', parentId: 'd', name: '大冶市科技局', sortOrder: 0, aliases: [] },
  { id: 'j', parentId: 'd', name: '金湖街道', sortOrder: 1, aliases: [] },
  { id: 'z', parentId: 'c', name: '黄石高新区', sortOrder: 2, aliases: ['高新区', 'HSHTZ'] },
]
const tree = buildOrgUnitTree(rows)
const names = (nodes: readonly { name: string; children: readonly unknown[] }[]): unknown =>
  nodes.map((n) => (n.children.length ? { [n.name]: names(n.children as typeof nodes) } : n.name))

describe('filterOrgUnitTree', () => {
  it('keeps the whole tree and opens nothing for an empty keyword', () => {
    const result = filterOrgUnitTree(tree, '  ')
    expect(result.roots).toEqual(tree)
    expect(result.expandedIds).toEqual([])
  })

  it('keeps matches with the way to them, and opens that way', () => {
    const result = filterOrgUnitTree(tree, '阳新')
    expect(names(result.roots)).toEqual([{ 湖北省: [{ 黄石市: ['阳新县'] }] }])
    expect(result.expandedIds.sort()).toEqual(['c', 'p'])
    expect([...result.matchedIds]).toEqual(['y'])
  })

  it('keeps the subtree of a match and opens it when a deeper unit matches too', () => {
    const result = filterOrgUnitTree(tree, '大冶')
    expect(names(result.roots)).toEqual([
      { 湖北省: [{ 黄石市: [{ 大冶市: ['大冶市科技局', '金湖街道'] }] }] },
    ])
    expect(result.expandedIds.sort()).toEqual(['c', 'd', 'p'])
    expect([...result.matchedIds].sort()).toEqual(['d', 'k'])
  })

  it('finds a unit by one of its aliases, ignoring case', () => {
    expect([...filterOrgUnitTree(tree, 'hshtz').matchedIds]).toEqual(['z'])
  })

  it('answers an empty tree when nothing matches', () => {
    expect(filterOrgUnitTree(tree, '武汉').roots).toEqual([])
  })
})
