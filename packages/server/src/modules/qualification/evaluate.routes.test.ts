import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'

// The real app on a fresh seeded database; the evaluation is the core engine's, so these tests check the HTTP
// side: texts in the response, Chinese errors with their fields, permissions, and that nothing is written.
let t: TestApp
let enterprise: TestClient
beforeAll(async () => {
  t = await createTestApp()
  const admin = await t.login()
  enterprise = await createUserAndLogin(t, admin, {
    username: 'ent-self-check',
    role: 'enterprise',
    scopeOrgUnitId: await t.orgUnitId('大冶市'),
  })
})
afterAll(() => t.close())

// Spec §2.9 W-T2: 9 科技人员 of 100 → the 科技人员 score is 0, one more person passes.
const TSME = {
  evaluationDate: '2025-05-10',
  dataYear: 2024,
  residentEnterprise: true,
  accountingSound: true,
  taxCollectionMethod: 'audit',
  totalAssetsWanYuan: 2000,
  industryRestrictedOrEliminated: false,
  industryExcludedFromRdSuperDeduction: false,
  majorIncidentOrMisconduct: false,
  onAbnormalOrSeriousDishonestList: false,
  employeeCount: 100,
  techStaffCount: 9,
  salesRevenueWanYuan: 2000,
  rdExpenseWanYuan: 110,
  costExpenseTotalWanYuan: 1900,
  ipList: [{ type: 'invention', valid: true, relatedToMainProducts: true, disputed: false }],
}

// Spec §3.7 W-H1: latest sales exactly 5000 万元 → the 5% floor, 30.00 万元 short.
const HNTE = {
  applicationDate: '2025-07-01',
  registrationDate: '2016-04-20',
  residentEnterprise: true,
  coreIpSupportConfirmed: true,
  techDomainConfirmed: true,
  majorIncidentWithinYear: false,
  participatedStandards: false,
  transformationCount3y: 12,
  ipList: [
    {
      type: 'invention',
      status: 'granted',
      ownedByApplicant: true,
      acquisition: 'self-developed',
      usedInPriorHnteApplication: false,
    },
  ],
  fiscalYears: [
    {
      year: 2022,
      salesRevenueWanYuan: 3600,
      rdExpenseWanYuan: 170,
      rdExpenseDomesticWanYuan: 170,
      netAssetsYearEndWanYuan: 2000,
    },
    {
      year: 2023,
      salesRevenueWanYuan: 4200,
      rdExpenseWanYuan: 200,
      rdExpenseDomesticWanYuan: 200,
      netAssetsYearEndWanYuan: 2300,
    },
    {
      year: 2024,
      salesRevenueWanYuan: 5000,
      rdExpenseWanYuan: 240,
      rdExpenseDomesticWanYuan: 240,
      netAssetsYearEndWanYuan: 2600,
      totalIncomeWanYuan: 5100,
      hiTechRevenueWanYuan: 4200,
      employeeCount: 60,
      techStaffCount: 15,
    },
  ],
}

type Condition = { id: string; status: string; gap?: { text: string }; explanation: { zh: string } }
type ErrorBody = { code: string; message: string; details?: { path: string; message: string }[] }

/** Rows of every table: an evaluation must leave all of them as they were. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    t.database.db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  )
  const counts: Record<string, number> = {}
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${sql.identifier(name)}`,
    )
    counts[name] = row!.n
  }
  return counts
}

describe('GET /api/qualification/rule-sets', () => {
  it('lists both rule sets with their documents and effective dates, to every role', async () => {
    const response = await enterprise.get('/api/qualification/rule-sets')
    expect(response.statusCode).toBe(200)
    expect(response.json().items).toEqual([
      expect.objectContaining({
        id: 'tsme-2022',
        scheme: 'tsme',
        effectiveFrom: '2022-01-01',
        effectiveTo: null,
      }),
      expect.objectContaining({ id: 'hnte-2016', scheme: 'hnte', title: '高新技术企业认定' }),
    ])
  })

  it('asks for a session', async () => {
    expect((await t.anonymous().get('/api/qualification/rule-sets')).statusCode).toBe(401)
  })
})

describe('POST /api/qualification/evaluate', () => {
  it('answers the TSME verdict with its Chinese explanations and the gap in 人, storing nothing', async () => {
    const before = await rowCounts()
    const response = await enterprise.post('/api/qualification/evaluate', {
      ruleSet: 'tsme-2022',
      input: TSME,
    })
    expect(response.statusCode).toBe(200)
    const verdict = response.json()
    expect(verdict).toMatchObject({
      ruleSet: 'tsme-2022',
      qualified: false,
      score: 70,
      failedConditions: ['TSME-C5-tech-staff-nonzero'],
    })
    const nonzero = verdict.conditions.find((c: Condition) => c.id === 'TSME-C5-tech-staff-nonzero')
    expect(nonzero.gap.text).toBe('需再增加科技人员 1 人（职工总数不变）')
    expect(nonzero.explanation.zh).toContain('科技人员占比 9.00% < 10%')
    expect(verdict.summary.zh).toMatch(/^不符合：/)
    expect(verdict.indicators.every((i: Condition) => i.explanation.zh.length > 0)).toBe(true)
    expect(await rowCounts()).toEqual(before)
  })

  it('passes once the missing 科技人员 is added', async () => {
    const response = await enterprise.post('/api/qualification/evaluate', {
      ruleSet: 'tsme-2022',
      input: { ...TSME, techStaffCount: 10 },
    })
    expect(response.json()).toMatchObject({
      qualified: true,
      score: 74,
      route: 'score',
      failedConditions: [],
    })
  })

  it('answers the HNTE verdict with the R&D gap in 万元 and the open score band', async () => {
    const response = await enterprise.post('/api/qualification/evaluate', {
      ruleSet: 'hnte-2016',
      input: HNTE,
    })
    expect(response.statusCode).toBe(200)
    const verdict = response.json()
    expect(verdict).toMatchObject({
      qualified: false,
      route: null,
      scoreBand: { min: 35, max: 84 },
      failedConditions: ['HNTE-5-rd-ratio'],
      reviewConditions: ['HNTE-7-innovation-score'],
    })
    const rd = verdict.conditions.find((c: Condition) => c.id === 'HNTE-5-rd-ratio')
    expect(rd.explanation.zh).toContain('还差 30.00 万元')
  })

  it('refuses an unknown rule set with the Chinese list of rule sets', async () => {
    const response = await enterprise.post('/api/qualification/evaluate', {
      ruleSet: 'tsme-2017',
      input: TSME,
    })
    expect(response.statusCode).toBe(400)
    const body: ErrorBody = response.json()
    expect(body.code).toBe('VALIDATION_FAILED')
    expect(body.message).toContain('评价规则集应为 tsme-2022、hnte-2016 之一')
  })

  it.each([
    [
      'negative money',
      { salesRevenueWanYuan: -1 },
      'salesRevenueWanYuan',
      '年销售收入（salesRevenueWanYuan）不能为负数',
    ],
    [
      'more 科技人员 than 职工',
      { techStaffCount: 120 },
      'techStaffCount',
      '科技人员数（techStaffCount） 120 人不能大于职工总数（employeeCount） 100 人',
    ],
    [
      'three decimals of 万元',
      { rdExpenseWanYuan: 110.125 },
      'rdExpenseWanYuan',
      '研发费用总额（rdExpenseWanYuan）最多保留 2 位小数（万元）',
    ],
    ['an unknown field', { turnover: 5 }, '', '不支持的字段：turnover'],
  ])('refuses %s with a Chinese message on the field', async (_case, change, path, message) => {
    const before = await rowCounts()
    const response = await enterprise.post('/api/qualification/evaluate', {
      ruleSet: 'tsme-2022',
      input: { ...TSME, ...change },
    })
    expect(response.statusCode).toBe(400)
    const body: ErrorBody = response.json()
    expect(body.code).toBe('QUALIFICATION_INPUT_INVALID')
    expect(body.message).toContain(message)
    expect(body.details).toContainEqual({ path, message })
    expect(await rowCounts()).toEqual(before)
  })

  it('refuses 境内研发 above 研发总额 on the fiscal year it belongs to', async () => {
    const fiscalYears = HNTE.fiscalYears.map((year, index) =>
      index === 1 ? { ...year, rdExpenseDomesticWanYuan: 250 } : year,
    )
    const response = await enterprise.post('/api/qualification/evaluate', {
      ruleSet: 'hnte-2016',
      input: { ...HNTE, fiscalYears },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().details).toEqual([
      {
        path: 'fiscalYears.1.rdExpenseDomesticWanYuan',
        message:
          '2023 年境内研发费用（rdExpenseDomesticWanYuan） 250 万元不能大于研发费用总额（rdExpenseWanYuan） 200 万元',
      },
    ])
  })

  it('refuses a request with fields beside ruleSet and input', async () => {
    const response = await enterprise.post('/api/qualification/evaluate', {
      ruleSet: 'tsme-2022',
      input: TSME,
      save: true,
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('VALIDATION_FAILED')
  })
})
