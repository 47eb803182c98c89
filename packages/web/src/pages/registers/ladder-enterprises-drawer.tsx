import type { LadderStepOrNone } from '@kechuang/core/registers'
import { PAGE_SIZE_DEFAULT } from '@kechuang/core/pagination'
import { useQuery } from '@tanstack/react-query'
import { Drawer, Table, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { ladderStepLabel } from './ladder-chart-options'
import { ladderEnterprisesQueryOptions } from './ladder-steps.api'

/** A cell of the ladder: a step in a year, or a movement from one step and year to another. */
export interface LadderCell {
  orgUnitId: string
  regionName: string
  year: number
  step: LadderStepOrNone
  compare?: { year: number; step: LadderStepOrNone }
}

interface Row {
  id: string
  name: string
  creditCode: string | null
  regionName: string | null
  foundedOn: string | null
}

/** The enterprises behind one count, paged on the server. */
export function LadderEnterprisesDrawer({ cell, onClose }: { cell: LadderCell; onClose: () => void }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: PAGE_SIZE_DEFAULT })
  const { data, error, refetch, isFetching } = useQuery(
    ladderEnterprisesQueryOptions({
      orgUnitId: cell.orgUnitId,
      year: cell.year,
      step: cell.step,
      ...(cell.compare ? { compareYear: cell.compare.year, compareStep: cell.compare.step } : {}),
      ...paging,
    }),
  )
  const title = cell.compare
    ? t('libraries.ladder.drillMovementTitle', {
        region: cell.regionName,
        fromYear: cell.compare.year,
        fromStep: ladderStepLabel(cell.compare.step),
        toYear: cell.year,
        toStep: ladderStepLabel(cell.step),
      })
    : t('libraries.ladder.drillTitle', {
        region: cell.regionName,
        year: cell.year,
        step: ladderStepLabel(cell.step),
      })
  const columns: TableColumnsType<Row> = [
    { title: t('libraries.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('libraries.ladder.creditCode'),
      key: 'creditCode',
      render: (_, r) => r.creditCode ?? t('common.none'),
    },
    { title: t('libraries.regionName'), key: 'region', render: (_, r) => r.regionName ?? t('common.none') },
    {
      title: t('libraries.ladder.foundedOn'),
      key: 'foundedOn',
      render: (_, r) => r.foundedOn ?? t('common.none'),
    },
  ]
  return (
    <Drawer open title={title} size="large" onClose={onClose}>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Drawer>
  )
}
