import { ArrowRightOutlined } from '@ant-design/icons'
import { CLOSE_REASON_LABELS, ENGAGEMENT_STATUS_LABELS } from '@kechuang/core/marketplace'
import { useQuery } from '@tanstack/react-query'
import { Card, Flex, Tag, Typography } from 'antd'
import { Fragment } from 'react'
import { t } from '../../i18n/t'
import { ENGAGEMENT_STATUS_COLORS, formatContractWanYuan } from './deal-display'
import { engagementFunnelQueryOptions } from './deals.api'

/**
 * The funnel above the board: how many 对接 of the region reached each stage, the conversion from the stage before,
 * the closed ones with their reasons, and the amount their contracts came to. The board shows where each 对接
 * stands now; this shows where they got to.
 */
export function EngagementFunnelBar({ orgUnitId }: { orgUnitId: string | undefined }) {
  const { data } = useQuery(engagementFunnelQueryOptions({ orgUnitId }))
  if (!data) return null
  const reasons = data.closeReasons.map((r) => `${CLOSE_REASON_LABELS[r.reason]} ${r.count}`).join('、')
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      aria-label={t('marketplaceDeals.engagements.funnelTitle')}
    >
      <Flex gap={8} wrap align="center">
        <Typography.Text strong title={t('marketplaceDeals.engagements.funnelHint')}>
          {t('marketplaceDeals.engagements.funnelTitle')}
        </Typography.Text>
        {data.stages.map((stage, index) => (
          <Fragment key={stage.stage}>
            {index > 0 && <ArrowRightOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
            <Tag color={ENGAGEMENT_STATUS_COLORS[stage.stage]} style={{ marginInlineEnd: 0 }}>
              {t('marketplaceDeals.engagements.funnelStage', {
                stage: ENGAGEMENT_STATUS_LABELS[stage.stage],
                reached: stage.reached,
              })}
              {stage.conversion !== null &&
                t('marketplaceDeals.engagements.funnelConversion', {
                  percent: Math.round(stage.conversion * 100),
                })}
            </Tag>
          </Fragment>
        ))}
        <Typography.Text type="secondary">
          {t('marketplaceDeals.engagements.funnelClosed', { count: data.closed })}
          {reasons && `（${t('marketplaceDeals.engagements.funnelReasons', { reasons })}）`}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('marketplaceDeals.engagements.funnelAmount', {
            amount: formatContractWanYuan(data.contractAmountWanYuan),
          })}
        </Typography.Text>
      </Flex>
    </Card>
  )
}
