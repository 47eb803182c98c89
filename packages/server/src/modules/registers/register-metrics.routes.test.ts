import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Observation } from '@kechuang/core/indicators'
import type { RegisterValueList } from '@kechuang/core/registers'
import { queryRows } from '@kechuang/db'
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
      ['DY-24', 'tsme_count'],
    ])
    expect(body.items[0]).toMatchObject({ metricLabel: '高新技术企业数', note: '由创新主体库计算' })
    expect(Date.parse(body.items[0]!.computedAt)).not.toBeNaN()
    const [mapped] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from indicators where register_metric is not null`,
    )
    expect(mapped!.n).toBe(11)
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
      message: '该指标没有对应的创新主体库计算口径',
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
