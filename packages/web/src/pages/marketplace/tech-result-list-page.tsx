import { PlusOutlined } from '@ant-design/icons'
import {
  MATURITY_LABELS,
  MATURITY_LEVELS,
  TRANSFER_MODE_LABELS,
  TechResultQuery,
  type MaturityLevel,
  type TechResult,
} from '@kechuang/core/marketplace'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Flex, Select, Table, Tag, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useIsMobile } from '../../lib/use-is-mobile'
import { formatWanYuan } from './marketplace-display'
import { MarketplaceListFilters, useMarketplaceListState } from './marketplace-list-filters'
import { MarketplaceRecordTags } from './marketplace-record-tags'
import { techResultsQueryOptions } from './marketplace.api'
import { TechResultForm } from './tech-result-form'
import { serverPagination } from '../../components/table-pagination/server-pagination'

const NONE = t('common.none')

/** 科技成果: the results of the caller's scope, filtered and paged on the server. */
export function TechResultListPage() {
  const { can } = useAuth()
  const navigate = useNavigate()
  const isMobile = useIsMobile()
  const [isCreating, setIsCreating] = useState(false)
  const { state, params, update, updateFilter } = useMarketplaceListState(TechResultQuery)
  const { data, error, refetch, isFetching } = useQuery(techResultsQueryOptions(params))

  const columns: TableColumnsType<TechResult> = [
    {
      title: t('marketplace.results.name'),
      key: 'title',
      render: (_, row) => (
        <Flex gap={4} wrap align="center">
          <Link to={`/marketplace/results/${row.id}`}>{row.title}</Link>
          <MarketplaceRecordTags source={row.source} isSynthetic={row.isSynthetic} />
        </Flex>
      ),
    },
    { title: t('marketplace.results.owner'), key: 'owner', render: (_, row) => row.ownerName },
    { title: t('marketplace.industry'), key: 'industry', render: (_, row) => row.industry },
    {
      title: t('marketplace.results.maturity'),
      key: 'maturity',
      render: (_, row) => <Tag color="blue">{MATURITY_LABELS[row.maturity]}</Tag>,
    },
    {
      title: t('marketplace.results.transferMode'),
      key: 'transferMode',
      render: (_, row) => TRANSFER_MODE_LABELS[row.transferMode],
    },
    {
      title: t('marketplace.results.price'),
      key: 'price',
      align: 'end',
      render: (_, row) => formatWanYuan(row.priceWanYuan),
    },
    { title: t('marketplace.region'), key: 'region', render: (_, row) => row.regionName ?? NONE },
  ]

  return (
    <PageContainer
      title={t('marketplace.results.title')}
      extra={
        can('marketplace:publish') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
            {t('marketplace.results.create')}
          </Button>
        )
      }
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Card>
        <MarketplaceListFilters
          state={state}
          searchPlaceholder={t('marketplace.results.searchPlaceholder')}
          onChange={updateFilter}
        >
          <Select<MaturityLevel>
            allowClear
            placeholder={t('marketplace.maturityPlaceholder')}
            aria-label={t('marketplace.results.maturity')}
            value={state.maturity}
            onChange={(maturity) => updateFilter({ maturity })}
            options={MATURITY_LEVELS.map((level) => ({ value: level, label: MATURITY_LABELS[level] }))}
          />
        </MarketplaceListFilters>
        <Table<TechResult>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('marketplace.results.empty') }}
          pagination={serverPagination(
            state,
            data?.total,
            (paging) => update({ ...state, ...paging }),
            isMobile,
          )}
        />
      </Card>
      {isCreating && (
        <TechResultForm
          onClose={() => setIsCreating(false)}
          onSaved={(saved) => void navigate(`/marketplace/results/${saved.id}`)}
        />
      )}
    </PageContainer>
  )
}
