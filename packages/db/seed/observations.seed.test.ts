import { describe, expect, it } from 'vitest'
import { indicatorEntryYears } from '@kechuang/core/indicators'
import { buildSeedObservations } from './observations.seed'
import { buildSeedOrgUnits } from './org-units.seed'
import { buildSeedPlans } from './plans.seed'

describe('seed observations', () => {
  const units = buildSeedOrgUnits()
  const seeded = buildSeedPlans(units)
  const seededAt = new Date('2026-01-01T00:00:00Z')
  const rows = buildSeedObservations(units, seeded.indicators, seededAt)
  const indicatorOf = (id: string) => seeded.indicators.find((i) => i.id === id)!
  const unitName = (id: string) => units.find((u) => u.id === id)!.name

  it('takes the 66 figures linked to a plan indicator, 62 of them current values', () => {
    expect(rows).toHaveLength(66)
    expect(rows.filter((r) => r.supersededAt === null)).toHaveLength(62)
    expect(new Set(rows.map((r) => unitName(r.orgUnitId)))).toEqual(new Set(['黄石市', '大冶市']))
    expect(rows.every((r) => r.kind === 'reported')).toBe(true)
  })

  it('places 大冶 2022 高新技术企业数 243 and 科技型中小企业数 555 with their source sentence', () => {
    const hnte = rows.find((r) => indicatorOf(r.indicatorId).code === 'DY-15' && r.year === 2022)!
    expect(hnte.value).toBe(243)
    expect(unitName(hnte.orgUnitId)).toBe('大冶市')
    expect(hnte.source).toBe(
      '“2022年全市高企数量达到243家,同比增长23.4%”（《湖北大冶:凝聚科技创新磅礴力量 打造全国县域创新高地（武汉科技报，2023年1月）》聚力培育创新主体,夯实主力军创新支撑；003_628247d077c6b582.txt）',
    )
    const tsme = rows.find((r) => indicatorOf(r.indicatorId).code === 'DY-24' && r.year === 2022)!
    expect(tsme.value).toBe(555)
  })

  it('keeps a figure quoted twice (table and text) as two revisions, the later one current', () => {
    const revisions = rows.filter((r) => indicatorOf(r.indicatorId).code === 'HS13-07' && r.year === 2020)
    expect(revisions.map((r) => [r.revision, r.value, r.supersededAt])).toEqual([
      [1, 375, seededAt],
      [2, 375, null],
    ])
  })

  it('notes the printed form of starred 2019 figures', () => {
    const starred = rows.filter((r) => r.note !== null)
    expect(starred).toHaveLength(7)
    expect(starred.every((r) => r.year === 2019 && /^原文为“[\d.]+\*”$/.test(r.note!))).toBe(true)
  })

  it('lies within the years each indicator takes values for', () => {
    for (const row of rows) {
      const indicator = indicatorOf(row.indicatorId)
      const plan = seeded.plans.find((p) => p.id === indicator.planId)!
      const years = indicatorEntryYears(plan, indicator)
      expect(row.year, indicator.code).toBeGreaterThanOrEqual(years.from)
      expect(row.year, indicator.code).toBeLessThanOrEqual(years.to)
    }
  })

  it('derives the same ids on every run', () => {
    expect(buildSeedObservations(units, seeded.indicators, seededAt).map((r) => r.id)).toEqual(
      rows.map((r) => r.id),
    )
  })
})
