import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_STATUS_THRESHOLDS } from '@kechuang/core/indicators'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'

// The real app on a fresh seeded database: Daye's seeded 2022 figures are judged before and after the
// bureau changes the plan's thresholds and path model.
let t: TestApp
let admin: TestClient
let dayeAdmin: TestClient
let reporter: TestClient
let leader: TestClient
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  const dayeId = await t.orgUnitId('大冶市')
  dayeAdmin = await createUserAndLogin(t, admin, {
    username: 'dy-admin',
    role: 'bureau_admin',
    scopeOrgUnitId: dayeId,
  })
  reporter = await createUserAndLogin(t, admin, {
    username: 'dy-reporter',
    role: 'reporter',
    scopeOrgUnitId: dayeId,
  })
  leader = await createUserAndLogin(t, admin, {
    username: 'dy-leader',
    role: 'leader',
    scopeOrgUnitId: dayeId,
  })
})
afterAll(() => t.close())

const DAYE = '/api/plans/daye-2022-2024'
const SETTINGS = `${DAYE}/settings`

async function settingsOf(client: TestClient, planPath = DAYE) {
  const { pathModel, statusThresholds } = (await client.get(planPath)).json()
  return { pathModel, statusThresholds }
}

// 高新技术企业数 (约束性), 2022: 243 against 248 from a 2021 baseline of 197.
async function hnte2022(client: TestClient) {
  const response = await client.get(`${DAYE}/status?year=2022`)
  expect(response.statusCode, response.body).toBe(200)
  const row = response.json().rows.find((r: { code: string }) => r.code === 'DY-15')
  return { status: row.status, statusLabel: row.statusLabel, progressRatio: row.progressRatio }
}

function expectValidationError(
  response: { statusCode: number; json(): unknown },
  path: string,
  message: RegExp,
) {
  const body = response.json() as {
    code: string
    message: string
    details: { path: string; message: string }[]
  }
  expect(response.statusCode, JSON.stringify(body)).toBe(400)
  expect(body.code).toBe('VALIDATION_FAILED')
  expect(body.message).toMatch(message)
  expect(body.details).toContainEqual({ path, message: expect.stringMatching(message) })
}

describe('GET /api/plans/:planId', () => {
  it('returns the seeded settings: linear path, default thresholds', async () => {
    expect(await settingsOf(admin)).toEqual({
      pathModel: 'linear',
      statusThresholds: DEFAULT_STATUS_THRESHOLDS,
    })
  })
})

describe('PATCH /api/plans/:planId/settings', () => {
  it('turns 高新技术企业数 2022 from 滞后 to 进度正常 when the binding 进度正常线 drops from 95% to 90%', async () => {
    expect(await hnte2022(admin)).toMatchObject({ status: 'lagging', statusLabel: '滞后' })
    const statusThresholds = { ...DEFAULT_STATUS_THRESHOLDS, binding: { onTrack: 0.9, lagging: 0.8 } }
    const response = await admin.patch(SETTINGS, { statusThresholds })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({ planId: 'daye-2022-2024', pathModel: 'linear', statusThresholds })
    const after = await hnte2022(admin)
    expect(after.progressRatio).toBeCloseTo(46 / 51, 10)
    expect(after).toMatchObject({ status: 'on_track', statusLabel: '进度正常' })
    expect(await settingsOf(admin)).toEqual({ pathModel: 'linear', statusThresholds })
  })

  it('makes it 严重滞后 when the binding 滞后线 rises above its progress ratio (0.902)', async () => {
    const statusThresholds = { ...DEFAULT_STATUS_THRESHOLDS, binding: { onTrack: 0.98, lagging: 0.95 } }
    expect((await dayeAdmin.patch(SETTINGS, { statusThresholds })).statusCode).toBe(200)
    expect(await hnte2022(admin)).toMatchObject({ status: 'seriously_lagging', statusLabel: '严重滞后' })
  })

  it('changes the path model alone, keeping the thresholds, and the status reports the path applied', async () => {
    const before = await settingsOf(admin)
    const response = await admin.patch(SETTINGS, { pathModel: 'constant_growth' })
    expect(response.statusCode, response.body).toBe(200)
    expect(await settingsOf(admin)).toEqual({ ...before, pathModel: 'constant_growth' })
    const rows = (await admin.get(`${DAYE}/status?year=2022`)).json().rows
    const hnte = rows.find((r: { code: string }) => r.code === 'DY-15')
    expect(hnte.expected.appliedModel).toBe('constant_growth')
  })

  it('records each change in the audit log with the settings before and after', async () => {
    const before = await settingsOf(admin)
    const statusThresholds = DEFAULT_STATUS_THRESHOLDS
    expect((await admin.patch(SETTINGS, { pathModel: 'linear', statusThresholds })).statusCode).toBe(200)
    const audit = (await admin.get('/api/audit?entityType=plan_settings&pageSize=50')).json().items
    expect(audit[0]).toMatchObject({
      entityType: 'plan_settings',
      entityId: 'daye-2022-2024',
      action: 'update',
      before,
      after: { pathModel: 'linear', statusThresholds },
    })
    expect(audit).toHaveLength(4)
  })

  describe('refuses bad input with a Chinese message, changing nothing', () => {
    const binding = (onTrack: number, lagging: number) => ({
      statusThresholds: { ...DEFAULT_STATUS_THRESHOLDS, binding: { onTrack, lagging } },
    })
    const cases: [string, unknown, string, RegExp][] = [
      [
        'a 滞后线 above the 进度正常线',
        binding(0.95, 0.96),
        'statusThresholds.binding.lagging',
        /滞后线（96%）不能高于进度正常线（95%）/,
      ],
      ['a line above 100%', binding(1.5, 0.8), 'statusThresholds.binding.onTrack', /进度正常线不能高于 100%/],
      ['a line below 0%', binding(0.95, -0.2), 'statusThresholds.binding.lagging', /滞后线不能低于 0%/],
      [
        'binding looser than expected',
        binding(0.85, 0.8),
        'statusThresholds.binding.onTrack',
        /约束性指标的进度正常线（85%）不能低于预期性指标的（90%）/,
      ],
      ['an unknown field', { pathModel: 'linear', colour: 'red' }, '', /未知的键.*colour/],
      ['an unknown path model', { pathModel: 'exponential' }, 'pathModel', /进度路径应为线性或等比增长/],
      ['nothing to change', {}, '', /请至少修改一项设置/],
    ]
    it.each(cases)('%s', async (_, body, path, message) => {
      const before = await settingsOf(admin)
      const auditBefore = (await admin.get('/api/audit?entityType=plan_settings&pageSize=50')).json().total
      expectValidationError(await admin.patch(SETTINGS, body), path, message)
      expect(await settingsOf(admin)).toEqual(before)
      expect((await admin.get('/api/audit?entityType=plan_settings&pageSize=50')).json().total).toBe(
        auditBefore,
      )
    })
  })

  it('forbids a reporter and a leader (403), changing nothing', async () => {
    const before = await settingsOf(admin)
    for (const client of [reporter, leader]) {
      const response = await client.patch(SETTINGS, { pathModel: 'constant_growth' })
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ code: 'FORBIDDEN', message: '您没有执行此操作的权限' })
    }
    expect(await settingsOf(admin)).toEqual(before)
  })

  it('answers "not found" for a plan whose region is outside the admin’s scope, even one it can see', async () => {
    const huangshi = '/api/plans/huangshi-14th'
    expect((await dayeAdmin.get(huangshi)).statusCode).toBe(200)
    const before = await settingsOf(admin, huangshi)
    const response = await dayeAdmin.patch(`${huangshi}/settings`, { pathModel: 'constant_growth' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({
      code: 'PLAN_NOT_FOUND',
      message: '规划不存在或不在您的管辖范围内',
    })
    expect(await settingsOf(admin, huangshi)).toEqual(before)
    expect(
      (await dayeAdmin.patch('/api/plans/no-such-plan/settings', { pathModel: 'linear' })).statusCode,
    ).toBe(404)
  })
})
