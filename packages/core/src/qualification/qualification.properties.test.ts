import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  evaluateQualification,
  evaluateValidated,
  validateQualificationInput,
} from './evaluate-qualification'
import {
  type HnteInput,
  type HnteIpItem,
  IP_TYPES,
  type TsmeInput,
  type TsmeIpItem,
} from './qualification.schemas'
import type { RuleSetId, Verdict } from './qualification-verdict'

// Properties of M3: more R&D or more 科技人员 never lowers a score; fields a rule does not read never change a
// verdict; and every money threshold is decided exactly (checked against an integer-cents oracle).

const money = (maxWanYuan: number) =>
  fc.integer({ min: 0, max: maxWanYuan * 100 }).map((cents) => cents / 100)
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 8 })

const tsmeIpItem: fc.Arbitrary<TsmeIpItem> = fc.record({
  type: fc.constantFrom(...IP_TYPES),
  valid: fc.boolean(),
  relatedToMainProducts: fc.boolean(),
  disputed: fc.boolean(),
})

const tsmeInput: fc.Arbitrary<TsmeInput> = fc
  .record({
    employeeCount: fc.integer({ min: 0, max: 600 }),
    techShare: fc.double({ min: 0, max: 1, noNaN: true }),
    salesRevenueWanYuan: maybe(money(25_000)),
    totalAssetsWanYuan: maybe(money(25_000)),
    rdExpenseWanYuan: maybe(money(3_000)),
    costExpenseTotalWanYuan: maybe(money(25_000)),
    residentEnterprise: maybe(fc.boolean()),
    industryRestrictedOrEliminated: maybe(fc.boolean()),
    ipList: maybe(fc.array(tsmeIpItem, { maxLength: 8 })),
    hasCertificate: fc.boolean(),
  })
  .map((r) => ({
    evaluationDate: '2025-05-10',
    dataYear: 2024,
    residentEnterprise: r.residentEnterprise,
    accountingSound: true,
    taxCollectionMethod: 'audit' as const,
    employeeCount: r.employeeCount,
    techStaffCount: Math.floor(r.employeeCount * r.techShare),
    salesRevenueWanYuan: r.salesRevenueWanYuan,
    totalAssetsWanYuan: r.totalAssetsWanYuan,
    rdExpenseWanYuan: r.rdExpenseWanYuan,
    costExpenseTotalWanYuan: r.costExpenseTotalWanYuan,
    industryRestrictedOrEliminated: r.industryRestrictedOrEliminated,
    industryExcludedFromRdSuperDeduction: false,
    majorIncidentOrMisconduct: false,
    onAbnormalOrSeriousDishonestList: false,
    ipList: r.ipList,
    hnteCertificates: r.hasCertificate ? [{ issueDate: '2024-01-01' }] : [],
  }))

const hnteIpItem: fc.Arbitrary<HnteIpItem> = fc.record({
  type: fc.constantFrom(...IP_TYPES),
  status: fc.constantFrom('granted', 'granted', 'pending', 'expired', 'invalid'),
  ownedByApplicant: fc.boolean(),
  acquisition: fc.constantFrom('self-developed', 'transfer', 'gift', 'merger'),
  usedInPriorHnteApplication: fc.boolean(),
})

const hnteYear = fc.record({
  // Biased towards the 5000 / 20000 万元 bounds that choose the R&D floor.
  sales: fc.oneof(money(30_000), fc.constantFrom(0, 4999.99, 5000, 5000.01, 20000, 20000.01)),
  rd: money(2_000),
  domesticShare: fc.integer({ min: 0, max: 100 }),
  netAssets: fc.integer({ min: -100_000, max: 2_000_000 }).map((cents) => cents / 100),
})

const hnteInput: fc.Arbitrary<HnteInput> = fc
  .record({
    years: fc.tuple(hnteYear, hnteYear, hnteYear),
    totalIncome: money(30_000),
    hiTechShare: fc.integer({ min: 0, max: 100 }),
    employeeCount: fc.integer({ min: 1, max: 500 }),
    techShare: fc.integer({ min: 0, max: 100 }),
    ipList: maybe(fc.array(hnteIpItem, { maxLength: 8 })),
    transformationCount3y: maybe(fc.integer({ min: 0, max: 20 })),
    participatedStandards: maybe(fc.boolean()),
    coreIpSupportConfirmed: maybe(fc.boolean()),
  })
  .map((r) => ({
    applicationDate: '2025-07-01',
    registrationDate: '2016-04-20',
    residentEnterprise: true,
    fiscalYears: r.years.map((y, i) => ({
      year: 2022 + i,
      salesRevenueWanYuan: y.sales,
      rdExpenseWanYuan: y.rd,
      rdExpenseDomesticWanYuan: Math.floor(y.rd * y.domesticShare) / 100,
      netAssetsYearEndWanYuan: y.netAssets,
      ...(i === 2
        ? {
            totalIncomeWanYuan: r.totalIncome,
            hiTechRevenueWanYuan: Math.floor(r.totalIncome * r.hiTechShare) / 100,
            employeeCount: r.employeeCount,
            techStaffCount: Math.floor((r.employeeCount * r.techShare) / 100),
          }
        : {}),
    })),
    ipList: r.ipList,
    coreIpSupportConfirmed: r.coreIpSupportConfirmed,
    techDomainConfirmed: true,
    majorIncidentWithinYear: false,
    transformationCount3y: r.transformationCount3y,
    participatedStandards: r.participatedStandards,
  }))

/** What a verdict decides, without the trace text that merely echoes the input. */
function decision(verdict: Verdict) {
  return {
    qualified: verdict.qualified,
    route: verdict.route,
    score: verdict.score,
    scoreBand: verdict.scoreBand,
    failedConditions: verdict.failedConditions,
    reviewConditions: verdict.reviewConditions,
    conditions: verdict.conditions.map((c) => ({ id: c.id, status: c.status, gap: c.gap })),
    indicators: verdict.indicators.map((i) => ({ id: i.id, band: i.band })),
  }
}

const STATUS_RANK = { fail: 0, 'insufficient-data': 1, 'needs-judgement': 1, pass: 2 } as const
const statusOf = (verdict: Verdict, id: string) =>
  STATUS_RANK[verdict.conditions.find((c) => c.id === id)!.status]

describe('monotonicity: more R&D or more 科技人员 never lowers a score', () => {
  it('tsme-2022: raising 研发费用 never lowers either end of the score band', () => {
    fc.assert(
      fc.property(tsmeInput, money(2_000), (input, raise) => {
        fc.pre(input.rdExpenseWanYuan != null)
        const before = evaluateQualification('tsme-2022', input)
        const rdExpenseWanYuan = (Math.round(input.rdExpenseWanYuan! * 100) + Math.round(raise * 100)) / 100
        const after = evaluateQualification('tsme-2022', { ...input, rdExpenseWanYuan })
        expect(after.scoreBand.min).toBeGreaterThanOrEqual(before.scoreBand.min)
        expect(after.scoreBand.max).toBeGreaterThanOrEqual(before.scoreBand.max)
      }),
    )
  })

  it('tsme-2022: raising 科技人员 (within 职工总数) never lowers the score', () => {
    fc.assert(
      fc.property(tsmeInput, fc.integer({ min: 1, max: 300 }), (input, raise) => {
        const techStaffCount = Math.min(input.employeeCount!, input.techStaffCount! + raise)
        const before = evaluateQualification('tsme-2022', input)
        const after = evaluateQualification('tsme-2022', { ...input, techStaffCount })
        expect(after.scoreBand.min).toBeGreaterThanOrEqual(before.scoreBand.min)
        expect(after.scoreBand.max).toBeGreaterThanOrEqual(before.scoreBand.max)
        expect(statusOf(after, 'TSME-C5-tech-staff-nonzero')).toBeGreaterThanOrEqual(
          statusOf(before, 'TSME-C5-tech-staff-nonzero'),
        )
      }),
    )
  })

  it('hnte-2016: raising 境内研发费用 in a year never worsens HNTE-5 nor lowers the score band', () => {
    fc.assert(
      fc.property(hnteInput, fc.integer({ min: 0, max: 2 }), money(500), (input, yearIndex, raise) => {
        const before = evaluateQualification('hnte-2016', input)
        const fiscalYears = input.fiscalYears.map((year, i) => {
          if (i !== yearIndex) return year
          const add = (v: number | null | undefined) => (Math.round(v! * 100) + Math.round(raise * 100)) / 100
          return {
            ...year,
            rdExpenseWanYuan: add(year.rdExpenseWanYuan),
            rdExpenseDomesticWanYuan: add(year.rdExpenseDomesticWanYuan),
          }
        })
        const after = evaluateQualification('hnte-2016', { ...input, fiscalYears })
        expect(statusOf(after, 'HNTE-5-rd-ratio')).toBeGreaterThanOrEqual(statusOf(before, 'HNTE-5-rd-ratio'))
        expect(statusOf(after, 'HNTE-5-domestic-rd-60pct')).toBeGreaterThanOrEqual(
          statusOf(before, 'HNTE-5-domestic-rd-60pct'),
        )
        expect(after.scoreBand.min).toBeGreaterThanOrEqual(before.scoreBand.min)
        expect(after.scoreBand.max).toBeGreaterThanOrEqual(before.scoreBand.max)
      }),
    )
  })

  it('hnte-2016: raising 科技人员 never turns HNTE-4 from pass to fail', () => {
    fc.assert(
      fc.property(hnteInput, fc.integer({ min: 1, max: 100 }), (input, raise) => {
        const last = input.fiscalYears[2]!
        const techStaffCount = Math.min(last.employeeCount!, last.techStaffCount! + raise)
        const before = evaluateQualification('hnte-2016', input)
        const after = evaluateQualification('hnte-2016', {
          ...input,
          fiscalYears: [...input.fiscalYears.slice(0, 2), { ...last, techStaffCount }],
        })
        expect(statusOf(after, 'HNTE-4-tech-staff-10pct')).toBeGreaterThanOrEqual(
          statusOf(before, 'HNTE-4-tech-staff-10pct'),
        )
      }),
    )
  })
})

describe('irrelevant fields never change the verdict', () => {
  it('tsme-2022: the 收入占比 is ignored once the excluded-industry flag is known; order and 商标 do not count', () => {
    fc.assert(
      fc.property(
        tsmeInput,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(5),
        (input, ratio, trademarks) => {
          const before = decision(evaluateQualification('tsme-2022', input))
          const ipList =
            input.ipList == null
              ? null
              : [
                  ...[...input.ipList].reverse(),
                  ...Array.from({ length: trademarks }, () => ({
                    type: 'trademark' as const,
                    valid: true,
                    relatedToMainProducts: true,
                    disputed: false,
                  })),
                ]
          const after = decision(
            evaluateQualification('tsme-2022', { ...input, excludedIndustryRevenueRatio: ratio, ipList }),
          )
          expect(after).toEqual(before)
        },
      ),
    )
  })

  it('hnte-2016: last-year-only figures of earlier years, unusable IP and IP order do not count', () => {
    fc.assert(
      fc.property(hnteInput, money(10_000), fc.integer({ min: 1, max: 50 }), (input, figure, count) => {
        const before = decision(evaluateQualification('hnte-2016', input))
        const unusable: HnteIpItem[] = [
          {
            type: 'invention',
            status: 'pending',
            ownedByApplicant: true,
            acquisition: 'self-developed',
            usedInPriorHnteApplication: false,
          },
          {
            type: 'utilityModel',
            status: 'granted',
            ownedByApplicant: false,
            acquisition: 'self-developed',
            usedInPriorHnteApplication: false,
          },
          {
            type: 'trademark',
            status: 'granted',
            ownedByApplicant: true,
            acquisition: 'self-developed',
            usedInPriorHnteApplication: false,
          },
        ]
        const after = decision(
          evaluateQualification('hnte-2016', {
            ...input,
            fiscalYears: input.fiscalYears.map((year, i) =>
              i === 2
                ? year
                : {
                    ...year,
                    totalIncomeWanYuan: figure,
                    hiTechRevenueWanYuan: figure,
                    employeeCount: count,
                    techStaffCount: count,
                  },
            ),
            ipList: input.ipList == null ? null : [...unusable, ...[...input.ipList].reverse()],
          }),
        )
        expect(after).toEqual(before)
      }),
    )
  })
})

describe('exact boundaries against an integer-cents oracle', () => {
  it('tsme-2022: sales and assets pass exactly when their cents are ≤ 2 000 000', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_999_990, max: 2_000_010 }),
        fc.integer({ min: 1_999_990, max: 2_000_010 }),
        (s, a) => {
          const verdict = evaluateQualification('tsme-2022', {
            evaluationDate: '2025-05-10',
            dataYear: 2024,
            salesRevenueWanYuan: s / 100,
            totalAssetsWanYuan: a / 100,
          })
          expect(statusOf(verdict, 'TSME-C2-sales')).toBe(s <= 2_000_000 ? 2 : 0)
          expect(statusOf(verdict, 'TSME-C2-assets')).toBe(a <= 2_000_000 ? 2 : 0)
        },
      ),
    )
  })

  it('tsme-2022: the R&D/sales tier equals the tier found with integer cents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_000_000 }),
        fc.integer({ min: 0, max: 300_000 }),
        (salesCents, rdCents) => {
          const verdict = evaluateQualification('tsme-2022', {
            evaluationDate: '2025-05-10',
            dataYear: 2024,
            salesRevenueWanYuan: salesCents / 100,
            rdExpenseWanYuan: rdCents / 100,
            costExpenseTotalWanYuan: 0,
          })
          // rd / sales ≥ p% ⇔ 100 · rd ≥ p · sales, in integers.
          const points = [6, 5, 4, 3, 2].findIndex((p) => 100 * rdCents >= p * salesCents)
          const expected = points === -1 ? 0 : [50, 40, 30, 20, 10][points]!
          expect(verdict.indicators.find((i) => i.id === 'TSME-I-rd')!.band.min).toBe(expected)
        },
      ),
    )
  })

  it('hnte-2016: the R&D ratio floor is met exactly when 100 · ΣR ≥ T · ΣS in cents', () => {
    fc.assert(
      fc.property(hnteInput, (input) => {
        const cents = (v: number | null | undefined) => BigInt(Math.round(v! * 100))
        const totalSales = input.fiscalYears.reduce((s, y) => s + cents(y.salesRevenueWanYuan), 0n)
        const totalRd = input.fiscalYears.reduce((s, y) => s + cents(y.rdExpenseWanYuan), 0n)
        const latest = cents(input.fiscalYears[2]!.salesRevenueWanYuan)
        const floor = latest <= 500_000n ? 5n : latest <= 2_000_000n ? 4n : 3n
        const expected = totalSales > 0n && 100n * totalRd >= floor * totalSales ? 2 : 0
        expect(statusOf(evaluateQualification('hnte-2016', input), 'HNTE-5-rd-ratio')).toBe(expected)
      }),
    )
  })
})

describe('evaluateValidated (the screening entry) and evaluateQualification', () => {
  // Young firms (1–2 fiscal years) and missing figures as well, so the 数据不足 texts are compared too.
  const hnteVariant: fc.Arbitrary<HnteInput> = fc
    .tuple(hnteInput, fc.integer({ min: 0, max: 2 }), fc.boolean())
    .map(([input, dropped, netAssetsUnknown]) => ({
      ...input,
      // Registered in the first year of the window: the fiscal years start there.
      registrationDate: dropped === 0 ? input.registrationDate : `${2022 + dropped}-03-15`,
      fiscalYears: input.fiscalYears
        .slice(dropped)
        .map((year, i) => (netAssetsUnknown && i === 0 ? { ...year, netAssetsYearEndWanYuan: null } : year)),
    }))

  /** Both entries on one raw input; the JSON of the two verdicts (what an API sends) with every text filled. */
  function bothPaths(ruleSetId: RuleSetId, input: unknown): [string, string] {
    const validation = validateQualificationInput(ruleSetId, input)
    if (!validation.success) throw new Error(validation.issues.map((issue) => issue.message).join('；'))
    return [
      JSON.stringify(evaluateValidated(ruleSetId, validation.input)),
      JSON.stringify(evaluateQualification(ruleSetId, input)),
    ]
  }

  function expectTextsPresent(json: string) {
    const verdict = JSON.parse(json) as Verdict
    expect(verdict.summary.zh.length).toBeGreaterThan(0)
    for (const trace of [...verdict.conditions, ...verdict.indicators, ...(verdict.routes ?? [])]) {
      expect(typeof trace.explanation.zh).toBe('string')
      expect(typeof trace.explanation.en).toBe('string')
    }
  }

  it('tsme-2022: identical verdicts, explanations included', () => {
    fc.assert(
      fc.property(tsmeInput, (input) => {
        const [validated, raw] = bothPaths('tsme-2022', input)
        expect(validated).toBe(raw)
        expectTextsPresent(validated)
      }),
      { numRuns: 300 },
    )
  })

  it('hnte-2016: identical verdicts, explanations included', () => {
    fc.assert(
      fc.property(hnteVariant, (input) => {
        const [validated, raw] = bothPaths('hnte-2016', input)
        expect(validated).toBe(raw)
        expectTextsPresent(validated)
      }),
      { numRuns: 300 },
    )
  })

  it('fills a text when it is read, and the same text every time', () => {
    fc.assert(
      fc.property(hnteVariant, (input) => {
        const verdict = evaluateQualification('hnte-2016', input)
        const first = verdict.conditions.map((c) => c.explanation.zh)
        expect(verdict.conditions.map((c) => c.explanation.zh)).toEqual(first)
        expect(JSON.stringify(verdict)).toContain(JSON.stringify(verdict.summary.zh))
      }),
      { numRuns: 50 },
    )
  })
})
