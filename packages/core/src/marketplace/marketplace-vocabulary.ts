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
