import { describe, expect, it } from 'vitest'
import type { OrgUnit } from '@kechuang/core/org-units'
import { toOrgUnitTreeData, topLevelKeys } from './to-org-unit-tree-data'

let sort = 0
function unit(id: string, parent: OrgUnit | null, name: string, type: OrgUnit['type']): OrgUnit {
  return {
    id,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    name,
    type,
    typeLabel: null,
    divisionCode: null,
    aliases: [],
    sortOrder: sort++,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  }
}

const hubei = unit('p', null, '湖北省', 'province')
const huangshi = unit('c', hubei, '黄石市', 'city')
const daye = unit('d', huangshi, '大冶市', 'county')
const town = unit('t', daye, '金湖街道', 'township')
const bureau = unit('b', daye, '大冶市科技局', 'department')
const units = [hubei, huangshi, daye, town, bureau]

describe('toOrgUnitTreeData', () => {
  it('nests units under their parents, titled by name', () => {
    const [root] = toOrgUnitTreeData(units)
    expect(root?.title).toBe('湖北省')
    expect(root?.children[0]?.children[0]?.children.map((o) => o.title)).toEqual(['金湖街道', '大冶市科技局'])
  })

  it('leaves out the subtree of the unit being moved', () => {
    const [root] = toOrgUnitTreeData(units, { excludeSubtreeOf: daye })
    expect(root?.children[0]?.title).toBe('黄石市')
    expect(root?.children[0]?.children).toEqual([])
  })

  it('shows units that cannot be chosen as disabled', () => {
    const [root] = toOrgUnitTreeData(units, { isSelectable: (u) => u.type !== 'province' })
    expect(root?.disabled).toBe(true)
    expect(root?.children[0]?.disabled).toBeUndefined()
  })
})

describe('topLevelKeys', () => {
  it('opens the top of the scope and the level below it', () => {
    expect(topLevelKeys(toOrgUnitTreeData(units), (o) => o.value)).toEqual(['p', 'c'])
  })
})
