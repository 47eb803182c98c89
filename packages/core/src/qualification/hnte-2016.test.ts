import { describe, expect, it } from 'vitest'
import { evaluateQualification } from './evaluate-qualification'
import type { HnteIpItem } from './qualification.schemas'
import type { Verdict } from './qualification-verdict'

// Worked examples of spec §3.7. Common unless stated: applying 2025-07-01, registered 2016-04-20 (N = 3, years
// 2022–2024), resident, core support and tech domain confirmed, no incident, no standards, domestic R&D = total
// R&D, IP self-developed, granted, owned, not reused; no expert scores.
const COMMON = {
  applicationDate: '2025-07-01',
  registrationDate: '2016-04-20',
  residentEnterprise: true,
  coreIpSupportConfirmed: true,
  techDomainConfirmed: true,
  majorIncidentWithinYear: false,
  participatedStandards: false,
} as const

interface LastYear {
  totalIncomeWanYuan: number
  hiTechRevenueWanYuan: number
  employeeCount: number
  techStaffCount: number
}

function fiscalYears(
  series: { sales: number[]; rd: number[]; netAssets: number[] },
  last: LastYear,
  years = [2022, 2023, 2024],
) {
  return years.map((year, i) => ({
    year,
    salesRevenueWanYuan: series.sales[i]!,
    rdExpenseWanYuan: series.rd[i]!,
    rdExpenseDomesticWanYuan: series.rd[i]!,
    netAssetsYearEndWanYuan: series.netAssets[i]!,
    ...(i === years.length - 1 ? last : {}),
  }))
}

function ip(type: HnteIpItem['type'], count = 1, overrides: Partial<HnteIpItem> = {}): HnteIpItem[] {
  return Array.from({ length: count }, () => ({
    type,
    status: 'granted',
    ownedByApplicant: true,
    acquisition: 'self-developed',
    usedInPriorHnteApplication: false,
    ...overrides,
  }))
}

function hnte(fields: Record<string, unknown>): Verdict {
  return evaluateQualification('hnte-2016', { ...COMMON, ...fields })
}

const condition = (verdict: Verdict, id: string) => verdict.conditions.find((c) => c.id === id)!
const indicator = (verdict: Verdict, id: string) => verdict.indicators.find((i) => i.id === id)!

const W_H1 = {
  fiscalYears: fiscalYears(
    { sales: [3600, 4200, 5000], rd: [170, 200, 240], netAssets: [2000, 2300, 2600] },
    { totalIncomeWanYuan: 5100, hiTechRevenueWanYuan: 4200, employeeCount: 60, techStaffCount: 15 },
  ),
  ipList: ip('invention'),
  transformationCount3y: 12,
}

const W_H5 = {
  fiscalYears: fiscalYears(
    { sales: [3000, 3450, 3967.5], rd: [160, 180, 210], netAssets: [2000, 2300, 2645] },
    { totalIncomeWanYuan: 4000, hiTechRevenueWanYuan: 3300, employeeCount: 55, techStaffCount: 12 },
  ),
  ipList: ip('invention'),
  transformationCount3y: 13,
  expertScores: {
    ipAdvancement: 6,
    ipCoreSupport: 6,
    ipQuantity: 8,
    ipAcquisition: 4,
    transformation: 22,
    rdMgmtSystem: 5,
    rdMgmtInstitution: 4,
    rdMgmtIncentive: 3,
    rdMgmtTalent: 3,
    growthNetAssets: 5,
    growthSales: 5,
  },
}

const W_H7 = {
  fiscalYears: fiscalYears(
    { sales: [1500, 1650, 1815], rd: [100, 110, 120], netAssets: [1000, 1100, 1210] },
    { totalIncomeWanYuan: 1850, hiTechRevenueWanYuan: 1600, employeeCount: 30, techStaffCount: 8 },
  ),
  ipList: [
    ...ip('softwareCopyright', 4),
    ...ip('softwareCopyright', 2, { usedInPriorHnteApplication: true }),
  ],
  transformationCount3y: 9,
}

describe('hnte-2016 worked examples (spec §3.7)', () => {
  it('W-H1 — latest sales of exactly 5000 万元 use the 5% floor', () => {
    const verdict = hnte(W_H1)
    expect(verdict).toMatchObject({
      qualified: false,
      scoreBand: { min: 35, max: 84 },
      failedConditions: ['HNTE-5-rd-ratio'],
      reviewConditions: ['HNTE-7-innovation-score'],
    })
    const rd = condition(verdict, 'HNTE-5-rd-ratio')
    expect(rd).toMatchObject({
      formula: 'Σ研发费用 / Σ销售收入 = 610 / 12800',
      value: '4.77%',
      threshold: '≥ 5%（最近一年销售收入 ≤ 5000 万元）',
      gap: { amount: 30, unit: '万元' },
    })
    expect(rd.explanation.zh).toBe(
      '研发费用占比 4.77%，需 ≥ 5%（最近一年销售收入 5000 万元），还差 30.00 万元。',
    )
    expect(indicator(verdict, 'HNTE-I-ip').band).toEqual({ min: 8, max: 30 })
    expect(indicator(verdict, 'transformation')).toMatchObject({ tier: 'B', band: { min: 19, max: 24 } })
    expect(indicator(verdict, 'growthNetAssets')).toMatchObject({
      tier: 'D',
      value: '14.02%',
      band: { min: 3, max: 4 },
    })
    expect(indicator(verdict, 'growthSales')).toMatchObject({
      tier: 'C',
      value: '17.86%',
      band: { min: 5, max: 6 },
    })
    expect(verdict.summary.zh).toBe(
      '不符合：研发费用占比 4.77%，需 ≥ 5%（最近一年销售收入 5000 万元），还差 30.00 万元。创新能力得分区间 35–84 分，跨越 70 分，需专家评分。',
    )
    // Had the latest year's sales exceeded 5000 万元, the floor would have been 4%, which 4.77% meets.
    const above = hnte({
      ...W_H1,
      fiscalYears: fiscalYears(
        { sales: [3599.99, 4200, 5000.01], rd: [170, 200, 240], netAssets: [2000, 2300, 2600] },
        { totalIncomeWanYuan: 5100, hiTechRevenueWanYuan: 4200, employeeCount: 60, techStaffCount: 15 },
      ),
    })
    expect(condition(above, 'HNTE-5-rd-ratio')).toMatchObject({
      status: 'pass',
      threshold: '≥ 4%（最近一年销售收入 5000–20000 万元）',
    })
  })

  it('W-H2 — a two-year-old company grows from (0, y₁, y₂): its single year-on-year change', () => {
    const verdict = hnte({
      registrationDate: '2023-02-15',
      fiscalYears: fiscalYears(
        { sales: [900, 1260], rd: [80, 95], netAssets: [1200, 1500] },
        { totalIncomeWanYuan: 1300, hiTechRevenueWanYuan: 1100, employeeCount: 18, techStaffCount: 6 },
        [2023, 2024],
      ),
      ipList: ip('invention'),
      transformationCount3y: 6,
    })
    expect(verdict).toMatchObject({
      qualified: 'needs-review',
      scoreBand: { min: 37, max: 86 },
      failedConditions: [],
      reviewConditions: ['HNTE-7-innovation-score'],
    })
    expect(indicator(verdict, 'growthNetAssets')).toMatchObject({
      tier: 'B',
      value: '25.00%',
      band: { min: 7, max: 8 },
    })
    expect(indicator(verdict, 'growthSales')).toMatchObject({
      tier: 'A',
      value: '40.00%',
      band: { min: 9, max: 10 },
    })
    expect(condition(verdict, 'HNTE-5-rd-ratio').value).toBe('8.10%')
    expect(indicator(verdict, 'transformation')).toMatchObject({ tier: 'C', band: { min: 13, max: 18 } })
    expect(verdict.interpretations).toEqual(
      expect.arrayContaining(['I-HNTE-YOUNG', 'I-HNTE-LATER2', 'I-HNTE-TRANSFORM-N']),
    )
  })

  it('W-H3 — negative net assets: the union of the literal formula and negative-as-zero (I-HNTE-NEG)', () => {
    const verdict = hnte({
      fiscalYears: fiscalYears(
        { sales: [1000, 1300, 1700], rd: [80, 95, 120], netAssets: [-300, 200, 260] },
        { totalIncomeWanYuan: 1750, hiTechRevenueWanYuan: 1500, employeeCount: 30, techStaffCount: 9 },
      ),
      ipList: ip('invention'),
      transformationCount3y: 9,
    })
    expect(verdict).toMatchObject({
      qualified: 'needs-review',
      scoreBand: { min: 28, max: 84 },
      failedConditions: [],
      reviewConditions: ['HNTE-7-innovation-score'],
    })
    const netAssets = indicator(verdict, 'growthNetAssets')
    expect(netAssets.band).toEqual({ min: 0, max: 8 })
    expect(netAssets.value).toBe('-68.33%／30.00%')
    expect(netAssets.explanation.zh).toContain('第一年末净资产为负：官方未规定，按原式 -68.33%')
    expect(netAssets.explanation.zh).toContain('按负值视为0 30.00%')
    expect(indicator(verdict, 'growthSales')).toMatchObject({ tier: 'B', value: '30.38%' })
    expect(verdict.interpretations).toContain('I-HNTE-NEG')
  })

  it('W-H4 — a strong but unscored file is still "needs review"; the IP indicator is capped at 30', () => {
    const verdict = hnte({
      fiscalYears: fiscalYears(
        { sales: [2000, 2800, 3920], rd: [130, 170, 230], netAssets: [1000, 1400, 1960] },
        { totalIncomeWanYuan: 4000, hiTechRevenueWanYuan: 3500, employeeCount: 50, techStaffCount: 15 },
      ),
      ipList: ip('invention', 2),
      participatedStandards: true,
      transformationCount3y: 15,
    })
    expect(verdict).toMatchObject({
      qualified: 'needs-review',
      scoreBand: { min: 52, max: 100 },
      failedConditions: [],
      reviewConditions: ['HNTE-7-innovation-score'],
    })
    expect(indicator(verdict, 'HNTE-I-ip').band).toEqual({ min: 9, max: 30 })
    expect(indicator(verdict, 'transformation')).toMatchObject({ tier: 'A', band: { min: 25, max: 30 } })
    expect(condition(verdict, 'HNTE-5-rd-ratio').value).toBe('6.08%')
  })

  it('W-H5 — 71 passes, 70 does not', () => {
    const verdict = hnte(W_H5)
    expect(verdict).toMatchObject({
      qualified: true,
      score: 71,
      scoreBand: { min: 71, max: 71 },
      failedConditions: [],
    })
    expect(indicator(verdict, 'growthNetAssets')).toMatchObject({ tier: 'C', value: '15.00%' })
    expect(indicator(verdict, 'growthSales')).toMatchObject({ tier: 'C', value: '15.00%' })
    expect(condition(verdict, 'HNTE-5-rd-ratio').value).toBe('5.28%')
    expect(verdict.summary.zh).toBe('符合：创新能力得分 71 分，> 70 分。')

    const seventy = hnte({ ...W_H5, expertScores: { ...W_H5.expertScores, rdMgmtTalent: 2 } })
    expect(seventy).toMatchObject({
      qualified: false,
      score: 70,
      failedConditions: ['HNTE-7-innovation-score'],
    })
    expect(condition(seventy, 'HNTE-7-innovation-score')).toMatchObject({
      gap: { amount: 1, unit: '分' },
      explanation: { zh: '创新能力得分最高 70 分，未超过 70 分，差 1 分。' },
    })
  })

  it('W-H6 — 364 days is not "一年以上"', () => {
    const verdict = hnte({
      registrationDate: '2024-07-02',
      fiscalYears: fiscalYears(
        { sales: [600], rd: [50], netAssets: [900] },
        { totalIncomeWanYuan: 620, hiTechRevenueWanYuan: 500, employeeCount: 12, techStaffCount: 4 },
        [2024],
      ),
      ipList: ip('invention'),
      transformationCount3y: 2,
    })
    expect(verdict).toMatchObject({
      qualified: false,
      scoreBand: { min: 15, max: 62 },
      failedConditions: ['HNTE-1-registered-1y', 'HNTE-7-innovation-score'],
    })
    const registered = condition(verdict, 'HNTE-1-registered-1y')
    expect(registered.gap).toEqual({ amount: 1, unit: '天', text: '还差 1 天（最早可于 2025-07-02 申请）' })
    expect(registered.explanation.zh).toBe(
      '注册成立 364 天，不足 365 天，还差 1 天（最早可于 2025-07-02 申请）。',
    )
    expect(condition(verdict, 'HNTE-5-rd-ratio').value).toBe('8.33%')
    expect(indicator(verdict, 'transformation')).toMatchObject({ tier: 'D', band: { min: 7, max: 12 } })
    expect(indicator(verdict, 'HNTE-I-growth').band).toEqual({ min: 0, max: 0 })
  })

  it('W-H7 — a Ⅱ类 item counts only once: 6 copyrights, 2 already used → 4 → 数量 C 3–4', () => {
    const verdict = hnte(W_H7)
    expect(verdict).toMatchObject({
      qualified: 'needs-review',
      scoreBand: { min: 23, max: 72 },
      failedConditions: [],
      reviewConditions: ['HNTE-7-innovation-score'],
    })
    expect(indicator(verdict, 'ipQuantity')).toMatchObject({ tier: 'C', band: { min: 3, max: 4 } })
    expect(condition(verdict, 'HNTE-2-core-ip').explanation.zh).toBe(
      '拥有有效Ⅰ类 0 项、Ⅱ类 4 项（已剔除已用于高企申请的Ⅱ类 2 项），经确认对主要产品发挥核心支持作用。',
    )
    expect(verdict.interpretations).toContain('I-IP-REUSE')
  })

  it('W-H8 — 2 transformations in 3 years (a = 0.67) fall in the gap of the table: 0–6 (I-HNTE-GAP)', () => {
    const verdict = hnte({ ...W_H7, ipList: [...W_H7.ipList, ...ip('invention')], transformationCount3y: 2 })
    expect(verdict).toMatchObject({
      qualified: false,
      scoreBand: { min: 14, max: 64 },
      failedConditions: ['HNTE-7-innovation-score'],
    })
    expect(indicator(verdict, 'transformation')).toMatchObject({
      band: { min: 0, max: 6 },
      value: '0.67 项/年',
    })
    expect(verdict.interpretations).toContain('I-HNTE-GAP')
  })
})

describe('hnte-2016 boundaries (spec §0.3, §3.3)', () => {
  it('counts real calendar days: 365 passes, 364 fails, a leap year included', () => {
    const days = (registrationDate: string, applicationDate: string) =>
      condition(
        hnte({
          ...W_H1,
          registrationDate,
          applicationDate,
          fiscalYears: fiscalYears(
            { sales: [5000], rd: [300], netAssets: [1000] },
            { totalIncomeWanYuan: 5100, hiTechRevenueWanYuan: 4200, employeeCount: 60, techStaffCount: 15 },
            [Number(registrationDate.slice(0, 4))],
          ),
        }),
        'HNTE-1-registered-1y',
      )
    expect(days('2024-07-01', '2025-07-01')).toMatchObject({ status: 'pass', value: '365 天' })
    expect(days('2024-07-02', '2025-07-01')).toMatchObject({ status: 'fail', value: '364 天' })
    // 2023-03-01 → 2024-02-29 crosses 29 February: 365 days, one less than the calendar year.
    expect(days('2023-03-01', '2024-02-29')).toMatchObject({
      status: 'pass',
      value: '365 days'.replace('days', '天'),
    })
    expect(days('2023-03-02', '2024-02-29').status).toBe('fail')
  })

  it('chooses the R&D floor by the latest sales: ≤ 5000 → 5%, ≤ 20000 → 4%, above → 3%', () => {
    const threshold = (latestSales: number) =>
      condition(
        hnte({
          ...W_H1,
          fiscalYears: fiscalYears(
            { sales: [latestSales, latestSales, latestSales], rd: [0, 0, 0], netAssets: [2000, 2300, 2600] },
            { totalIncomeWanYuan: 30000, hiTechRevenueWanYuan: 25000, employeeCount: 60, techStaffCount: 15 },
          ),
        }),
        'HNTE-5-rd-ratio',
      ).threshold
    expect(threshold(5000)).toContain('≥ 5%')
    expect(threshold(5000.01)).toContain('≥ 4%')
    expect(threshold(20000)).toContain('≥ 4%')
    expect(threshold(20000.01)).toContain('≥ 3%')
  })

  it('passes R&D ratios exactly at the floor and fails one cent below', () => {
    const status = (lastRd: number) =>
      condition(
        hnte({
          ...W_H1,
          fiscalYears: fiscalYears(
            { sales: [4000, 4000, 4000], rd: [200, 200, lastRd], netAssets: [2000, 2300, 2600] },
            { totalIncomeWanYuan: 5100, hiTechRevenueWanYuan: 4200, employeeCount: 60, techStaffCount: 15 },
          ),
        }),
        'HNTE-5-rd-ratio',
      )
    expect(status(200).status).toBe('pass')
    const below = status(199.99)
    expect(below).toMatchObject({ status: 'fail', value: '4.999917%', gap: { amount: 0.01 } })
  })

  it('passes 科技人员 at exactly 10%, 境内研发 and 高新收入 at exactly 60%', () => {
    const at = (last: Partial<LastYear>, domesticShare = 1) => {
      const years = fiscalYears(
        { sales: [3600, 4200, 5000], rd: [300, 300, 400], netAssets: [2000, 2300, 2600] },
        {
          totalIncomeWanYuan: 5000,
          hiTechRevenueWanYuan: 4200,
          employeeCount: 60,
          techStaffCount: 15,
          ...last,
        },
      ).map((year) => ({ ...year, rdExpenseDomesticWanYuan: year.rdExpenseWanYuan * domesticShare }))
      return hnte({ ...W_H1, fiscalYears: years })
    }
    expect(condition(at({ employeeCount: 60, techStaffCount: 6 }), 'HNTE-4-tech-staff-10pct').status).toBe(
      'pass',
    )
    const staff = condition(at({ employeeCount: 60, techStaffCount: 5.99 }), 'HNTE-4-tech-staff-10pct')
    expect(staff).toMatchObject({ status: 'fail', gap: { amount: 0.01, unit: '人' } })
    expect(condition(at({ hiTechRevenueWanYuan: 3000 }), 'HNTE-6-hitech-revenue-60pct').status).toBe('pass')
    const hiTech = condition(at({ hiTechRevenueWanYuan: 2999.99 }), 'HNTE-6-hitech-revenue-60pct')
    expect(hiTech).toMatchObject({ status: 'fail', value: '59.9998%', gap: { amount: 0.01, unit: '万元' } })
    expect(condition(at({}, 0.6), 'HNTE-5-domestic-rd-60pct').status).toBe('pass')
    const domestic = condition(at({}, 0.5), 'HNTE-5-domestic-rd-60pct')
    expect(domestic).toMatchObject({ status: 'fail', gap: { amount: 100, unit: '万元' } })
    expect(domestic.explanation.zh).toBe(
      '境内研发费用占比 50.00%，需 ≥ 60%，还差 100.00 万元（研发总额不变）。',
    )
  })

  it('puts growth exactly at 35/25/15/5% in the higher tier and exactly 0% in F', () => {
    const tier = (v3: number) => {
      // (1000, 1000, v3): g = ½(1 + v3/1000) − 1 → v3 = 1700 gives 35%.
      const verdict = hnte({
        ...W_H1,
        fiscalYears: fiscalYears(
          { sales: [3600, 4200, 5000], rd: [300, 300, 300], netAssets: [1000, 1000, v3] },
          { totalIncomeWanYuan: 5100, hiTechRevenueWanYuan: 4200, employeeCount: 60, techStaffCount: 15 },
        ),
      })
      return indicator(verdict, 'growthNetAssets').tier
    }
    expect([1700, 1699.99, 1500, 1300, 1100, 1000.01, 1000, 900].map(tier)).toEqual([
      'A',
      'B',
      'B',
      'C',
      'D',
      'E',
      'F',
      'F',
    ])
  })

  it('follows the official zero rules: second year 0 → 0 points, first year 0 → the later two years', () => {
    const growth = (netAssets: number[]) =>
      indicator(
        hnte({
          ...W_H1,
          fiscalYears: fiscalYears(
            { sales: [3600, 4200, 5000], rd: [300, 300, 300], netAssets },
            { totalIncomeWanYuan: 5100, hiTechRevenueWanYuan: 4200, employeeCount: 60, techStaffCount: 15 },
          ),
        }),
        'growthNetAssets',
      )
    expect(growth([1000, 0, 5000])).toMatchObject({ tier: 'F', band: { min: 0, max: 0 } })
    expect(growth([1000, 0, 5000]).explanation.zh).toContain('第二年末净资产为0，按0分计算')
    expect(growth([0, 122, 75])).toMatchObject({ tier: 'F', value: '-38.52%' })
    expect(growth([0, 1000, 1400]).explanation.zh).toContain('第一年末净资产为0，按后两年计算')
  })

  it('gives the 成果转化 tiers by the yearly average, compared exactly', () => {
    const tier = (transformationCount3y: number) =>
      indicator(hnte({ ...W_H1, transformationCount3y }), 'transformation').band
    expect(tier(15)).toEqual({ min: 25, max: 30 })
    expect(tier(14)).toEqual({ min: 19, max: 24 })
    expect(tier(3)).toEqual({ min: 1, max: 6 })
    expect(tier(2)).toEqual({ min: 0, max: 6 })
    expect(tier(0)).toEqual({ min: 0, max: 0 })
  })
})

describe('hnte-2016 IP, judgement and missing data', () => {
  it('fails HNTE-2 without eligible IP and scores the four IP items 0 (I-HNTE-NOIP)', () => {
    const verdict = hnte({
      ...W_H1,
      ipList: [
        ...ip('invention', 1, { status: 'pending' }),
        ...ip('utilityModel', 1, { ownedByApplicant: false }),
        ...ip('trademark'),
      ],
    })
    const coreIp = condition(verdict, 'HNTE-2-core-ip')
    expect(coreIp).toMatchObject({ status: 'fail', gap: { amount: 1, unit: '项' } })
    expect(coreIp.explanation.zh).toBe(
      '无可用于本次申请的知识产权（不具备知识产权的企业不能认定为高新技术企业）。',
    )
    expect(indicator(verdict, 'HNTE-I-ip').band).toEqual({ min: 0, max: 0 })
    expect(verdict.interpretations).toContain('I-HNTE-NOIP')
  })

  it('leaves core support and tech domain to the experts when unconfirmed', () => {
    const verdict = hnte({ ...W_H5, coreIpSupportConfirmed: null, techDomainConfirmed: null })
    expect(verdict).toMatchObject({
      qualified: 'needs-review',
      reviewConditions: ['HNTE-2-core-ip', 'HNTE-3-tech-domain'],
    })
    expect(condition(verdict, 'HNTE-3-tech-domain').status).toBe('needs-judgement')
  })

  it('names the missing fiscal-year figure in HNTE-5 and HNTE-7 (数据不足)', () => {
    const years = W_H1.fiscalYears.map((year, i) =>
      i === 0 ? { ...year, netAssetsYearEndWanYuan: null } : year,
    )
    const verdict = hnte({
      ...W_H5,
      fiscalYears: years.map((y, i) =>
        i === 2 ? { ...y, rdExpenseWanYuan: null, rdExpenseDomesticWanYuan: null } : y,
      ),
    })
    expect(condition(verdict, 'HNTE-5-rd-ratio')).toMatchObject({
      status: 'insufficient-data',
      missingFields: ['fiscalYears.2.rdExpenseWanYuan'],
    })
    expect(condition(verdict, 'HNTE-5-rd-ratio').explanation.zh).toBe(
      '数据不足：缺少2024 年研发费用总额（fiscalYears.2.rdExpenseWanYuan）。',
    )
    const growth = indicator(verdict, 'growthNetAssets')
    expect(growth.band).toEqual({ min: 5, max: 5 })
    const unscored = hnte({ ...W_H1, fiscalYears: years })
    expect(indicator(unscored, 'growthNetAssets').band).toEqual({ min: 0, max: 10 })
    expect(condition(unscored, 'HNTE-7-innovation-score')).toMatchObject({
      status: 'insufficient-data',
      missingFields: ['fiscalYears.0.netAssetsYearEndWanYuan'],
    })
  })

  it('takes a grade letter for 先进程度 as its range', () => {
    const verdict = hnte({ ...W_H1, expertScores: { ipAdvancement: 'A', ipCoreSupport: 'B' } })
    expect(indicator(verdict, 'ipAdvancement')).toMatchObject({ tier: 'A', band: { min: 7, max: 8 } })
    expect(indicator(verdict, 'ipCoreSupport')).toMatchObject({ tier: 'B', band: { min: 5, max: 6 } })
    // IP (7–8) + (5–6) + (7–8) + (1–6) + 0 = 20–28; 转化 19–24, 管理 0–20, 成长 8–10.
    expect(verdict.scoreBand).toEqual({ min: 47, max: 82 })
  })

  it('summarises an open verdict with the label of its open conditions', () => {
    expect(hnte(W_H7).summary.zh).toBe('需专家判断：创新能力得分区间 23–72 分，跨越 70 分，需专家评分。')
    const missing = hnte({ ...W_H7, transformationCount3y: null })
    expect(missing.summary.zh).toMatch(/^数据不足：缺少近3年科技成果转化项数（transformationCount3y）/)
  })

  it('fails HNTE-4 and HNTE-6 on a zero denominator, without a gap no single figure could close', () => {
    const verdict = hnte({
      ...W_H1,
      fiscalYears: fiscalYears(
        { sales: [3600, 4200, 5000], rd: [300, 300, 300], netAssets: [2000, 2300, 2600] },
        { totalIncomeWanYuan: 0, hiTechRevenueWanYuan: 0, employeeCount: 0, techStaffCount: 0 },
      ),
    })
    expect(condition(verdict, 'HNTE-4-tech-staff-10pct')).toMatchObject({ status: 'fail', gap: undefined })
    expect(condition(verdict, 'HNTE-6-hitech-revenue-60pct')).toMatchObject({
      status: 'fail',
      gap: undefined,
    })
  })
})
