import { z } from 'zod'
import { PageQuery, pageOf } from '../pagination/pagination.schemas'
import { trimmedText, uuid } from '../validation/common-fields'
import { isValidIsoDate } from './qualification-dates'
import { RULE_SET_IDS } from './qualification-rule-sets'
import type { RuleSetId } from './qualification-verdict'

/**
 * Schemas of the M3 API (`/api/qualification/…`), shared by the server's routes and the web app's fetchers.
 * The verdict itself is the engine's (§0.5); `VerdictSchema` describes it for responses.
 */

export const RuleSetIdValue = z.enum(RULE_SET_IDS as [RuleSetId, ...RuleSetId[]], {
  error: `评价规则集应为 ${RULE_SET_IDS.join('、')} 之一`,
})

export const RULE_SET_LABELS: Record<RuleSetId, string> = {
  'tsme-2022': '科技型中小企业评价',
  'hnte-2016': '高新技术企业认定',
}

export const QUALIFIED_VALUES = ['qualified', 'failed', 'needs-review'] as const
/** `Verdict.qualified` as one word (true → qualified, false → failed): what lists filter and count by. */
export type QualifiedValue = (typeof QUALIFIED_VALUES)[number]
export const QualifiedValueSchema = z.enum(QUALIFIED_VALUES, { error: '评价结论不正确' })
export const QUALIFIED_LABELS: Record<QualifiedValue, string> = {
  qualified: '符合',
  failed: '不符合',
  'needs-review': '需复核',
}
export function qualifiedValueOf(qualified: true | false | 'needs-review'): QualifiedValue {
  return qualified === true ? 'qualified' : qualified === false ? 'failed' : 'needs-review'
}

export const CONDITION_STATUS_LABELS = {
  pass: '满足',
  fail: '不满足',
  'needs-judgement': '需专家判断',
  'insufficient-data': '数据不足',
} as const

const isoDate = (label: string) =>
  z.string({ error: `${label}应为 YYYY-MM-DD 格式的日期` }).refine(isValidIsoDate, {
    error: `${label}应为 YYYY-MM-DD 格式的有效日期`,
  })

// ---------------------------------------------------------------------------------------------------------
// The verdict (spec §0.5) as it travels in responses.

const BilingualSchema = z.object({ zh: z.string(), en: z.string() })
const BandSchema = z.object({ min: z.number(), max: z.number() })
const GapSchema = z.object({ amount: z.number(), unit: z.string(), text: z.string() })

export const ConditionTraceSchema = z.object({
  id: z.string(),
  basis: z.string(),
  status: z.enum(['pass', 'fail', 'needs-judgement', 'insufficient-data']),
  inputs: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  formula: z.string().optional(),
  value: z.string().optional(),
  threshold: z.string().optional(),
  gap: GapSchema.optional(),
  missingFields: z.array(z.string()).optional(),
  interpretations: z.array(z.string()).optional(),
  explanation: BilingualSchema,
})

export const IndicatorTraceSchema = z.object({
  id: z.string(),
  label: z.string(),
  band: BandSchema,
  tier: z.string().optional(),
  value: z.string().optional(),
  judgement: z.boolean(),
  gap: GapSchema.optional(),
  explanation: BilingualSchema,
})

export const VerdictSchema = z.object({
  ruleSet: RuleSetIdValue,
  qualified: z.union([z.boolean(), z.literal('needs-review')]),
  route: z.string().nullable(),
  score: z.number().optional(),
  scoreBand: BandSchema,
  failedConditions: z.array(z.string()),
  reviewConditions: z.array(z.string()),
  conditions: z.array(ConditionTraceSchema),
  indicators: z.array(IndicatorTraceSchema),
  routes: z
    .array(
      z.object({ id: z.string(), status: z.enum(['met', 'unmet', 'unknown']), explanation: BilingualSchema }),
    )
    .optional(),
  interpretations: z.array(z.string()),
  summary: BilingualSchema,
})
export type VerdictResponse = z.infer<typeof VerdictSchema>

// ---------------------------------------------------------------------------------------------------------
// Rule sets and the evaluation of any input (self-check): nothing is stored.

export const RuleSetSummary = z.object({
  id: RuleSetIdValue,
  scheme: z.enum(['tsme', 'hnte']),
  title: z.string(),
  version: z.string(),
  documents: z.array(z.string()),
  effectiveFrom: z.iso.date(),
  effectiveTo: z.iso.date().nullable(),
})
export const RuleSetList = z.object({ items: z.array(RuleSetSummary) })
export type RuleSetList = z.infer<typeof RuleSetList>

/** `POST /api/qualification/evaluate`: the input is checked by the rule set's own schema (spec §0.6). */
export const EvaluateRequest = z.strictObject({
  ruleSet: RuleSetIdValue,
  input: z.unknown(),
})
export type EvaluateRequest = z.infer<typeof EvaluateRequest>

/** What an uploaded self-check workbook gives back: the figures read, to fill the form (nothing is stored). */
export const SelfCheckUpload = z.object({
  ruleSet: RuleSetIdValue,
  input: z.record(z.string(), z.unknown()),
  /** Cells that could not be read, each with its sheet/cell and a Chinese message; the rest are filled. */
  warnings: z.array(z.object({ cell: z.string(), message: z.string() })),
})
export type SelfCheckUpload = z.infer<typeof SelfCheckUpload>

export const SELF_CHECK_NAME_MAX = 100
/** A self-check the user asked to keep (only then is anything stored). */
export const SaveSelfCheckRequest = z.strictObject({
  ruleSet: RuleSetIdValue,
  name: trimmedText('名称', SELF_CHECK_NAME_MAX),
  input: z.unknown(),
})
export type SaveSelfCheckRequest = z.infer<typeof SaveSelfCheckRequest>

export const SavedSelfCheck = z.object({
  id: z.uuid(),
  ruleSet: RuleSetIdValue,
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
  qualified: QualifiedValueSchema,
  summary: z.string(),
  createdAt: z.iso.datetime(),
})
export type SavedSelfCheck = z.infer<typeof SavedSelfCheck>
export const SavedSelfCheckList = z.object({ items: z.array(SavedSelfCheck) })
export const SelfCheckParams = z.strictObject({ selfCheckId: uuid('自测记录编号') })

// ---------------------------------------------------------------------------------------------------------
// One enterprise of the register (profile tab): both rule sets on its register data.

export const EnterpriseVerdictQuery = z.strictObject({
  /** Evaluation (application) date; today (China time) when absent. */
  date: isoDate('评价日期').optional(),
})

export const RegisterEvaluation = z.object({
  ruleSet: RuleSetIdValue,
  /** The rule input built from the register (what the verdict was computed on). */
  input: z.record(z.string(), z.unknown()).nullable(),
  /** What the register does not record and the mapping had to read a certain way (shown beside the verdict). */
  assumptions: z.array(z.string()),
  verdict: VerdictSchema.nullable(),
  /** Why no verdict could be computed (e.g. 注册成立日期 unknown, figures that break §0.6). */
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
})
export type RegisterEvaluation = z.infer<typeof RegisterEvaluation>

export const EnterpriseVerdicts = z.object({
  enterpriseId: z.uuid(),
  evaluationDate: z.iso.date(),
  evaluations: z.array(RegisterEvaluation),
})
export type EnterpriseVerdicts = z.infer<typeof EnterpriseVerdicts>

// ---------------------------------------------------------------------------------------------------------
// Batch screening runs.

export const SCREENING_STATUSES = ['running', 'completed', 'failed'] as const
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number]
export const SCREENING_STATUS_LABELS: Record<ScreeningStatus, string> = {
  running: '筛查中',
  completed: '已完成',
  failed: '失败',
}

export const INDUSTRY_PREFIX_PATTERN = /^[A-T]\d{0,4}$/

export const ScreeningFilter = z.strictObject({
  /** Region subtree inside the user's scope; the whole scope when absent. */
  orgUnitId: uuid('机构编号').optional(),
  /** GB/T 4754 code prefix (C, C39, C391 …). */
  industryPrefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(INDUSTRY_PREFIX_PATTERN, { error: '行业代码应为门类字母加最多 4 位数字，如 C39' })
    .optional(),
  includeSynthetic: z.boolean().default(true),
})
export type ScreeningFilter = z.infer<typeof ScreeningFilter>

export const StartScreeningRequest = ScreeningFilter.extend({
  evaluationDate: isoDate('评价日期').optional(),
})
export type StartScreeningRequest = z.infer<typeof StartScreeningRequest>

export const ScreeningParams = z.strictObject({ screeningId: uuid('筛查编号') })

export const VerdictCount = z.object({
  ruleSet: RuleSetIdValue,
  qualified: QualifiedValueSchema,
  count: z.number().int(),
})
export const RegionVerdictCount = VerdictCount.extend({
  orgUnitId: z.uuid().nullable(),
  orgUnitName: z.string(),
})
/** Moves since the previous completed screening of the same scope and filter, by rule set. */
export const ScreeningChange = z.object({
  ruleSet: RuleSetIdValue,
  from: QualifiedValueSchema.nullable(),
  to: QualifiedValueSchema,
  count: z.number().int(),
})

export const Screening = z.object({
  id: z.uuid(),
  status: z.enum(SCREENING_STATUSES),
  evaluationDate: z.iso.date(),
  filter: ScreeningFilter,
  scopeName: z.string(),
  enterpriseCount: z.number().int(),
  processedCount: z.number().int(),
  previousScreeningId: z.uuid().nullable(),
  error: z.string().nullable(),
  startedBy: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  /** Seconds spent reading, evaluating and writing (filled when completed). */
  timings: z.record(z.string(), z.number()).nullable(),
})
export type Screening = z.infer<typeof Screening>

export const ScreeningSummary = Screening.extend({
  counts: z.array(VerdictCount),
  byRegion: z.array(RegionVerdictCount),
  changes: z.array(ScreeningChange),
  proposals: z.object({ pending: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
})
export type ScreeningSummary = z.infer<typeof ScreeningSummary>

export const ScreeningPage = pageOf(Screening)

export const SCREENING_CHANGES = ['new', 'improved', 'worsened', 'unchanged'] as const
export type ScreeningChangeKind = (typeof SCREENING_CHANGES)[number]

/** Verdicts in order, worst first: 符合 is better than 需复核, which is better than 不符合. */
export const QUALIFIED_RANK: Record<QualifiedValue, number> = { failed: 0, 'needs-review': 1, qualified: 2 }

/** The kind of a move between two runs, as the results' `change` filter names it. */
export function changeKindOf(from: QualifiedValue | null, to: QualifiedValue): ScreeningChangeKind {
  if (from === null) return 'new'
  if (from === to) return 'unchanged'
  return QUALIFIED_RANK[to] > QUALIFIED_RANK[from] ? 'improved' : 'worsened'
}
export const SCREENING_CHANGE_LABELS: Record<ScreeningChangeKind, string> = {
  new: '新进入筛查',
  improved: '结论变好',
  worsened: '结论变差',
  unchanged: '结论不变',
}

export const ScreeningResultQuery = PageQuery.extend({
  ruleSet: RuleSetIdValue.default('hnte-2016'),
  qualified: QualifiedValueSchema.optional(),
  orgUnitId: uuid('机构编号').optional(),
  change: z.enum(SCREENING_CHANGES, { error: '变化类型不正确' }).optional(),
  /** Only enterprises on the "nearly qualified" ranking, in rank order. */
  nearly: z
    .enum(['true', 'false'], { error: 'nearly 应为 true 或 false' })
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(100, { error: '搜索词不能超过 100 个字符' }).optional(),
})
export type ScreeningResultQuery = z.infer<typeof ScreeningResultQuery>

/** A condition that did not pass, as kept per result (the full trace is recomputed on the profile). */
export const ScreenedCondition = z.object({
  id: z.string(),
  status: z.enum(['fail', 'needs-judgement', 'insufficient-data']),
  text: z.string(),
  gap: GapSchema.nullable(),
})
export type ScreenedCondition = z.infer<typeof ScreenedCondition>

export const ScreeningResult = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string().nullable(),
  regionName: z.string().nullable(),
  ruleSet: RuleSetIdValue,
  qualified: QualifiedValueSchema,
  previousQualified: QualifiedValueSchema.nullable(),
  scoreBand: BandSchema,
  /** Rank on the nearly-qualified list (1 = closest); null when not on it. */
  nearlyRank: z.number().int().nullable(),
  conditions: z.array(ScreenedCondition),
  /** The input could not be evaluated (§0.6 problems or a missing 注册成立日期): the reasons. */
  problems: z.array(z.string()),
})
export type ScreeningResult = z.infer<typeof ScreeningResult>
export const ScreeningResultPage = pageOf(ScreeningResult)
export type ScreeningResultPage = z.infer<typeof ScreeningResultPage>

// ---------------------------------------------------------------------------------------------------------
// Proposals to the 高企后备库 made by a screening, decided by staff.

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  pending: '待处理',
  accepted: '已采纳',
  rejected: '已驳回',
}

export const ProposalQuery = PageQuery.extend({
  status: z.enum(PROPOSAL_STATUSES, { error: '建议状态不正确' }).optional(),
})
export type ProposalQuery = z.infer<typeof ProposalQuery>

export const Proposal = z.object({
  id: z.uuid(),
  screeningId: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  regionName: z.string().nullable(),
  rank: z.number().int(),
  /** Why it is proposed: the screening's words (gaps, open conditions). */
  reason: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  decisionReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
})
export type Proposal = z.infer<typeof Proposal>
export const ProposalPage = pageOf(Proposal)
export type ProposalPage = z.infer<typeof ProposalPage>

export const ProposalParams = z.strictObject({ proposalId: uuid('建议编号') })
export const DECISION_REASON_MAX = 500
export const AcceptProposalRequest = z.strictObject({
  reason: trimmedText('采纳理由', DECISION_REASON_MAX).optional(),
})
export const RejectProposalRequest = z.strictObject({
  reason: trimmedText('驳回理由', DECISION_REASON_MAX),
})
