import { DownloadOutlined } from '@ant-design/icons'
import {
  QUALIFICATION_TYPES,
  QUALIFICATION_TYPE_LABELS,
  type EnterpriseListItem,
  type QualificationType,
} from '@kechuang/core/registers'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import { useIsMobile } from '../../lib/use-is-mobile'
import {
  changeFilter,
  listStateFromSearch,
  listStateToParams,
  sortFromTable,
  type EnterpriseListState,
} from './enterprise-list-filters'
import { formatFigure } from './enterprise-profile-tables'
import { downloadEnterpriseExport, enterprisesQueryOptions } from './enterprise-register.api'

const NONE = t('common.none')
// The years a qualification filter offers: this year and the fifteen before it.
const QUALIFICATION_YEARS = Array.from({ length: 16 }, (_, i) => new Date().getFullYear() - i)

/** 企业库: one row per enterprise of the caller's scope, filtered, sorted and paged on the server. */
export function EnterpriseListPage() {
  const [search, setSearch] = useSearchParams()
  const state = listStateFromSearch(search)
  const [searchText, setSearchText] = useState(state.q ?? '')
  const [isExporting, setIsExporting] = useState(false)
  const isMobile = useIsMobile()
  const handleError = useHandleError()
  const { data, error, refetch, isFetching } = useQuery(enterprisesQueryOptions(listStateToParams(state)))

  function update(next: EnterpriseListState) {
    const params = listStateToParams(next)
    setSearch(new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)])))
  }
  const updateFilter = (change: Partial<EnterpriseListState>) => update(changeFilter(state, change))

  async function handleExport() {
    setIsExporting(true)
    try {
      await downloadEnterpriseExport(listStateToParams(state, { withPaging: false }))
    } catch (exportError) {
      handleError(exportError)
    } finally {
      setIsExporting(false)
    }
  }

  const sortOrderOf = (key: string) =>
    state.sort === key ? (state.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null

  const columns: TableColumnsType<EnterpriseListItem> = [
    {
      title: t('enterprises.columns.name'),
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      fixed: isMobile ? undefined : 'start',
      render: (_, row) => (
        <Flex vertical gap={2}>
          <Flex gap={4} wrap align="center">
            <Link to={`/enterprises/${row.id}`}>{row.name}</Link>
            {row.isSynthetic && <Tag color="orange">{t('enterprises.synthetic')}</Tag>}
          </Flex>
          {row.memberCount > 1 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('enterprises.memberCount', { count: row.memberCount })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('enterprises.columns.creditCode'),
      key: 'creditCode',
      render: (_, row) => row.creditCode ?? NONE,
    },
    { title: t('enterprises.columns.region'), key: 'region', render: (_, row) => row.regionName ?? NONE },
    {
      title: t('enterprises.columns.industry'),
      key: 'industry',
      render: (_, row) =>
        [row.industryCode, row.industryText, row.leadingIndustry].filter(Boolean).join(' · ') || NONE,
    },
    {
      title: t('enterprises.columns.qualifications'),
      key: 'qualifications',
      render: (_, row) =>
        row.currentQualifications.length === 0 ? (
          NONE
        ) : (
          <Flex gap={4} wrap>
            {row.currentQualifications.map((type) => (
              <Tag key={type} color="blue">
                {QUALIFICATION_TYPE_LABELS[type]}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('enterprises.columns.ipCount'),
      key: 'ipCount',
      align: 'end',
      render: (_, row) => row.ipCount,
    },
    {
      title: t('enterprises.columns.platformCount'),
      key: 'platformCount',
      align: 'end',
      render: (_, row) => row.platformCount,
    },
    {
      // The sort reads one data year's figure; the title says which.
      title:
        state.sort === 'rdExpense' && data?.rdExpenseYear
          ? `${t('enterprises.columns.rdExpense')} ${t('enterprises.rdExpenseSortYear', { year: data.rdExpenseYear })}`
          : t('enterprises.columns.rdExpense'),
      key: 'rdExpense',
      align: 'end',
      sorter: true,
      sortOrder: sortOrderOf('rdExpense'),
      render: (_, row) =>
        row.latestRdExpenseYear === null ? (
          NONE
        ) : (
          <Flex vertical gap={0} align="end">
            <span>{formatFigure(row.latestRdExpenseWanYuan)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('enterprises.rdExpenseYear', { year: row.latestRdExpenseYear })}
            </Typography.Text>
          </Flex>
        ),
    },
    {
      title: t('enterprises.columns.foundedOn'),
      key: 'foundedOn',
      sorter: true,
      sortOrder: sortOrderOf('foundedOn'),
      render: (_, row) => row.foundedOn ?? NONE,
    },
  ]

  return (
    <PageContainer
      title={t('enterprises.title')}
      extra={
        <Button icon={<DownloadOutlined />} loading={isExporting} onClick={() => void handleExport()}>
          {isExporting ? t('enterprises.exporting') : t('enterprises.export')}
        </Button>
      }
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Card>
        <div className="list-filters">
          <Input.Search
            allowClear
            placeholder={t('enterprises.searchPlaceholder')}
            aria-label={t('enterprises.searchLabel')}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => updateFilter({ q: value.trim() || undefined })}
          />
          <OrgUnitTreeSelect
            allowClear
            placeholder={t('enterprises.regionPlaceholder')}
            aria-label={t('enterprises.regionPlaceholder')}
            value={state.regionOrgUnitId}
            onChange={(regionOrgUnitId) => updateFilter({ regionOrgUnitId })}
          />
          <Input.Search
            allowClear
            placeholder={t('enterprises.industryPlaceholder')}
            aria-label={t('enterprises.industryPlaceholder')}
            defaultValue={state.industryCode}
            onSearch={(value) => updateFilter({ industryCode: value.trim().toUpperCase() || undefined })}
          />
          <Input.Search
            allowClear
            placeholder={t('enterprises.leadingIndustryPlaceholder')}
            aria-label={t('enterprises.leadingIndustryPlaceholder')}
            defaultValue={state.leadingIndustry}
            onSearch={(value) => updateFilter({ leadingIndustry: value.trim() || undefined })}
          />
          <Select<QualificationType>
            allowClear
            placeholder={t('enterprises.qualificationPlaceholder')}
            aria-label={t('enterprises.qualificationPlaceholder')}
            value={state.qualificationType}
            onChange={(qualificationType) => updateFilter({ qualificationType })}
            options={QUALIFICATION_TYPES.map((type) => ({
              value: type,
              label: QUALIFICATION_TYPE_LABELS[type],
            }))}
          />
          <Select<number>
            allowClear
            placeholder={t('enterprises.qualificationYearPlaceholder')}
            aria-label={t('enterprises.qualificationYearPlaceholder')}
            disabled={!state.qualificationType}
            value={state.qualificationYear}
            onChange={(qualificationYear) => updateFilter({ qualificationYear })}
            options={QUALIFICATION_YEARS.map((year) => ({ value: year, label: String(year) }))}
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder={t('enterprises.syntheticPlaceholder')}
            aria-label={t('enterprises.syntheticPlaceholder')}
            value={state.isSynthetic === undefined ? undefined : state.isSynthetic ? 'true' : 'false'}
            onChange={(value) =>
              updateFilter({ isSynthetic: value === undefined ? undefined : value === 'true' })
            }
            options={[
              { value: 'false', label: t('enterprises.realOnly') },
              { value: 'true', label: t('enterprises.syntheticOnly') },
            ]}
          />
        </div>
        <Table<EnterpriseListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') {
              const one = Array.isArray(sorter) ? sorter[0] : sorter
              update({ ...state, ...sortFromTable(one?.columnKey, one?.order), page: 1 })
            }
          }}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            simple: isMobile,
            showTotal: (total) =>
              data?.totalIsCapped ? t('enterprises.totalCapped', { total }) : t('common.total', { total }),
            onChange: (page, pageSize) => update({ ...state, page, pageSize }),
          }}
        />
      </Card>
    </PageContainer>
  )
}
