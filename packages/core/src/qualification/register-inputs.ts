import type {
  EnterpriseYearField,
  IpLegalStatus,
  IpType,
  PlatformLevel,
  PlatformStatus,
  PlatformType,
} from '../registers/register-vocabulary'
import type { QualificationFact } from '../registers/libraries/qualification-validity'
import { evaluateValidated, validateQualificationInput } from './evaluate-qualification'
import { yearOf } from './qualification-dates'
import type { QualificationInputs } from './qualification-rule-sets'
import {
  HNTE_MAX_FISCAL_YEARS,
  type HnteFiscalYear,
  type HnteInput,
  type TsmeInput,
} from './qualification.schemas'
import type { RuleSetId, Verdict } from './qualification-verdict'

/**
 * The register's facts about one enterprise (a cluster of rows: the facts of every member row) turned into the
 * inputs of the two rule sets on an evaluation date. What the register does not record stays `null` (the engine
 * says 数据不足 / 需专家判断, never a pass); what the mapping has to read a certain way is said in `assumptions`.
 */

/** One enterprise_years row of a member row (money in 万元); `updatedAt` breaks ties between rows of one year. */
export type RegisterYearRow = { year: number; updatedAt: string } & {
  [Field in EnterpriseYearField]: number | null
}

export interface RegisterIpFact {
  type: IpType
  legalStatus: IpLegalStatus
  grantedOn: string | null
  expiresOn: string | null
  usedInPriorHnteApplication: boolean
}

/** A platform the enterprise hosts. */
export interface RegisterPlatformFact {
  type: PlatformType
  level: PlatformLevel | null
  status: PlatformStatus
}

export interface RegisterFacts {
  foundedOn: string | null
  /** GB/T 4754: a 门类 letter and/or 2–4 digits (C, C39, 3911). */
  industryCode: string | null
  years: RegisterYearRow[]
  ip: RegisterIpFact[]
  qualifications: QualificationFact[]
  platforms: RegisterPlatformFact[]
}

export interface RegisterInput<Id extends RuleSetId> {
  ruleSet: Id
  /** The input as built from the register, shown beside the verdict; null when none could be built. */
  input: QualificationInputs[Id] | null
  /** The same input once `validateQualificationInput` accepted it; null when it did not (see `problems`). */
  checkedInput: QualificationInputs[Id] | null
  assumptions: string[]
  problems: { path: string; message: string }[]
}

export interface RegisterEvaluationResult<Id extends RuleSetId = RuleSetId> extends RegisterInput<Id> {
  verdict: Verdict | null
}

// The readings every register input makes, said once (shown beside each verdict).
export const RESIDENT_ASSUMPTION =
  '登记库中的企业均在中国境内注册成立，按居民企业（《企业所得税法》第二条）评价'
export const TSME_IP_ASSUMPTION =
  '登记库未记录知识产权与主要产品（服务）的关系及争议情况：按与主要产品相关、没有争议评价，请企业核实'
export const HNTE_IP_ASSUMPTION = '登记库未记录知识产权的权属与获得方式：按企业自有、自主研发评价，请企业核实'
export const NO_IP_ASSUMPTION = '登记库中没有该企业的知识产权记录，按没有知识产权评价'
export const HNTE_ROUTE_NOTE =
  '会计核算、行业限制、重大事故与失信名单、核心技术领域、知识产权核心支持作用、成果转化等登记库未记录的事项留待企业申报和专家判断'

/** GB/T 4754 divisions (2 digits) of the industries 财税〔2015〕119号 excludes from 研发费用加计扣除. */
const EXCLUDED_DIVISIONS = new Set(['16', '51', '52', '61', '62', '70', '71', '72', '90'])
/** 门类 wholly excluded (批发和零售业 F, 住宿和餐饮业 H, 房地产业 K, 租赁和商务服务业 L). */
const EXCLUDED_SECTIONS = new Set(['F', 'H', 'K', 'L'])
/** 门类 that contain an excluded division among others (烟草制品业 C16, 娱乐业 R90): the letter alone cannot tell. */
const MIXED_SECTIONS = new Set(['C', 'R'])
const INDUSTRY_CODE = /^([A-T])?(\d{2,4})?$/

/**
 * Whether a GB/T 4754 code falls in an industry 财税〔2015〕119号 四 excludes (烟草制造业 C16, 住宿和餐饮业 H,
 * 批发和零售业 F, 房地产业 K, 租赁和商务服务业 L, 娱乐业 R90); null when the code is unknown or too coarse to say.
 */
export function isRdSuperDeductionExcludedIndustry(code: string | null): boolean | null {
  if (code === null) return null
  const match = INDUSTRY_CODE.exec(code.trim().toUpperCase())
  if (match === null || (match[1] === undefined && match[2] === undefined)) return null
  const [, section, digits] = match
  if (digits !== undefined) return EXCLUDED_DIVISIONS.has(digits.slice(0, 2))
  if (EXCLUDED_SECTIONS.has(section!)) return true
  return MIXED_SECTIONS.has(section!) ? null : false
}

/** Platform types that are the spec's 研发机构 types (§2.2, 第九条（七）). */
const RD_INSTITUTION_TYPES: Partial<
  Record<PlatformType, NonNullable<TsmeInput['rdInstitutions']>[number]['type']>
> = {
  key_laboratory: 'keyLaboratory',
  engineering_technology_center: 'engineeringTechnologyResearchCenter',
  engineering_research_center: 'engineeringResearchCenter',
  enterprise_technology_center: 'enterpriseTechnologyCenter',
}

const countKnown = (row: RegisterYearRow) =>
  FIGURE_FIELDS.reduce((n, field) => (row[field] === null ? n : n + 1), 0)
const FIGURE_FIELDS: readonly EnterpriseYearField[] = [
  'employeeCount',
  'techStaffCount',
  'rdStaffCount',
  'salesRevenueWanYuan',
  'operatingRevenueWanYuan',
  'totalIncomeWanYuan',
  'costExpenseTotalWanYuan',
  'rdExpenseWanYuan',
  'rdExpenseDomesticWanYuan',
  'totalAssetsWanYuan',
  'netAssetsWanYuan',
  'hiTechRevenueWanYuan',
  'profitWanYuan',
  'taxWanYuan',
]

/**
 * One row per year: when several member rows report a year, the one with most known figures (ties: the latest
 * updated). Never a mix of rows, so a part (境内研发, 科技人员) is checked against the whole of the same filing.
 */
export function pickYearRows(rows: readonly RegisterYearRow[]): Map<number, RegisterYearRow> {
  const byYear = new Map<number, RegisterYearRow>()
  for (const row of rows) {
    const current = byYear.get(row.year)
    if (current === undefined) {
      byYear.set(row.year, row)
      continue
    }
    const difference = countKnown(row) - countKnown(current)
    if (difference > 0 || (difference === 0 && row.updatedAt > current.updatedAt)) byYear.set(row.year, row)
  }
  return byYear
}

function isIpInForce(ip: RegisterIpFact, date: string): boolean {
  return (
    ip.legalStatus === 'granted' &&
    (ip.grantedOn === null || ip.grantedOn <= date) &&
    (ip.expiresOn === null || ip.expiresOn >= date)
  )
}

/** The spec's HNTE `status` on the application date: a later grant is still pending, a lapsed term expired. */
function hnteIpStatus(ip: RegisterIpFact, date: string): IpLegalStatus {
  if (ip.legalStatus !== 'granted') return ip.legalStatus
  if (ip.grantedOn !== null && ip.grantedOn > date) return 'pending'
  if (ip.expiresOn !== null && ip.expiresOn < date) return 'expired'
  return 'granted'
}

function industryAssumption(code: string | null, excluded: boolean | null): string | null {
  if (excluded === null) {
    return code === null
      ? '登记库没有行业代码，无法判断是否属于不适用研发费用加计扣除政策的行业'
      : `行业代码 ${code} 不足以判断是否属于不适用研发费用加计扣除政策的行业（财税〔2015〕119号）`
  }
  return `按行业代码 ${code} 判断${excluded ? '属于' : '不属于'}不适用研发费用加计扣除政策的行业（财税〔2015〕119号）`
}

/** The `tsme-2022` input on `evaluationDate`: the figures of the year before (dataYear). */
export function buildTsmeRegisterInput(
  facts: RegisterFacts,
  evaluationDate: string,
): RegisterInput<'tsme-2022'> {
  const dataYear = yearOf(evaluationDate) - 1
  const row = pickYearRows(facts.years).get(dataYear) ?? null
  const figure = (field: EnterpriseYearField) => (row === null ? null : row[field])
  const excluded = isRdSuperDeductionExcludedIndustry(facts.industryCode)
  const assumptions = [RESIDENT_ASSUMPTION, industryAssumption(facts.industryCode, excluded)!]
  if (row === null) assumptions.push(`登记库没有 ${dataYear} 年度的经营数据`)
  assumptions.push(facts.ip.length === 0 ? NO_IP_ASSUMPTION : TSME_IP_ASSUMPTION)
  const rdInstitutions = facts.platforms.flatMap((p) => {
    const type = RD_INSTITUTION_TYPES[p.type]
    return p.status === 'built' && type !== undefined && (p.level === 'national' || p.level === 'provincial')
      ? [{ level: p.level, type }]
      : []
  })
  const input: TsmeInput = {
    evaluationDate,
    dataYear,
    residentEnterprise: true,
    accountingSound: null,
    taxCollectionMethod: null,
    employeeCount: figure('employeeCount'),
    techStaffCount: figure('techStaffCount'),
    salesRevenueWanYuan: figure('salesRevenueWanYuan'),
    totalAssetsWanYuan: figure('totalAssetsWanYuan'),
    rdExpenseWanYuan: figure('rdExpenseWanYuan'),
    costExpenseTotalWanYuan: figure('costExpenseTotalWanYuan'),
    industryRestrictedOrEliminated: null,
    industryExcludedFromRdSuperDeduction: excluded,
    excludedIndustryRevenueRatio: null,
    majorIncidentOrMisconduct: null,
    onAbnormalOrSeriousDishonestList: null,
    ipList: facts.ip.map((ip) => ({
      type: ip.type,
      valid: isIpInForce(ip, evaluationDate),
      relatedToMainProducts: true,
      disputed: false,
    })),
    hnteCertificates: hnteCertificatesOf(facts),
    nationalScienceAwards: [],
    rdInstitutions,
    ledStandards: [],
  }
  return check('tsme-2022', input, assumptions)
}

/** Held 高企 qualifications with a start date, as certificates (a certificate ending before it starts is left out). */
function hnteCertificatesOf(facts: RegisterFacts): NonNullable<TsmeInput['hnteCertificates']> {
  return facts.qualifications.flatMap((q) =>
    q.type === 'hnte' &&
    q.status === 'held' &&
    q.validFrom !== null &&
    (q.validTo ?? q.validFrom) >= q.validFrom
      ? [{ issueDate: q.validFrom, expiryDate: q.validTo }]
      : [],
  )
}

/**
 * The `hnte-2016` input for an application on `evaluationDate`: registered on `foundedOn` (unknown → no
 * evaluation), the fiscal years from max(registration year, year − 3) to year − 1 with each year's figures.
 */
export function buildHnteRegisterInput(
  facts: RegisterFacts,
  evaluationDate: string,
): RegisterInput<'hnte-2016'> {
  const assumptions = [RESIDENT_ASSUMPTION]
  if (facts.foundedOn === null) {
    return {
      ruleSet: 'hnte-2016',
      input: null,
      checkedInput: null,
      assumptions,
      problems: [{ path: 'registrationDate', message: '注册成立日期不详，无法进行高新技术企业预评价' }],
    }
  }
  const applicationYear = yearOf(evaluationDate)
  const firstYear = Math.max(yearOf(facts.foundedOn), applicationYear - HNTE_MAX_FISCAL_YEARS)
  const rows = pickYearRows(facts.years)
  const fiscalYears: HnteFiscalYear[] = []
  const missingYears: number[] = []
  for (let year = firstYear; year < applicationYear; year++) {
    const row = rows.get(year) ?? null
    if (row === null) missingYears.push(year)
    const figure = (field: EnterpriseYearField) => (row === null ? null : row[field])
    const isLast = year === applicationYear - 1
    fiscalYears.push({
      year,
      salesRevenueWanYuan: figure('salesRevenueWanYuan'),
      rdExpenseWanYuan: figure('rdExpenseWanYuan'),
      rdExpenseDomesticWanYuan: figure('rdExpenseDomesticWanYuan'),
      netAssetsYearEndWanYuan: figure('netAssetsWanYuan'),
      // Read from the last year only (§3.1): left out of earlier years so their parts are not checked in vain.
      ...(isLast
        ? {
            totalIncomeWanYuan: figure('totalIncomeWanYuan'),
            hiTechRevenueWanYuan: figure('hiTechRevenueWanYuan'),
            employeeCount: figure('employeeCount'),
            techStaffCount: figure('techStaffCount'),
          }
        : {}),
    })
  }
  if (missingYears.length > 0) assumptions.push(`登记库没有 ${missingYears.join('、')} 年度的经营数据`)
  assumptions.push(facts.ip.length === 0 ? NO_IP_ASSUMPTION : HNTE_IP_ASSUMPTION, HNTE_ROUTE_NOTE)
  const input: HnteInput = {
    applicationDate: evaluationDate,
    registrationDate: facts.foundedOn,
    residentEnterprise: true,
    fiscalYears,
    ipList: facts.ip.map((ip) => ({
      type: ip.type,
      status: hnteIpStatus(ip, evaluationDate),
      ownedByApplicant: true,
      acquisition: 'self-developed',
      usedInPriorHnteApplication: ip.usedInPriorHnteApplication,
    })),
    coreIpSupportConfirmed: null,
    techDomainConfirmed: null,
    majorIncidentWithinYear: null,
    transformationCount3y: null,
    participatedStandards: null,
  }
  return check('hnte-2016', input, assumptions)
}

function check<Id extends RuleSetId>(
  ruleSet: Id,
  input: QualificationInputs[Id],
  assumptions: string[],
): RegisterInput<Id> {
  const validation = validateQualificationInput(ruleSet, input)
  return validation.success
    ? { ruleSet, input, checkedInput: validation.input, assumptions, problems: [] }
    : { ruleSet, input, checkedInput: null, assumptions, problems: validation.issues }
}

/**
 * Both rule sets on the register's facts (the profile's verdicts and each enterprise of a screening): the input,
 * its assumptions, and the verdict — or, when the input could not be built or is invalid (§0.6), the problems.
 */
export function evaluateRegisterFacts(
  facts: RegisterFacts,
  evaluationDate: string,
): [RegisterEvaluationResult<'tsme-2022'>, RegisterEvaluationResult<'hnte-2016'>] {
  const tsme = buildTsmeRegisterInput(facts, evaluationDate)
  const hnte = buildHnteRegisterInput(facts, evaluationDate)
  return [
    {
      ...tsme,
      verdict: tsme.checkedInput === null ? null : evaluateValidated('tsme-2022', tsme.checkedInput),
    },
    {
      ...hnte,
      verdict: hnte.checkedInput === null ? null : evaluateValidated('hnte-2016', hnte.checkedInput),
    },
  ]
}
