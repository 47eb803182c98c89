import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import {
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  TechContractQuery,
  type ContractType,
  type TechContract,
} from '@kechuang/core/marketplace'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Flex, Input, Popconfirm, Select, Table, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { ApiError } from '../../lib/api-client'
import { useHandleError } from '../../lib/handle-error'
import { useIsMobile } from '../../lib/use-is-mobile'
import { engagementBoardPath, formatContractAmount, recentYears } from './deal-display'
import { deleteTechContract, downloadTechContracts, techContractsQueryOptions } from './deals.api'
import { useMarketplaceListState } from './marketplace-list-filters'
import { marketplaceKeys } from './marketplace.api'
import { TechContractForm } from './tech-contract-form'
import { serverPagination } from '../../components/table-pagination/server-pagination'

const CONTRACT_YEARS = recentYears(10)

/** 合同登记: the registered 技术合同 of the caller's scope, filtered and paged on the server; staff register and edit. */
export function TechContractRegistry() {
  const { can } = useAuth()
  const { message } = App.useApp()
  const isMobile = useIsMobile()
  const queryClient = useQueryClient()
  const handleError = useHandleError()
  const { state, params, update, updateFilter } = useMarketplaceListState(TechContractQuery)
  const [searchText, setSearchText] = useState(state.q ?? '')
  const [editing, setEditing] = useState<TechContract | 'new' | null>(null)
  const [isExporting, setIsExporting] = useState(false)
  const { data, error, refetch, isFetching } = useQuery(techContractsQueryOptions(params))
  const remove = useMutation({
    mutationFn: (contract: TechContract) => deleteTechContract(contract.id),
    onSuccess: async (_, contract) => {
      void message.success(t('marketplace.deleted', { name: contract.title }))
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all })
    },
    onError: handleError,
  })

  async function handleExport() {
    setIsExporting(true)
    try {
      const { page: _page, pageSize: _pageSize, ...filters } = params
      await downloadTechContracts(filters)
    } catch (exportError) {
      // A server without the export answers 404 for the route itself: say so rather than "not found".
      if (exportError instanceof ApiError && exportError.status === 404)
        void message.warning(t('marketplaceDeals.contracts.exportMissing'))
      else handleError(exportError)
    } finally {
      setIsExporting(false)
    }
  }

  const columns: TableColumnsType<TechContract> = [
    {
      title: t('marketplaceDeals.contracts.registrationNumber'),
      key: 'registrationNumber',
      render: (_, row) => row.registrationNumber,
    },
    {
      title: t('marketplaceDeals.contracts.name'),
      key: 'title',
      render: (_, row) =>
        row.engagementId ? <Link to={engagementBoardPath(row.engagementId)}>{row.title}</Link> : row.title,
    },
    {
      title: t('marketplaceDeals.contracts.type'),
      key: 'type',
      render: (_, row) => CONTRACT_TYPE_LABELS[row.type],
    },
    {
      title: t('marketplaceDeals.contracts.amount'),
      key: 'amount',
      align: 'end',
      render: (_, row) => formatContractAmount(row.amountWanYuan),
    },
    { title: t('marketplaceDeals.contracts.seller'), key: 'seller', render: (_, row) => row.sellerName },
    { title: t('marketplaceDeals.contracts.buyer'), key: 'buyer', render: (_, row) => row.buyerName },
    { title: t('marketplaceDeals.contracts.signedOn'), key: 'signedOn', render: (_, row) => row.signedOn },
    { title: t('marketplaceDeals.contracts.region'), key: 'region', render: (_, row) => row.regionName },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, row) =>
        row.canEdit && (
          <Flex gap={4}>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={`${t('common.edit')} ${row.title}`}
              onClick={() => setEditing(row)}
            />
            <Popconfirm
              title={t('marketplace.deleteConfirm', { name: row.title })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={() => remove.mutate(row)}
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('common.delete')} ${row.title}`}
              />
            </Popconfirm>
          </Flex>
        ),
    },
  ]

  return (
    <>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Card>
        <Flex justify="space-between" gap={8} wrap>
          <div className="list-filters" style={{ flex: 1, minWidth: 0 }}>
            <Input.Search
              allowClear
              placeholder={t('marketplaceDeals.contracts.searchPlaceholder')}
              aria-label={t('marketplaceDeals.searchLabel')}
              value={searchText}
              onChange={(event) => setSearchText(event.target.value)}
              onSearch={(value) => updateFilter({ q: value.trim() || undefined })}
            />
            <Select<ContractType>
              allowClear
              placeholder={t('marketplaceDeals.contracts.typePlaceholder')}
              aria-label={t('marketplaceDeals.contracts.typeFilter')}
              value={state.type}
              onChange={(type) => updateFilter({ type })}
              options={CONTRACT_TYPES.map((type) => ({ value: type, label: CONTRACT_TYPE_LABELS[type] }))}
            />
            <Select<number>
              allowClear
              placeholder={t('marketplaceDeals.yearPlaceholder')}
              aria-label={t('marketplaceDeals.contracts.yearFilter')}
              value={state.year}
              onChange={(year) => updateFilter({ year })}
              options={CONTRACT_YEARS.map((year) => ({
                value: year,
                label: t('marketplaceDeals.yearOption', { year }),
              }))}
            />
            <OrgUnitTreeSelect
              allowClear
              placeholder={t('marketplaceDeals.regionPlaceholder')}
              aria-label={t('marketplaceDeals.contracts.regionFilter')}
              value={state.orgUnitId}
              onChange={(orgUnitId) => updateFilter({ orgUnitId })}
            />
          </div>
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <Button icon={<DownloadOutlined />} loading={isExporting} onClick={() => void handleExport()}>
              {t(isExporting ? 'marketplaceDeals.contracts.exporting' : 'marketplaceDeals.contracts.export')}
            </Button>
            {can('marketplace:manage') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                aria-label={t('marketplaceDeals.contracts.create')}
                onClick={() => setEditing('new')}
              >
                {t('marketplaceDeals.contracts.create')}
              </Button>
            )}
          </Flex>
        </Flex>
        <Table<TechContract>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('marketplaceDeals.contracts.empty') }}
          pagination={serverPagination(
            state,
            data?.total,
            (paging) => update({ ...state, ...paging }),
            isMobile,
          )}
        />
      </Card>
      {editing && (
        <TechContractForm
          contract={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </>
  )
}
