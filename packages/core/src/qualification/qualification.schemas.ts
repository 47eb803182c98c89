import { z } from 'zod'
import { countDecimals } from './exact-fraction'
import { isValidIsoDate, yearOf } from './qualification-dates'

/**
 * Inputs of the two rule sets, with the field names of spec §2.1 (`tsme-2022`) and §3.1 (`hnte-2016`), and the
 * rejections of §0.6. `null` (or an absent optional field) means "unknown", which the engine reports as 数据不足;
 * it is never read as "no". Every message names the field in Chinese and by its key.
 */

/** Chinese names of the input fields, used by validation messages and by 数据不足 explanations. */
export const FIELD_LABELS = {
  evaluationDate: '评价日期',
  dataYear: '数据年度',
  applicationDate: '申请认定日期',
  registrationDate: '注册成立日期',
  residentEnterprise: '居民企业',
  accountingSound: '会计核算健全',
  taxCollectionMethod: '企业所得税征收方式',
  employeeCount: '职工总数',
  techStaffCount: '科技人员数',
  salesRevenueWanYuan: '年销售收入',
  totalAssetsWanYuan: '资产总额',
  rdExpenseWanYuan: '研发费用总额',
  rdExpenseDomesticWanYuan: '境内研发费用',
  costExpenseTotalWanYuan: '成本费用支出总额',
  netAssetsYearEndWanYuan: '年末净资产',
  totalIncomeWanYuan: '总收入',
  hiTechRevenueWanYuan: '高新技术产品（服务）收入',
  industryRestrictedOrEliminated: '属于限制类或淘汰类行业',
  industryExcludedFromRdSuperDeduction: '属于不适用研发费用加计扣除政策的行业',
  excludedIndustryRevenueRatio: '不适用加计扣除行业主营业务收入占比',
  majorIncidentOrMisconduct: '重大事故或严重失信行为',
  onAbnormalOrSeriousDishonestList: '列入经营异常名录或严重违法失信企业名单',
  ipList: '知识产权清单',
  coreIpSupportConfirmed: '知识产权核心支持作用',
  techDomainConfirmed: '核心技术属于重点支持领域',
  majorIncidentWithinYear: '申请前一年内重大事故或严重环境违法',
  transformationCount3y: '近3年科技成果转化项数',
  participatedStandards: '参与编制标准',
  fiscalYears: '会计年度数据',
} as const
export type QualificationField = keyof typeof FIELD_LABELS

/** "年销售收入（salesRevenueWanYuan）": how a message names a field. */
export function nameField(field: QualificationField, prefix = ''): string {
  return `${prefix}${FIELD_LABELS[field]}（${field}）`
}

export const MONEY_MAX_DECIMALS = 2

/** A strict object (unknown fields are rejected, STYLE.md §4) whose rejection names the fields in Chinese. */
function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `不支持的字段：${issue.keys.join('、')}`
        : issue.code === 'invalid_type'
          ? '应为对象'
          : undefined,
  })
}

const isoDate = (label: string) =>
  z
    .string({ error: `${label}应为 YYYY-MM-DD 格式的日期` })
    .refine(isValidIsoDate, { error: `${label}应为 YYYY-MM-DD 格式的有效日期` })

const flag = (field: QualificationField) =>
  z.boolean({ error: `${nameField(field)}应为是/否（true/false）或留空` }).nullish()

function moneyNumber(field: QualificationField, allowNegative: boolean) {
  const tooPrecise = `${nameField(field)}最多保留 ${MONEY_MAX_DECIMALS} 位小数（万元）`
  const negative = `${nameField(field)}不能为负数`
  // One check per figure (this runs for every figure of every screened enterprise).
  return z.number({ error: `${nameField(field)}应为数字（万元）` }).check((ctx) => {
    const value = ctx.value
    if (!allowNegative && value < 0) ctx.issues.push({ code: 'custom', message: negative, input: value })
    else if (countDecimals(value) > MONEY_MAX_DECIMALS) {
      ctx.issues.push({ code: 'custom', message: tooPrecise, input: value })
    }
  })
}

/** 万元, at most two decimals, not negative (§0.6); `null` = unknown. */
const money = (field: QualificationField) => moneyNumber(field, false).nullish()
/** 净资产 may be negative (资不抵债, §0.6). */
const signedMoney = (field: QualificationField) => moneyNumber(field, true).nullish()

/** A head count; may be fractional (an average), never negative. */
const headcount = (field: QualificationField) =>
  z
    .number({ error: `${nameField(field)}应为数字（人）` })
    .refine((v) => v >= 0, { error: `${nameField(field)}不能为负数` })
    .nullish()

const rank = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .refine((v) => Number.isInteger(v) && v >= 1, { error: `${label}应为不小于 1 的整数` })

const year = (label: string) => z.number({ error: `${label}应为数字` }).int({ error: `${label}应为整数年份` })

type ReportIssue = (field: QualificationField, message: string) => void

/** A part may not exceed its whole (科技人员 ≤ 职工总数, 境内研发 ≤ 研发总额, 高新收入 ≤ 总收入). */
function checkPartWithinWhole(
  report: ReportIssue,
  unit: '人' | '万元',
  part: { field: QualificationField; value: number | null | undefined },
  whole: { field: QualificationField; value: number | null | undefined },
  where = '',
) {
  if (part.value == null || whole.value == null) return
  // Comparing the doubles is exact here: each is the double nearest to the decimal that was entered, and
  // rounding to the nearest double preserves order (exact-fraction.ts reads them back as those decimals).
  if (part.value > whole.value) {
    report(
      part.field,
      `${where}${nameField(part.field)} ${part.value} ${unit}不能大于${nameField(whole.field)} ${whole.value} ${unit}`,
    )
  }
}

// Intellectual property (§2.2 / §3.2): Ⅰ类 and Ⅱ类 types; 商标 and "other" are listed so they can be entered
// and shown as "not counted".
export const CLASS_I_IP_TYPES = [
  'invention',
  'defensePatent',
  'plantVariety',
  'nationalCropVariety',
  'nationalNewDrug',
  'tcmProtectedGrade1',
  'icLayoutDesign',
] as const
export const CLASS_II_IP_TYPES = ['utilityModel', 'design', 'softwareCopyright'] as const
export const IP_TYPES = [...CLASS_I_IP_TYPES, ...CLASS_II_IP_TYPES, 'trademark', 'other'] as const
export const IpType = z.enum(IP_TYPES, { error: `知识产权类型应为 ${IP_TYPES.join('、')} 之一` })
export type IpType = z.infer<typeof IpType>

const ipBoolean = (label: string) => z.boolean({ error: `知识产权的${label}应为 true 或 false` })

// ---------------------------------------------------------------------------------------------------------
// tsme-2022 (§2.1)

export const TsmeIpItem = strictObject({
  type: IpType,
  valid: ipBoolean('有效性（valid）'),
  relatedToMainProducts: ipBoolean('与主要产品相关（relatedToMainProducts）'),
  disputed: ipBoolean('争议（disputed）'),
})
export type TsmeIpItem = z.infer<typeof TsmeIpItem>

export const HnteCertificate = strictObject({
  issueDate: isoDate('高新技术企业证书发证日期（issueDate）'),
  expiryDate: isoDate('高新技术企业证书到期日（expiryDate）').nullish(),
}).refine((c) => c.expiryDate == null || c.expiryDate >= c.issueDate, {
  error: '高新技术企业证书到期日（expiryDate）不能早于发证日期（issueDate）',
  path: ['expiryDate'],
})
export type HnteCertificate = z.infer<typeof HnteCertificate>

export const NationalScienceAward = strictObject({
  year: year('国家级科技奖励获奖年份（year）'),
  unitRank: rank('获奖单位排名（unitRank）'),
})

export const RD_INSTITUTION_LEVELS = [
  'national',
  'provincial',
  'ministerial',
  'municipal',
  'county',
  'other',
] as const
export const RD_INSTITUTION_TYPES = [
  'keyLaboratory',
  'engineeringTechnologyResearchCenter',
  'engineeringLaboratory',
  'engineeringResearchCenter',
  'enterpriseTechnologyCenter',
  'internationalJointResearchCenter',
  'other',
] as const
export const RdInstitution = strictObject({
  level: z.enum(RD_INSTITUTION_LEVELS, {
    error: `研发机构级别（level）应为 ${RD_INSTITUTION_LEVELS.join('、')} 之一`,
  }),
  type: z.enum(RD_INSTITUTION_TYPES, {
    error: `研发机构类型（type）应为 ${RD_INSTITUTION_TYPES.join('、')} 之一`,
  }),
})

export const STANDARD_LEVELS = [
  'international',
  'national',
  'industry',
  'local',
  'group',
  'enterprise',
] as const
export const LedStandard = strictObject({
  level: z.enum(STANDARD_LEVELS, { error: `标准级别（level）应为 ${STANDARD_LEVELS.join('、')} 之一` }),
  year: year('标准发布年份（year）'),
  draftingRank: rank('起草单位排名（draftingRank）'),
})

export const TsmeInput = strictObject({
  evaluationDate: isoDate(nameField('evaluationDate')),
  dataYear: year(nameField('dataYear')),
  residentEnterprise: flag('residentEnterprise'),
  accountingSound: flag('accountingSound'),
  taxCollectionMethod: z
    .enum(['audit', 'deemed'], {
      error: `${nameField('taxCollectionMethod')}应为 audit（查账征收）或 deemed（核定征收）`,
    })
    .nullish(),
  employeeCount: headcount('employeeCount'),
  techStaffCount: headcount('techStaffCount'),
  salesRevenueWanYuan: money('salesRevenueWanYuan'),
  totalAssetsWanYuan: money('totalAssetsWanYuan'),
  rdExpenseWanYuan: money('rdExpenseWanYuan'),
  costExpenseTotalWanYuan: money('costExpenseTotalWanYuan'),
  industryRestrictedOrEliminated: flag('industryRestrictedOrEliminated'),
  industryExcludedFromRdSuperDeduction: flag('industryExcludedFromRdSuperDeduction'),
  excludedIndustryRevenueRatio: z
    .number({ error: `${nameField('excludedIndustryRevenueRatio')}应为 0 到 1 之间的数` })
    .refine((v) => v >= 0 && v <= 1, {
      error: `${nameField('excludedIndustryRevenueRatio')}应在 0 到 1 之间`,
    })
    .nullish(),
  majorIncidentOrMisconduct: flag('majorIncidentOrMisconduct'),
  onAbnormalOrSeriousDishonestList: flag('onAbnormalOrSeriousDishonestList'),
  ipList: z.array(TsmeIpItem, { error: `${nameField('ipList')}应为列表或留空` }).nullish(),
  hnteCertificates: z.array(HnteCertificate).nullish(),
  nationalScienceAwards: z.array(NationalScienceAward).nullish(),
  rdInstitutions: z.array(RdInstitution).nullish(),
  ledStandards: z.array(LedStandard).nullish(),
}).superRefine((input, ctx) => {
  const report: ReportIssue = (field, message) => ctx.addIssue({ code: 'custom', path: [field], message })
  checkPartWithinWhole(
    report,
    '人',
    { field: 'techStaffCount', value: input.techStaffCount },
    { field: 'employeeCount', value: input.employeeCount },
  )
  const expectedDataYear = yearOf(input.evaluationDate) - 1
  if (input.dataYear !== expectedDataYear) {
    ctx.addIssue({
      code: 'custom',
      path: ['dataYear'],
      message: `${nameField('dataYear')}应为评价年度的上一年（${expectedDataYear}），而不是 ${input.dataYear}`,
    })
  }
})
export type TsmeInput = z.infer<typeof TsmeInput>

// ---------------------------------------------------------------------------------------------------------
// hnte-2016 (§3.1)

export const HNTE_IP_STATUSES = ['granted', 'pending', 'expired', 'invalid'] as const
export const HNTE_IP_ACQUISITIONS = ['self-developed', 'transfer', 'gift', 'merger'] as const
export const HnteIpItem = strictObject({
  type: IpType,
  status: z.enum(HNTE_IP_STATUSES, {
    error: `知识产权状态（status）应为 ${HNTE_IP_STATUSES.join('、')} 之一`,
  }),
  ownedByApplicant: ipBoolean('权属（ownedByApplicant）'),
  acquisition: z.enum(HNTE_IP_ACQUISITIONS, {
    error: `知识产权获得方式（acquisition）应为 ${HNTE_IP_ACQUISITIONS.join('、')} 之一`,
  }),
  usedInPriorHnteApplication: ipBoolean('是否已用于高企申请（usedInPriorHnteApplication）'),
})
export type HnteIpItem = z.infer<typeof HnteIpItem>

export const HnteFiscalYear = strictObject({
  year: year('会计年度（year）'),
  salesRevenueWanYuan: money('salesRevenueWanYuan'),
  rdExpenseWanYuan: money('rdExpenseWanYuan'),
  rdExpenseDomesticWanYuan: money('rdExpenseDomesticWanYuan'),
  netAssetsYearEndWanYuan: signedMoney('netAssetsYearEndWanYuan'),
  // Read from the last (most recent) year only (§3.1); accepted on earlier years and ignored there.
  totalIncomeWanYuan: money('totalIncomeWanYuan'),
  hiTechRevenueWanYuan: money('hiTechRevenueWanYuan'),
  employeeCount: headcount('employeeCount'),
  techStaffCount: headcount('techStaffCount'),
})
export type HnteFiscalYear = z.infer<typeof HnteFiscalYear>

/** Items of 创新能力评价 (§3.4.1) with their maximum points; `gradable` items also take a grade letter. */
export const HNTE_SCORE_ITEMS = {
  ipAdvancement: { max: 8, gradable: true },
  ipCoreSupport: { max: 8, gradable: true },
  ipQuantity: { max: 8, gradable: false },
  ipAcquisition: { max: 6, gradable: false },
  ipStandardsBonus: { max: 2, gradable: false },
  transformation: { max: 30, gradable: false },
  rdMgmtSystem: { max: 6, gradable: false },
  rdMgmtInstitution: { max: 6, gradable: false },
  rdMgmtIncentive: { max: 4, gradable: false },
  rdMgmtTalent: { max: 4, gradable: false },
  growthNetAssets: { max: 10, gradable: false },
  growthSales: { max: 10, gradable: false },
} as const
export type HnteScoreItem = keyof typeof HNTE_SCORE_ITEMS
export const HNTE_GRADES = ['A', 'B', 'C', 'D', 'E'] as const
export type HnteGrade = (typeof HNTE_GRADES)[number]

const expertPoints = (item: HnteScoreItem) =>
  z.number({ error: `专家评分 ${item} 应为整数分（该项没有等级）` }).refine(Number.isInteger, {
    error: `专家评分 ${item} 应为整数分`,
  })
const expertGradeOrPoints = (item: HnteScoreItem) =>
  z.union([z.enum(HNTE_GRADES), z.number().refine(Number.isInteger)], {
    error: `专家评分 ${item} 应为整数分或等级 A–E`,
  })

export const HnteExpertScores = strictObject({
  ipAdvancement: expertGradeOrPoints('ipAdvancement').optional(),
  ipCoreSupport: expertGradeOrPoints('ipCoreSupport').optional(),
  ipQuantity: expertPoints('ipQuantity').optional(),
  ipAcquisition: expertPoints('ipAcquisition').optional(),
  ipStandardsBonus: expertPoints('ipStandardsBonus').optional(),
  transformation: expertPoints('transformation').optional(),
  rdMgmtSystem: expertPoints('rdMgmtSystem').optional(),
  rdMgmtInstitution: expertPoints('rdMgmtInstitution').optional(),
  rdMgmtIncentive: expertPoints('rdMgmtIncentive').optional(),
  rdMgmtTalent: expertPoints('rdMgmtTalent').optional(),
  growthNetAssets: expertPoints('growthNetAssets').optional(),
  growthSales: expertPoints('growthSales').optional(),
})
export type HnteExpertScores = z.infer<typeof HnteExpertScores>

/** At most this many fiscal years are assessed: "近三个会计年度" (§3). */
export const HNTE_MAX_FISCAL_YEARS = 3

export const HnteInput = strictObject({
  applicationDate: isoDate(nameField('applicationDate')),
  registrationDate: isoDate(nameField('registrationDate')),
  residentEnterprise: flag('residentEnterprise'),
  fiscalYears: z.array(HnteFiscalYear, { error: `${nameField('fiscalYears')}应为列表` }),
  ipList: z.array(HnteIpItem, { error: `${nameField('ipList')}应为列表或留空` }).nullish(),
  coreIpSupportConfirmed: flag('coreIpSupportConfirmed'),
  techDomainConfirmed: flag('techDomainConfirmed'),
  majorIncidentWithinYear: flag('majorIncidentWithinYear'),
  transformationCount3y: z
    .number({ error: `${nameField('transformationCount3y')}应为数字` })
    .refine((v) => Number.isInteger(v) && v >= 0, {
      error: `${nameField('transformationCount3y')}应为不小于 0 的整数`,
    })
    .nullish(),
  participatedStandards: flag('participatedStandards'),
  expertScores: HnteExpertScores.optional(),
}).superRefine((input, ctx) => {
  if (input.registrationDate > input.applicationDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['registrationDate'],
      message: `${nameField('registrationDate')} ${input.registrationDate} 不能晚于${nameField('applicationDate')} ${input.applicationDate}`,
    })
    return
  }
  // Every year from max(registration year, application year − 3) to application year − 1, oldest first.
  const applicationYear = yearOf(input.applicationDate)
  const firstYear = Math.max(yearOf(input.registrationDate), applicationYear - HNTE_MAX_FISCAL_YEARS)
  const expectedCount = Math.max(0, applicationYear - firstYear)
  const isExpected =
    input.fiscalYears.length === expectedCount && input.fiscalYears.every((f, i) => f.year === firstYear + i)
  if (expectedCount === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['fiscalYears'],
      message: `${nameField('fiscalYears')}：企业在申请年度前没有完整的会计年度，无法评价`,
    })
  } else if (!isExpected) {
    const expected = Array.from({ length: expectedCount }, (_, i) => firstYear + i)
    const given = input.fiscalYears.map((f) => f.year)
    ctx.addIssue({
      code: 'custom',
      path: ['fiscalYears'],
      message: `${nameField('fiscalYears')}应依次为 ${expected.join('、')} 年（申请年度前、注册成立后的会计年度，最多 3 年），实际为 ${given.length === 0 ? '空' : given.join('、')}`,
    })
  }
  input.fiscalYears.forEach((fiscalYear, index) => {
    const where = `${fiscalYear.year} 年`
    const report: ReportIssue = (field, message) =>
      ctx.addIssue({ code: 'custom', path: ['fiscalYears', index, field], message })
    checkPartWithinWhole(
      report,
      '人',
      { field: 'techStaffCount', value: fiscalYear.techStaffCount },
      { field: 'employeeCount', value: fiscalYear.employeeCount },
      where,
    )
    checkPartWithinWhole(
      report,
      '万元',
      { field: 'rdExpenseDomesticWanYuan', value: fiscalYear.rdExpenseDomesticWanYuan },
      { field: 'rdExpenseWanYuan', value: fiscalYear.rdExpenseWanYuan },
      where,
    )
    checkPartWithinWhole(
      report,
      '万元',
      { field: 'hiTechRevenueWanYuan', value: fiscalYear.hiTechRevenueWanYuan },
      { field: 'totalIncomeWanYuan', value: fiscalYear.totalIncomeWanYuan },
      where,
    )
  })
})
export type HnteInput = z.infer<typeof HnteInput>
