import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, tables } from '@kechuang/db'
import { buildSeedOrgUnits, buildSeedPlans } from '@kechuang/db/seed'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'

// The real app on a fresh seeded database; users are created through the API.
let t: TestApp
let admin: TestClient
let dayeStaff: TestClient
let townReporter: TestClient
let yangxinReporter: TestClient
let leader: TestClient
let dayeId: string
let townId: string
let otherTownId: string
let yangxinId: string
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  dayeId = await t.orgUnitId('大冶市')
  townId = await t.orgUnitId('还地桥镇')
  otherTownId = await t.orgUnitId('陈贵镇')
  yangxinId = await t.orgUnitId('阳新县')
  dayeStaff = await createUserAndLogin(t, admin, {
    username: 'daye-staff',
    displayName: '大冶科技局',
    role: 'bureau_staff',
    scopeOrgUnitId: dayeId,
  })
  townReporter = await createUserAndLogin(t, admin, {
    username: 'hdq-reporter',
    displayName: '还地桥填报员',
    role: 'reporter',
    scopeOrgUnitId: townId,
  })
  yangxinReporter = await createUserAndLogin(t, admin, {
    username: 'yx-reporter',
    role: 'reporter',
    scopeOrgUnitId: yangxinId,
  })
  leader = await createUserAndLogin(t, admin, {
    username: 'daye-leader',
    role: 'leader',
    scopeOrgUnitId: dayeId,
  })
})
afterAll(() => t.close())

const DAYE = '/api/plans/daye-2022-2024'

type Observation = {
  id: string
  indicatorCode: string
  orgUnitId: string
  orgUnitName: string
  year: number
  value: number
  source: string
  note: string | null
  revision: number
  kind: string
  enteredByName: string
  supersededAt: string | null
}
type Body = { code: string; message: string; details?: { path: string; message: string }[] }

/** Row counts of every table a rejected request could have touched. */
async function counts() {
  const rows = await queryRows<Record<string, number>>(
    t.database.db,
    sql`select (select count(*) from observations)::int as observations,
               (select count(*) from period_locks)::int as period_locks,
               (select count(*) from task_progress_reports)::int as task_progress_reports,
               (select count(*) from audit_log)::int as audit_log`,
  )
  return rows[0]!
}

async function expectRejected(
  send: () => Promise<{ statusCode: number; json(): unknown }>,
  status: number,
  code: string,
  message: RegExp,
): Promise<Body> {
  const before = await counts()
  const response = await send()
  const body = response.json() as Body
  expect(response.statusCode, JSON.stringify(body)).toBe(status)
  expect(body.code).toBe(code)
  expect(body.message).toMatch(message)
  expect(await counts()).toEqual(before)
  return body
}

const entry = (overrides: Record<string, unknown> = {}) => ({
  indicatorCode: 'DY-24',
  orgUnitId: townId,
  year: 2023,
  value: 18,
  source: '还地桥镇科技型中小企业入库名单（2023年）',
  ...overrides,
})

describe('plans', () => {
  it('lists the three seeded plans with their region and counts', async () => {
    const response = await admin.get('/api/plans')
    expect(response.statusCode).toBe(200)
    const items = response.json().items as { id: string; regionName: string; indicatorCount: number }[]
    expect(items.map((p) => [p.id, p.regionName, p.indicatorCount])).toEqual([
      ['huangshi-13th', '黄石市', 15],
      ['huangshi-14th', '黄石市', 20],
      ['daye-2022-2024', '大冶市', 26],
    ])
    expect(response.json().items[2]).toMatchObject({ startYear: 2022, endYear: 2024, taskCount: 29 })
  })

  it('shows every indicator of the three plans exactly as printed', async () => {
    const definitions = buildSeedPlans(buildSeedOrgUnits()).definitions
    for (const plan of definitions) {
      const detail = (await admin.get(`/api/plans/${plan.id}`)).json()
      expect(detail.name).toBe(plan.name)
      expect(detail.regionName).toBe(plan.region)
      expect(detail.categories).toEqual(plan.categories)
      expect(detail.notes).toEqual(plan.notes)
      expect(detail.indicators).toHaveLength(plan.indicators.length)
      plan.indicators.forEach((printed, i) => {
        const shown = detail.indicators[i]
        const { actuals: _actuals, id: _id, entryYears: _years, ...definition } = shown
        expect(definition, printed.code).toEqual(printed)
      })
    }
  })

  it('places the reported figures against Daye’s plan: 高新技术企业数 243 in 2022', async () => {
    const detail = (await admin.get(DAYE)).json()
    expect(detail.valuesOrgUnit).toEqual({ id: dayeId, name: '大冶市' })
    const hnte = detail.indicators.find((i: { code: string }) => i.code === 'DY-15')
    expect(hnte.targets[0]).toEqual({ year: 2022, op: '>=', value: 248, valueText: '248' })
    expect(hnte.entryYears).toEqual({ from: 2021, to: 2024 })
    expect(hnte.actuals.map((o: Observation) => [o.year, o.value])).toEqual([
      [2021, 197],
      [2022, 243],
    ])
    expect(hnte.actuals[1].source).toMatch(/^“2022年全市高企数量达到243家/)
  })

  it('shows a town reporter the county’s plan with its own town’s values', async () => {
    const detail = (await townReporter.get(DAYE)).json()
    expect(detail.valuesOrgUnit).toEqual({ id: townId, name: '还地桥镇' })
    expect(detail.indicators).toHaveLength(26)
  })

  it('hides a plan from a reader neither above nor inside its region, like a missing plan', async () => {
    const items = (await yangxinReporter.get('/api/plans')).json().items as { id: string }[]
    expect(items.map((p) => p.id)).toEqual(['huangshi-13th', 'huangshi-14th'])
    const response = await yangxinReporter.get(DAYE)
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({
      code: 'PLAN_NOT_FOUND',
      message: '规划不存在或不在您的管辖范围内',
    })
    expect((await admin.get('/api/plans/no-such-plan')).json().code).toBe('PLAN_NOT_FOUND')
  })

  it('refuses a malformed plan id and an unknown query parameter', async () => {
    expect((await admin.get('/api/plans/Daye_2022')).json().code).toBe('VALIDATION_FAILED')
    const response = await admin.get(`${DAYE}?unit=x`)
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toMatch(/未知的键.*unit/)
  })

  it('is closed to accounts without the plan permission', async () => {
    const enterprise = await createUserAndLogin(t, admin, {
      username: 'some-enterprise',
      role: 'enterprise',
      scopeOrgUnitId: dayeId,
    })
    await expectRejected(() => enterprise.get('/api/plans'), 403, 'FORBIDDEN', /没有执行此操作的权限/)
  })
})

describe('reporting a value', () => {
  let first: Observation

  it('saves a town’s value as revision 1, audited', async () => {
    const response = await townReporter.post(`${DAYE}/observations`, entry())
    expect(response.statusCode).toBe(201)
    first = response.json()
    expect(first).toMatchObject({
      indicatorCode: 'DY-24',
      orgUnitId: townId,
      orgUnitName: '还地桥镇',
      year: 2023,
      value: 18,
      revision: 1,
      kind: 'reported',
      note: null,
      enteredByName: '还地桥填报员',
      supersededAt: null,
    })
    const audit = (await admin.get(`/api/audit?entityType=observation&pageSize=50`)).json().items
    expect(audit[0]).toMatchObject({ action: 'create', before: null, after: { id: first.id, value: 18 } })
  })

  it('keeps every revision: a second save supersedes the first, audited with before and after', async () => {
    const response = await townReporter.post(`${DAYE}/observations`, entry({ value: 21, note: '更正' }))
    expect(response.statusCode).toBe(201)
    const second = response.json() as Observation
    expect(second).toMatchObject({ revision: 2, value: 21, note: '更正' })

    const revisions = (await townReporter.get(`/api/observations/${first.id}/revisions`)).json().items
    expect(revisions.map((o: Observation) => [o.revision, o.value, o.supersededAt === null])).toEqual([
      [2, 21, true],
      [1, 18, false],
    ])
    const current = (await townReporter.get(`${DAYE}/observations?year=2023`)).json().items
    expect(current.map((o: Observation) => [o.indicatorCode, o.orgUnitName, o.value])).toEqual([
      ['DY-24', '还地桥镇', 21],
    ])
    const audit = (await admin.get(`/api/audit?entityType=observation&pageSize=50`)).json().items
    expect(audit[0]).toMatchObject({
      action: 'update',
      before: { value: 18, revision: 1 },
      after: { value: 21, revision: 2 },
    })
  })

  it('lets the county bureau correct the county’s own figure; the seeded one stays as revision 1', async () => {
    const response = await dayeStaff.post(
      `${DAYE}/observations`,
      entry({ indicatorCode: 'DY-15', orgUnitId: dayeId, year: 2022, value: 244, source: '市科技局统计' }),
    )
    expect(response.json()).toMatchObject({ revision: 2, value: 244 })
    const revisions = (await dayeStaff.get(`/api/observations/${response.json().id}/revisions`)).json().items
    expect(revisions[1]).toMatchObject({ value: 243, enteredByName: '系统（初始数据）' })
  })

  it('shows the county all its units’ current values and a town only its own', async () => {
    const all = (await dayeStaff.get(`${DAYE}/observations?year=2023`)).json().items as Observation[]
    expect(all.some((o) => o.orgUnitId === townId)).toBe(true)
    const own = (await townReporter.get(`${DAYE}/observations`)).json().items as Observation[]
    expect(own.length).toBeGreaterThan(0)
    expect(own.every((o) => o.orgUnitId === townId)).toBe(true)
  })

  it('answers a value outside the scope like a missing one', async () => {
    const countyValue = (await admin.get(`${DAYE}/observations?orgUnitId=${dayeId}`)).json().items[0]
    await expectRejected(
      () => townReporter.get(`/api/observations/${countyValue.id}/revisions`),
      404,
      'OBSERVATION_NOT_FOUND',
      /不存在或不在您的管辖范围内/,
    )
    await expectRejected(
      () => townReporter.get(`${DAYE}/observations?orgUnitId=${dayeId}`),
      404,
      'ORG_UNIT_NOT_FOUND',
      /不在您的管辖范围内/,
    )
  })
})

describe('a value is refused with a Chinese message and nothing changes', () => {
  it('for a unit outside the reporter’s scope, like a unit that does not exist', async () => {
    await expectRejected(
      () => townReporter.post(`${DAYE}/observations`, entry({ orgUnitId: otherTownId })),
      404,
      'ORG_UNIT_NOT_FOUND',
      /^组织机构不存在或不在您的管辖范围内$/,
    )
  })

  it('for a plan the reporter cannot see', async () => {
    await expectRejected(
      () => yangxinReporter.post(`${DAYE}/observations`, entry({ orgUnitId: yangxinId })),
      404,
      'PLAN_NOT_FOUND',
      /规划不存在/,
    )
  })

  it('for a unit outside the plan’s region', async () => {
    await expectRejected(
      () => admin.post(`${DAYE}/observations`, entry({ orgUnitId: yangxinId })),
      422,
      'ORG_UNIT_OUTSIDE_PLAN',
      /^「阳新县」不在本规划的实施范围（大冶市）内$/,
    )
  })

  it('for a year outside the plan, naming the years', async () => {
    await expectRejected(
      () => townReporter.post(`${DAYE}/observations`, entry({ year: 2025 })),
      422,
      'YEAR_OUTSIDE_PLAN',
      /^年份 2025 不在本规划的年份范围内（2021—2024 年）$/,
    )
    await expectRejected(
      () => townReporter.post(`${DAYE}/observations`, entry({ year: 2020 })),
      422,
      'YEAR_OUTSIDE_PLAN',
      /2020/,
    )
  })

  it('for a derived indicator, whose values are computed', async () => {
    await t.database.db.insert(tables.indicators).values({
      planId: 'daye-2022-2024',
      code: 'DY-X1',
      order: 99,
      category: '创新投入',
      name: '测试用派生指标',
      printedName: '测试用派生指标（%）',
      unit: '%',
      nature: 'expected',
      direction: 'higher',
      aggregation: 'none',
      baseline: null,
      targets: [],
      printedActual: null,
      formula: { kind: 'ratio', numerator: 'DY-01', denominator: 'DY-22', factor: 100 },
    })
    await expectRejected(
      () => townReporter.post(`${DAYE}/observations`, entry({ indicatorCode: 'DY-X1' })),
      422,
      'INDICATOR_DERIVED',
      /由公式计算得出，不能直接填报/,
    )
  })

  it('for an indicator the plan does not have', async () => {
    await expectRejected(
      () => townReporter.post(`${DAYE}/observations`, entry({ indicatorCode: 'HS14-01' })),
      404,
      'INDICATOR_NOT_FOUND',
      /该规划中没有这个指标/,
    )
  })

  it('for an unknown field, a wrong type and a missing source', async () => {
    const unknown = await expectRejected(
      () => townReporter.post(`${DAYE}/observations`, entry({ approved: true })),
      400,
      'VALIDATION_FAILED',
      /未知的键.*approved/,
    )
    expect(unknown.details).toBeDefined()
    const wrongType = await expectRejected(
      () => townReporter.post(`${DAYE}/observations`, entry({ value: '十八' })),
      400,
      'VALIDATION_FAILED',
      /数值必须是数字/,
    )
    expect(wrongType.details![0]!.path).toBe('value')
    await expectRejected(
      () => townReporter.post(`${DAYE}/observations`, entry({ source: '  ' })),
      400,
      'VALIDATION_FAILED',
      /数据来源不能为空/,
    )
    await expectRejected(
      () => townReporter.post(`${DAYE}/observations`, entry({ year: 2023.5 })),
      400,
      'VALIDATION_FAILED',
      /年份必须是整数/,
    )
  })

  it('for a role that may only read', async () => {
    await expectRejected(
      () => leader.post(`${DAYE}/observations`, entry({ orgUnitId: dayeId })),
      403,
      'FORBIDDEN',
      /没有执行此操作的权限/,
    )
  })
})

describe('locking a period', () => {
  it('closes entry for the unit and every unit below it, until unlocked; both audited', async () => {
    const locked = await dayeStaff.post(`${DAYE}/locks`, { orgUnitId: dayeId, year: 2023 })
    expect(locked.statusCode).toBe(201)
    expect(locked.json()).toMatchObject({ orgUnitName: '大冶市', year: 2023, lockedByName: '大冶科技局' })

    await expectRejected(
      () => townReporter.post(`${DAYE}/observations`, entry({ value: 30 })),
      409,
      'PERIOD_LOCKED',
      /^大冶市 2023 年的数据已锁定，不能再填报；如需修改，请联系科技局解锁$/,
    )
    expect((await townReporter.get(DAYE)).json().lockedYears).toEqual([2023])
    expect((await townReporter.get(`${DAYE}/locks`)).json().items).toHaveLength(1)
    // Other years stay open.
    expect((await townReporter.post(`${DAYE}/observations`, entry({ year: 2022 }))).statusCode).toBe(201)

    const unlocked = await dayeStaff.delete(`${DAYE}/locks/${dayeId}/2023`)
    expect(unlocked.statusCode).toBe(204)
    expect((await townReporter.post(`${DAYE}/observations`, entry({ value: 30 }))).statusCode).toBe(201)

    const audit = (await admin.get(`/api/audit?entityType=period_lock&entityId=daye-2022-2024`)).json().items
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['unlock', 'lock'])
    expect(audit[0].before).toMatchObject({ orgUnitId: dayeId, year: 2023 })
  })

  it('refuses locking twice, unlocking what is not locked, and a year outside the plan', async () => {
    await dayeStaff.post(`${DAYE}/locks`, { orgUnitId: townId, year: 2022 })
    await expectRejected(
      () => dayeStaff.post(`${DAYE}/locks`, { orgUnitId: townId, year: 2022 }),
      409,
      'PERIOD_ALREADY_LOCKED',
      /已经锁定/,
    )
    await expectRejected(
      () => dayeStaff.delete(`${DAYE}/locks/${townId}/2024`),
      404,
      'LOCK_NOT_FOUND',
      /没有锁定/,
    )
    await expectRejected(
      () => dayeStaff.post(`${DAYE}/locks`, { orgUnitId: townId, year: 2030 }),
      422,
      'YEAR_OUTSIDE_PLAN',
      /2021—2024/,
    )
  })

  it('refuses a unit outside the locker’s scope, bad input and a reporter', async () => {
    await expectRejected(
      () => dayeStaff.post('/api/plans/huangshi-14th/locks', { orgUnitId: yangxinId, year: 2022 }),
      404,
      'ORG_UNIT_NOT_FOUND',
      /不在您的管辖范围内/,
    )
    await expectRejected(
      () => dayeStaff.post(`${DAYE}/locks`, { orgUnitId: dayeId, year: '二〇二三' }),
      400,
      'VALIDATION_FAILED',
      /年份必须是数字/,
    )
    await expectRejected(
      () => dayeStaff.post(`${DAYE}/locks`, { orgUnitId: dayeId, year: 2023, reason: 'x' }),
      400,
      'VALIDATION_FAILED',
      /未知的键/,
    )
    await expectRejected(
      () => townReporter.post(`${DAYE}/locks`, { orgUnitId: townId, year: 2024 }),
      403,
      'FORBIDDEN',
      /没有执行此操作的权限/,
    )
    await expectRejected(
      () => dayeStaff.delete(`${DAYE}/locks/${dayeId}/twenty`),
      400,
      'VALIDATION_FAILED',
      /年份必须是数字/,
    )
  })
})
