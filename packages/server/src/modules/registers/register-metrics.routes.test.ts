import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Observation } from '@kechuang/core/indicators'
import type { RegisterValueList } from '@kechuang/core/registers'
import { queryRows } from '@kechuang/db'
import { techContracts } from '@kechuang/db/tables'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'
import {
  createTestRegion,
  insertEnterprise,
  insertEnterpriseRecords,
  insertPlatform,
} from './libraries.factories'

// The real app on a fresh seeded database. Values are compared before and after inserting rows, so whatever
// enterprises the seed holds do not matter.
let t: TestApp
let admin: TestClient
let townReporter: TestClient
let town: { id: string; path: string }
const DAYE = '/api/plans/daye-2022-2024'

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  town = await createTestRegion(t, admin, '大冶市', '计算值测试镇')
  townReporter = await createUserAndLogin(t, admin, {
    username: 'metric-town-reporter',
    role: 'reporter',
    scopeOrgUnitId: town.id,
  })
})
afterAll(() => t.close())

async function valueOf(client: TestClient, code: string, query = 'year=2024') {
  const response = await client.get(`${DAYE}/register-values?${query}`)
  expect(response.statusCode).toBe(200)
  const body = response.json() as RegisterValueList
  return { body, item: body.items.find((i) => i.indicatorCode === code)! }
}

describe('register values of M1 indicators', () => {
  it('offers a computed value for the indicators the seed maps to a register metric', async () => {
    const { body } = await valueOf(admin, 'DY-15')
    expect(body.orgUnit.name).toBe('大冶市')
    expect(body.items.map((i) => [i.indicatorCode, i.metric])).toEqual([
      ['DY-15', 'hnte_count'],
      ['DY-19', 'tech_contract_amount_10k'],
      ['DY-24', 'tsme_count'],
    ])
    expect(body.items[0]).toMatchObject({
      metricLabel: '高新技术企业数',
      source: '创新主体库',
      note: '由创新主体库计算',
    })
    expect(body.items[1]).toMatchObject({ source: '技术合同登记', note: '由技术合同登记计算' })
    expect(Date.parse(body.items[0]!.computedAt)).not.toBeNaN()
    const [mapped] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from indicators where register_metric is not null`,
    )
    expect(mapped!.n).toBe(14)
  })

  it('rises by one when a 高企 qualification valid on 31 Dec is added for an enterprise in 大冶市', async () => {
    const before = (await valueOf(admin, 'DY-15')).item.value
    const before2023 = (await valueOf(admin, 'DY-15', 'year=2023')).item.value
    const id = await insertEnterprise(t.database.db, town.id, '新认定高企有限公司', {
      foundedOn: '2015-01-01',
      qualifications: [],
      years: [],
      ip: [],
    })
    expect((await valueOf(admin, 'DY-15')).item.value).toBe(before)
    await insertEnterpriseRecords(t.database.db, id, {
      qualifications: [
        { type: 'hnte', status: 'held', validFrom: '2024-11-20', validTo: '2027-11-19', year: null },
      ],
      years: [],
      ip: [],
    })
    expect((await valueOf(admin, 'DY-15')).item.value).toBe(before + 1)
    // Not yet valid on 31 Dec 2023, and a target (争创) never counts.
    expect((await valueOf(admin, 'DY-15', 'year=2023')).item.value).toBe(before2023)
    const tsme = (await valueOf(admin, 'DY-24')).item.value
    await insertEnterpriseRecords(t.database.db, id, {
      qualifications: [{ type: 'tsme', status: 'target', validFrom: null, validTo: null, year: 2024 }],
      years: [],
      ip: [],
    })
    expect((await valueOf(admin, 'DY-24')).item.value).toBe(tsme)
  })

  it('counts for the unit asked for: the test township holds exactly its own enterprise', async () => {
    const { body, item } = await valueOf(admin, 'DY-15', `year=2024&orgUnitId=${town.id}`)
    expect(body.orgUnit.id).toBe(town.id)
    expect(item.value).toBe(1)
    // A reporter of the township sees its own unit's values by default, not the county's.
    const own = await valueOf(townReporter, 'DY-15')
    expect(own.body.orgUnit.id).toBe(town.id)
    expect(own.item.value).toBe(1)
  })

  it('counts built provincial platforms by their approval date in the Huangshi plans', async () => {
    const path = '/api/plans/huangshi-14th/register-values?year=2023'
    const read = async () =>
      ((await admin.get(path)).json() as RegisterValueList).items.find((i) => i.indicatorCode === 'HS14-16')!
        .value
    const before = await read()
    await insertPlatform(t.database.db, {
      regionId: town.id,
      name: '测试众创空间',
      type: 'maker_space',
      status: 'built',
      level: 'provincial',
      approvedOn: '2023-06-01',
    })
    await insertPlatform(t.database.db, {
      regionId: town.id,
      name: '测试孵化器（市级）',
      type: 'incubator',
      status: 'built',
      level: 'municipal',
    })
    await insertPlatform(t.database.db, {
      regionId: town.id,
      name: '测试星创天地（2024年认定）',
      type: 'star_innovation_base',
      status: 'built',
      level: 'provincial',
      approvedOn: '2024-03-01',
    })
    expect(await read()).toBe(before + 1)
  })
})

describe('技术合同成交额 from the contract registry', () => {
  // Rows go in directly: the registry's own API is tested in the marketplace module.
  async function insertContract(values: {
    number: string
    amount: number
    signedOn: string
    regionId: string
  }) {
    await t.database.db.insert(techContracts).values({
      registrationNumber: values.number,
      title: '锂电池正极材料技术开发合同',
      type: 'development',
      amountWanYuan: values.amount,
      sellerName: '湖北理工学院',
      buyerName: '大冶某新能源有限公司',
      signedOn: values.signedOn,
      regionOrgUnitId: values.regionId,
    })
  }

  it('sums the live contracts signed in the year in the region and below, in the indicator unit', async () => {
    const { body: daye } = await valueOf(admin, 'DY-19', 'year=2025')
    const dayeId = daye.orgUnit.id
    const before = (await valueOf(admin, 'DY-19', 'year=2025')).item.value
    const beforeTown = (await valueOf(admin, 'DY-19', `year=2025&orgUnitId=${town.id}`)).item.value
    await insertContract({ number: 'M-2025-1', amount: 0.1, signedOn: '2025-01-01', regionId: town.id })
    await insertContract({ number: 'M-2025-2', amount: 0.2, signedOn: '2025-12-31', regionId: dayeId })
    await insertContract({ number: 'M-2024-1', amount: 500, signedOn: '2024-12-31', regionId: town.id })
    await insertContract({ number: 'M-2026-1', amount: 700, signedOn: '2026-01-01', regionId: town.id })
    await t.database.db.insert(techContracts).values({
      registrationNumber: 'M-2025-deleted',
      title: '已撤销的合同',
      type: 'service',
      amountWanYuan: 1000,
      sellerName: '甲',
      buyerName: '乙',
      signedOn: '2025-06-01',
      regionOrgUnitId: town.id,
      deletedAt: new Date(),
    })
    // Exact decimals: 0.1 + 0.2 万元 is 0.3, not 0.30000000000000004.
    expect((await valueOf(admin, 'DY-19', 'year=2025')).item.value).toBe(Number((before + 0.3).toFixed(4)))
    expect((await valueOf(admin, 'DY-19', `year=2025&orgUnitId=${town.id}`)).item.value).toBe(
      beforeTown + 0.1,
    )
  })

  it("converts to 亿元 for Huangshi's indicator", async () => {
    const read = async () => {
      const response = await admin.get('/api/plans/huangshi-14th/register-values?year=2023')
      expect(response.statusCode).toBe(200)
      return (response.json() as RegisterValueList).items.find((i) => i.indicatorCode === 'HS14-19')!
    }
    const before = await read()
    expect(before).toMatchObject({ metric: 'tech_contract_amount_100m', source: '技术合同登记' })
    await insertContract({
      number: 'M-2023-1',
      amount: 12_345.6789,
      signedOn: '2023-05-01',
      regionId: town.id,
    })
    expect((await read()).value).toBeCloseTo(before.value + 1.23456789, 8)
  })
})

describe('POST /plans/:planId/register-values/adopt', () => {
  it('saves the value computed now as an observation of kind computed, with source and note', async () => {
    const { item } = await valueOf(admin, 'DY-15', `year=2024&orgUnitId=${town.id}`)
    const response = await admin.post(`${DAYE}/register-values/adopt`, {
      indicatorCode: 'DY-15',
      year: 2024,
      orgUnitId: town.id,
    })
    expect(response.statusCode).toBe(201)
    const saved = response.json() as Observation
    expect(saved).toMatchObject({
      indicatorCode: 'DY-15',
      orgUnitId: town.id,
      year: 2024,
      value: item.value,
      kind: 'computed',
      source: '创新主体库',
    })
    expect(saved.note).toMatch(/^由创新主体库计算：高新技术企业数（计算于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）$/)
    const current = (await admin.get(`${DAYE}/observations?orgUnitId=${town.id}&year=2024`)).json() as {
      items: Observation[]
    }
    expect(current.items.find((o) => o.indicatorCode === 'DY-15')).toMatchObject({
      kind: 'computed',
      value: item.value,
    })
  })

  it('refuses an indicator without a register metric and an unknown one, saving nothing', async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from observations`))[0]!.n
    const before = await count()
    const without = await admin.post(`${DAYE}/register-values/adopt`, { indicatorCode: 'DY-01', year: 2024 })
    expect(without.statusCode).toBe(422)
    expect(without.json()).toMatchObject({
      code: 'INDICATOR_WITHOUT_METRIC',
      message: '该指标没有对应的计算口径（创新主体库或技术合同登记）',
    })
    const unknown = await admin.post(`${DAYE}/register-values/adopt`, { indicatorCode: 'DY-99', year: 2024 })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toMatchObject({ code: 'INDICATOR_NOT_FOUND', message: '该规划中没有这个指标' })
    const outside = await admin.post(`${DAYE}/register-values/adopt`, { indicatorCode: 'DY-15', year: 2030 })
    expect(outside.statusCode).toBe(422)
    expect((outside.json() as { message: string }).message).toContain('不在本规划的年份范围内')
    expect(await count()).toBe(before)
  })
})
