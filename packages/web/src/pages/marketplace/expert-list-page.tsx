import { PlusOutlined } from '@ant-design/icons'
import { ExpertQuery, type Expert } from '@kechuang/core/marketplace'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Flex, Table, Tag, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useIsMobile } from '../../lib/use-is-mobile'
import { ExpertForm } from './expert-form'
import { MarketplaceListFilters, useMarketplaceListState } from './marketplace-list-filters'
import { MarketplaceRecordTags } from './marketplace-record-tags'
import { expertsQueryOptions } from './marketplace.api'
import { serverPagination } from '../../components/table-pagination/server-pagination'

const NONE = t('common.none')

/** 专家库: the experts of the caller's scope; staff who manage the marketplace add and edit them. */
export function ExpertListPage() {
  const { can } = useAuth()
  const navigate = useNavigate()
  const isMobile = useIsMobile()
  const [isCreating, setIsCreating] = useState(false)
  const { state, params, update, updateFilter } = useMarketplaceListState(ExpertQuery)
  const { data, error, refetch, isFetching } = useQuery(expertsQueryOptions(params))

  const columns: TableColumnsType<Expert> = [
    {
      title: t('marketplace.experts.name'),
      key: 'name',
      render: (_, row) => (
        <Flex gap={4} wrap align="center">
          <Link to={`/marketplace/experts/${row.id}`}>{row.name}</Link>
          <MarketplaceRecordTags isSynthetic={row.isSynthetic} />
        </Flex>
      ),
    },
    {
      title: t('marketplace.experts.organization'),
      key: 'organization',
      render: (_, row) => row.organization,
    },
    { title: t('marketplace.experts.jobTitle'), key: 'title', render: (_, row) => row.title ?? NONE },
    { title: t('marketplace.industry'), key: 'industry', render: (_, row) => row.industry },
    {
      title: t('marketplace.experts.fields'),
      key: 'fields',
      render: (_, row) => (
        <Flex gap={4} wrap>
          {row.fields.map((field) => (
            <Tag key={field}>{field}</Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('marketplace.region'), key: 'region', render: (_, row) => row.regionName ?? NONE },
  ]

  return (
    <PageContainer
      title={t('marketplace.experts.title')}
      extra={
        can('marketplace:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
            {t('marketplace.experts.create')}
          </Button>
        )
      }
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Card>
        <MarketplaceListFilters
          state={state}
          searchPlaceholder={t('marketplace.experts.searchPlaceholder')}
          onChange={updateFilter}
        />
        <Table<Expert>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('marketplace.experts.empty') }}
          pagination={serverPagination(
            state,
            data?.total,
            (paging) => update({ ...state, ...paging }),
            isMobile,
          )}
        />
      </Card>
      {isCreating && (
        <ExpertForm
          onClose={() => setIsCreating(false)}
          onSaved={(saved) => void navigate(`/marketplace/experts/${saved.id}`)}
        />
      )}
    </PageContainer>
  )
}
