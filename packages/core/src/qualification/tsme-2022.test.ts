import { describe, expect, it } from 'vitest'
import { evaluateQualification } from './evaluate-qualification'
import type { TsmeIpItem } from './qualification.schemas'
import type { Verdict } from './qualification-verdict'

// Worked examples of spec §2.9. Common to all: evaluated 2025-05-10 on 2024 figures, resident, sound accounting,
// 查账征收, assets 2000 万元, both industry flags and both integrity flags false, no route evidence.
const COMMON = {
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
} as const

function ip(type: TsmeIpItem['type'], count = 1, overrides: Partial<TsmeIpItem> = {}): TsmeIpItem[] {
  return Array.from({ length: count }, () => ({
    type,
    valid: true,
    relatedToMainProducts: true,
    disputed: false,
    ...overrides,
  }))
}

function tsme(fields: Record<string, unknown>): Verdict {
  return evaluateQualification('tsme-2022', { ...COMMON, ...fields })
}

const condition = (verdict: Verdict, id: string) => verdict.conditions.find((c) => c.id === id)!
const indicator = (verdict: Verdict, id: string) => verdict.indicators.find((i) => i.id === id)!

describe('tsme-2022 worked examples (spec §2.9)', () => {
  it('W-T1 — exactly 60 points qualifies (不低于 60 分)', () => {
    const verdict = tsme({
      employeeCount: 50,
      techStaffCount: 10,
      salesRevenueWanYuan: 3000,
      rdExpenseWanYuan: 120,
      costExpenseTotalWanYuan: 2800,
      ipList: ip('utilityModel', 3),
    })
    expect(verdict).toMatchObject({
      qualified: true,
      score: 60,
      route: 'score',
      failedConditions: [],
      reviewConditions: [],
    })
    expect(indicator(verdict, 'TSME-I-tech-staff')).toMatchObject({
      band: { min: 12, max: 12 },
      tier: 'C',
      value: '20.00%',
    })
    expect(indicator(verdict, 'TSME-I-rd').band).toEqual({ min: 30, max: 30 })
    expect(indicator(verdict, 'TSME-I-rd').explanation.zh).toContain(
      '(1) 研发费用/销售收入 = 120/3000 = 4.00% → 30 分',
    )
    expect(indicator(verdict, 'TSME-I-rd').explanation.zh).toContain(
      '(2) 研发费用/成本费用 = 120/2800 = 4.29% → 0 分',
    )
    expect(indicator(verdict, 'TSME-I-ip')).toMatchObject({ band: { min: 18, max: 18 }, tier: 'C' })
    expect(condition(verdict, 'TSME-C5-score').explanation.zh).toBe('综合得分 60 分 ≥ 60 分。')
  })

  it('W-T2 — 70 points with a 科技人员 score of 0 does not qualify; the gap is one more 科技人员', () => {
    const verdict = tsme({
      employeeCount: 100,
      techStaffCount: 9,
      salesRevenueWanYuan: 2000,
      rdExpenseWanYuan: 110,
      costExpenseTotalWanYuan: 1900,
      ipList: ip('invention'),
    })
    expect(verdict).toMatchObject({
      qualified: false,
      score: 70,
      route: null,
      failedConditions: ['TSME-C5-tech-staff-nonzero'],
      reviewConditions: [],
    })
    const nonzero = condition(verdict, 'TSME-C5-tech-staff-nonzero')
    expect(nonzero.gap).toEqual({ amount: 1, unit: '人', text: '需再增加科技人员 1 人（职工总数不变）' })
    expect(nonzero.explanation.zh).toBe(
      '科技人员占比 9.00% < 10%，科技人员指标为 0 分；需再增加科技人员 1 人（职工总数不变）。',
    )
  })

  it('W-T3 — the cost alternative decides the R&D score', () => {
    const verdict = tsme({
      employeeCount: 50,
      techStaffCount: 15,
      salesRevenueWanYuan: 2400,
      rdExpenseWanYuan: 84,
      costExpenseTotalWanYuan: 400,
      ipList: ip('softwareCopyright', 2),
    })
    expect(verdict).toMatchObject({ qualified: true, score: 62, route: 'score' })
    const rd = indicator(verdict, 'TSME-I-rd')
    expect(rd.band).toEqual({ min: 30, max: 30 })
    expect(rd.explanation.zh).toContain('(1) 研发费用/销售收入 = 84/2400 = 3.50% → 20 分')
    expect(rd.explanation.zh).toContain('(2) 研发费用/成本费用 = 84/400 = 21.00% → 30 分')
    expect(rd.explanation.zh).toContain('取 (2) 成本费用口径')
    // With alternative (1) only it would be 52 and fail.
    const salesOnly = tsme({
      employeeCount: 50,
      techStaffCount: 15,
      salesRevenueWanYuan: 2400,
      rdExpenseWanYuan: 84,
      costExpenseTotalWanYuan: 100_000,
      ipList: ip('softwareCopyright', 2),
    })
    expect(salesOnly).toMatchObject({ qualified: false, score: 52 })
  })

  it('W-T4 — size limits are inclusive; one cent over the asset limit fails', () => {
    const verdict = tsme({
      employeeCount: 500,
      salesRevenueWanYuan: 20000,
      totalAssetsWanYuan: 20000.01,
      techStaffCount: 100,
      rdExpenseWanYuan: 1300,
      costExpenseTotalWanYuan: 18500,
      ipList: ip('invention'),
    })
    expect(verdict).toMatchObject({
      qualified: false,
      score: 92,
      route: null,
      failedConditions: ['TSME-C2-assets'],
    })
    expect(condition(verdict, 'TSME-C2-employees').status).toBe('pass')
    expect(condition(verdict, 'TSME-C2-sales').status).toBe('pass')
    const assets = condition(verdict, 'TSME-C2-assets')
    expect(assets.gap).toEqual({ amount: 0.01, unit: '万元', text: '超过上限 0.01 万元' })
    expect(assets.explanation.zh).toBe('资产总额 20000.01 万元，超过 2 亿元上限 0.01 万元。')
  })

  it('W-T5 — a valid 高企 certificate qualifies directly with a score far below 60', () => {
    const verdict = tsme({
      hnteCertificates: [{ issueDate: '2023-12-05', expiryDate: '2026-12-04' }],
      employeeCount: 50,
      techStaffCount: 6,
      salesRevenueWanYuan: 1000,
      rdExpenseWanYuan: 25,
      costExpenseTotalWanYuan: 900,
      ipList: [],
    })
    expect(verdict).toMatchObject({
      qualified: true,
      score: 14,
      route: 'hnte-certificate',
      failedConditions: [],
      reviewConditions: [],
    })
    // The route replaces (五): the failing score is traced but not listed.
    expect(condition(verdict, 'TSME-C5-score').status).toBe('fail')
    expect(verdict.routes!.find((r) => r.id === 'hnte-certificate')!.explanation.zh).toBe(
      '持有效期内高新技术企业证书（2023-12-05–2026-12-04），可直接确认（第八条（一））。',
    )
  })

  it('W-T6 — the 2022 sector condition: 70% of income from 批发和零售业 is an excluded industry', () => {
    const verdict = tsme({
      industryExcludedFromRdSuperDeduction: null,
      excludedIndustryRevenueRatio: 0.7,
      employeeCount: 60,
      techStaffCount: 18,
      salesRevenueWanYuan: 8000,
      rdExpenseWanYuan: 500,
      costExpenseTotalWanYuan: 7600,
      ipList: ip('design'),
    })
    expect(verdict).toMatchObject({ qualified: false, score: 76, failedConditions: ['TSME-C3-industry'] })
    const industry = condition(verdict, 'TSME-C3-industry')
    expect(industry.explanation.zh).toBe(
      '所在行业属于财税〔2015〕119号不适用加计扣除行业（主营收入占比 70.00% > 50%）。',
    )
    expect(industry.interpretations).toContain('I-TSME-97')
  })

  it('W-T7 — only valid, related, undisputed Ⅰ/Ⅱ类 items count; each excluded item is listed with its reason', () => {
    const verdict = tsme({
      ipList: [
        ...ip('invention', 1, { disputed: true }),
        ...ip('trademark', 3),
        ...ip('utilityModel', 3),
        ...ip('design', 1, { valid: false }),
        ...ip('softwareCopyright', 1, { relatedToMainProducts: false }),
      ],
      employeeCount: 40,
      techStaffCount: 10,
      salesRevenueWanYuan: 1500,
      rdExpenseWanYuan: 90,
      costExpenseTotalWanYuan: 1400,
    })
    expect(verdict).toMatchObject({ qualified: true, score: 84, route: 'score' })
    const ipTrace = indicator(verdict, 'TSME-I-ip')
    expect(ipTrace).toMatchObject({ band: { min: 18, max: 18 }, tier: 'C', value: 'Ⅰ类 0 项、Ⅱ类 3 项' })
    expect(ipTrace.explanation.zh).toContain('发明专利（存在争议或纠纷）')
    expect(ipTrace.explanation.zh).toContain('商标（商标不属于Ⅰ类、Ⅱ类知识产权）')
    expect(ipTrace.explanation.zh).toContain('外观设计专利（不在有效期内）')
    expect(ipTrace.explanation.zh).toContain('软件著作权（与主要产品（服务）无关）')
    expect(indicator(verdict, 'TSME-I-tech-staff')).toMatchObject({ tier: 'B', band: { min: 16, max: 16 } })
    expect(indicator(verdict, 'TSME-I-rd').band).toEqual({ min: 50, max: 50 })
  })

  it('W-T8 — a missing 成本费用 gives a band that straddles 60: 数据不足, naming the field', () => {
    const verdict = tsme({
      costExpenseTotalWanYuan: null,
      employeeCount: 60,
      techStaffCount: 12,
      salesRevenueWanYuan: 5000,
      rdExpenseWanYuan: 110,
      ipList: ip('utilityModel', 2),
    })
    expect(verdict).toMatchObject({
      qualified: 'needs-review',
      scoreBand: { min: 34, max: 74 },
      failedConditions: [],
      reviewConditions: ['TSME-C5-score'],
    })
    expect(verdict.score).toBeUndefined()
    expect(indicator(verdict, 'TSME-I-rd').band).toEqual({ min: 10, max: 50 })
    const score = condition(verdict, 'TSME-C5-score')
    expect(score).toMatchObject({ status: 'insufficient-data', missingFields: ['costExpenseTotalWanYuan'] })
    const message =
      '数据不足：缺少成本费用支出总额（costExpenseTotalWanYuan）；按研发费用/成本费用计分最高可得 50 分'
    expect(score.explanation.zh).toContain(message)
    expect(verdict.summary.zh).toContain(message)
  })
})

describe('tsme-2022 boundaries (spec §0.3)', () => {
  const base = {
    employeeCount: 100,
    techStaffCount: 30,
    salesRevenueWanYuan: 3000,
    rdExpenseWanYuan: 180,
    costExpenseTotalWanYuan: 100_000,
    ipList: ip('invention'),
  }

  it('puts 科技人员 ratios exactly on a tier bound in the higher tier ("(含)以上")', () => {
    const points = (techStaffCount: number) =>
      indicator(tsme({ ...base, techStaffCount }), 'TSME-I-tech-staff').band.min
    expect([30, 29.99, 25, 24.99, 20, 19.99, 15, 14.99, 10, 9.99].map(points)).toEqual([
      20, 16, 16, 12, 12, 8, 8, 4, 4, 0,
    ])
  })

  it('scores 1199.99 / 30000 = 3.999967% below 4% and shows it with 6 decimals', () => {
    const rd = indicator(
      tsme({ ...base, rdExpenseWanYuan: 1199.99, salesRevenueWanYuan: 30000 }),
      'TSME-I-rd',
    )
    expect(rd.band.min).toBe(20)
    expect(rd.explanation.zh).toContain('1199.99/30000 = 3.999967% → 20 分')
    expect(
      indicator(tsme({ ...base, rdExpenseWanYuan: 1200, salesRevenueWanYuan: 30000 }), 'TSME-I-rd').band.min,
    ).toBe(30)
  })

  it('puts R&D/sales ratios on each bound in the higher tier and 1.99% in tier F', () => {
    const points = (rdExpenseWanYuan: number) =>
      indicator(tsme({ ...base, rdExpenseWanYuan, salesRevenueWanYuan: 10000 }), 'TSME-I-rd').band.min
    expect([600, 599.99, 500, 400, 300, 200, 199.99].map(points)).toEqual([50, 40, 40, 30, 20, 10, 0])
  })

  it('puts R&D/cost ratios on each bound in the higher tier', () => {
    const points = (costExpenseTotalWanYuan: number) =>
      indicator(
        tsme({ ...base, rdExpenseWanYuan: 30, salesRevenueWanYuan: 100_000, costExpenseTotalWanYuan }),
        'TSME-I-rd',
      ).band.min
    expect([100, 100.01, 120, 150, 200, 300, 300.01].map(points)).toEqual([50, 40, 40, 30, 20, 10, 0])
  })

  it('treats 500 职工, 20000 万元 sales and assets as within the limits (不超过) and one over as outside', () => {
    expect(tsme({ ...base, employeeCount: 500 }).failedConditions).not.toContain('TSME-C2-employees')
    const over = tsme({ ...base, employeeCount: 501 })
    expect(over.failedConditions).toContain('TSME-C2-employees')
    expect(condition(over, 'TSME-C2-employees').explanation.zh).toBe(
      '职工总数 501 人，超过 500 人上限 1 人。',
    )
    expect(tsme({ ...base, salesRevenueWanYuan: 20000 }).failedConditions).not.toContain('TSME-C2-sales')
    expect(tsme({ ...base, salesRevenueWanYuan: 20000.01 }).failedConditions).toContain('TSME-C2-sales')
  })

  it('treats an excluded-industry share of exactly 50% as not excluded (50%（不含）以上)', () => {
    const at = (excludedIndustryRevenueRatio: number) =>
      condition(
        tsme({ ...base, industryExcludedFromRdSuperDeduction: null, excludedIndustryRevenueRatio }),
        'TSME-C3-industry',
      ).status
    expect(at(0.5)).toBe('pass')
    expect(at(0.5001)).toBe('fail')
  })

  it('gives the 科技成果 tiers by class, never adding classes together', () => {
    const points = (ipList: TsmeIpItem[]) => indicator(tsme({ ...base, ipList }), 'TSME-I-ip').band.min
    expect(points(ip('invention'))).toBe(30)
    expect(points([...ip('invention'), ...ip('utilityModel', 5)])).toBe(30)
    expect(points(ip('utilityModel', 5))).toBe(24)
    expect(points(ip('utilityModel', 4))).toBe(24)
    expect(points(ip('design', 3))).toBe(18)
    expect(points(ip('softwareCopyright', 2))).toBe(12)
    expect(points(ip('utilityModel', 1))).toBe(6)
    expect(points([])).toBe(0)
    expect(points(ip('defensePatent'))).toBe(30)
  })

  it('scores a zero denominator as 0 for that alternative (I-TSME-ZERO)', () => {
    const verdict = tsme({
      ...base,
      salesRevenueWanYuan: 0,
      rdExpenseWanYuan: 30,
      costExpenseTotalWanYuan: 100,
    })
    const rd = indicator(verdict, 'TSME-I-rd')
    expect(rd.band).toEqual({ min: 50, max: 50 })
    expect(rd.explanation.zh).toContain('年销售收入为 0，比例无法计算，按 0 分')
    expect(verdict.interpretations).toContain('I-TSME-ZERO')
  })
})

describe('tsme-2022 missing figures and gaps', () => {
  it('gives 数据不足 naming the field, never a silent pass or fail', () => {
    const verdict = tsme({
      residentEnterprise: null,
      employeeCount: 50,
      techStaffCount: 10,
      salesRevenueWanYuan: 3000,
      rdExpenseWanYuan: 120,
      costExpenseTotalWanYuan: 2800,
      ipList: ip('utilityModel', 3),
    })
    expect(verdict.qualified).toBe('needs-review')
    expect(condition(verdict, 'TSME-C1-resident')).toMatchObject({
      status: 'insufficient-data',
      missingFields: ['residentEnterprise'],
      explanation: { zh: '数据不足：缺少居民企业（residentEnterprise）。' },
    })
  })

  it('lets a definite failure win over missing data (AND)', () => {
    const verdict = tsme({
      residentEnterprise: null,
      employeeCount: 600,
      techStaffCount: 120,
      salesRevenueWanYuan: 3000,
      rdExpenseWanYuan: 120,
      costExpenseTotalWanYuan: 2800,
      ipList: ip('utilityModel', 3),
    })
    expect(verdict).toMatchObject({
      qualified: false,
      failedConditions: ['TSME-C2-employees'],
      reviewConditions: ['TSME-C1-resident'],
    })
  })

  it('reports a failed score with the points missing and the cheapest R&D increase to the next tier', () => {
    const verdict = tsme({
      employeeCount: 50,
      techStaffCount: 10,
      salesRevenueWanYuan: 3000,
      rdExpenseWanYuan: 90,
      costExpenseTotalWanYuan: 2800,
      ipList: ip('utilityModel', 3),
    })
    expect(verdict).toMatchObject({ qualified: false, score: 50, failedConditions: ['TSME-C5-score'] })
    expect(condition(verdict, 'TSME-C5-score')).toMatchObject({
      gap: { amount: 10, unit: '分' },
      explanation: { zh: '综合得分 50 分，低于 60 分，差 10 分。' },
    })
    expect(indicator(verdict, 'TSME-I-rd').gap).toEqual({
      amount: 30,
      unit: '万元',
      text: '再增加研发费用 30.00 万元',
    })
    expect(indicator(verdict, 'TSME-I-ip').gap).toEqual({ amount: 1, unit: '项', text: '再获 1 项Ⅱ类' })
  })

  it('summarises a failure with the article and the score for information (§2.7: 高企 certificate, 520 职工)', () => {
    const verdict = tsme({
      hnteCertificates: [{ issueDate: '2023-12-05' }],
      employeeCount: 520,
      techStaffCount: 156,
      salesRevenueWanYuan: 5000,
      rdExpenseWanYuan: 160,
      costExpenseTotalWanYuan: 4800,
      ipList: ip('utilityModel', 2),
    })
    expect(verdict).toMatchObject({ qualified: false, score: 52, failedConditions: ['TSME-C2-employees'] })
    expect(verdict.summary.zh).toBe(
      '不符合：职工总数 520 人，超过 500 人上限 20 人（第六条（二））。综合得分 52 分（仅供参考）。',
    )
  })
})

describe('tsme-2022 direct routes (spec §2.6)', () => {
  const weak = {
    employeeCount: 50,
    techStaffCount: 6,
    salesRevenueWanYuan: 1000,
    rdExpenseWanYuan: 25,
    costExpenseTotalWanYuan: 900,
    ipList: [],
  }
  const route = (verdict: Verdict, id: string) => verdict.routes!.find((r) => r.id === id)!

  it('does not let a route cover a failed basic condition', () => {
    const verdict = tsme({
      ...weak,
      employeeCount: 520,
      hnteCertificates: [{ issueDate: '2023-12-05', expiryDate: '2026-12-04' }],
    })
    expect(verdict).toMatchObject({ qualified: false, route: null, failedConditions: ['TSME-C2-employees'] })
  })

  it('defaults a certificate to three years less a day and refuses an expired one', () => {
    expect(
      route(tsme({ ...weak, hnteCertificates: [{ issueDate: '2022-05-11' }] }), 'hnte-certificate').status,
    ).toBe('met')
    const expired = route(
      tsme({ ...weak, hnteCertificates: [{ issueDate: '2022-05-10' }] }),
      'hnte-certificate',
    )
    expect(expired).toMatchObject({ status: 'unmet', explanation: { zh: '证书已于 2025-05-09 到期。' } })
  })

  it('reads "近五年内" as Y−4…Y inside, Y−5 unknown, earlier outside (I-TSME-5Y)', () => {
    const award = (year: number, unitRank = 3) =>
      tsme({ ...weak, nationalScienceAwards: [{ year, unitRank }] })
    expect(award(2021)).toMatchObject({ qualified: true, route: 'national-sci-tech-award' })
    const edge = award(2020)
    // A failed score path with an undecided route stays needs-review (§0.4, §2.7).
    expect(edge).toMatchObject({
      qualified: 'needs-review',
      failedConditions: ['TSME-C5-score'],
      reviewConditions: ['TSME-R-national-sci-tech-award'],
    })
    expect(award(2019).qualified).toBe(false)
    expect(route(award(2023, 4), 'national-sci-tech-award').explanation.zh).toBe(
      '获奖单位排名第 4，须前三名。',
    )
  })

  it('accepts 省部级以上 institutions of a listed type, asks about "other" types, refuses 市级', () => {
    const institution = (level: string, type: string) =>
      route(tsme({ ...weak, rdInstitutions: [{ level, type }] }), 'provincial-rd-institution').status
    expect(institution('provincial', 'enterpriseTechnologyCenter')).toBe('met')
    expect(institution('ministerial', 'other')).toBe('unknown')
    expect(institution('municipal', 'keyLaboratory')).toBe('unmet')
  })

  it('accepts 国际/国家/行业 standards with 起草单位 rank ≤ 5 only', () => {
    const standard = (level: string, draftingRank: number) =>
      route(tsme({ ...weak, ledStandards: [{ level, year: 2024, draftingRank }] }), 'led-standard')
    expect(standard('industry', 5).status).toBe('met')
    expect(standard('industry', 6).explanation.zh).toBe('起草单位排名第 6，须前五名。')
    expect(standard('group', 1).explanation.zh).toBe('团体标准不属于国际、国家、行业标准。')
  })

  it('prefers the first met route in the order of 第八条', () => {
    const verdict = tsme({
      ...weak,
      ledStandards: [{ level: 'national', year: 2024, draftingRank: 1 }],
      rdInstitutions: [{ level: 'national', type: 'keyLaboratory' }],
    })
    expect(verdict.route).toBe('provincial-rd-institution')
  })

  it('lists an undecided route for review only while the score path has not passed', () => {
    const strong = {
      employeeCount: 50,
      techStaffCount: 10,
      salesRevenueWanYuan: 3000,
      rdExpenseWanYuan: 120,
      costExpenseTotalWanYuan: 2800,
      ipList: ip('utilityModel', 3),
      rdInstitutions: [{ level: 'provincial', type: 'other' }],
    }
    expect(tsme(strong)).toMatchObject({ qualified: true, route: 'score', reviewConditions: [] })
    const open = tsme({ ...strong, costExpenseTotalWanYuan: null, rdExpenseWanYuan: 60 })
    expect(open).toMatchObject({
      qualified: 'needs-review',
      reviewConditions: ['TSME-C5-score', 'TSME-R-provincial-rd-institution'],
    })
  })
})
