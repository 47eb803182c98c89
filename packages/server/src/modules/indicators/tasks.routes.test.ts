import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'

let t: TestApp
let admin: TestClient
let dayeStaff: TestClient
let techBureau: TestClient
let townReporter: TestClient
let yangxinReporter: TestClient
let dayeId: string
let techBureauId: string
let economyBureauId: string
let townId: string
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  dayeId = await t.orgUnitId('大冶市')
  techBureauId = await t.orgUnitId('市科技局')
  economyBureauId = await t.orgUnitId('市经信局')
  townId = await t.orgUnitId('还地桥镇')
  dayeStaff = await createUserAndLogin(t, admin, {
    username: 'daye-staff',
    role: 'bureau_staff',
    scopeOrgUnitId: dayeId,
  })
  techBureau = await createUserAndLogin(t, admin, {
    username: 'kjj-reporter',
    displayName: '市科技局填报员',
    role: 'reporter',
    scopeOrgUnitId: techBureauId,
  })
  townReporter = await createUserAndLogin(t, admin, {
    username: 'hdq-reporter',
    role: 'reporter',
    scopeOrgUnitId: townId,
  })
  yangxinReporter = await createUserAndLogin(t, admin, {
    username: 'yx-reporter',
    role: 'reporter',
    scopeOrgUnitId: await t.orgUnitId('阳新县'),
  })
})
afterAll(() => t.close())

type UnitProgress = {
  orgUnitId: string
  orgUnitName: string
  latest: { year: number; percentDone: number; text: string } | null
  missingReportYears: number[]
  overdueYears: number[]
}
type Task = { id: string; item: string; responsibleUnits: string[]; progress: UnitProgress[] }

const tasksOf = async (client: TestClient) =>
  (await client.get('/api/plans/daye-2022-2024/tasks')).json().items as Task[]

async function counts() {
  const rows = await queryRows<Record<string, number>>(
    t.database.db,
    sql`select (select count(*) from task_progress_reports)::int as reports,
               (select count(*) from audit_log)::int as audit_log`,
  )
  return rows[0]!
}

async function expectRejected(
  send: () => Promise<{ statusCode: number; json(): unknown }>,
  status: number,
  code: string,
  message: RegExp,
) {
  const before = await counts()
  const response = await send()
  const body = response.json() as { code: string; message: string }
  expect(response.statusCode, JSON.stringify(body)).toBe(status)
  expect(body.code).toBe(code)
  expect(body.message).toMatch(message)
  expect(await counts()).toEqual(before)
}

const report = (overrides: Record<string, unknown> = {}) => ({
  orgUnitId: techBureauId,
  year: 2022,
  text: '组织龙头企业与高校联合攻关，实施关键核心技术攻关 6 项',
  percentDone: 100,
  ...overrides,
})

describe('tasks of a plan', () => {
  it('lists Daye’s 29 tasks with milestones, and flags every ended milestone year nobody reported on', async () => {
    const tasks = await tasksOf(dayeStaff)
    expect(tasks).toHaveLength(29)
    const t04 = tasks.find((task) => task.id === 'DY-T04')!
    expect(t04.item).toBe('科技攻关产业核心技术')
    expect(t04.progress.map((p) => p.orgUnitName)).toEqual(
      expect.arrayContaining(['市科技局', '市经信局', '黄石大冶湖高新区']),
    )
    // The schedule's years 2022–2024 have all ended.
    for (const unit of t04.progress) {
      expect(unit.latest).toBeNull()
      expect(unit.missingReportYears).toEqual([2022, 2023, 2024])
      expect(unit.overdueYears).toEqual([2022, 2023, 2024])
    }
  })

  it('has no tasks for the Huangshi plans, whose schedules are not in the dataset', async () => {
    expect((await admin.get('/api/plans/huangshi-14th/tasks')).json().items).toEqual([])
  })

  it('shows a department only its own progress', async () => {
    const tasks = await tasksOf(techBureau)
    expect(tasks).toHaveLength(29)
    const own = tasks.flatMap((task) => task.progress)
    expect(own.length).toBe(28)
    expect(own.every((p) => p.orgUnitId === techBureauId)).toBe(true)
  })
})

describe('reporting task progress', () => {
  it('records a responsible unit’s report, audited, and clears the flags of that year', async () => {
    const response = await techBureau.post('/api/tasks/DY-T04/progress', report())
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({
      taskId: 'DY-T04',
      orgUnitName: '市科技局',
      year: 2022,
      percentDone: 100,
      reportedByName: '市科技局填报员',
    })
    await techBureau.post(
      '/api/tasks/DY-T04/progress',
      report({ year: 2023, percentDone: 60, text: '推进中' }),
    )

    const t04 = (await tasksOf(techBureau)).find((task) => task.id === 'DY-T04')!
    expect(t04.progress).toHaveLength(1)
    expect(t04.progress[0]).toMatchObject({
      latest: { year: 2023, percentDone: 60 },
      missingReportYears: [2024],
      overdueYears: [2023, 2024],
    })

    const history = (await dayeStaff.get('/api/tasks/DY-T04/progress')).json().items
    expect(history.map((r: { year: number }) => r.year)).toEqual([2023, 2022])
    const audit = (await admin.get('/api/audit?entityType=task_progress&entityId=DY-T04')).json().items
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['create', 'create'])
    expect(audit[0].after).toMatchObject({ year: 2023, percentDone: 60 })
  })

  it('lets the county bureau report on behalf of a responsible department', async () => {
    const response = await dayeStaff.post(
      '/api/tasks/DY-T04/progress',
      report({ orgUnitId: economyBureauId }),
    )
    expect(response.statusCode).toBe(201)
    expect(response.json().orgUnitName).toBe('市经信局')
  })

  it('refuses a unit that is not responsible for the task, naming both', async () => {
    await expectRejected(
      () => townReporter.post('/api/tasks/DY-T04/progress', report({ orgUnitId: townId })),
      422,
      'NOT_RESPONSIBLE_UNIT',
      /^「还地桥镇」不是任务「科技攻关产业核心技术」的责任单位$/,
    )
  })

  it('refuses a unit outside the reporter’s scope, like a unit that does not exist', async () => {
    await expectRejected(
      () => techBureau.post('/api/tasks/DY-T04/progress', report({ orgUnitId: economyBureauId })),
      404,
      'ORG_UNIT_NOT_FOUND',
      /不存在或不在您的管辖范围内/,
    )
    await expectRejected(
      () => techBureau.get(`/api/tasks/DY-T04/progress?orgUnitId=${economyBureauId}`),
      404,
      'ORG_UNIT_NOT_FOUND',
      /不在您的管辖范围内/,
    )
  })

  it('refuses a task that does not exist or whose plan the reporter cannot see', async () => {
    await expectRejected(
      () => techBureau.post('/api/tasks/DY-T99/progress', report()),
      404,
      'TASK_NOT_FOUND',
      /任务不存在/,
    )
    await expectRejected(
      () => yangxinReporter.get('/api/tasks/DY-T04/progress'),
      404,
      'TASK_NOT_FOUND',
      /任务不存在/,
    )
  })

  it('refuses a year outside the schedule and a locked period', async () => {
    await expectRejected(
      () => techBureau.post('/api/tasks/DY-T04/progress', report({ year: 2021 })),
      422,
      'YEAR_OUTSIDE_PLAN',
      /（2022—2024 年）/,
    )
    await dayeStaff.post('/api/plans/daye-2022-2024/locks', { orgUnitId: dayeId, year: 2024 })
    await expectRejected(
      () => techBureau.post('/api/tasks/DY-T04/progress', report({ year: 2024 })),
      409,
      'PERIOD_LOCKED',
      /大冶市 2024 年的数据已锁定/,
    )
  })

  it('refuses bad input: percent over 100, empty text, unknown fields, a malformed task id', async () => {
    await expectRejected(
      () => techBureau.post('/api/tasks/DY-T04/progress', report({ percentDone: 101 })),
      400,
      'VALIDATION_FAILED',
      /完成百分比不能大于 100/,
    )
    await expectRejected(
      () => techBureau.post('/api/tasks/DY-T04/progress', report({ percentDone: '一半' })),
      400,
      'VALIDATION_FAILED',
      /完成百分比必须是数字/,
    )
    await expectRejected(
      () => techBureau.post('/api/tasks/DY-T04/progress', report({ text: '' })),
      400,
      'VALIDATION_FAILED',
      /进展情况不能为空/,
    )
    await expectRejected(
      () => techBureau.post('/api/tasks/DY-T04/progress', report({ attachments: [] })),
      400,
      'VALIDATION_FAILED',
      /未知的键.*attachments/,
    )
    await expectRejected(
      () => techBureau.post('/api/tasks/dy t04/progress', report()),
      400,
      'VALIDATION_FAILED',
      /任务编号格式不正确/,
    )
  })
})
