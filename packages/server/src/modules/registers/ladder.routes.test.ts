import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  QUALIFICATION_TYPES,
  countLadderMovements,
  ladderStepInYear,
  type EnterpriseFacts,
  type LadderCounts,
  type LadderMovement,
  type QualificationFact,
} from '@kechuang/core/registers'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'
import { createTestRegion, insertEnterprise, insertEnterpriseRecords } from './libraries.factories'

// The real app on a fresh database. The enterprises live in two townships created for this file, so the seed's
// own enterprises never enter the counts; the expected steps come from the core rules (ladderStepInYear).
let t: TestApp
let admin: TestClient
let townA: { id: string; path: string }
let townB: { id: string; path: string }
let townUser: TestClient
const facts = new Map<string, EnterpriseFacts>()

const dateArb = fc
  .record({
    y: fc.integer({ min: 2018, max: 2025 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)

const qualificationArb: fc.Arbitrary<QualificationFact> = fc.record({
  type: fc.constantFrom(...QUALIFICATION_TYPES),
  status: fc.constantFrom('held' as const, 'held' as const, 'target' as const),
  validFrom: fc.option(dateArb, { nil: null }),
  validTo: fc.option(dateArb, { nil: null }),
  year: fc.option(fc.integer({ min: 2018, max: 2025 }), { nil: null }),
})

const factsArb: fc.Arbitrary<EnterpriseFacts> = fc.record({
  foundedOn: fc.option(dateArb, { nil: null }),
  qualifications: fc.array(qualificationArb, { maxLength: 3 }),
  years: fc.uniqueArray(
    fc.record({
      year: fc.integer({ min: 2018, max: 2025 }),
      rdExpenseWanYuan: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
      salesRevenueWanYuan: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
      rdStaffCount: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
    }),
    { maxLength: 3, selector: (y) => y.year },
  ),
  ip: fc.array(
    fc.record({
      ipClass: fc.constantFrom('I' as const, 'II' as const, null),
      legalStatus: fc.constantFrom('granted' as const, 'pending' as const),
      grantedOn: fc.option(dateArb, { nil: null }),
    }),
    { maxLength: 6 },
  ),
})

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  townA = await createTestRegion(t, admin, '大冶市', '梯次测试甲镇')
  townB = await createTestRegion(t, admin, '大冶市', '梯次测试乙镇')
  const samples = fc.sample(factsArb, { numRuns: 80, seed: 20261121 })
  for (const [index, sample] of samples.entries()) {
    const id = await insertEnterprise(
      t.database.db,
      index % 2 === 0 ? townA.id : townB.id,
      `梯次企业${index}`,
      sample,
    )
    facts.set(id, sample)
  }
  // A second row of one enterprise (a linked duplicate): its records count for the cluster.
  const [firstId] = [...facts.keys()]
  await t.database.db.insert((await import('@kechuang/db')).tables.enterprises).values({
    id: '00000000-0000-4000-8000-000000000001',
    canonicalId: firstId!,
    name: '梯次企业0（曾用名）',
    nameKey: '梯次企业0',
    regionOrgUnitId: townA.id,
    source: { kind: 'manual' },
  })
  const extra: Omit<EnterpriseFacts, 'foundedOn'> = {
    qualifications: [
      { type: 'hnte', status: 'held', validFrom: '2021-01-01', validTo: '2023-12-31', year: null },
    ],
    years: [],
    ip: [],
  }
  await insertEnterpriseRecords(t.database.db, '00000000-0000-4000-8000-000000000001', extra)
  const first = facts.get(firstId!)!
  facts.set(firstId!, { ...first, qualifications: [...first.qualifications, ...extra.qualifications] })
  townUser = await createUserAndLogin(t, admin, {
    username: 'ladder-town',
    role: 'bureau_staff',
    scopeOrgUnitId: townB.id,
  })
})
afterAll(() => t.close())

function expectedCounts(years: number[], ids: Iterable<string>) {
  const counts = new Map<string, number>()
  for (const id of ids) {
    for (const year of years) {
      const step = ladderStepInYear(facts.get(id)!, year)
      if (step) counts.set(`${year}/${step}`, (counts.get(`${year}/${step}`) ?? 0) + 1)
    }
  }
  return counts
}

const townIds = (index: 0 | 1) => [...facts.keys()].filter((_, i) => i % 2 === index)

describe('GET /api/registers/ladder/counts', () => {
  it('counts each step at 31 Dec of each year exactly as the core rules do, by child region', async () => {
    const daye = await t.orgUnitId('大冶市')
    const response = await admin.get(
      `/api/registers/ladder/counts?orgUnitId=${daye}&fromYear=2019&toYear=2025`,
    )
    expect(response.statusCode).toBe(200)
    const body = response.json() as LadderCounts
    expect(body.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025])
    for (const [town, index] of [
      [townA, 0],
      [townB, 1],
    ] as const) {
      const actual = new Map(
        body.byRegion.filter((r) => r.orgUnitId === town.id).map((r) => [`${r.year}/${r.step}`, r.count]),
      )
      expect(actual).toEqual(expectedCounts(body.years, townIds(index)))
    }
    // The test data are varied enough to reach most steps.
    expect(
      new Set(body.byRegion.filter((r) => r.orgUnitId === townA.id).map((r) => r.step)).size,
    ).toBeGreaterThan(3)
  })

  it('limits a user to the scope: a town sees its own counts, another town is "not found"', async () => {
    const own = await townUser.get('/api/registers/ladder/counts?fromYear=2023&toYear=2023')
    expect(own.statusCode).toBe(200)
    const body = own.json() as LadderCounts
    expect(body.region.id).toBe(townB.id)
    expect(new Map(body.totals.map((r) => [`${r.year}/${r.step}`, r.count]))).toEqual(
      expectedCounts([2023], townIds(1)),
    )
    const other = await townUser.get(
      `/api/registers/ladder/counts?orgUnitId=${townA.id}&fromYear=2023&toYear=2023`,
    )
    expect(other.statusCode).toBe(404)
    expect(other.json()).toMatchObject({
      code: 'ORG_UNIT_NOT_FOUND',
      message: '组织机构不存在或不在您的管辖范围内',
    })
  })

  it('refuses a year range that runs backwards, in Chinese', async () => {
    const response = await admin.get('/api/registers/ladder/counts?fromYear=2024&toYear=2020')
    expect(response.statusCode).toBe(400)
    expect((response.json() as { message: string }).message).toContain('起始年份不能晚于终止年份')
  })
})

describe('GET /api/registers/ladder/movement and /api/registers/ladder/enterprises', () => {
  it('counts from step → to step between two years like the core, entered and left included', async () => {
    const response = await admin.get(
      `/api/registers/ladder/movement?orgUnitId=${townA.id}&fromYear=2021&toYear=2024`,
    )
    expect(response.statusCode).toBe(200)
    const body = response.json() as LadderMovement
    const expected = countLadderMovements(
      townIds(0).map((id) => ({
        from: ladderStepInYear(facts.get(id)!, 2021),
        to: ladderStepInYear(facts.get(id)!, 2024),
      })),
    ).map((f) => ({ from: f.from ?? 'none', to: f.to ?? 'none', count: f.count }))
    const key = (f: { from: string; to: string }) => `${f.from}>${f.to}`
    expect([...body.flows].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      expected.sort((a, b) => key(a).localeCompare(key(b))),
    )
  })

  it('lists the enterprises of a cell and of a movement', async () => {
    const counts = (
      (
        await admin.get(`/api/registers/ladder/counts?orgUnitId=${townA.id}&fromYear=2023&toYear=2023`)
      ).json() as LadderCounts
    ).totals
    const cell = counts[0]!
    const list = await admin.get(
      `/api/registers/ladder/enterprises?orgUnitId=${townA.id}&year=2023&step=${cell.step}&pageSize=200`,
    )
    expect(list.statusCode).toBe(200)
    const page = list.json() as { items: { id: string; step: string }[]; total: number }
    expect(page.total).toBe(cell.count)
    for (const item of page.items) expect(ladderStepInYear(facts.get(item.id)!, 2023)).toBe(cell.step)

    const flows = (
      (
        await admin.get(`/api/registers/ladder/movement?orgUnitId=${townA.id}&fromYear=2021&toYear=2023`)
      ).json() as LadderMovement
    ).flows
    const entered = flows.find((f) => f.from === 'none')
    if (entered) {
      const moved = await admin.get(
        `/api/registers/ladder/enterprises?orgUnitId=${townA.id}&year=2023&step=${entered.to}&compareYear=2021&compareStep=none`,
      )
      expect((moved.json() as { total: number }).total).toBe(entered.count)
    }
  })

  it('refuses a drill-down into "not on the ladder" without a movement', async () => {
    const response = await admin.get('/api/registers/ladder/enterprises?year=2023&step=none')
    expect(response.statusCode).toBe(400)
    expect((response.json() as { message: string }).message).toContain('不在梯次上的企业只能在变动中查看')
  })
})
