/** Words of the M5 marketplace (PRODUCT.md M5): maturity, transfer modes, statuses, contract types. */

export const MATURITY_LEVELS = ['lab', 'small_pilot', 'pilot', 'industrial'] as const
export type MaturityLevel = (typeof MATURITY_LEVELS)[number]
export const MATURITY_LABELS: Record<MaturityLevel, string> = {
  lab: '实验室',
  small_pilot: '小试',
  pilot: '中试',
  industrial: '产业化',
}

export const TRANSFER_MODES = ['transfer', 'license', 'equity', 'joint_development'] as const
export type TransferMode = (typeof TRANSFER_MODES)[number]
export const TRANSFER_MODE_LABELS: Record<TransferMode, string> = {
  transfer: '转让',
  license: '许可',
  equity: '作价入股',
  joint_development: '合作开发',
}

export const NEED_STATUSES = ['open', 'matched', 'closed'] as const
export type NeedStatus = (typeof NEED_STATUSES)[number]
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  open: '征集中',
  matched: '已对接',
  closed: '已关闭',
}

export const CONTRACT_TYPES = ['development', 'transfer', 'license', 'consulting', 'service'] as const
export type ContractType = (typeof CONTRACT_TYPES)[number]
export const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  development: '技术开发',
  transfer: '技术转让',
  license: '技术许可',
  consulting: '技术咨询',
  service: '技术服务',
}

/** Where a record came from: entered, derived from a plan's technology directions, or synthetic (demo/bench). */
export const MARKETPLACE_SOURCES = ['entered', 'plan', 'synthetic'] as const
export type MarketplaceSource = (typeof MARKETPLACE_SOURCES)[number]

/**
 * The stages of a 对接 (a need followed up with a result or an expert). `contract` is reached only by registering
 * a 技术合同 for it; `closed` ends it without one (with a reason) and may be reopened.
 */
export const ENGAGEMENT_STATUSES = [
  'recommended',
  'contacted',
  'meeting',
  'negotiating',
  'contract',
  'closed',
] as const
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number]
export const ENGAGEMENT_STATUS_LABELS: Record<EngagementStatus, string> = {
  recommended: '已推荐',
  contacted: '已联系',
  meeting: '已会面',
  negotiating: '洽谈中',
  contract: '已签合同',
  closed: '已关闭',
}
/** The stages staff may move a 对接 to by hand (`contract` comes with a registered contract). */
export const MANUAL_ENGAGEMENT_STATUSES = [
  'recommended',
  'contacted',
  'meeting',
  'negotiating',
  'closed',
] as const
export type ManualEngagementStatus = (typeof MANUAL_ENGAGEMENT_STATUSES)[number]

export const ENGAGEMENT_COUNTERPART_KINDS = ['result', 'expert'] as const
export type EngagementCounterpartKind = (typeof ENGAGEMENT_COUNTERPART_KINDS)[number]

/** 对接活动 kinds. */
export const EVENT_KINDS = ['roadshow', 'matchmaking', 'visit', 'online', 'other'] as const
export type EventKind = (typeof EVENT_KINDS)[number]
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  roadshow: '成果路演',
  matchmaking: '供需对接会',
  visit: '走访考察',
  online: '线上对接',
  other: '其他活动',
}

export const PARTICIPANT_KINDS = ['enterprise', 'institution', 'expert', 'other'] as const
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number]
export const PARTICIPANT_KIND_LABELS: Record<ParticipantKind, string> = {
  enterprise: '企业',
  institution: '高校院所',
  expert: '专家',
  other: '其他',
}

/**
 * Why a 对接 ended without a contract: a structured "no" (LEARN-FROM M5, IN-PART's feedback reasons) so the bureau
 * sees where matches fail, not only that they did. `other` needs words in the note.
 */
export const CLOSE_REASONS = [
  'too_early',
  'advantage_unclear',
  'commercial_route_unclear',
  'description_unclear',
  'terms_not_agreed',
  'need_changed',
  'no_response',
  'other',
] as const
export type CloseReason = (typeof CLOSE_REASONS)[number]
export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  too_early: '成果成熟度不足',
  advantage_unclear: '技术优势不明确',
  commercial_route_unclear: '产业化路径不清晰',
  description_unclear: '需求或成果描述不清',
  terms_not_agreed: '价格或合作条件未谈拢',
  need_changed: '企业需求已变化或已解决',
  no_response: '对方未回应',
  other: '其他原因',
}
