import type { TechContractTotals } from '@kechuang/core/marketplace'
import { useQuery } from '@tanstack/react-query'
import { Card, DatePicker, Flex, Spin, Table, Typography, type TableColumnsType } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { Chart } from '../../components/chart/chart'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import {
  contractTotalsChartOption,
  regionTotalsRows,
  typeTotalsRows,
  type TotalsRow,
} from './contract-totals-rows'
import { formatContractAmount, formatContractWanYuan } from './deal-display'
import { techContractTotalsQueryOptions } from './deals.api'

// The server's default too: this year and the four before it.
const DEFAULT_YEARS = 5

/** 成交额统计: 技术合同 count and amount by signing year, for a region and its child regions, and by contract type. */
export function TechContractTotalsView() {
  const thisYear = dayjs().startOf('year')
  const [range, setRange] = useState<[Dayjs, Dayjs]>([thisYear.subtract(DEFAULT_YEARS - 1, 'year'), thisYear])
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>()
  const { data, error, refetch, isFetching } = useQuery(
    techContractTotalsQueryOptions({ fromYear: range[0].year(), toYear: range[1].year(), orgUnitId }),
  )

  return (
    <Flex vertical gap={16}>
      <div className="list-filters">
        <DatePicker.RangePicker
          picker="year"
          allowClear={false}
          aria-label={t('marketplaceDeals.contracts.yearRange')}
          value={range}
          disabledDate={(day) => day.isAfter(thisYear, 'year')}
          onChange={(value) => {
            if (value?.[0] && value[1]) setRange([value[0], value[1]])
          }}
        />
        <OrgUnitTreeSelect
          allowClear
          placeholder={t('marketplaceDeals.regionPlaceholder')}
          aria-label={t('marketplaceDeals.contracts.totalsRegion')}
          value={orgUnitId}
          onChange={setOrgUnitId}
        />
      </div>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Spin spinning={isFetching}>{data && <TotalsTables totals={data} />}</Spin>
    </Flex>
  )
}

function TotalsTables({ totals }: { totals: TechContractTotals }) {
  return (
    <Flex vertical gap={16}>
      <Typography.Text>
        {t('marketplaceDeals.contracts.totalsSummary', {
          name: totals.orgUnit.name,
          from: totals.years[0] ?? '',
          to: totals.years.at(-1) ?? '',
          count: totals.count,
          amount: formatContractWanYuan(totals.amountWanYuan),
        })}
      </Typography.Text>
      <Card size="small" title={t('marketplaceDeals.contracts.byYearChart')}>
        <Chart option={contractTotalsChartOption(totals)} height={280} />
      </Card>
      <Card size="small" title={t('marketplaceDeals.contracts.byRegion')}>
        <TotalsTable
          rows={regionTotalsRows(totals)}
          years={totals.years}
          nameTitle={t('marketplaceDeals.contracts.regionColumn')}
        />
      </Card>
      <Card size="small" title={t('marketplaceDeals.contracts.byType')}>
        <TotalsTable
          rows={typeTotalsRows(totals)}
          years={totals.years}
          nameTitle={t('marketplaceDeals.contracts.typeColumn')}
        />
      </Card>
    </Flex>
  )
}

function TotalsTable({ rows, years, nameTitle }: { rows: TotalsRow[]; years: number[]; nameTitle: string }) {
  const pairOf = (
    pick: (row: TotalsRow) => { count: number; amountWanYuan: number } | undefined,
    key: string,
  ) => [
    {
      title: t('marketplaceDeals.contracts.count'),
      key: `${key}-count`,
      align: 'end' as const,
      render: (_: unknown, row: TotalsRow) => pick(row)?.count ?? 0,
    },
    {
      title: t('marketplaceDeals.contracts.amountShort'),
      key: `${key}-amount`,
      align: 'end' as const,
      render: (_: unknown, row: TotalsRow) => formatContractAmount(pick(row)?.amountWanYuan ?? 0),
    },
  ]
  const columns: TableColumnsType<TotalsRow> = [
    { title: nameTitle, key: 'name', fixed: 'start', render: (_, row) => row.name },
    ...years.map((year) => ({
      title: t('marketplaceDeals.yearOption', { year }),
      key: String(year),
      children: pairOf((row) => row.byYear[year], String(year)),
    })),
    {
      title: t('marketplaceDeals.contracts.totalColumn'),
      key: 'total',
      children: pairOf((row) => row, 'total'),
    },
  ]
  return (
    <Table<TotalsRow>
      rowKey="key"
      size="small"
      bordered
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(row) => ({ style: row.isTotal ? { fontWeight: 600 } : undefined })}
    />
  )
}
