import {
  INDICATOR_STATUSES,
  INDICATOR_STATUS_LABELS,
  type IndicatorStatusRow,
  type IndicatorTrend,
  type OrgUnitComparison,
  type PlanDashboard,
  type StatusCounts,
  type UnitTaskProgress,
} from '@kechuang/core/indicators'
import type { EChartsOption } from 'echarts'
import { t } from '../../i18n/t'
import { STATUS_CHART_COLORS } from './indicator-status-colors'

/** A ring of indicators by status, in the order 已完成 … 无数据, each in its status colour; empty statuses left out. */
export function statusDistributionChartOption(counts: StatusCounts): EChartsOption {
  const data = INDICATOR_STATUSES.filter((status) => counts[status] > 0).map((status) => ({
    name: INDICATOR_STATUS_LABELS[status],
    value: counts[status],
    itemStyle: { color: STATUS_CHART_COLORS[status] },
  }))
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        name: t('indicatorDashboard.statusDistribution'),
        radius: ['40%', '65%'],
        center: ['50%', '45%'],
        data,
        label: { formatter: '{b}\n{c}' },
      },
    ],
  }
}

/** Gauges show 完成率 up to this; beyond it the needle stays at the end and the figure still reads true. */
export const GAUGE_MAX_PERCENT = 150

/** The indicators worth a gauge: 约束性 first, then the rest, each with a 完成率, in plan order. */
export function pickGaugeRows(rows: readonly IndicatorStatusRow[], count = 4): IndicatorStatusRow[] {
  const withRatio = rows.filter((row) => row.completionRatio !== null)
  const binding = withRatio.filter((row) => row.nature === 'binding')
  const others = withRatio.filter((row) => row.nature !== 'binding')
  return [...binding, ...others].slice(0, count)
}

/** One indicator's 完成率 as a gauge, coloured by its status. */
export function completionGaugeChartOption(row: IndicatorStatusRow): EChartsOption {
  const percent = Math.round((row.completionRatio ?? 0) * 1000) / 10
  return {
    aria: { enabled: true },
    series: [
      {
        type: 'gauge',
        name: row.name,
        min: 0,
        max: GAUGE_MAX_PERCENT,
        radius: '90%',
        center: ['50%', '55%'],
        startAngle: 210,
        endAngle: -30,
        // A plain ring: at this size ticks and scale labels only crowd the figure.
        progress: {
          show: true,
          width: 12,
          roundCap: true,
          itemStyle: { color: STATUS_CHART_COLORS[row.status] },
        },
        axisLine: { roundCap: true, lineStyle: { width: 12 } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: false },
        // The figure reads true even when the dial is capped.
        detail: { offsetCenter: [0, 0], fontSize: 20, fontWeight: 600, formatter: () => `${percent}%` },
        data: [{ value: Math.min(percent, GAUGE_MAX_PERCENT), name: row.name }],
      },
    ],
  }
}

/**
 * The indicator whose trend opens first: the one chosen, else the worst lagging one, else the first with
 * any value, else the first.
 */
export function pickTrend(
  dashboard: Pick<PlanDashboard, 'trends' | 'lagging'>,
  indicatorId: string | undefined,
): IndicatorTrend | undefined {
  const { trends } = dashboard
  const byId = (id: string | undefined) => trends.find((trend) => trend.indicatorId === id)
  return (
    byId(indicatorId) ??
    byId(dashboard.lagging[0]?.indicatorId) ??
    trends.find((trend) => trend.points.some((point) => point.value !== null)) ??
    trends[0]
  )
}

/** One indicator over the years: the actual values, the printed targets, the expected path and the baseline. */
export function indicatorTrendChartOption(trend: IndicatorTrend): EChartsOption {
  const years = trend.points.map((point) => String(point.year))
  const baselineYear = trend.baseline ? String(trend.baseline.year) : undefined
  const allYears = baselineYear && !years.includes(baselineYear) ? [baselineYear, ...years] : years
  const at = (pick: (point: IndicatorTrend['points'][number]) => number | null) =>
    allYears.map((year) => {
      const point = trend.points.find((p) => String(p.year) === year)
      return point ? pick(point) : null
    })
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 28, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: allYears },
    yAxis: { type: 'value', name: trend.unit, scale: true },
    series: [
      {
        type: 'line',
        name: t('indicatorDashboard.actual'),
        data: at((p) => p.value),
        connectNulls: true,
        symbolSize: 8,
        lineStyle: { width: 3 },
        label: { show: true, position: 'top' },
      },
      {
        type: 'line',
        name: t('indicatorDashboard.target'),
        data: at((p) => p.target),
        symbol: 'diamond',
        symbolSize: 10,
        lineStyle: { opacity: 0 },
      },
      {
        type: 'line',
        name: t('indicatorDashboard.expected'),
        data: at((p) => p.expected),
        connectNulls: true,
        symbol: 'none',
        lineStyle: { type: 'dashed' },
      },
      {
        type: 'line',
        name: t('indicatorDashboard.baseline'),
        data: allYears.map((year) => (year === baselineYear ? (trend.baseline?.value ?? null) : null)),
        symbol: 'rect',
        symbolSize: 10,
        lineStyle: { opacity: 0 },
      },
    ],
  }
}

/** The chosen indicator in each child unit, one bar per unit coloured by its status. */
export function orgUnitComparisonChartOption(comparison: OrgUnitComparison): EChartsOption {
  const units = [...comparison.units].reverse()
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: comparison.unit },
    yAxis: { type: 'category', data: units.map((u) => u.orgUnitName), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: comparison.name,
        barMaxWidth: 18,
        label: { show: true, position: 'right' },
        data: units.map((u) => ({ value: u.value, itemStyle: { color: STATUS_CHART_COLORS[u.status] } })),
      },
    ],
  }
}

/** Per responsible unit: tasks reported, milestones without a report, overdue — stacked, units top-down. */
export function unitTaskProgressChartOption(progress: readonly UnitTaskProgress[]): EChartsOption {
  const units = [...progress].reverse()
  const bar = (name: string, color: string, pick: (u: UnitTaskProgress) => number) => ({
    type: 'bar' as const,
    name,
    stack: 'tasks',
    barMaxWidth: 18,
    itemStyle: { color },
    data: units.map(pick),
  })
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: units.map((u) => u.orgUnitName), axisTick: { show: false } },
    series: [
      bar(t('indicatorDashboard.tasksReported'), STATUS_CHART_COLORS.on_track, (u) => u.reportedCount),
      bar(t('indicatorDashboard.tasksMissing'), STATUS_CHART_COLORS.lagging, (u) => u.missingCount),
      bar(t('indicatorDashboard.tasksOverdue'), STATUS_CHART_COLORS.seriously_lagging, (u) => u.overdueCount),
    ],
  }
}
