import { IP_TYPE_LABELS } from './intellectual-property'
import {
  FIELD_LABELS,
  HNTE_IP_ACQUISITIONS,
  HNTE_IP_STATUSES,
  IP_TYPES,
  RD_INSTITUTION_LEVELS,
  RD_INSTITUTION_TYPES,
  STANDARD_LEVELS,
  type QualificationField,
} from './qualification.schemas'
import type { RuleSetId } from './qualification-verdict'

/**
 * What the self-check asks for, per rule set: every input field of §2.1 / §3.1 with its Chinese label, unit and
 * kind, the HNTE fiscal-year figures and the lists (IP items, TSME route evidence). The Excel template and the web
 * form are both drawn from it, so they ask the same questions in the same words. No rule lives here: the
 * schemas in `qualification.schemas.ts` decide what is valid and the evaluators what passes.
 */

export type SelfCheckFieldKind =
  /** 万元, up to 2 decimals. */
  | 'money'
  /** 人, may be fractional (an average). */
  | 'headcount'
  /** An integer count (项). */
  | 'count'
  | 'year'
  /** An integer rank (第 N 名). */
  | 'rank'
  /** A share between 0 and 1. */
  | 'ratio'
  /** YYYY-MM-DD. */
  | 'date'
  /** 是 / 否 / 不确定 (true / false / null): unknown is never read as "no". */
  | 'flag'
  /** 是 / 否 only (list items need every boolean). */
  | 'boolean'
  | 'choice'

export interface SelfCheckOption {
  value: string
  label: string
}

export interface SelfCheckField {
  /** The key in the rule input (or in a list item / fiscal year). */
  key: string
  label: string
  kind: SelfCheckFieldKind
  unit?: string
  options?: readonly SelfCheckOption[]
  /** The rule set cannot evaluate without it (the schema rejects its absence). */
  required?: boolean
  /** A short help text (what counts, which year). */
  hint?: string
}

export interface SelfCheckList {
  key: 'ipList' | 'hnteCertificates' | 'nationalScienceAwards' | 'rdInstitutions' | 'ledStandards'
  label: string
  columns: readonly SelfCheckField[]
  /** Evidence for a direct route of 科技型中小企业 (§2.6), shown collapsed: most enterprises have none. */
  isRouteEvidence: boolean
}

export interface SelfCheckLayout {
  ruleSet: RuleSetId
  /** Scalar fields of the input, in form order. */
  fields: readonly SelfCheckField[]
  /** HNTE only: the figures of each fiscal year (`fiscalYears[i]`, with its `year`). */
  fiscalYearFields: readonly SelfCheckField[] | null
  lists: readonly SelfCheckList[]
}

export const UNIT_LABELS = { money: '万元', headcount: '人', count: '项' } as const

export const FLAG_LABELS = { true: '是', false: '否', unknown: '不确定' } as const

const options = <T extends string>(values: readonly T[], labels: Record<T, string>): SelfCheckOption[] =>
  values.map((value) => ({ value, label: labels[value] }))

export const TAX_COLLECTION_METHOD_LABELS = { audit: '查账征收', deemed: '核定征收' } as const
export const HNTE_IP_STATUS_LABELS: Record<(typeof HNTE_IP_STATUSES)[number], string> = {
  granted: '已授权（有效）',
  pending: '申请中',
  expired: '已过期',
  invalid: '已无效',
}
export const HNTE_IP_ACQUISITION_LABELS: Record<(typeof HNTE_IP_ACQUISITIONS)[number], string> = {
  'self-developed': '自主研发',
  transfer: '受让',
  gift: '受赠',
  merger: '并购',
}
export const RD_INSTITUTION_LEVEL_LABELS: Record<(typeof RD_INSTITUTION_LEVELS)[number], string> = {
  national: '国家级',
  provincial: '省级',
  ministerial: '部级',
  municipal: '市级',
  county: '县（区）级',
  other: '其他',
}
export const RD_INSTITUTION_TYPE_LABELS: Record<(typeof RD_INSTITUTION_TYPES)[number], string> = {
  keyLaboratory: '重点实验室',
  engineeringTechnologyResearchCenter: '工程技术研究中心',
  engineeringLaboratory: '工程实验室',
  engineeringResearchCenter: '工程研究中心',
  enterpriseTechnologyCenter: '企业技术中心',
  internationalJointResearchCenter: '国际联合研究中心',
  other: '其他',
}
export const STANDARD_LEVEL_LABELS: Record<(typeof STANDARD_LEVELS)[number], string> = {
  international: '国际标准',
  national: '国家标准',
  industry: '行业标准',
  local: '地方标准',
  group: '团体标准',
  enterprise: '企业标准',
}
export { IP_TYPE_LABELS }

const field = (
  key: QualificationField,
  kind: SelfCheckFieldKind,
  extra: Partial<SelfCheckField> = {},
): SelfCheckField => ({
  key,
  label: FIELD_LABELS[key],
  kind,
  ...(kind === 'money' || kind === 'headcount' || kind === 'count' ? { unit: UNIT_LABELS[kind] } : {}),
  ...extra,
})

const ipTypeColumn: SelfCheckField = {
  key: 'type',
  label: '类型',
  kind: 'choice',
  options: options(IP_TYPES, IP_TYPE_LABELS),
  required: true,
}

const TSME_LAYOUT: SelfCheckLayout = {
  ruleSet: 'tsme-2022',
  fields: [
    field('evaluationDate', 'date', { required: true, hint: '自主评价（填报）的日期' }),
    field('dataYear', 'year', { required: true, hint: '评价年度的上一年，下列数据均为该年度数据' }),
    field('residentEnterprise', 'flag', { hint: '境内注册成立，或实际管理机构在境内' }),
    field('accountingSound', 'flag', { hint: '会计核算健全、能准确归集研发费用、缴纳企业所得税' }),
    field('taxCollectionMethod', 'choice', {
      options: options(['audit', 'deemed'], TAX_COLLECTION_METHOD_LABELS),
    }),
    field('employeeCount', 'headcount'),
    field('techStaffCount', 'headcount'),
    field('salesRevenueWanYuan', 'money', { hint: '主营业务收入与其他业务收入之和' }),
    field('totalAssetsWanYuan', 'money'),
    field('rdExpenseWanYuan', 'money', { hint: '按财税〔2015〕119号口径归集' }),
    field('costExpenseTotalWanYuan', 'money'),
    field('industryRestrictedOrEliminated', 'flag'),
    field('industryExcludedFromRdSuperDeduction', 'flag'),
    field('excludedIndustryRevenueRatio', 'ratio', {
      unit: '0–1',
      hint: '上一项不确定时填写：不适用加计扣除行业的主营业务收入占比',
    }),
    field('majorIncidentOrMisconduct', 'flag', { hint: '上一会计年度及当年' }),
    field('onAbnormalOrSeriousDishonestList', 'flag', { hint: '上一会计年度及当年' }),
  ],
  fiscalYearFields: null,
  lists: [
    {
      key: 'ipList',
      label: FIELD_LABELS.ipList,
      isRouteEvidence: false,
      columns: [
        ipTypeColumn,
        { key: 'valid', label: '在有效期内', kind: 'boolean', required: true },
        { key: 'relatedToMainProducts', label: '与主要产品相关', kind: 'boolean', required: true },
        { key: 'disputed', label: '有争议或纠纷', kind: 'boolean', required: true },
      ],
    },
    {
      key: 'hnteCertificates',
      label: '高新技术企业证书',
      isRouteEvidence: true,
      columns: [
        { key: 'issueDate', label: '发证日期', kind: 'date', required: true },
        { key: 'expiryDate', label: '到期日', kind: 'date', hint: '不填按发证后三年计' },
      ],
    },
    {
      key: 'nationalScienceAwards',
      label: '国家级科技奖励',
      isRouteEvidence: true,
      columns: [
        { key: 'year', label: '获奖年份', kind: 'year', required: true },
        { key: 'unitRank', label: '获奖单位排名', kind: 'rank', required: true },
      ],
    },
    {
      key: 'rdInstitutions',
      label: '经认定的研发机构',
      isRouteEvidence: true,
      columns: [
        {
          key: 'level',
          label: '级别',
          kind: 'choice',
          options: options(RD_INSTITUTION_LEVELS, RD_INSTITUTION_LEVEL_LABELS),
          required: true,
        },
        {
          key: 'type',
          label: '类型',
          kind: 'choice',
          options: options(RD_INSTITUTION_TYPES, RD_INSTITUTION_TYPE_LABELS),
          required: true,
        },
      ],
    },
    {
      key: 'ledStandards',
      label: '主导制定的标准',
      isRouteEvidence: true,
      columns: [
        {
          key: 'level',
          label: '标准级别',
          kind: 'choice',
          options: options(STANDARD_LEVELS, STANDARD_LEVEL_LABELS),
          required: true,
        },
        { key: 'year', label: '发布年份', kind: 'year', required: true },
        { key: 'draftingRank', label: '起草单位排名', kind: 'rank', required: true },
      ],
    },
  ],
}

const HNTE_LAYOUT: SelfCheckLayout = {
  ruleSet: 'hnte-2016',
  fields: [
    field('applicationDate', 'date', { required: true }),
    field('registrationDate', 'date', { required: true }),
    field('residentEnterprise', 'flag', { hint: '境内注册的居民企业' }),
    field('coreIpSupportConfirmed', 'flag', { hint: '知识产权对主要产品（服务）在技术上发挥核心支持作用' }),
    field('techDomainConfirmed', 'flag', { hint: '属于《国家重点支持的高新技术领域》' }),
    field('majorIncidentWithinYear', 'flag'),
    field('transformationCount3y', 'count'),
    field('participatedStandards', 'flag', { hint: '参与编制国家、行业标准等' }),
  ],
  fiscalYearFields: [
    { key: 'year', label: '会计年度', kind: 'year', required: true },
    field('salesRevenueWanYuan', 'money'),
    field('rdExpenseWanYuan', 'money'),
    field('rdExpenseDomesticWanYuan', 'money'),
    field('netAssetsYearEndWanYuan', 'money', { hint: '可为负数' }),
    field('totalIncomeWanYuan', 'money', { hint: '只读最近一年' }),
    field('hiTechRevenueWanYuan', 'money', { hint: '只读最近一年' }),
    field('employeeCount', 'headcount', { hint: '只读最近一年' }),
    field('techStaffCount', 'headcount', { hint: '只读最近一年' }),
  ],
  lists: [
    {
      key: 'ipList',
      label: FIELD_LABELS.ipList,
      isRouteEvidence: false,
      columns: [
        ipTypeColumn,
        {
          key: 'status',
          label: '状态',
          kind: 'choice',
          options: options(HNTE_IP_STATUSES, HNTE_IP_STATUS_LABELS),
          required: true,
        },
        { key: 'ownedByApplicant', label: '归申请企业所有', kind: 'boolean', required: true },
        {
          key: 'acquisition',
          label: '获得方式',
          kind: 'choice',
          options: options(HNTE_IP_ACQUISITIONS, HNTE_IP_ACQUISITION_LABELS),
          required: true,
        },
        { key: 'usedInPriorHnteApplication', label: '已用于以往高企申请', kind: 'boolean', required: true },
      ],
    },
  ],
}

export const SELF_CHECK_LAYOUTS: Record<RuleSetId, SelfCheckLayout> = {
  'tsme-2022': TSME_LAYOUT,
  'hnte-2016': HNTE_LAYOUT,
}
