import {
  LADDER_STEPS_TOP_DOWN,
  LADDER_STEP_LABELS,
  classifyLadderMovement,
  type LadderCounts,
  type LadderFlow,
  type LadderMovement,
  type LadderMovementKind,
  type LadderStep,
  type LadderStepOrNone,
} from '@kechuang/core/registers'
import type { EChartsOption } from 'echarts'
import { t } from '../../i18n/t'

/** A step's name, or 未在梯次 for enterprises off the ladder in that year. */
export function ladderStepLabel(step: LadderStepOrNone): string {
  return step === 'none' ? t('libraries.ladder.notOnLadder') : LADDER_STEP_LABELS[step]
}

export interface LadderCountRow {
  step: LadderStep | 'total'
  label: string
  /** Enterprises per year (0 where none). */
  byYear: Record<number, number>
}

/** The table of counts: one row per step from the top (领军) down, then the total of each year. */
export function ladderCountRows(counts: Pick<LadderCounts, 'years' | 'totals'>): LadderCountRow[] {
  const zero = () => Object.fromEntries(counts.years.map((year) => [year, 0])) as Record<number, number>
  const rows: LadderCountRow[] = LADDER_STEPS_TOP_DOWN.map((step) => ({
    step,
    label: LADDER_STEP_LABELS[step],
    byYear: zero(),
  }))
  const total: LadderCountRow = { step: 'total', label: t('libraries.ladder.total'), byYear: zero() }
  for (const cell of counts.totals) {
    const row = rows.find((r) => r.step === cell.step)
    if (!row || !(cell.year in row.byYear)) continue
    row.byYear[cell.year] = (row.byYear[cell.year] ?? 0) + cell.count
    total.byYear[cell.year] = (total.byYear[cell.year] ?? 0) + cell.count
  }
  return [...rows, total]
}

export interface RegionBreakdownRow {
  orgUnitId: string
  orgUnitName: string
  byStep: Record<LadderStep, number>
  total: number
}

/** One year's counts by child region, the region with the most enterprises on the ladder first. */
export function regionBreakdownRows(
  counts: Pick<LadderCounts, 'byRegion'>,
  year: number,
): RegionBreakdownRow[] {
  const rows = new Map<string, RegionBreakdownRow>()
  for (const cell of counts.byRegion) {
    if (cell.year !== year) continue
    const row = rows.get(cell.orgUnitId) ?? {
      orgUnitId: cell.orgUnitId,
      orgUnitName: cell.orgUnitName,
      byStep: Object.fromEntries(LADDER_STEPS_TOP_DOWN.map((s) => [s, 0])) as Record<LadderStep, number>,
      total: 0,
    }
    row.byStep[cell.step] += cell.count
    row.total += cell.count
    rows.set(cell.orgUnitId, row)
  }
  return [...rows.values()].sort(
    (a, b) => b.total - a.total || a.orgUnitName.localeCompare(b.orgUnitName, 'zh'),
  )
}

/** Stacked bars of the steps per year, lowest step at the bottom, so growth up the ladder reads upwards. */
export function ladderTrendOption(counts: Pick<LadderCounts, 'years' | 'totals'>): EChartsOption {
  const rows = ladderCountRows(counts).filter((row) => row.step !== 'total')
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: counts.years.map(String) },
    yAxis: { type: 'value', name: t('libraries.ladder.count'), minInterval: 1 },
    series: [...rows].reverse().map((row) => ({
      type: 'bar',
      name: row.label,
      stack: 'ladder',
      data: counts.years.map((year) => row.byYear[year] ?? 0),
    })),
  }
}

const ORDER: readonly LadderStepOrNone[] = [...LADDER_STEPS_TOP_DOWN, 'none']

/**
 * The movement between two years as a Sankey: a node per step and year (the same step in both years is two
 * nodes, so the graph has no cycle), 未在梯次 for entering and leaving, links sized by the number of enterprises.
 */
export function ladderSankeyOption(
  movement: Pick<LadderMovement, 'fromYear' | 'toYear' | 'flows'>,
): EChartsOption {
  const nodeName = (year: number, step: LadderStepOrNone) =>
    `${t('libraries.ladder.flowFrom', { year })} ${ladderStepLabel(step)}`
  const used = (side: 'from' | 'to') => ORDER.filter((step) => movement.flows.some((f) => f[side] === step))
  const nodes = [
    ...used('from').map((step) => ({ name: nodeName(movement.fromYear, step), depth: 0 })),
    ...used('to').map((step) => ({ name: nodeName(movement.toYear, step), depth: 1 })),
  ]
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'sankey',
        data: nodes,
        links: movement.flows.map((flow) => ({
          source: nodeName(movement.fromYear, flow.from),
          target: nodeName(movement.toYear, flow.to),
          value: flow.count,
        })),
        // Keep the nodes in ladder order (top step first) instead of ECharts' own arrangement.
        layoutIterations: 0,
        nodeAlign: 'justify',
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', curveness: 0.5 },
        label: { fontSize: 12 },
      },
    ],
  }
}

/** Enterprises per kind of movement (晋级, 降级, 新进入, 退出, 保持). */
export function summarizeMovement(flows: readonly LadderFlow[]): Record<LadderMovementKind, number> {
  const summary: Record<LadderMovementKind, number> = { up: 0, down: 0, entered: 0, left: 0, same: 0 }
  for (const flow of flows) {
    const kind = classifyLadderMovement(
      flow.from === 'none' ? null : flow.from,
      flow.to === 'none' ? null : flow.to,
    )
    summary[kind] += flow.count
  }
  return summary
}

/** The flows in ladder order of their starting step, then of their end step, for the table under the chart. */
export function sortFlows(flows: readonly LadderFlow[]): LadderFlow[] {
  const rank = (step: LadderStepOrNone) => ORDER.indexOf(step)
  return [...flows].sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to))
}
