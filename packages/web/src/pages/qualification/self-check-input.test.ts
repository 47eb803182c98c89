import { describe, expect, it } from 'vitest'
import { SELF_CHECK_LAYOUTS } from '@kechuang/core/qualification'
import dayjs from 'dayjs'
import { initialFormValues, toFormValues, toNamePath, toRuleInput } from './self-check-input'

const TSME = SELF_CHECK_LAYOUTS['tsme-2022']
const HNTE = SELF_CHECK_LAYOUTS['hnte-2016']

describe('toRuleInput', () => {
  it('leaves empty fields out, reads 不确定 as unknown (null) and never as "no"', () => {
    const input = toRuleInput(TSME, {
      evaluationDate: dayjs('2025-05-10'),
      dataYear: 2024,
      residentEnterprise: 'true',
      accountingSound: 'unknown',
      industryRestrictedOrEliminated: 'false',
      employeeCount: 100,
      techStaffCount: null,
      salesRevenueWanYuan: undefined,
      ipList: [{ type: 'invention', valid: 'true', relatedToMainProducts: 'true', disputed: 'false' }],
      hnteCertificates: [],
    })
    expect(input).toEqual({
      evaluationDate: '2025-05-10',
      dataYear: 2024,
      residentEnterprise: true,
      accountingSound: null,
      industryRestrictedOrEliminated: false,
      employeeCount: 100,
      ipList: [{ type: 'invention', valid: true, relatedToMainProducts: true, disputed: false }],
    })
  })

  it('sends an empty IP table as "no IP" and keeps the 高企 fiscal years in order', () => {
    const input = toRuleInput(HNTE, {
      applicationDate: dayjs('2025-07-01'),
      registrationDate: dayjs('2016-04-20'),
      fiscalYears: [
        { year: 2023, salesRevenueWanYuan: 900 },
        { year: 2024, salesRevenueWanYuan: 1260, netAssetsYearEndWanYuan: -300 },
      ],
    })
    expect(input).toEqual({
      applicationDate: '2025-07-01',
      registrationDate: '2016-04-20',
      fiscalYears: [
        { year: 2023, salesRevenueWanYuan: 900 },
        { year: 2024, salesRevenueWanYuan: 1260, netAssetsYearEndWanYuan: -300 },
      ],
      ipList: [],
    })
  })
})

describe('toFormValues', () => {
  it('round-trips an input through the form', () => {
    const input = {
      evaluationDate: '2025-05-10',
      dataYear: 2024,
      accountingSound: null,
      taxCollectionMethod: 'audit',
      employeeCount: 100,
      ipList: [{ type: 'utilityModel', valid: true, relatedToMainProducts: false, disputed: false }],
      ledStandards: [{ level: 'national', year: 2023, draftingRank: 2 }],
    }
    const values = toFormValues(TSME, input)
    expect(values.accountingSound).toBe('unknown')
    expect(dayjs.isDayjs(values.evaluationDate)).toBe(true)
    expect(toRuleInput(TSME, values)).toEqual(input)
  })

  it('drops fields the rule set does not ask for', () => {
    expect(toFormValues(TSME, { turnover: 5, employeeCount: 3 })).toEqual({
      employeeCount: 3,
      ipList: [],
      hnteCertificates: [],
      nationalScienceAwards: [],
      rdInstitutions: [],
      ledStandards: [],
    })
  })
})

describe('initialFormValues', () => {
  it('starts 高企 with the three years before the application year', () => {
    const values = initialFormValues(HNTE, dayjs('2025-07-01'))
    expect(values.fiscalYears).toEqual([{ year: 2022 }, { year: 2023 }, { year: 2024 }])
  })
})

describe('toNamePath', () => {
  it('turns an API problem path into the form name path', () => {
    expect(toNamePath('fiscalYears.1.rdExpenseDomesticWanYuan')).toEqual([
      'fiscalYears',
      1,
      'rdExpenseDomesticWanYuan',
    ])
    expect(toNamePath('techStaffCount')).toEqual(['techStaffCount'])
    expect(toNamePath('')).toEqual([])
  })
})
