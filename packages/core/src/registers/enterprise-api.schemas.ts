import { z } from 'zod'
import { PageQuery, pageOf } from '../pagination/pagination.schemas'
import { optionalText, uuid } from '../validation/common-fields'
import {
  ENTERPRISE_YEAR_FIELDS,
  FACT_SOURCE_KINDS,
  IP_LEGAL_STATUSES,
  IP_TYPES,
  PLATFORM_LEVELS,
  PLATFORM_STATUSES,
  PLATFORM_TYPES,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  QUALIFICATION_STATUSES,
  QUALIFICATION_TYPES,
  TALENT_KINDS,
  type EnterpriseYearField,
} from './register-vocabulary'

/**
 * The HTTP shapes of the 企业库 (M2): the filtered list and its Excel export, the profile of one enterprise (a
 * cluster of source rows), its IP paged separately, and merge / split. One schema per entry point, shared by the
 * server routes and the web app.
 */

/** Rows of one Excel export; a larger selection is refused with a message asking to narrow the filter. */
export const ENTERPRISE_EXPORT_MAX_ROWS = 10_000
/** IP items a profile carries; the rest is read page by page from the IP endpoint. */
export const PROFILE_LATEST_IP_COUNT = 20
export const ENTERPRISE_SEARCH_MAX_LENGTH = 100
export const MERGE_REASON_MAX_LENGTH = 500

const IsoDate = z.iso.date({ error: '日期应为 YYYY-MM-DD 格式' })
const YEAR_MIN = 1949
const YEAR_MAX = 2100

/** Query-string booleans arrive as text. */
const QueryBoolean = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true')

/** 研发费用 sorts by the figure of one data year (`rdExpenseYear`, default the latest year of the register). */
export const ENTERPRISE_SORTS = ['name', 'foundedOn', 'rdExpense'] as const
export type EnterpriseSort = (typeof ENTERPRISE_SORTS)[number]

/** GB/T 4754 门类 letter or the first 1–4 digits of a code: matches every code starting with it. */
const IndustryCodePrefix = z
  .string()
  .trim()
  .regex(/^([A-T]|\d{1,4})$/, { error: '行业代码应为门类字母（A–T）或 1–4 位数字' })

const enterpriseFilterFields = {
  /** Name, 简称, 曾用名 (substring) or 统一社会信用代码 (exact). */
  q: optionalText('搜索词', ENTERPRISE_SEARCH_MAX_LENGTH).optional(),
  /** The enterprises registered in this org unit or below it. */
  regionOrgUnitId: uuid('所在地区').optional(),
  industryCode: IndustryCodePrefix.optional(),
  leadingIndustry: optionalText('主导产业', 50).optional(),
  /** Held (not a target) and valid on `qualificationOn` (default today) or at some time in `qualificationYear`. */
  qualificationType: z.enum(QUALIFICATION_TYPES, { error: '资质类型不正确' }).optional(),
  qualificationOn: IsoDate.optional(),
  qualificationYear: z.coerce.number().int().min(YEAR_MIN).max(YEAR_MAX).optional(),
  isSynthetic: QueryBoolean.optional(),
  /** The data year whose 研发费用 the `rdExpense` sort reads; default the latest year of the register. */
  rdExpenseYear: z.coerce.number().int().min(YEAR_MIN).max(YEAR_MAX).optional(),
  sort: z.enum(ENTERPRISE_SORTS, { error: '排序字段不正确' }).default('name'),
  order: z.enum(['asc', 'desc'], { error: '排序方向应为 asc 或 desc' }).default('asc'),
}

const noDateAndYear = (query: {
  qualificationOn?: string | undefined
  qualificationYear?: number | undefined
}) => query.qualificationOn === undefined || query.qualificationYear === undefined

export const EnterpriseFilter = z
  .strictObject(enterpriseFilterFields)
  .refine(noDateAndYear, { error: '资质日期与资质年度只能选一个', path: ['qualificationYear'] })
export type EnterpriseFilter = z.infer<typeof EnterpriseFilter>

export const EnterpriseListQuery = PageQuery.extend(enterpriseFilterFields).refine(noDateAndYear, {
  error: '资质日期与资质年度只能选一个',
  path: ['qualificationYear'],
})
export type EnterpriseListQuery = z.infer<typeof EnterpriseListQuery>

export const EnterpriseListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  regionName: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryText: z.string().nullable(),
  leadingIndustry: z.string().nullable(),
  foundedOn: z.string().nullable(),
  /** Held and valid today, without repeats, in vocabulary order. */
  currentQualifications: z.array(z.enum(QUALIFICATION_TYPES)),
  ipCount: z.number().int(),
  platformCount: z.number().int(),
  /** 研发费用 of the latest year reported by any member row. */
  latestRdExpenseWanYuan: z.number().nullable(),
  latestRdExpenseYear: z.number().int().nullable(),
  memberCount: z.number().int(),
  isSynthetic: z.boolean(),
})
export type EnterpriseListItem = z.infer<typeof EnterpriseListItem>

/**
 * A name search counts its hits only up to this many: an exact total of a common word (科技: 149 000 hits in a
 * province register) costs far more than the page itself (each hit is rechecked against the text), and nobody
 * pages through it — they narrow the search.
 */
export const ENTERPRISE_SEARCH_COUNT_CAP = 1_000

export const EnterprisePage = pageOf(EnterpriseListItem).extend({
  /** True when `total` is ENTERPRISE_SEARCH_COUNT_CAP and the search has more hits than that. */
  totalIsCapped: z.boolean(),
  /** The data year the 研发费用 sort reads (the query's, else the latest of the register); null without figures. */
  rdExpenseYear: z.number().int().nullable(),
})
export type EnterprisePage = z.infer<typeof EnterprisePage>

export const EnterpriseIdParams = z.strictObject({ id: uuid('企业编号') })

export const FactSourceSchema = z.object({
  kind: z.enum(FACT_SOURCE_KINDS),
  doc: z.string().optional(),
  ref: z.string().optional(),
  importId: z.string().optional(),
  text: z.string().optional(),
})

/** Whether a qualification counts on a given day: `target` is a plan's goal (争创), never a fact. */
export const QUALIFICATION_VALIDITIES = ['valid', 'expired', 'not_yet_valid', 'target'] as const
export type QualificationValidity = (typeof QUALIFICATION_VALIDITIES)[number]
export const QUALIFICATION_VALIDITY_LABELS: Record<QualificationValidity, string> = {
  valid: '有效',
  expired: '已过期',
  not_yet_valid: '尚未生效',
  target: '培育目标',
}

const memberRef = { memberId: z.uuid(), source: FactSourceSchema }

export const EnterpriseMember = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  regionName: z.string().nullable(),
  isCanonical: z.boolean(),
  isSynthetic: z.boolean(),
  source: FactSourceSchema,
  /** The live POSITIVE judgements that hold this row in the cluster (with the other row of each). */
  links: z.array(
    z.object({
      otherId: z.uuid(),
      userName: z.string(),
      reason: z.string().nullable(),
      createdAt: z.iso.datetime({ offset: true }),
    }),
  ),
})
export type EnterpriseMember = z.infer<typeof EnterpriseMember>

export const CreditCodeExplanation = z.object({
  isValid: z.boolean(),
  registrationAuthority: z.string().nullable(),
  registrationAuthorityLabel: z.string().nullable(),
  organizationCategory: z.string().nullable(),
  organizationCategoryLabel: z.string().nullable(),
  regionCode: z.string().nullable(),
  organizationCode: z.string().nullable(),
  checkCharacter: z.string().nullable(),
  /** Problems of an invalid code, or flags of a valid one (试点期代码 …), in Chinese. */
  messages: z.array(z.string()),
})
export type CreditCodeExplanation = z.infer<typeof CreditCodeExplanation>

const yearFigures = Object.fromEntries(
  ENTERPRISE_YEAR_FIELDS.map((field) => [field, z.number().nullable()]),
) as {
  [K in EnterpriseYearField]: z.ZodNullable<z.ZodNumber>
}

export const EnterpriseYearRow = z.object({ ...memberRef, year: z.number().int(), ...yearFigures })
export type EnterpriseYearRow = z.infer<typeof EnterpriseYearRow>

export const EnterpriseQualification = z.object({
  ...memberRef,
  id: z.uuid(),
  type: z.enum(QUALIFICATION_TYPES),
  title: z.string(),
  status: z.enum(QUALIFICATION_STATUSES),
  number: z.string().nullable(),
  year: z.number().int().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  level: z.enum(PLATFORM_LEVELS).nullable(),
  validity: z.enum(QUALIFICATION_VALIDITIES),
})
export type EnterpriseQualification = z.infer<typeof EnterpriseQualification>

export const EnterprisePlatform = z.object({
  ...memberRef,
  id: z.uuid(),
  role: z.enum(['host', 'partner']),
  name: z.string(),
  type: z.enum(PLATFORM_TYPES),
  level: z.enum(PLATFORM_LEVELS).nullable(),
  status: z.enum(PLATFORM_STATUSES),
  approvedOn: z.string().nullable(),
})
export type EnterprisePlatform = z.infer<typeof EnterprisePlatform>

export const EnterpriseIpItem = z.object({
  ...memberRef,
  id: z.uuid(),
  type: z.enum(IP_TYPES),
  ipClass: z.enum(['I', 'II']).nullable(),
  number: z.string(),
  title: z.string(),
  appliedOn: z.string().nullable(),
  grantedOn: z.string().nullable(),
  legalStatus: z.enum(IP_LEGAL_STATUSES),
  isSynthetic: z.boolean(),
})
export type EnterpriseIpItem = z.infer<typeof EnterpriseIpItem>

export const EnterpriseIpSummary = z.object({
  total: z.number().int(),
  /** Counts by type and legal status; Ⅰ类 / Ⅱ类 totals follow from the type. */
  byType: z.array(
    z.object({ type: z.enum(IP_TYPES), legalStatus: z.enum(IP_LEGAL_STATUSES), count: z.number().int() }),
  ),
  /** The most recent items (by grant, else application date); the rest via the IP endpoint. */
  latest: z.array(EnterpriseIpItem),
})
export type EnterpriseIpSummary = z.infer<typeof EnterpriseIpSummary>

export const EnterpriseIpQuery = PageQuery.extend({
  type: z.enum(IP_TYPES, { error: '知识产权类型不正确' }).optional(),
})
export type EnterpriseIpQuery = z.infer<typeof EnterpriseIpQuery>
export const EnterpriseIpPage = pageOf(EnterpriseIpItem)
export type EnterpriseIpPage = z.infer<typeof EnterpriseIpPage>

export const EnterpriseProject = z.object({
  ...memberRef,
  id: z.uuid(),
  kind: z.enum(PROJECT_KINDS),
  name: z.string(),
  number: z.string().nullable(),
  amountWanYuan: z.number().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  isSynthetic: z.boolean(),
})
export type EnterpriseProject = z.infer<typeof EnterpriseProject>

export const EnterpriseTalent = z.object({
  ...memberRef,
  id: z.uuid(),
  kind: z.enum(TALENT_KINDS),
  name: z.string(),
  /** Masked (4202**********1234) unless the user may see personal data. */
  idNumber: z.string().nullable(),
  /** Masked (138****0000) unless the user may see personal data. */
  phone: z.string().nullable(),
  title: z.string().nullable(),
  field: z.string().nullable(),
  isSynthetic: z.boolean(),
})
export type EnterpriseTalent = z.infer<typeof EnterpriseTalent>

export const TIMELINE_KINDS = ['qualification', 'platform', 'project', 'ip', 'merge', 'split'] as const
export type TimelineKind = (typeof TIMELINE_KINDS)[number]

export const TimelineEvent = z.object({
  date: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  /** What happened, in Chinese (e.g. 获得 高新技术企业（证书编号 …）). */
  title: z.string(),
  source: FactSourceSchema.nullable(),
})
export type TimelineEvent = z.infer<typeof TimelineEvent>

export const EnterpriseFact = z.object({ ...memberRef, text: z.string() })

export const EnterpriseProfile = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  creditCodeExplanation: CreditCodeExplanation.nullable(),
  aliases: z.array(z.string()),
  formerNames: z.array(
    z.object({ name: z.string(), validFrom: z.string().nullable(), validTo: z.string().nullable() }),
  ),
  legalRepresentative: z.string().nullable(),
  region: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  regionCode: z.string().nullable(),
  park: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  industryCode: z.string().nullable(),
  industryText: z.string().nullable(),
  leadingIndustry: z.string().nullable(),
  foundedOn: z.string().nullable(),
  isSynthetic: z.boolean(),
  source: FactSourceSchema,
  members: z.array(EnterpriseMember),
  years: z.array(EnterpriseYearRow),
  qualifications: z.array(EnterpriseQualification),
  platforms: z.array(EnterprisePlatform),
  ip: EnterpriseIpSummary,
  projects: z.array(EnterpriseProject),
  talents: z.array(EnterpriseTalent),
  facts: z.array(EnterpriseFact),
  timeline: z.array(TimelineEvent),
})
export type EnterpriseProfile = z.infer<typeof EnterpriseProfile>

export const EnterpriseMergeInput = z
  .strictObject({
    /** The enterprise the user is looking at; the other one joins it. Any member row id is accepted. */
    intoId: uuid('企业编号'),
    fromId: uuid('要合并的企业编号'),
    reason: optionalText('合并理由', MERGE_REASON_MAX_LENGTH).optional(),
  })
  .refine((input) => input.intoId !== input.fromId, {
    error: '不能把企业与其自身合并',
    path: ['fromId'],
  })
export type EnterpriseMergeInput = z.infer<typeof EnterpriseMergeInput>

export const RecordCounts = z.object({
  memberRows: z.number().int(),
  years: z.number().int(),
  qualifications: z.number().int(),
  platforms: z.number().int(),
  ip: z.number().int(),
  projects: z.number().int(),
  talents: z.number().int(),
})
export type RecordCounts = z.infer<typeof RecordCounts>

const MergeSide = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  counts: RecordCounts,
})

export const EnterpriseMergePreview = z.object({
  into: MergeSide,
  from: MergeSide,
  /** The merged enterprise's id (the canonical id rule decides it, not the order of the two). */
  resultingId: z.uuid(),
  canMerge: z.boolean(),
  /** Why the merge is refused, in Chinese; null when it may proceed. */
  blockReason: z.string().nullable(),
})
export type EnterpriseMergePreview = z.infer<typeof EnterpriseMergePreview>

export const EnterpriseClusterResult = z.object({
  clusters: z.array(z.object({ id: z.uuid(), memberIds: z.array(z.uuid()) })),
})
export type EnterpriseClusterResult = z.infer<typeof EnterpriseClusterResult>

export const EnterpriseSplitInput = z.strictObject({
  /** The member rows that leave the enterprise (not all of them). */
  memberIds: z
    .array(uuid('成员记录编号'), { error: '请选择要拆分出去的成员记录' })
    .min(1, { error: '请至少选择一条要拆分出去的成员记录' })
    .max(1000),
  reason: optionalText('拆分理由', MERGE_REASON_MAX_LENGTH).optional(),
  /** Also record that the two sides are different enterprises (NEGATIVE), so the linker stops suggesting them. */
  markDistinct: z.boolean().optional(),
})
export type EnterpriseSplitInput = z.infer<typeof EnterpriseSplitInput>
