import type { NeedStatus } from '@kechuang/core/marketplace'
import { t } from '../../i18n/t'

export const NEED_STATUS_COLORS: Record<NeedStatus, string> = {
  open: 'green',
  matched: 'blue',
  closed: 'default',
}

/** An amount in 万元 for display; none given means 面议 (the schema's null). */
export function formatWanYuan(amount: number | null): string {
  if (amount === null) return t('marketplace.negotiable')
  return t('marketplace.wanYuan', {
    amount: amount.toLocaleString('zh-CN', { maximumFractionDigits: 2 }),
  })
}

/** A share of the score (0–1) as a whole percentage, at least 1 so a listed term never reads 0%. */
export function sharePercent(share: number): number {
  return Math.max(1, Math.round(share * 100))
}

/** Words of a record (keywords, IP numbers) on one line; none given shows the dash. */
export function joinWords(words: readonly string[]): string {
  return words.length > 0 ? words.join('、') : t('common.none')
}
