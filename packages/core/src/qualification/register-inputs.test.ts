import { describe, expect, it } from 'vitest'
import {
  HNTE_IP_ASSUMPTION,
  NO_IP_ASSUMPTION,
  RESIDENT_ASSUMPTION,
  buildHnteRegisterInput,
  buildTsmeRegisterInput,
  evaluateRegisterFacts,
  isRdSuperDeductionExcludedIndustry,
  pickYearRows,
  type RegisterFacts,
  type RegisterYearRow,
} from './register-inputs'

function yearRow(year: number, figures: Partial<RegisterYearRow> = {}): RegisterYearRow {
  return {
    year,
    updatedAt: '2025-01-01 00:00:00+00',
    employeeCount: 100,
    techStaffCount: 20,
    rdStaffCount: 10,
    salesRevenueWanYuan: 8000,
    operatingRevenueWanYuan: 8500,
    totalIncomeWanYuan: 8600,
    costExpenseTotalWanYuan: 7000,
    rdExpenseWanYuan: 400,
    rdExpenseDomesticWanYuan: 390,
    totalAssetsWanYuan: 9000,
    netAssetsWanYuan: 4000,
    hiTechRevenueWanYuan: 6000,
    profitWanYuan: 100,
    taxWanYuan: 50,
    ...figures,
  }
}

function factsOf(overrides: Partial<RegisterFacts> = {}): RegisterFacts {
  return {
    foundedOn: '2015-03-01',
    industryCode: 'C3911',
    years: [yearRow(2022), yearRow(2023), yearRow(2024)],
    ip: [
      {
        type: 'invention',
        legalStatus: 'granted',
        grantedOn: '2020-01-01',
        expiresOn: null,
        usedInPriorHnteApplication: false,
      },
    ],
    qualifications: [],
    platforms: [],
    ...overrides,
  }
}

describe('buildTsmeRegisterInput', () => {
  it('takes the figures of the year before the evaluation year and leaves unknowable flags null', () => {
    const built = buildTsmeRegisterInput(
      factsOf({
        years: [yearRow(2023, { salesRevenueWanYuan: 1 }), yearRow(2024, { salesRevenueWanYuan: 7777 })],
      }),
      '2025-06-30',
    )
    expect(built.problems).toEqual([])
    expect(built.checkedInput).not.toBeNull()
    expect(built.input).toMatchObject({
      evaluationDate: '2025-06-30',
      dataYear: 2024,
      salesRevenueWanYuan: 7777,
      residentEnterprise: true,
      accountingSound: null,
      taxCollectionMethod: null,
      industryRestrictedOrEliminated: null,
      majorIncidentOrMisconduct: null,
      onAbnormalOrSeriousDishonestList: null,
      industryExcludedFromRdSuperDeduction: false,
    })
    expect(built.assumptions).toContain(RESIDENT_ASSUMPTION)
  })

  it('reads IP as valid only when granted by the date and not expired, related and undisputed', () => {
    const built = buildTsmeRegisterInput(
      factsOf({
        ip: [
          {
            type: 'invention',
            legalStatus: 'granted',
            grantedOn: '2020-01-01',
            expiresOn: null,
            usedInPriorHnteApplication: false,
          },
          {
            type: 'utilityModel',
            legalStatus: 'granted',
            grantedOn: '2025-07-01',
            expiresOn: null,
            usedInPriorHnteApplication: false,
          },
          {
            type: 'design',
            legalStatus: 'granted',
            grantedOn: '2010-01-01',
            expiresOn: '2020-01-01',
            usedInPriorHnteApplication: false,
          },
          {
            type: 'invention',
            legalStatus: 'pending',
            grantedOn: null,
            expiresOn: null,
            usedInPriorHnteApplication: false,
          },
        ],
      }),
      '2025-06-30',
    )
    expect(built.input?.ipList?.map((ip) => ip.valid)).toEqual([true, false, false, false])
    expect(built.input?.ipList?.every((ip) => ip.relatedToMainProducts && !ip.disputed)).toBe(true)
  })

  it('names the missing data year and keeps its figures unknown', () => {
    const built = buildTsmeRegisterInput(factsOf({ years: [yearRow(2022)] }), '2025-06-30')
    expect(built.input?.employeeCount).toBeNull()
    expect(built.assumptions).toContain('登记库没有 2024 年度的经营数据')
  })

  it('counts provincial and national built platforms of the spec types as R&D institutions', () => {
    const built = buildTsmeRegisterInput(
      factsOf({
        platforms: [
          { type: 'key_laboratory', level: 'provincial', status: 'built' },
          { type: 'enterprise_technology_center', level: 'municipal', status: 'built' },
          { type: 'engineering_research_center', level: 'national', status: 'striving' },
          { type: 'incubator', level: 'national', status: 'built' },
        ],
      }),
      '2025-06-30',
    )
    expect(built.input?.rdInstitutions).toEqual([{ level: 'provincial', type: 'keyLaboratory' }])
  })

  it('takes held 高企 qualifications with a start date as certificates', () => {
    const built = buildTsmeRegisterInput(
      factsOf({
        qualifications: [
          { type: 'hnte', status: 'held', year: 2023, validFrom: '2023-11-01', validTo: '2026-10-31' },
          { type: 'hnte', status: 'held', year: 2020, validFrom: null, validTo: null },
          { type: 'hnte', status: 'target', year: null, validFrom: '2024-01-01', validTo: null },
        ],
      }),
      '2025-06-30',
    )
    expect(built.input?.hnteCertificates).toEqual([{ issueDate: '2023-11-01', expiryDate: '2026-10-31' }])
    const verdict = evaluateRegisterFacts(
      factsOf({
        qualifications: [
          { type: 'hnte', status: 'held', year: 2023, validFrom: '2023-11-01', validTo: '2026-10-31' },
        ],
      }),
      '2025-06-30',
    )[0].verdict
    expect(verdict?.routes?.find((r) => r.id === 'hnte-certificate')?.status).toBe('met')
  })

  it('rejects impossible figures with a Chinese problem and gives no verdict', () => {
    const [tsme] = evaluateRegisterFacts(
      factsOf({ years: [yearRow(2024, { techStaffCount: 200, employeeCount: 100 })] }),
      '2025-06-30',
    )
    expect(tsme.verdict).toBeNull()
    expect(tsme.checkedInput).toBeNull()
    expect(tsme.problems[0]?.message).toContain('科技人员数')
  })

  it('rejects money with more than two decimals', () => {
    const built = buildTsmeRegisterInput(
      factsOf({ years: [yearRow(2024, { rdExpenseWanYuan: 1.234 })] }),
      '2025-06-30',
    )
    expect(built.problems.map((p) => p.path)).toContain('rdExpenseWanYuan')
  })
})

describe('buildHnteRegisterInput', () => {
  it('cannot evaluate without a founding date', () => {
    const built = buildHnteRegisterInput(factsOf({ foundedOn: null }), '2025-06-30')
    expect(built.input).toBeNull()
    expect(built.problems).toEqual([
      { path: 'registrationDate', message: '注册成立日期不详，无法进行高新技术企业预评价' },
    ])
  })

  it('lists the three fiscal years before the application year, the last with its extra figures', () => {
    const built = buildHnteRegisterInput(factsOf(), '2025-06-30')
    expect(built.problems).toEqual([])
    const years = built.input!.fiscalYears
    expect(years.map((y) => y.year)).toEqual([2022, 2023, 2024])
    expect(years[0]).not.toHaveProperty('totalIncomeWanYuan')
    expect(years[2]).toMatchObject({
      totalIncomeWanYuan: 8600,
      hiTechRevenueWanYuan: 6000,
      employeeCount: 100,
    })
    expect(built.input).toMatchObject({
      applicationDate: '2025-06-30',
      registrationDate: '2015-03-01',
      coreIpSupportConfirmed: null,
      techDomainConfirmed: null,
      majorIncidentWithinYear: null,
      transformationCount3y: null,
      participatedStandards: null,
    })
    expect(built.assumptions).toContain(HNTE_IP_ASSUMPTION)
  })

  it('starts with the registration year for a young enterprise and leaves unknown years null', () => {
    const built = buildHnteRegisterInput(
      factsOf({ foundedOn: '2023-05-01', years: [yearRow(2024)] }),
      '2025-06-30',
    )
    expect(built.input!.fiscalYears.map((y) => [y.year, y.salesRevenueWanYuan])).toEqual([
      [2023, null],
      [2024, 8000],
    ])
    expect(built.assumptions).toContain('登记库没有 2023 年度的经营数据')
  })

  it('reads a grant after the application date as pending and a lapsed term as expired', () => {
    const built = buildHnteRegisterInput(
      factsOf({
        ip: [
          {
            type: 'invention',
            legalStatus: 'granted',
            grantedOn: '2025-07-01',
            expiresOn: null,
            usedInPriorHnteApplication: false,
          },
          {
            type: 'utilityModel',
            legalStatus: 'granted',
            grantedOn: '2015-01-01',
            expiresOn: '2025-01-01',
            usedInPriorHnteApplication: true,
          },
        ],
      }),
      '2025-06-30',
    )
    expect(built.input!.ipList).toEqual([
      {
        type: 'invention',
        status: 'pending',
        ownedByApplicant: true,
        acquisition: 'self-developed',
        usedInPriorHnteApplication: false,
      },
      {
        type: 'utilityModel',
        status: 'expired',
        ownedByApplicant: true,
        acquisition: 'self-developed',
        usedInPriorHnteApplication: true,
      },
    ])
  })

  it('says when the register has no IP at all', () => {
    expect(buildHnteRegisterInput(factsOf({ ip: [] }), '2025-06-30').assumptions).toContain(NO_IP_ASSUMPTION)
  })

  it('rejects a founding date after the application date', () => {
    const built = buildHnteRegisterInput(factsOf({ foundedOn: '2025-08-01' }), '2025-06-30')
    expect(built.checkedInput).toBeNull()
    expect(built.problems[0]?.path).toBe('registrationDate')
  })

  it('never passes a condition the register cannot know', () => {
    const [tsme, hnte] = evaluateRegisterFacts(factsOf(), '2025-06-30')
    expect(tsme.verdict?.qualified).not.toBe(true)
    expect(hnte.verdict?.qualified).not.toBe(true)
    expect(hnte.verdict?.reviewConditions).toEqual(
      expect.arrayContaining(['HNTE-3-tech-domain', 'HNTE-8-no-major-incident']),
    )
    expect(tsme.verdict?.reviewConditions).toEqual(
      expect.arrayContaining(['TSME-C1-accounting', 'TSME-C4-integrity']),
    )
  })
})

describe('pickYearRows', () => {
  it('takes the row with most known figures, then the latest updated, never a mix', () => {
    const sparse = yearRow(2024, {
      rdExpenseWanYuan: null,
      rdExpenseDomesticWanYuan: 999,
      updatedAt: '2025-03-01',
    })
    const full = yearRow(2024, { rdExpenseDomesticWanYuan: 10, updatedAt: '2025-01-01' })
    expect(pickYearRows([sparse, full]).get(2024)).toBe(full)
    const later = yearRow(2024, { updatedAt: '2025-02-01', salesRevenueWanYuan: 1 })
    expect(pickYearRows([full, later]).get(2024)).toBe(later)
  })
})

describe('isRdSuperDeductionExcludedIndustry', () => {
  it.each([
    ['C16', true],
    ['C1610', true],
    ['1610', true],
    ['F', true],
    ['F5123', true],
    ['H61', true],
    ['K70', true],
    ['L72', true],
    ['R90', true],
    ['R88', false],
    ['C39', false],
    ['3911', false],
    ['A', false],
    ['C', null],
    ['R', null],
    ['xyz', null],
    [null, null],
  ] as const)('reads %s as %s', (code, expected) => {
    expect(isRdSuperDeductionExcludedIndustry(code)).toBe(expected)
  })
})
