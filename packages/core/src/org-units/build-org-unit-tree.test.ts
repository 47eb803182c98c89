import { describe, expect, it } from 'vitest'
import { buildOrgUnitTree } from './build-org-unit-tree'

const unit = (id: string, parentId: string | null, name: string, sortOrder = 0) => ({
  id,
  parentId,
  name,
  sortOrder,
})

describe('buildOrgUnitTree', () => {
  it('nests children under parents and orders them by sortOrder, then name', () => {
    const tree = buildOrgUnitTree([
      unit('hs', null, '黄石市'),
      unit('dy', 'hs', '大冶市', 20),
      unit('yx', 'hs', '阳新县', 10),
      unit('ck', 'dy', '陈贵镇'),
    ])
    expect(tree).toHaveLength(1)
    expect(tree[0]!.children.map((c) => c.name)).toEqual(['阳新县', '大冶市'])
    expect(tree[0]!.children[1]!.children[0]!.name).toBe('陈贵镇')
  })

  it('makes the top of a scoped subtree a root when its parent is not in the rows', () => {
    const tree = buildOrgUnitTree([unit('dy', 'hs', '大冶市'), unit('ck', 'dy', '陈贵镇')])
    expect(tree.map((t) => t.name)).toEqual(['大冶市'])
  })
})
