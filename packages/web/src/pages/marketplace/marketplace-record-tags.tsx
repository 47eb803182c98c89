import type { MarketplaceSource } from '@kechuang/core/marketplace'
import { Tag, Tooltip } from 'antd'
import { t } from '../../i18n/t'

/** Where a record comes from, when not entered by a user: 规划方向 (derived from a plan) or 合成数据 (demo data). */
export function MarketplaceRecordTags({
  source,
  isSynthetic,
  planDirectionId,
}: {
  source?: MarketplaceSource
  isSynthetic: boolean
  planDirectionId?: string | null
}) {
  return (
    <>
      {source === 'plan' && (
        <Tooltip
          title={
            planDirectionId ? t('marketplace.sourcePlanHint', { direction: planDirectionId }) : undefined
          }
        >
          <Tag color="purple">{t('marketplace.sourcePlan')}</Tag>
        </Tooltip>
      )}
      {(isSynthetic || source === 'synthetic') && <Tag color="orange">{t('marketplace.synthetic')}</Tag>}
    </>
  )
}
