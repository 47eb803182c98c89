import { PlusOutlined } from '@ant-design/icons'
import {
  EVENT_KINDS,
  EVENT_KIND_LABELS,
  TechEventQuery,
  type EventKind,
  type TechEvent,
} from '@kechuang/core/marketplace'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Input, Select, Table, Tag, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useIsMobile } from '../../lib/use-is-mobile'
import { recentYears } from './deal-display'
import { techEventsQueryOptions } from './deals.api'
import { useMarketplaceListState } from './marketplace-list-filters'
import { TechEventForm } from './tech-event-form'
import { serverPagination } from '../../components/table-pagination/server-pagination'

const NONE = t('common.none')
// Events may be entered ahead, so next year is offered too.
const EVENT_YEARS = recentYears(11, new Date().getFullYear() + 1)

/** 对接活动: roadshows, 供需对接会, visits of the caller's scope, newest first, filtered and paged on the server. */
export function TechEventListPage() {
  const { can } = useAuth()
  const navigate = useNavigate()
  const isMobile = useIsMobile()
  const [isCreating, setIsCreating] = useState(false)
  const { state, params, update, updateFilter } = useMarketplaceListState(TechEventQuery)
  const [searchText, setSearchText] = useState(state.q ?? '')
  const { data, error, refetch, isFetching } = useQuery(techEventsQueryOptions(params))

  const columns: TableColumnsType<TechEvent> = [
    { title: t('marketplaceDeals.events.heldOn'), key: 'heldOn', render: (_, row) => row.heldOn },
    {
      title: t('marketplaceDeals.events.name'),
      key: 'title',
      render: (_, row) => <Link to={`/marketplace/events/${row.id}`}>{row.title}</Link>,
    },
    {
      title: t('marketplaceDeals.events.kind'),
      key: 'kind',
      render: (_, row) => <Tag>{EVENT_KIND_LABELS[row.kind]}</Tag>,
    },
    {
      title: t('marketplaceDeals.events.location'),
      key: 'location',
      render: (_, row) => row.location ?? NONE,
    },
    {
      title: t('marketplaceDeals.events.participantCount'),
      key: 'participants',
      align: 'end',
      render: (_, row) => row.participants.length,
    },
    {
      title: t('marketplaceDeals.events.engagementCount'),
      key: 'engagements',
      align: 'end',
      render: (_, row) => row.engagementCount,
    },
  ]

  return (
    <PageContainer
      title={t('marketplaceDeals.events.title')}
      extra={
        can('marketplace:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
            {t('marketplaceDeals.events.create')}
          </Button>
        )
      }
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Card>
        <div className="list-filters">
          <Input.Search
            allowClear
            placeholder={t('marketplaceDeals.events.searchPlaceholder')}
            aria-label={t('marketplaceDeals.searchLabel')}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => updateFilter({ q: value.trim() || undefined })}
          />
          <Select<EventKind>
            allowClear
            placeholder={t('marketplaceDeals.events.kindPlaceholder')}
            aria-label={t('marketplaceDeals.events.kindFilter')}
            value={state.kind}
            onChange={(kind) => updateFilter({ kind })}
            options={EVENT_KINDS.map((kind) => ({ value: kind, label: EVENT_KIND_LABELS[kind] }))}
          />
          <Select<number>
            allowClear
            placeholder={t('marketplaceDeals.yearPlaceholder')}
            aria-label={t('marketplaceDeals.events.yearFilter')}
            value={state.year}
            onChange={(year) => updateFilter({ year })}
            options={EVENT_YEARS.map((year) => ({
              value: year,
              label: t('marketplaceDeals.yearOption', { year }),
            }))}
          />
        </div>
        <Table<TechEvent>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('marketplaceDeals.events.empty') }}
          pagination={serverPagination(
            state,
            data?.total,
            (paging) => update({ ...state, ...paging }),
            isMobile,
          )}
        />
      </Card>
      {isCreating && (
        <TechEventForm
          onClose={() => setIsCreating(false)}
          onSaved={(saved) => void navigate(`/marketplace/events/${saved.id}`)}
        />
      )}
    </PageContainer>
  )
}
