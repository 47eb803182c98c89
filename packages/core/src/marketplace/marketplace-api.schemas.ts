import { z } from 'zod'
import { PageQuery, pageOf } from '../pagination/pagination.schemas'
import { optionalText, trimmedText, uuid } from '../validation/common-fields'
import { MARKETPLACE_SOURCES, MATURITY_LEVELS, NEED_STATUSES, TRANSFER_MODES } from './marketplace-vocabulary'

/**
 * The HTTP shapes of the M5 marketplace (`/api/marketplace/…`): 科技成果, 技术需求 and experts, and the recommendations
 * between them. Text is stored as typed (markup included) and always rendered as text, never as HTML.
 */

export const TITLE_MIN = 2
export const TITLE_MAX = 100
export const BODY_MAX = 5_000
export const KEYWORDS_MAX = 10
export const KEYWORD_MAX = 30
export const NAME_MAX = 100
export const LIST_SEARCH_MAX = 100
export const RECOMMENDATIONS_MAX = 50

export const YEAR_MIN = 2000
export const YEAR_MAX = 2100

// Field schemas of every marketplace record (成果, 需求, 专家, 对接活动, 技术合同).
export const IsoDate = z.iso.date({ error: '日期应为 YYYY-MM-DD 格式' })
const Industry = trimmedText('产业领域', 30)

/** A record's name: trimmed, TITLE_MIN to TITLE_MAX characters. */
export const recordTitle = (label: string) =>
  trimmedText(label, TITLE_MAX).refine((v) => [...v].length >= TITLE_MIN, {
    error: `${label}至少 ${TITLE_MIN} 个字`,
  })

/** The `q` of a list: a substring of its text columns, at most LIST_SEARCH_MAX characters. */
export const ListSearch = z
  .string()
  .trim()
  .max(LIST_SEARCH_MAX, { error: `搜索词不能超过 ${LIST_SEARCH_MAX} 个字符` })
  .optional()

/** A year in a query string. */
export const QueryYear = z.coerce
  .number({ error: '年份必须是数字' })
  .int({ error: '年份必须是整数' })
  .min(YEAR_MIN, { error: `年份不能早于 ${YEAR_MIN}` })
  .max(YEAR_MAX, { error: `年份不能晚于 ${YEAR_MAX}` })

const Keywords = z
  .array(trimmedText('关键词', KEYWORD_MAX), { error: '关键词应为列表' })
  .max(KEYWORDS_MAX, { error: `关键词最多 ${KEYWORDS_MAX} 个` })
  .transform((keywords) => [...new Set(keywords)])

/** 万元, not negative, at most two decimals; null = 面议 / not given. */
const Money = (label: string) =>
  z
    .number({ error: `${label}应为数字（万元）` })
    .min(0, { error: `${label}不能为负数` })
    .max(10_000_000, { error: `${label}超出合理范围` })
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: `${label}最多保留 2 位小数` })
    .nullable()

const Phone = optionalText('联系电话', 30)

// ---------------------------------------------------------------------------------------------------------
// 科技成果

export const TechResultInput = z.strictObject({
  title: recordTitle('成果名称'),
  abstract: trimmedText('成果简介', BODY_MAX),
  keywords: Keywords.default([]),
  industry: Industry,
  maturity: z.enum(MATURITY_LEVELS, { error: '成熟度应为实验室、小试、中试或产业化' }),
  ipNumbers: z.array(trimmedText('知识产权号', 60)).max(20, { error: '知识产权号最多 20 个' }).default([]),
  ownerName: trimmedText('成果持有单位', NAME_MAX),
  ownerInstitutionId: uuid('持有单位编号').nullable().default(null),
  contactName: optionalText('联系人', 50).default(null),
  contactPhone: Phone.default(null),
  transferMode: z.enum(TRANSFER_MODES, { error: '转化方式应为转让、许可、作价入股或合作开发' }),
  priceWanYuan: Money('参考价格').default(null),
  regionOrgUnitId: uuid('所在地区').nullable().default(null),
})
export type TechResultInput = z.infer<typeof TechResultInput>

export const TechResult = z.object({
  id: z.uuid(),
  title: z.string(),
  abstract: z.string(),
  keywords: z.array(z.string()),
  industry: z.string(),
  maturity: z.enum(MATURITY_LEVELS),
  ipNumbers: z.array(z.string()),
  ownerName: z.string(),
  ownerInstitutionId: z.uuid().nullable(),
  /** Masked (138****5678) unless the reader manages the marketplace or owns the record. */
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  transferMode: z.enum(TRANSFER_MODES),
  priceWanYuan: z.number().nullable(),
  regionOrgUnitId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  source: z.enum(MARKETPLACE_SOURCES),
  isSynthetic: z.boolean(),
  /** Whether the reader may edit it (its publisher or marketplace staff). */
  canEdit: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type TechResult = z.infer<typeof TechResult>

export const TechResultQuery = PageQuery.extend({
  q: ListSearch,
  industry: z.string().trim().max(30).optional(),
  maturity: z.enum(MATURITY_LEVELS, { error: '成熟度不正确' }).optional(),
  orgUnitId: uuid('地区').optional(),
})
export type TechResultQuery = z.infer<typeof TechResultQuery>
export const TechResultPage = pageOf(TechResult)
export type TechResultPage = z.infer<typeof TechResultPage>

// ---------------------------------------------------------------------------------------------------------
// 技术需求

export const TechNeedInput = z.strictObject({
  title: recordTitle('需求名称'),
  description: trimmedText('需求描述', BODY_MAX),
  keywords: Keywords.default([]),
  industry: Industry,
  /** The enterprise of the register that has the need; an enterprise user's own is filled by the server. */
  enterpriseId: uuid('企业编号').nullable().default(null),
  enterpriseName: trimmedText('需求企业', NAME_MAX),
  budgetWanYuan: Money('预算').default(null),
  deadline: IsoDate.nullable().default(null),
  status: z.enum(NEED_STATUSES, { error: '需求状态不正确' }).default('open'),
  contactName: optionalText('联系人', 50).default(null),
  contactPhone: Phone.default(null),
  regionOrgUnitId: uuid('所在地区').nullable().default(null),
})
export type TechNeedInput = z.infer<typeof TechNeedInput>

export const TechNeed = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  keywords: z.array(z.string()),
  industry: z.string(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string(),
  budgetWanYuan: z.number().nullable(),
  deadline: z.iso.date().nullable(),
  status: z.enum(NEED_STATUSES),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  regionOrgUnitId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  source: z.enum(MARKETPLACE_SOURCES),
  /** The plan's technology direction (专栏 item, e.g. HS-C1-01) a plan-derived need comes from. */
  planDirectionId: z.string().nullable(),
  isSynthetic: z.boolean(),
  canEdit: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type TechNeed = z.infer<typeof TechNeed>

export const TechNeedQuery = TechResultQuery.omit({ maturity: true }).extend({
  status: z.enum(NEED_STATUSES, { error: '需求状态不正确' }).optional(),
})
export type TechNeedQuery = z.infer<typeof TechNeedQuery>
export const TechNeedPage = pageOf(TechNeed)
export type TechNeedPage = z.infer<typeof TechNeedPage>

// ---------------------------------------------------------------------------------------------------------
// 专家库

export const ExpertInput = z.strictObject({
  name: trimmedText('姓名', 50),
  organization: trimmedText('工作单位', NAME_MAX),
  title: optionalText('职称', 50).default(null),
  fields: z
    .array(trimmedText('研究领域', KEYWORD_MAX))
    .min(1, { error: '至少填写 1 个研究领域' })
    .max(KEYWORDS_MAX, { error: `研究领域最多 ${KEYWORDS_MAX} 个` }),
  industry: Industry,
  bio: optionalText('简介', BODY_MAX).default(null),
  phone: Phone.default(null),
  email: optionalText('邮箱', 100).default(null),
  regionOrgUnitId: uuid('所在地区').nullable().default(null),
})
export type ExpertInput = z.infer<typeof ExpertInput>

export const Expert = z.object({
  id: z.uuid(),
  name: z.string(),
  organization: z.string(),
  title: z.string().nullable(),
  fields: z.array(z.string()),
  industry: z.string(),
  bio: z.string().nullable(),
  /** Masked unless the reader manages the marketplace. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  regionOrgUnitId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  isSynthetic: z.boolean(),
  canEdit: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type Expert = z.infer<typeof Expert>

export const ExpertQuery = TechResultQuery.omit({ maturity: true })
export type ExpertQuery = z.infer<typeof ExpertQuery>
export const ExpertPage = pageOf(Expert)
export type ExpertPage = z.infer<typeof ExpertPage>

export const MarketplaceIdParams = z.strictObject({ id: uuid('编号') })

// ---------------------------------------------------------------------------------------------------------
// Recommendations

export const RECOMMENDATION_KINDS = ['results', 'needs', 'experts'] as const
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number]

export const RecommendationQuery = z.strictObject({
  /** What to recommend: for a need, results (default) or experts; for a result, needs. */
  kind: z.enum(RECOMMENDATION_KINDS, { error: '推荐类型应为成果、需求或专家' }).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(RECOMMENDATIONS_MAX, { error: `最多推荐 ${RECOMMENDATIONS_MAX} 条` })
    .default(10),
  /** Only records of the query's own 产业领域. */
  sameIndustry: z
    .enum(['true', 'false'], { error: 'sameIndustry 应为 true 或 false' })
    .transform((v) => v === 'true')
    .optional(),
  maturity: z.enum(MATURITY_LEVELS, { error: '成熟度不正确' }).optional(),
  /** Only records of this region and the regions below it. */
  orgUnitId: uuid('地区').optional(),
})
export type RecommendationQuery = z.infer<typeof RecommendationQuery>

export const Recommendation = z.object({
  kind: z.enum(RECOMMENDATION_KINDS),
  id: z.uuid(),
  title: z.string(),
  /** Owner, enterprise or organisation, and the 产业领域. */
  subtitle: z.string(),
  industry: z.string(),
  score: z.number(),
  /** The terms both share, largest part of the score first, with their part (0–1). */
  sharedTerms: z.array(z.object({ term: z.string(), share: z.number() })),
  industryMatch: z.boolean(),
  /** One Chinese sentence: why this one ("共同技术词：正极材料、锂电池；同属新材料领域"). */
  reason: z.string(),
})
export type Recommendation = z.infer<typeof Recommendation>
export const RecommendationList = z.object({ items: z.array(Recommendation) })
export type RecommendationList = z.infer<typeof RecommendationList>

// ---------------------------------------------------------------------------------------------------------
// 《企业科技需求目录》 (the yearly directory of needs, .docx and .xlsx, grouped by 产业领域)

/** The needs created in a year (default: the current year), live only, optionally by status and region. */
export const TechNeedDirectoryQuery = z.strictObject(
  {
    year: QueryYear.optional(),
    status: z.enum(NEED_STATUSES, { error: '需求状态不正确' }).optional(),
    orgUnitId: uuid('地区').optional(),
    /** Include the synthetic (demo/bench) needs; by default the directory holds real and plan-derived ones. */
    includeSynthetic: z
      .enum(['true', 'false'], { error: 'includeSynthetic 应为 true 或 false' })
      .transform((v) => v === 'true')
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `不支持的查询参数：${issue.keys.join('、')}` : undefined,
  },
)
export type TechNeedDirectoryQuery = z.infer<typeof TechNeedDirectoryQuery>
