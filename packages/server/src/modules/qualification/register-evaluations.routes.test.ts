import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EnterpriseVerdicts } from '@kechuang/core/qualification'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'
import { createTestRegion } from '../registers/libraries.factories'
import { insertTestEnterprise, testYear } from './qualification.factories'

let t: TestApp
let admin: TestClient
let otherTownUser: TestClient
let enterpriseUser: TestClient
let measured: string
let unknownFounding: string

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  const town = await createTestRegion(t, admin, '大冶市', '预评价测试镇')
  const db = t.database.db
  // 研发费用 288 of 销售收入 8000 in each of 2022–2024: 3.6%, where ≥ 4% is needed (5000–20000 万元).
  measured = await insertTestEnterprise(db, {
    regionId: town.id,
    name: '甲预评价科技有限公司',
    foundedOn: '2015-03-01',
    industryCode: 'C3911',
    years: [testYear(2022), testYear(2023), testYear(2024)],
    ip: [{ type: 'invention', legalStatus: 'granted', grantedOn: '2020-01-01' }],
  })
  unknownFounding = await insertTestEnterprise(db, {
    regionId: town.id,
    name: '乙成立日期不详有限公司',
    foundedOn: null,
    years: [testYear(2024)],
  })
  otherTownUser = await createUserAndLogin(t, admin, {
    username: 'verdicts-other-town',
    role: 'bureau_staff',
    scopeOrgUnitId: await t.orgUnitId('陈贵镇'),
  })
  enterpriseUser = await createUserAndLogin(t, admin, {
    username: 'verdicts-enterprise',
    role: 'enterprise',
    scopeOrgUnitId: town.id,
  })
})
afterAll(() => t.close())

const verdictsOf = (client: TestClient, id: string, date = '2025-06-30') =>
  client.get(`/api/qualification/enterprises/${id}/verdicts?date=${date}`)

describe('GET /api/qualification/enterprises/:id/verdicts', () => {
  it('evaluates both rule sets on the register figures, with the gap in 万元 and the texts', async () => {
    const response = await verdictsOf(admin, measured)
    expect(response.statusCode).toBe(200)
    const body = response.json() as EnterpriseVerdicts
    expect(body.evaluationDate).toBe('2025-06-30')
    const [tsme, hnte] = body.evaluations
    expect(tsme?.ruleSet).toBe('tsme-2022')
    expect(tsme?.input).toMatchObject({ dataYear: 2024, salesRevenueWanYuan: 8000, residentEnterprise: true })
    expect(tsme?.verdict?.conditions.find((c) => c.id === 'TSME-C2-sales')?.status).toBe('pass')
    expect(tsme?.verdict?.conditions.find((c) => c.id === 'TSME-C1-accounting')?.status).toBe(
      'insufficient-data',
    )

    expect(hnte?.ruleSet).toBe('hnte-2016')
    expect(hnte?.problems).toEqual([])
    expect(hnte?.assumptions.join('')).toContain('居民企业')
    const rdRatio = hnte?.verdict?.conditions.find((c) => c.id === 'HNTE-5-rd-ratio')
    expect(rdRatio?.status).toBe('fail')
    // 4% of Σ销售收入 24000 is 960; Σ研发费用 is 864.
    expect(rdRatio?.gap).toEqual({ amount: 96, unit: '万元', text: '还差 96.00 万元' })
    expect(rdRatio?.explanation.zh).toContain('研发费用占比 3.60%')
    expect(hnte?.verdict?.qualified).toBe(false)
    expect(hnte?.verdict?.summary.zh.length).toBeGreaterThan(0)
    expect(hnte?.verdict?.conditions.find((c) => c.id === 'HNTE-3-tech-domain')?.status).toBe(
      'needs-judgement',
    )
  })

  it('gives no 高企 verdict when the founding date is unknown, and says why', async () => {
    const body = (await verdictsOf(admin, unknownFounding)).json() as EnterpriseVerdicts
    const hnte = body.evaluations.find((e) => e.ruleSet === 'hnte-2016')
    expect(hnte?.verdict).toBeNull()
    expect(hnte?.problems[0]?.message).toBe('注册成立日期不详，无法进行高新技术企业预评价')
    expect(body.evaluations.find((e) => e.ruleSet === 'tsme-2022')?.verdict).not.toBeNull()
  })

  it('answers 404 for an enterprise outside the caller’s region', async () => {
    const response = await verdictsOf(otherTownUser, measured)
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({
      code: 'ENTERPRISE_NOT_FOUND',
      message: '企业不存在或不在您的管辖范围内',
    })
  })

  it('refuses a role without registers:read', async () => {
    const response = await verdictsOf(enterpriseUser, measured)
    expect(response.statusCode).toBe(403)
  })

  it('rejects an invalid date with a Chinese message', async () => {
    const response = await verdictsOf(admin, measured, '2025-02-30')
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('评价日期')
  })
})
