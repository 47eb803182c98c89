import { asc } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateDatabase, openDatabase, type DatabaseHandle } from '../src/client'
import { indicators, plans } from '../src/tables/index'
import { buildSeedOrgUnits } from './org-units.seed'
import { aggregationOf, buildSeedPlans } from './plans.seed'
import { seedDatabase } from './index'
import { readSeedSource } from './seed-source'
import { REGISTER_METRICS } from '@kechuang/core/registers'

// The copied source file, read as plain JSON: the database must hold every printed figure exactly.
interface PrintedFigure {
  year: number
  value: number | null
  valueText: string
  note: string | null
}
interface SourceIndicator {
  code: string
  order: number
  category: string
  name: string
  printedName: string
  unit: string
  attribute: '约束性' | '预期性' | null
  direction: 'higher' | 'lower'
  baseline: PrintedFigure | null
  targets: { year: number; op: string; value: number | null; valueText: string }[]
  actual?: PrintedFigure
}
interface SourcePlan {
  id: string
  name: string
  region: string
  startYear: number
  endYear: number
  source: { doc: string; ref: string; title: string }
  notes: string[]
  categories: string[]
  indicators: SourceIndicator[]
}
const printed = readSeedSource('plans.json') as SourcePlan[]

let handle: DatabaseHandle
beforeAll(async () => {
  handle = await openDatabase({ dataDir: 'memory' })
  await migrateDatabase(handle)
  await seedDatabase(handle.db)
})
afterAll(() => handle.close())

describe('seeded plans', () => {
  it('holds the three plans with region, years, source, notes and categories as printed', async () => {
    const rows = await handle.db.select().from(plans).orderBy(asc(plans.startYear))
    const units = buildSeedOrgUnits()
    expect(rows.map((r) => r.id)).toEqual(['huangshi-13th', 'huangshi-14th', 'daye-2022-2024'])
    for (const plan of printed) {
      const row = rows.find((r) => r.id === plan.id)!
      expect(row.name).toBe(plan.name)
      expect(units.find((u) => u.id === row.regionOrgUnitId)!.name).toBe(plan.region)
      expect([row.startYear, row.endYear]).toEqual([plan.startYear, plan.endYear])
      expect(row.source).toEqual(plan.source)
      expect(row.notes).toEqual(plan.notes)
      expect(row.categories).toEqual(plan.categories)
      expect(row.pathModel).toBe('linear')
    }
  })

  it('holds every indicator of plans.json exactly as printed, field by field', async () => {
    const rows = await handle.db.select().from(indicators)
    expect(rows).toHaveLength(printed.reduce((n, p) => n + p.indicators.length, 0))
    expect(rows).toHaveLength(61)
    for (const plan of printed) {
      for (const source of plan.indicators) {
        const row = rows.find((r) => r.planId === plan.id && r.code === source.code)
        const where = `${plan.id} ${source.code}`
        expect(row, where).toBeDefined()
        expect(row!.order, where).toBe(source.order)
        expect(row!.category, where).toBe(source.category)
        expect(row!.name, where).toBe(source.name)
        expect(row!.printedName, where).toBe(source.printedName)
        expect(row!.unit, where).toBe(source.unit)
        expect(row!.nature, where).toBe(
          source.attribute === '约束性' ? 'binding' : source.attribute === '预期性' ? 'expected' : null,
        )
        expect(row!.direction, where).toBe(source.direction)
        if (source.baseline === null) expect(row!.baseline, where).toBeNull()
        else {
          expect(row!.baseline!.year, where).toBe(source.baseline.year)
          expect(row!.baseline!.value, where).toBe(source.baseline.value)
          expect(row!.baseline!.valueText, where).toBe(source.baseline.valueText)
          expect(row!.baseline!.note, where).toBe(source.baseline.note)
        }
        expect(row!.targets, where).toHaveLength(source.targets.length)
        source.targets.forEach((target, i) => {
          const stored = row!.targets[i]!
          expect(stored.year, `${where} target ${i}`).toBe(target.year)
          expect(stored.op, `${where} target ${i}`).toBe(target.op)
          expect(stored.value, `${where} target ${i}`).toBe(target.value)
          expect(stored.valueText, `${where} target ${i}`).toBe(target.valueText)
        })
        if (source.actual === undefined) expect(row!.printedActual, where).toBeNull()
        else {
          expect(row!.printedActual!.year, where).toBe(source.actual.year)
          expect(row!.printedActual!.value, where).toBe(source.actual.value)
          expect(row!.printedActual!.valueText, where).toBe(source.actual.valueText)
          expect(row!.printedActual!.note, where).toBe(source.actual.note)
        }
        expect(row!.formula, where).toBeNull()
      }
    }
  })

  it('keeps the awkward cells: "＞8" as a strict operator, starred 2019 figures, "/" and "-" as no value', async () => {
    const rows = await handle.db.select().from(indicators)
    const byCode = new Map(rows.map((r) => [r.code, r]))
    expect(byCode.get('HS14-10')!.baseline).toEqual({
      year: 2019,
      value: 86,
      valueText: '86*（总数375）',
      note: '2019年数据',
    })
    expect(byCode.get('HS14-13')!.baseline!.value).toBe(-2.1)
    expect(byCode.get('DY-17')!.baseline).toMatchObject({ value: null, valueText: '/' })
    expect(byCode.get('DY-23')).toMatchObject({ direction: 'lower', unit: '吨标准煤/万元' })
    expect(byCode.get('DY-23')!.targets.every((t) => t.op === '<=')).toBe(true)
    expect(rows.some((r) => r.targets.some((t) => t.op === '>' && t.value === 8))).toBe(true)
  })
})

describe('seeding again', () => {
  it('adds nothing and keeps the stable ids', async () => {
    const before = await handle.db.select({ id: indicators.id }).from(indicators).orderBy(asc(indicators.id))
    const again = await seedDatabase(handle.db, { force: true })
    expect(again).toEqual({
      orgUnitsAdded: 0,
      plansAdded: 0,
      indicatorsAdded: 0,
      observationsAdded: 0,
      tasksAdded: 0,
      institutionsAdded: 0,
      enterprisesAdded: 0,
      qualificationsAdded: 0,
      platformsAdded: 0,
      techNeedsAdded: 0,
    })
    expect(
      await handle.db.select({ id: indicators.id }).from(indicators).orderBy(asc(indicators.id)),
    ).toEqual(before)
  })
})

describe('computed sources of indicators', () => {
  const seeded = buildSeedPlans(buildSeedOrgUnits()).indicators

  it('gives each register metric only to an indicator of the same unit', () => {
    const withMetric = seeded.filter((i) => i.registerMetric !== null)
    for (const indicator of withMetric)
      expect(REGISTER_METRICS[indicator.registerMetric!].unit, indicator.code).toBe(indicator.unit)
  })

  it('computes 技术合同成交额 from the contract registry in each plan', () => {
    expect(
      seeded.filter((i) => i.registerMetric?.startsWith('tech_contract_amount')).map((i) => i.code),
    ).toEqual(['HS13-14', 'HS14-19', 'DY-19'])
  })
})

describe('aggregation of each indicator', () => {
  const byCode = new Map(buildSeedPlans(buildSeedOrgUnits()).indicators.map((i) => [i.code, i]))

  it('sums money flows and yearly counts of applications', () => {
    for (const code of ['DY-01', 'DY-19', 'HS13-14', 'HS14-19', 'DY-17'])
      expect(byCode.get(code)!.aggregation, code).toBe('sum')
  })

  it('takes the latest value of counts of enterprises, platforms and people', () => {
    for (const code of ['DY-15', 'DY-24', 'HS13-07', 'HS14-02', 'DY-13'])
      expect(byCode.get(code)!.aggregation, code).toBe('last')
  })

  it('never sums or carries ratios, shares and per-person figures', () => {
    for (const code of ['DY-02', 'DY-18', 'DY-22', 'DY-23', 'HS14-07', 'HS14-08', 'HS14-10', 'HS13-05'])
      expect(byCode.get(code)!.aggregation, code).toBe('none')
  })

  it('classifies all 61 indicators: 8 flows, 22 stocks, 31 ratios', () => {
    const counts = { sum: 0, last: 0, none: 0, average: 0 }
    for (const indicator of byCode.values()) counts[indicator.aggregation]++
    expect(counts).toEqual({ sum: 8, last: 22, none: 31, average: 0 })
    expect(aggregationOf({ name: '居民人均可支配收入', unit: '元' })).toBe('none')
  })
})
