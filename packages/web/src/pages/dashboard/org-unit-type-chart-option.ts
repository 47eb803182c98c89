import { ORG_UNIT_TYPES, ORG_UNIT_TYPE_LABELS, type OrgUnitType } from '@kechuang/core/org-units'
import type { EChartsOption } from 'echarts'
import { t } from '../../i18n/t'

export interface ChartDatum {
  name: string
  value: number
}

/**
 * Counts by org-unit type → rows in the order of ORG_UNIT_TYPES (province first), labelled in Chinese.
 * Kinds with no unit are left out; a kind the web does not know yet keeps its code as its label.
 */
export function orgUnitTypeRows(countsByType: Readonly<Record<string, number>>): ChartDatum[] {
  const known = new Set<string>(ORG_UNIT_TYPES)
  const order = [...ORG_UNIT_TYPES, ...Object.keys(countsByType).filter((type) => !known.has(type))]
  return order
    .map((type) => ({
      name: known.has(type) ? ORG_UNIT_TYPE_LABELS[type as OrgUnitType] : type,
      value: countsByType[type] ?? 0,
    }))
    .filter((row) => row.value > 0)
}

/** A horizontal bar per org-unit type; horizontal so the labels stay readable on a phone. */
export function orgUnitTypeChartOption(countsByType: Readonly<Record<string, number>>): EChartsOption {
  // ECharts draws the first category at the bottom; reverse so the list reads top-down like the tree.
  const rows = orgUnitTypeRows(countsByType).reverse()
  return {
    aria: { enabled: true },
    color: ['#1f5fbf'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((row) => row.name), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: t('dashboard.countSeries'),
        data: rows.map((row) => row.value),
        barMaxWidth: 22,
        label: { show: true, position: 'right' },
      },
    ],
  }
}
