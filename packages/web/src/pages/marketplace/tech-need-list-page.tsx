import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import {
  NEED_STATUSES,
  NEED_STATUS_LABELS,
  TechNeedQuery,
  type NeedStatus,
  type TechNeed,
} from '@kechuang/core/marketplace'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Flex, Select, Table, Tag, Tooltip, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import { useIsMobile } from '../../lib/use-is-mobile'
import { formatWanYuan, NEED_STATUS_COLORS } from './marketplace-display'
import { MarketplaceListFilters, useMarketplaceListState } from './marketplace-list-filters'
import { MarketplaceRecordTags } from './marketplace-record-tags'
import { needDirectoryParams } from './marketplace-list-state'
import { downloadNeedDirectory, techNeedsQueryOptions, type NeedDirectoryFormat } from './marketplace.api'
import { TechNeedForm } from './tech-need-form'
import { serverPagination } from '../../components/table-pagination/server-pagination'
import { recentYears } from './deal-display'

const NONE = t('common.none')
// The years the 需求目录 offers: this year and the nine before it.
const DIRECTORY_YEARS = recentYears(10)

/** 技术需求: the needs of the caller's scope, filtered and paged on the server. */
export function TechNeedListPage() {
  const { can } = useAuth()
  const navigate = useNavigate()
  const isMobile = useIsMobile()
  const [isCreating, setIsCreating] = useState(false)
  const { state, params, update, updateFilter } = useMarketplaceListState(TechNeedQuery)
  const { data, error, refetch, isFetching } = useQuery(techNeedsQueryOptions(params))
  const handleError = useHandleError()
  const [directoryYear, setDirectoryYear] = useState(DIRECTORY_YEARS[0]!)
  const [exporting, setExporting] = useState<NeedDirectoryFormat | null>(null)

  async function handleExport(format: NeedDirectoryFormat) {
    setExporting(format)
    try {
      await downloadNeedDirectory(format, needDirectoryParams(state, directoryYear))
    } catch (exportError) {
      handleError(exportError)
    } finally {
      setExporting(null)
    }
  }
  const exportButton = (format: NeedDirectoryFormat) => (
    <Button
      icon={<DownloadOutlined />}
      loading={exporting === format}
      disabled={exporting !== null && exporting !== format}
      onClick={() => void handleExport(format)}
    >
      {exporting === format
        ? t('marketplace.needs.exporting')
        : t(format === 'docx' ? 'marketplace.needs.exportWord' : 'marketplace.needs.exportExcel')}
    </Button>
  )

  const columns: TableColumnsType<TechNeed> = [
    {
      title: t('marketplace.needs.name'),
      key: 'title',
      render: (_, row) => (
        <Flex gap={4} wrap align="center">
          <Link to={`/marketplace/needs/${row.id}`}>{row.title}</Link>
          <MarketplaceRecordTags
            source={row.source}
            isSynthetic={row.isSynthetic}
            planDirectionId={row.planDirectionId}
          />
        </Flex>
      ),
    },
    { title: t('marketplace.needs.enterprise'), key: 'enterprise', render: (_, row) => row.enterpriseName },
    { title: t('marketplace.industry'), key: 'industry', render: (_, row) => row.industry },
    {
      title: t('marketplace.needs.budget'),
      key: 'budget',
      align: 'end',
      render: (_, row) => formatWanYuan(row.budgetWanYuan),
    },
    { title: t('marketplace.needs.deadline'), key: 'deadline', render: (_, row) => row.deadline ?? NONE },
    {
      title: t('marketplace.needs.status'),
      key: 'status',
      render: (_, row) => <Tag color={NEED_STATUS_COLORS[row.status]}>{NEED_STATUS_LABELS[row.status]}</Tag>,
    },
    { title: t('marketplace.region'), key: 'region', render: (_, row) => row.regionName ?? NONE },
  ]

  return (
    <PageContainer
      title={t('marketplace.needs.title')}
      extra={
        <Flex gap={8} wrap>
          <Tooltip title={t('marketplace.needs.exportHint')}>
            <Select<number>
              aria-label={t('marketplace.needs.directoryYear')}
              value={directoryYear}
              onChange={setDirectoryYear}
              options={DIRECTORY_YEARS.map((year) => ({
                value: year,
                label: t('marketplace.needs.directoryYearOption', { year }),
              }))}
            />
          </Tooltip>
          {exportButton('docx')}
          {exportButton('xlsx')}
          {can('marketplace:publish') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
              {t('marketplace.needs.create')}
            </Button>
          )}
        </Flex>
      }
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Card>
        <MarketplaceListFilters
          state={state}
          searchPlaceholder={t('marketplace.needs.searchPlaceholder')}
          onChange={updateFilter}
        >
          <Select<NeedStatus>
            allowClear
            placeholder={t('marketplace.statusPlaceholder')}
            aria-label={t('marketplace.needs.status')}
            value={state.status}
            onChange={(status) => updateFilter({ status })}
            options={NEED_STATUSES.map((status) => ({ value: status, label: NEED_STATUS_LABELS[status] }))}
          />
        </MarketplaceListFilters>
        <Table<TechNeed>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('marketplace.needs.empty') }}
          pagination={serverPagination(
            state,
            data?.total,
            (paging) => update({ ...state, ...paging }),
            isMobile,
          )}
        />
      </Card>
      {isCreating && (
        <TechNeedForm
          onClose={() => setIsCreating(false)}
          onSaved={(saved) => void navigate(`/marketplace/needs/${saved.id}`)}
        />
      )}
    </PageContainer>
  )
}
