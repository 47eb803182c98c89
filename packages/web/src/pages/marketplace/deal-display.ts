import type { Engagement, EngagementStatus } from '@kechuang/core/marketplace'
import { t } from '../../i18n/t'

export const ENGAGEMENT_STATUS_COLORS: Record<EngagementStatus, string> = {
  recommended: 'default',
  contacted: 'cyan',
  meeting: 'blue',
  negotiating: 'purple',
  contract: 'green',
  closed: 'red',
}

/**
 * A 技术合同 amount in 万元, with up to four decimals (one 元, as registered) and the trailing zeros dropped:
 * 12.5 → '12.5', 0.0001 → '0.0001'.
 */
export function formatContractAmount(amountWanYuan: number): string {
  return amountWanYuan.toLocaleString('zh-CN', { maximumFractionDigits: 4 })
}

/** The amount with its unit, for cards and summaries: '12.5 万元'. */
export function formatContractWanYuan(amountWanYuan: number): string {
  return t('marketplaceDeals.wanYuan', { amount: formatContractAmount(amountWanYuan) })
}

/** Where the 对接看板 opens with one 对接's drawer shown. */
export function engagementBoardPath(engagementId: string): string {
  return `/marketplace/engagements?engagement=${engagementId}`
}

/** The page of the result or expert a 对接 follows the need with. */
export function counterpartPath(engagement: Pick<Engagement, 'counterpartKind' | 'counterpartId'>): string {
  const collection = engagement.counterpartKind === 'result' ? 'results' : 'experts'
  return `/marketplace/${collection}/${engagement.counterpartId}`
}

/** The first `maxChars` characters of a text, with an ellipsis when cut (a card's reason line). */
export function shortText(text: string, maxChars: number): string {
  const chars = [...text]
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars).join('')}…`
}

/** The years a year filter offers, newest first: `latest` and the `count - 1` before it. */
export function recentYears(count: number, latest: number = new Date().getFullYear()): number[] {
  return Array.from({ length: count }, (_, i) => latest - i)
}
