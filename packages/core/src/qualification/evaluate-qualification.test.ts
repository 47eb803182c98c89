import { describe, expect, it } from 'vitest'
import { AppError } from '../errors/define-errors'
import { evaluateQualification, validateQualificationInput } from './evaluate-qualification'

// §0.6: invalid input is rejected as a whole, with a Chinese message naming the field — never evaluated.
const TSME = {
  evaluationDate: '2025-05-10',
  dataYear: 2024,
  residentEnterprise: true,
  employeeCount: 50,
  techStaffCount: 10,
  salesRevenueWanYuan: 3000,
  rdExpenseWanYuan: 120,
}

const HNTE = {
  applicationDate: '2025-07-01',
  registrationDate: '2016-04-20',
  fiscalYears: [2022, 2023, 2024].map((year) => ({
    year,
    salesRevenueWanYuan: 1000,
    rdExpenseWanYuan: 60,
    rdExpenseDomesticWanYuan: 60,
    netAssetsYearEndWanYuan: 500,
    ...(year === 2024
      ? { totalIncomeWanYuan: 1000, hiTechRevenueWanYuan: 800, employeeCount: 20, techStaffCount: 5 }
      : {}),
  })),
  ipList: [
    {
      type: 'invention',
      status: 'granted',
      ownedByApplicant: true,
      acquisition: 'self-developed',
      usedInPriorHnteApplication: false,
    },
  ],
  transformationCount3y: 9,
}

function rejection(ruleSet: 'tsme-2022' | 'hnte-2016', input: unknown): AppError {
  try {
    evaluateQualification(ruleSet, input)
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected the input to be rejected')
}

function withLastYear(fields: Record<string, unknown>) {
  return { ...HNTE, fiscalYears: HNTE.fiscalYears.map((y, i) => (i === 2 ? { ...y, ...fields } : y)) }
}

describe('rejecting invalid tsme-2022 input', () => {
  it('accepts the valid base input', () => {
    expect(validateQualificationInput('tsme-2022', TSME).success).toBe(true)
  })

  it('rejects a negative money field with the error code, status and a message naming the field', () => {
    const error = rejection('tsme-2022', { ...TSME, salesRevenueWanYuan: -1 })
    expect(error).toMatchObject({ code: 'QUALIFICATION_INPUT_INVALID', status: 400 })
    expect(error.message).toBe('企业数据不符合要求：年销售收入（salesRevenueWanYuan）不能为负数')
    expect(error.details).toEqual([
      { path: 'salesRevenueWanYuan', message: '年销售收入（salesRevenueWanYuan）不能为负数' },
    ])
  })

  it('rejects money with more than two decimals', () => {
    expect(rejection('tsme-2022', { ...TSME, totalAssetsWanYuan: 100.001 }).message).toContain(
      '资产总额（totalAssetsWanYuan）最多保留 2 位小数（万元）',
    )
  })

  it('rejects a negative head count', () => {
    expect(rejection('tsme-2022', { ...TSME, employeeCount: -1, techStaffCount: 0 }).message).toContain(
      '职工总数（employeeCount）不能为负数',
    )
  })

  it('rejects 科技人员 > 职工总数', () => {
    expect(rejection('tsme-2022', { ...TSME, techStaffCount: 51 }).message).toContain(
      '科技人员数（techStaffCount） 51 人不能大于职工总数（employeeCount） 50 人',
    )
  })

  it('rejects dates that are not real YYYY-MM-DD dates', () => {
    expect(rejection('tsme-2022', { ...TSME, evaluationDate: '2025/05/10' }).message).toContain(
      '评价日期（evaluationDate）应为 YYYY-MM-DD 格式的有效日期',
    )
    expect(rejection('tsme-2022', { ...TSME, evaluationDate: '2025-02-29' }).details).toEqual([
      { path: 'evaluationDate', message: '评价日期（evaluationDate）应为 YYYY-MM-DD 格式的有效日期' },
    ])
  })

  it('rejects a dataYear other than the year before the evaluation', () => {
    expect(rejection('tsme-2022', { ...TSME, dataYear: 2025 }).message).toContain(
      '数据年度（dataYear）应为评价年度的上一年（2024），而不是 2025',
    )
  })

  it('rejects an excluded-industry share outside [0, 1]', () => {
    expect(rejection('tsme-2022', { ...TSME, excludedIndustryRevenueRatio: 1.2 }).message).toContain(
      '不适用加计扣除行业主营业务收入占比（excludedIndustryRevenueRatio）应在 0 到 1 之间',
    )
  })

  it('rejects a rank that is not an integer ≥ 1', () => {
    expect(
      rejection('tsme-2022', { ...TSME, nationalScienceAwards: [{ year: 2024, unitRank: 0 }] }).details,
    ).toEqual([
      { path: 'nationalScienceAwards.0.unitRank', message: '获奖单位排名（unitRank）应为不小于 1 的整数' },
    ])
    expect(
      rejection('tsme-2022', {
        ...TSME,
        ledStandards: [{ level: 'national', year: 2024, draftingRank: 1.5 }],
      }).message,
    ).toContain('起草单位排名（draftingRank）应为不小于 1 的整数')
  })

  it('rejects unknown fields, naming them in Chinese', () => {
    expect(rejection('tsme-2022', { ...TSME, netProfitWanYuan: 1 }).details).toEqual([
      { path: '', message: '不支持的字段：netProfitWanYuan' },
    ])
    expect(rejection('hnte-2016', { ...HNTE, expertScores: { ipQuality: 3 } }).details).toEqual([
      { path: 'expertScores', message: '不支持的字段：ipQuality' },
    ])
  })

  it('rejects a missing required field with a Chinese message', () => {
    const { evaluationDate: _omitted, ...withoutDate } = TSME
    expect(rejection('tsme-2022', withoutDate).message).toBe(
      '企业数据不符合要求：评价日期（evaluationDate）应为 YYYY-MM-DD 格式的日期',
    )
  })

  it('rejects an unknown rule set', () => {
    expect(rejection('tsme-2017' as 'tsme-2022', TSME)).toMatchObject({
      code: 'RULE_SET_NOT_FOUND',
      status: 404,
    })
  })
})

describe('rejecting invalid hnte-2016 input', () => {
  it('accepts the valid base input and negative net assets (资不抵债)', () => {
    expect(validateQualificationInput('hnte-2016', HNTE).success).toBe(true)
    const negative = {
      ...HNTE,
      fiscalYears: HNTE.fiscalYears.map((y) => ({ ...y, netAssetsYearEndWanYuan: -100.5 })),
    }
    expect(validateQualificationInput('hnte-2016', negative).success).toBe(true)
  })

  it('rejects 境内研发 > 研发总额 naming the year and field', () => {
    const error = rejection('hnte-2016', withLastYear({ rdExpenseDomesticWanYuan: 60.01 }))
    expect(error.details).toEqual([
      {
        path: 'fiscalYears.2.rdExpenseDomesticWanYuan',
        message:
          '2024 年境内研发费用（rdExpenseDomesticWanYuan） 60.01 万元不能大于研发费用总额（rdExpenseWanYuan） 60 万元',
      },
    ])
  })

  it('rejects 高新收入 > 总收入 and 科技人员 > 职工总数', () => {
    expect(rejection('hnte-2016', withLastYear({ hiTechRevenueWanYuan: 1001 })).message).toContain(
      '2024 年高新技术产品（服务）收入（hiTechRevenueWanYuan） 1001 万元不能大于总收入（totalIncomeWanYuan） 1000 万元',
    )
    expect(rejection('hnte-2016', withLastYear({ techStaffCount: 21 })).message).toContain(
      '2024 年科技人员数（techStaffCount） 21 人不能大于职工总数（employeeCount） 20 人',
    )
  })

  it('rejects a registration after the application', () => {
    expect(rejection('hnte-2016', { ...HNTE, registrationDate: '2025-07-02' }).message).toContain(
      '注册成立日期（registrationDate） 2025-07-02 不能晚于申请认定日期（applicationDate） 2025-07-01',
    )
  })

  it('rejects fiscal years other than those before the application since registration', () => {
    expect(rejection('hnte-2016', { ...HNTE, fiscalYears: HNTE.fiscalYears.slice(1) }).message).toContain(
      '会计年度数据（fiscalYears）应依次为 2022、2023、2024 年',
    )
    const young = { ...HNTE, registrationDate: '2023-02-15' }
    expect(rejection('hnte-2016', young).message).toContain('应依次为 2023、2024 年')
    expect(
      validateQualificationInput('hnte-2016', { ...young, fiscalYears: HNTE.fiscalYears.slice(1) }).success,
    ).toBe(true)
  })

  it('rejects an expert score outside the band the data gives', () => {
    // One invention puts 知识产权数量 in tier A (7–8); 9 transformations in 3 years in tier C (13–18).
    const error = rejection('hnte-2016', { ...HNTE, expertScores: { ipQuantity: 5, transformation: 19 } })
    expect(error.details).toEqual([
      {
        path: 'expertScores.ipQuantity',
        message: '专家评分 ipQuantity（知识产权数量）为 5，不在数据确定的 7–8 分范围内',
      },
      {
        path: 'expertScores.transformation',
        message: '专家评分 transformation（科技成果转化能力）为 19，不在数据确定的 13–18 分范围内',
      },
    ])
    expect(
      validateQualificationInput('hnte-2016', { ...HNTE, expertScores: { ipQuantity: 7 } }).success,
    ).toBe(true)
  })

  it('rejects a non-integer expert score and a grade letter for an item without grades', () => {
    expect(rejection('hnte-2016', { ...HNTE, expertScores: { rdMgmtSystem: 4.5 } }).message).toContain(
      '专家评分 rdMgmtSystem 应为整数分',
    )
    expect(rejection('hnte-2016', { ...HNTE, expertScores: { rdMgmtSystem: 'A' } }).message).toContain(
      '专家评分 rdMgmtSystem 应为整数分（该项没有等级）',
    )
    expect(
      validateQualificationInput('hnte-2016', { ...HNTE, expertScores: { ipAdvancement: 'A' } }).success,
    ).toBe(true)
  })

  it('rejects negative sales (only net assets may be negative)', () => {
    expect(rejection('hnte-2016', withLastYear({ salesRevenueWanYuan: -5 })).message).toContain(
      '年销售收入（salesRevenueWanYuan）不能为负数',
    )
  })
})
