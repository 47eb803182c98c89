import { describe, expect, it } from 'vitest'
import { canContain } from '@kechuang/core/org-units'
import { buildSeedOrgUnits } from './org-units.seed'

describe('seed org units', () => {
  const units = buildSeedOrgUnits()
  const byName = new Map(units.map((u) => [u.name, u]))
  const parentOf = (name: string) => units.find((u) => u.id === byName.get(name)!.parentId)?.name

  it('places 黄石市 under 湖北省 and 大冶市 under 黄石市 with their division codes', () => {
    expect(parentOf('黄石市')).toBe('湖北省')
    expect(parentOf('大冶市')).toBe('黄石市')
    expect(byName.get('大冶市')!.divisionCode).toBe('420281')
    expect(byName.get('黄石市')!.type).toBe('city')
    expect(byName.get('大冶市')!.type).toBe('county')
  })

  it('has Daye’s towns, the 大冶湖 high-tech zone and the departments of its task schedule', () => {
    expect(parentOf('还地桥镇')).toBe('大冶市')
    expect(byName.get('陈贵镇')!.type).toBe('township')
    expect(byName.get('黄石大冶湖高新区')!.type).toBe('functional_zone')
    expect(byName.get('黄石大冶湖高新区')!.aliases).toContain('大冶湖高新区')
    expect(parentOf('市科技局')).toBe('大冶市')
    expect(byName.get('市科技局')!.type).toBe('department')
    expect(byName.has('各乡镇')).toBe(false)
  })

  it('leaves out parks that are only planned', () => {
    expect(byName.has('高端装备制造产业园')).toBe(false)
  })

  it('builds a consistent tree: every path is the parent’s path plus the id, every kind allowed under its parent', () => {
    for (const unit of units) {
      const parent = units.find((u) => u.id === unit.parentId)
      if (!parent) {
        expect(unit.path).toBe(`/${unit.id}/`)
        continue
      }
      expect(unit.path).toBe(`${parent.path}${unit.id}/`)
      expect(unit.depth).toBe(parent.depth + 1)
      expect(canContain(parent.type, unit.type), `${parent.name} → ${unit.name}`).toBe(true)
    }
  })

  it('derives the same ids on every run', () => {
    expect(buildSeedOrgUnits().map((u) => u.id)).toEqual(units.map((u) => u.id))
  })
})
