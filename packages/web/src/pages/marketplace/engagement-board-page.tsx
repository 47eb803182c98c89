import { DownOutlined } from '@ant-design/icons'
import {
  CLOSE_REASON_LABELS,
  ENGAGEMENT_STATUS_LABELS,
  type Engagement,
  type EngagementBoard,
  type ManualEngagementStatus,
} from '@kechuang/core/marketplace'
import { useQuery } from '@tanstack/react-query'
import { Badge, Button, Card, Dropdown, Empty, Flex, Input, Spin, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { ENGAGEMENT_STATUS_COLORS, formatContractWanYuan, shortText } from './deal-display'
import { engagementBoardQueryOptions } from './deals.api'
import { EngagementDrawer } from './engagement-drawer'
import { EngagementFunnelBar } from './engagement-funnel-bar'
import { EngagementMoveModal } from './engagement-move-modal'
import { moveTargetsOf } from './engagement-moves'

// How much of the recommendation's reason a card shows; the drawer has all of it.
const REASON_CHARS = 60
const OPEN_PARAM = 'engagement'

/**
 * 对接看板: every 对接 of the caller's scope by stage, most recently moved first. A card opens the 对接's drawer
 * (kept in the address as ?engagement=…, so other pages can link to it); staff move it from the card or the drawer.
 */
export function EngagementBoardPage() {
  const [search, setSearch] = useSearchParams()
  const q = search.get('q') ?? undefined
  const orgUnitId = search.get('orgUnitId') ?? undefined
  const openId = search.get(OPEN_PARAM)
  const [searchText, setSearchText] = useState(q ?? '')
  const [moving, setMoving] = useState<{ engagement: Engagement; to: ManualEngagementStatus } | null>(null)
  const { data, error, refetch, isFetching } = useQuery(engagementBoardQueryOptions({ q, orgUnitId }))

  function setParam(name: string, value: string | undefined) {
    setSearch((current) => {
      const next = new URLSearchParams(current)
      if (value) next.set(name, value)
      else next.delete(name)
      return next
    })
  }

  return (
    <PageContainer title={t('marketplaceDeals.engagements.title')}>
      <div className="list-filters">
        <Input.Search
          allowClear
          placeholder={t('marketplaceDeals.engagements.searchPlaceholder')}
          aria-label={t('marketplaceDeals.searchLabel')}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          onSearch={(value) => setParam('q', value.trim() || undefined)}
        />
        <OrgUnitTreeSelect
          allowClear
          placeholder={t('marketplaceDeals.regionPlaceholder')}
          aria-label={t('marketplaceDeals.engagements.region')}
          value={orgUnitId}
          onChange={(id) => setParam('orgUnitId', id)}
        />
      </div>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <EngagementFunnelBar orgUnitId={orgUnitId} />
      <Spin spinning={isFetching && !data}>
        <BoardColumns
          board={data}
          onOpen={(id) => setParam(OPEN_PARAM, id)}
          onMove={(engagement, to) => setMoving({ engagement, to })}
        />
      </Spin>
      {openId && <EngagementDrawer id={openId} onClose={() => setParam(OPEN_PARAM, undefined)} />}
      {moving && (
        <EngagementMoveModal
          engagement={moving.engagement}
          initialStatus={moving.to}
          onClose={() => setMoving(null)}
        />
      )}
    </PageContainer>
  )
}

function BoardColumns({
  board,
  onOpen,
  onMove,
}: {
  board: EngagementBoard | undefined
  onOpen: (id: string) => void
  onMove: (engagement: Engagement, to: ManualEngagementStatus) => void
}) {
  return (
    <div
      style={{
        display: 'grid',
        gridAutoFlow: 'column',
        gridAutoColumns: 'minmax(200px, 1fr)',
        gap: 12,
        overflowX: 'auto',
        paddingBottom: 8,
      }}
    >
      {(board?.columns ?? []).map((column) => (
        <section
          key={column.status}
          aria-label={ENGAGEMENT_STATUS_LABELS[column.status]}
          style={{ background: 'rgba(0, 0, 0, 0.03)', borderRadius: 8, padding: 8, minHeight: 200 }}
        >
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Tag color={ENGAGEMENT_STATUS_COLORS[column.status]}>
              {ENGAGEMENT_STATUS_LABELS[column.status]}
            </Tag>
            <Badge
              count={column.total}
              showZero
              color="#8c8c8c"
              title={t('marketplaceDeals.engagements.columnTotal', { total: column.total })}
            />
          </Flex>
          <Flex vertical gap={8}>
            {column.items.map((engagement) => (
              <EngagementCard key={engagement.id} engagement={engagement} onOpen={onOpen} onMove={onMove} />
            ))}
            {column.items.length === 0 && (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('marketplaceDeals.engagements.empty')}
              />
            )}
            {column.total > column.items.length && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('marketplaceDeals.engagements.columnMore', {
                  shown: column.items.length,
                  total: column.total,
                })}
              </Typography.Text>
            )}
          </Flex>
        </section>
      ))}
    </div>
  )
}

function EngagementCard({
  engagement,
  onOpen,
  onMove,
}: {
  engagement: Engagement
  onOpen: (id: string) => void
  onMove: (engagement: Engagement, to: ManualEngagementStatus) => void
}) {
  const targets = engagement.canEdit ? moveTargetsOf(engagement.status) : []
  return (
    <Card size="small" hoverable onClick={() => onOpen(engagement.id)} styles={{ body: { padding: 10 } }}>
      <Flex vertical gap={4}>
        <Button
          type="link"
          style={{
            padding: 0,
            height: 'auto',
            whiteSpace: 'normal',
            textAlign: 'start',
            justifyContent: 'flex-start',
            fontWeight: 600,
          }}
          onClick={(event) => {
            event.stopPropagation()
            onOpen(engagement.id)
          }}
        >
          {engagement.needTitle}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {engagement.enterpriseName}
        </Typography.Text>
        <Typography.Text style={{ fontSize: 13 }}>
          {t(
            engagement.counterpartKind === 'result'
              ? 'marketplaceDeals.engagements.counterpartResult'
              : 'marketplaceDeals.engagements.counterpartExpert',
          )}
          ：{engagement.counterpartTitle}
          <Typography.Text type="secondary">（{engagement.counterpartOwner}）</Typography.Text>
        </Typography.Text>
        {engagement.reason && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {shortText(engagement.reason, REASON_CHARS)}
          </Typography.Text>
        )}
        {engagement.closeReason && (
          <Tag color="red" style={{ alignSelf: 'flex-start' }}>
            {CLOSE_REASON_LABELS[engagement.closeReason]}
          </Tag>
        )}
        {engagement.contractAmountWanYuan !== null && (
          <Tag color="green" style={{ alignSelf: 'flex-start' }}>
            {t('marketplaceDeals.engagements.contractAmount', {
              amount: formatContractWanYuan(engagement.contractAmountWanYuan),
            })}
          </Tag>
        )}
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('marketplaceDeals.engagements.updatedAt', {
              date: dayjs(engagement.updatedAt).format('YYYY-MM-DD'),
            })}
          </Typography.Text>
          {targets.length > 0 && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: targets.map((target) => ({ key: target, label: ENGAGEMENT_STATUS_LABELS[target] })),
                onClick: ({ key, domEvent }) => {
                  domEvent.stopPropagation()
                  onMove(engagement, key as ManualEngagementStatus)
                },
              }}
            >
              <Button
                size="small"
                aria-label={t('marketplaceDeals.engagements.advance')}
                onClick={(event) => event.stopPropagation()}
              >
                {t('marketplaceDeals.engagements.advance')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Flex>
      </Flex>
    </Card>
  )
}
