import { CONTRACT_TYPES, CONTRACT_TYPE_LABELS, type TechContractTotals } from '@kechuang/core/marketplace'
import type { EChartsOption } from 'echarts'
import { t } from '../../i18n/t'

export interface YearTotal {
  count: number
  amountWanYuan: number
}

/** One line of a 成交额 table: a region or a contract type, or the total line, with each year's count and amount. */
export interface TotalsRow extends YearTotal {
  key: string
  name: string
  byYear: Record<number, YearTotal>
  isTotal: boolean
}

const ZERO: YearTotal = { count: 0, amountWanYuan: 0 }
const TOTAL_KEY = 'total'

function byYearOf(years: readonly number[], entries: readonly ({ year: number } & YearTotal)[]) {
  const found = new Map(entries.map((entry) => [entry.year, entry]))
  return Object.fromEntries(
    years.map((year) => {
      const entry = found.get(year) ?? ZERO
      return [year, { count: entry.count, amountWanYuan: entry.amountWanYuan }]
    }),
  ) as Record<number, YearTotal>
}

function totalRowOf(totals: TechContractTotals): TotalsRow {
  return {
    key: TOTAL_KEY,
    name: t('marketplaceDeals.contracts.totalRow'),
    byYear: byYearOf(totals.years, totals.byYear),
    count: totals.count,
    amountWanYuan: totals.amountWanYuan,
    isTotal: true,
  }
}

/** Regions × years: the region itself and each child region as the server lists them, then the total line. */
export function regionTotalsRows(totals: TechContractTotals): TotalsRow[] {
  return [
    ...totals.regions.map((region) => ({
      key: region.orgUnitId,
      name: region.name,
      byYear: byYearOf(totals.years, region.byYear),
      count: region.count,
      amountWanYuan: region.amountWanYuan,
      isTotal: false,
    })),
    totalRowOf(totals),
  ]
}

/** Contract types × years, every type in the vocabulary's order (none registered reads 0), then the total line. */
export function typeTotalsRows(totals: TechContractTotals): TotalsRow[] {
  const found = new Map(totals.byType.map((entry) => [entry.type, entry]))
  return [
    ...CONTRACT_TYPES.map((type) => {
      const entry = found.get(type)
      return {
        key: type,
        name: CONTRACT_TYPE_LABELS[type],
        byYear: byYearOf(totals.years, entry?.byYear ?? []),
        count: entry?.count ?? 0,
        amountWanYuan: entry?.amountWanYuan ?? 0,
        isTotal: false,
      }
    }),
    totalRowOf(totals),
  ]
}

/** 技术合同成交额 by signing year: one bar per year, the count in the tooltip's axis label. */
export function contractTotalsChartOption(totals: TechContractTotals): EChartsOption {
  const byYear = byYearOf(totals.years, totals.byYear)
  return {
    aria: { enabled: true },
    color: ['#1f5fbf'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: totals.years.map((year) => t('marketplaceDeals.yearOption', { year })),
      axisTick: { show: false },
    },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'bar',
        name: t('marketplaceDeals.contracts.amountSeries'),
        data: totals.years.map((year) => byYear[year]?.amountWanYuan ?? 0),
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
      },
    ],
  }
}
