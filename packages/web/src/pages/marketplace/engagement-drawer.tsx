import { DeleteOutlined, FileDoneOutlined, StepForwardOutlined } from '@ant-design/icons'
import {
  CLOSE_REASON_LABELS,
  ENGAGEMENT_STATUS_LABELS,
  type EngagementDetail,
  type EngagementStep,
} from '@kechuang/core/marketplace'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Descriptions, Drawer, Flex, Popconfirm, Tag, Timeline, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { Link } from 'react-router'
import { FullPageSpin } from '../../app/full-page-spin'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import { useIsMobile } from '../../lib/use-is-mobile'
import { ENGAGEMENT_STATUS_COLORS, counterpartPath, formatContractWanYuan } from './deal-display'
import { deleteEngagement, engagementQueryOptions } from './deals.api'
import { EngagementMoveModal } from './engagement-move-modal'
import { canRegisterContract, isEngagementDeletable, moveTargetsOf } from './engagement-moves'
import { marketplaceKeys } from './marketplace.api'
import { MarketplaceTextBlock } from './marketplace-text-block'
import { TechContractForm } from './tech-contract-form'

const NONE = t('common.none')

/** One 对接 opened from the board: where it stands, why it was started, its steps, and staff's actions. */
export function EngagementDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const isMobile = useIsMobile()
  const { data, error, refetch } = useQuery(engagementQueryOptions(id))
  return (
    <Drawer
      open
      title={t('marketplaceDeals.engagements.detailTitle')}
      size={isMobile ? '100%' : 560}
      onClose={onClose}
      destroyOnHidden
    >
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : data ? (
        <EngagementView engagement={data} onDeleted={onClose} />
      ) : (
        <FullPageSpin />
      )}
    </Drawer>
  )
}

function EngagementView({ engagement, onDeleted }: { engagement: EngagementDetail; onDeleted: () => void }) {
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const handleError = useHandleError()
  const [isMoving, setIsMoving] = useState(false)
  const [isRegistering, setIsRegistering] = useState(false)
  const remove = useMutation({
    mutationFn: () => deleteEngagement(engagement.id),
    onSuccess: async () => {
      void message.success(t('marketplaceDeals.engagements.deleted'))
      onDeleted()
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all })
    },
    onError: handleError,
  })
  const canMove = engagement.canEdit && moveTargetsOf(engagement.status).length > 0

  return (
    <Flex vertical gap={16}>
      {engagement.canEdit && (
        <Flex gap={8} wrap>
          {canMove && (
            <Button
              type="primary"
              icon={<StepForwardOutlined />}
              aria-label={t('marketplaceDeals.engagements.advance')}
              onClick={() => setIsMoving(true)}
            >
              {t('marketplaceDeals.engagements.advance')}
            </Button>
          )}
          {canRegisterContract(engagement) && (
            <Button
              icon={<FileDoneOutlined />}
              aria-label={t('marketplaceDeals.engagements.registerContract')}
              onClick={() => setIsRegistering(true)}
            >
              {t('marketplaceDeals.engagements.registerContract')}
            </Button>
          )}
          {isEngagementDeletable(engagement) && (
            <Popconfirm
              title={t('marketplaceDeals.engagements.deleteConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={() => remove.mutate()}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t('marketplaceDeals.engagements.delete')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      )}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('marketplaceDeals.engagements.status')}>
          <Tag color={ENGAGEMENT_STATUS_COLORS[engagement.status]}>
            {ENGAGEMENT_STATUS_LABELS[engagement.status]}
          </Tag>
        </Descriptions.Item>
        {engagement.closeReason && (
          <Descriptions.Item label={t('marketplaceDeals.engagements.closeReason')}>
            {CLOSE_REASON_LABELS[engagement.closeReason]}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('marketplaceDeals.engagements.need')}>
          <Link to={`/marketplace/needs/${engagement.needId}`}>{engagement.needTitle}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('marketplaceDeals.engagements.enterprise')}>
          {engagement.enterpriseName}
        </Descriptions.Item>
        <Descriptions.Item label={t('marketplaceDeals.engagements.counterpart')}>
          <Flex gap={4} align="center" wrap>
            <Tag>
              {t(
                engagement.counterpartKind === 'result'
                  ? 'marketplaceDeals.engagements.counterpartResult'
                  : 'marketplaceDeals.engagements.counterpartExpert',
              )}
            </Tag>
            <Link to={counterpartPath(engagement)}>{engagement.counterpartTitle}</Link>
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('marketplaceDeals.engagements.counterpartOwner')}>
          {engagement.counterpartOwner}
        </Descriptions.Item>
        <Descriptions.Item label={t('marketplaceDeals.engagements.region')}>
          {engagement.regionName ?? NONE}
        </Descriptions.Item>
        {engagement.contractAmountWanYuan !== null && (
          <Descriptions.Item label={t('marketplaceDeals.engagements.contract')}>
            {formatContractWanYuan(engagement.contractAmountWanYuan)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('marketplaceDeals.engagements.reason')}>
          {engagement.reason ? <MarketplaceTextBlock text={engagement.reason} /> : NONE}
        </Descriptions.Item>
        {engagement.note && (
          <Descriptions.Item label={t('marketplaceDeals.engagements.note')}>
            <MarketplaceTextBlock text={engagement.note} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <div>
        <Typography.Title level={5}>{t('marketplaceDeals.engagements.steps')}</Typography.Title>
        <Timeline
          items={engagement.steps.map((step) => ({
            key: step.id,
            color:
              ENGAGEMENT_STATUS_COLORS[step.toStatus] === 'default'
                ? 'gray'
                : ENGAGEMENT_STATUS_COLORS[step.toStatus],
            content: <StepText step={step} />,
          }))}
        />
      </div>
      {isMoving && <EngagementMoveModal engagement={engagement} onClose={() => setIsMoving(false)} />}
      {isRegistering && (
        <TechContractForm
          engagement={engagement}
          onClose={() => setIsRegistering(false)}
          onSaved={() => setIsRegistering(false)}
        />
      )}
    </Flex>
  )
}

function StepText({ step }: { step: EngagementStep }) {
  const to = ENGAGEMENT_STATUS_LABELS[step.toStatus]
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>
        {step.fromStatus
          ? t('marketplaceDeals.engagements.stepChange', {
              from: ENGAGEMENT_STATUS_LABELS[step.fromStatus],
              to,
            })
          : t('marketplaceDeals.engagements.stepStart', { to })}
      </Typography.Text>
      {step.closeReason && (
        <Typography.Text>
          {t('marketplaceDeals.engagements.closeReasonLine', {
            reason: CLOSE_REASON_LABELS[step.closeReason],
          })}
        </Typography.Text>
      )}
      {step.eventTitle && step.eventId && (
        <Link to={`/marketplace/events/${step.eventId}`}>
          {t('marketplaceDeals.engagements.stepEvent', { title: step.eventTitle })}
        </Link>
      )}
      {step.note && <MarketplaceTextBlock text={step.note} />}
      <Typography.Text type="secondary">
        {t('marketplaceDeals.engagements.stepBy', {
          name: step.byName ?? NONE,
          at: dayjs(step.at).format('YYYY-MM-DD HH:mm'),
        })}
      </Typography.Text>
    </Flex>
  )
}
