import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons'
import {
  ENGAGEMENT_STATUS_LABELS,
  EVENT_KIND_LABELS,
  PARTICIPANT_KIND_LABELS,
  type Engagement,
  type TechEventDetail,
} from '@kechuang/core/marketplace'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Descriptions, Flex, Popconfirm, Table, Tag, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { FullPageSpin } from '../../app/full-page-spin'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import { ENGAGEMENT_STATUS_COLORS, engagementBoardPath } from './deal-display'
import { deleteTechEvent, techEventQueryOptions } from './deals.api'
import { marketplaceKeys } from './marketplace.api'
import { MarketplaceTextBlock } from './marketplace-text-block'
import { TechEventForm } from './tech-event-form'

const NONE = t('common.none')
const LIST_PATH = '/marketplace/events'

/** One 对接活动: what, when and where, who took part, and the 对接 that met there. */
export function TechEventDetailPage() {
  const { id = '' } = useParams()
  const { data: event, error, refetch } = useQuery(techEventQueryOptions(id))
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!event) return <FullPageSpin />
  return <TechEventView event={event} />
}

function TechEventView({ event }: { event: TechEventDetail }) {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const handleError = useHandleError()
  const [isEditing, setIsEditing] = useState(false)
  const remove = useMutation({
    mutationFn: () => deleteTechEvent(event.id),
    onSuccess: async () => {
      void message.success(t('marketplace.deleted', { name: event.title }))
      queryClient.removeQueries({ queryKey: techEventQueryOptions(event.id).queryKey })
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all })
      void navigate(LIST_PATH)
    },
    onError: handleError,
  })

  const engagementColumns: TableColumnsType<Engagement> = [
    {
      title: t('marketplaceDeals.engagements.need'),
      key: 'need',
      render: (_, row) => <Link to={engagementBoardPath(row.id)}>{row.needTitle}</Link>,
    },
    {
      title: t('marketplaceDeals.engagements.enterprise'),
      key: 'enterprise',
      render: (_, row) => row.enterpriseName,
    },
    {
      title: t('marketplaceDeals.engagements.counterpart'),
      key: 'counterpart',
      render: (_, row) => `${row.counterpartTitle}（${row.counterpartOwner}）`,
    },
    {
      title: t('marketplaceDeals.engagements.status'),
      key: 'status',
      render: (_, row) => (
        <Tag color={ENGAGEMENT_STATUS_COLORS[row.status]}>{ENGAGEMENT_STATUS_LABELS[row.status]}</Tag>
      ),
    },
  ]

  return (
    <PageContainer
      title={
        <Flex gap={8} wrap align="center">
          <span>{event.title}</span>
          <Tag>{EVENT_KIND_LABELS[event.kind]}</Tag>
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          <Link to={LIST_PATH}>
            <Button icon={<ArrowLeftOutlined />}>{t('marketplace.back')}</Button>
          </Link>
          {event.canEdit && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('marketplace.deleteConfirm', { name: event.title })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, loading: remove.isPending }}
                onConfirm={() => remove.mutate()}
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('marketplaceDeals.events.heldOn')}>{event.heldOn}</Descriptions.Item>
            <Descriptions.Item label={t('marketplaceDeals.events.location')}>
              {event.location ?? NONE}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplaceDeals.events.organizer')}>
              {event.organizer ?? NONE}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplaceDeals.events.region')}>
              {event.regionName ?? NONE}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplaceDeals.events.description')} span="filled">
              <MarketplaceTextBlock text={event.description} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('marketplaceDeals.events.participants')}>
          {event.participants.length === 0 ? (
            t('marketplaceDeals.events.noParticipants')
          ) : (
            <Flex gap={8} wrap>
              {event.participants.map((participant, index) => (
                <Tag key={`${participant.name}-${index}`}>
                  {PARTICIPANT_KIND_LABELS[participant.kind]} · {participant.name}
                </Tag>
              ))}
            </Flex>
          )}
        </Card>
        <Card title={t('marketplaceDeals.events.engagements')}>
          <Table<Engagement>
            rowKey="id"
            size="small"
            columns={engagementColumns}
            dataSource={event.engagements}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('marketplaceDeals.events.noEngagements') }}
          />
        </Card>
      </Flex>
      {isEditing && (
        <TechEventForm
          event={event}
          onClose={() => setIsEditing(false)}
          onSaved={() => setIsEditing(false)}
        />
      )}
    </PageContainer>
  )
}
