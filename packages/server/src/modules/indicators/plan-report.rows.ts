import {
  countDecimals,
  createIndicatorStatusEvaluator,
  formatIndicatorNumber,
  formatQuantity,
  formatRatioAsPercent,
  INDICATOR_STATUS_LABELS,
  INDICATOR_STATUSES,
  MAX_DISPLAY_DECIMALS,
  type IndicatorStatus,
  type IndicatorStatusResult,
  type IndicatorView,
  type PlanDetail,
  type TaskView,
} from '@kechuang/core/indicators'
import { assertYearWithin } from './plan-access'

/** One indicator of a plan with its value and status in the chosen year, for the Excel table and the report. */
export interface PlanReportRow {
  indicator: IndicatorView
  status: IndicatorStatusResult
}

/** The years a plan's table or report may be asked for: from the earliest baseline to the plan's last year. */
export function planReportYears(plan: PlanDetail): { from: number; to: number } {
  return {
    from: Math.min(plan.startYear, ...plan.indicators.map((i) => i.entryYears.from)),
    to: plan.endYear,
  }
}

/** Status of every indicator of the plan for the unit whose values `plan` holds, in `year` (core rules). */
export function buildPlanReportRows(plan: PlanDetail, year: number): PlanReportRow[] {
  assertYearWithin(year, planReportYears(plan))
  return plan.indicators.map((indicator) => {
    const evaluate = createIndicatorStatusEvaluator(indicator, {
      pathModel: plan.pathModel,
      thresholds: plan.statusThresholds,
    })
    const values = new Map(indicator.actuals.map((o) => [o.year, o.value]))
    return { indicator, status: evaluate(values, year) }
  })
}

export function countByStatus(rows: PlanReportRow[]): Record<IndicatorStatus, number> {
  const counts = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, 0])) as Record<IndicatorStatus, number>
  for (const row of rows) counts[row.status.status]++
  return counts
}

/** The years that have a printed target in any indicator, in order (the plan table's target columns). */
export function targetYearsOf(plan: PlanDetail): number[] {
  return [...new Set(plan.indicators.flatMap((i) => i.targets.map((t) => t.year)))].sort((a, b) => a - b)
}

const OPERATOR_SIGNS = { '>=': '≥', '>': '＞', '<=': '≤', '<': '＜', '=': '=' } as const

/** A target as the plan prints it, with its operator when it is not the usual "≥" ("＞8", "≤0.30"). */
export function formatTarget(target: { op: keyof typeof OPERATOR_SIGNS; valueText: string }): string {
  if (target.op === '>=' || /^[≥＞>≤＜<=]/.test(target.valueText)) return target.valueText
  return `${OPERATOR_SIGNS[target.op]}${target.valueText}`
}

/** What a row shows as its value in the chosen year, its 完成率 and its gap, formatted as the plan prints. */
export function describeRow(row: PlanReportRow): {
  actual: string
  target: string
  completion: string
  gap: string
} {
  const { status, indicator } = row
  const target = status.yearTarget ? formatTarget(status.yearTarget) : ''
  const ratio = status.comparison?.completionRatio
  let gap = status.comparison?.gapText ?? ''
  if (!gap && status.expected && status.current !== null && status.status !== 'no_data') {
    // No target printed for the year (Huangshi's plans print the final one only): compare with the path.
    gap = `${status.year} 年预期值 ${formatQuantity(status.expected.value, indicator.unit, decimalsOf(status.expected.value, status.current))}`
  }
  return {
    actual: status.current === null ? '—' : formatIndicatorNumber(status.current, MAX_DISPLAY_DECIMALS),
    target,
    completion: ratio === null || ratio === undefined ? '—' : formatRatioAsPercent(ratio),
    gap,
  }
}

function decimalsOf(...values: number[]): number {
  return Math.min(MAX_DISPLAY_DECIMALS, Math.max(...values.map(countDecimals), 1))
}

const LAGGING: ReadonlySet<IndicatorStatus> = new Set(['lagging', 'seriously_lagging'])

export function isLagging(row: PlanReportRow): boolean {
  return LAGGING.has(row.status.status)
}

/** Key findings of the summary, as sentences: counts, 约束性 targets at risk, the best result, missing data. */
export function describeFindings(rows: PlanReportRow[], year: number): string[] {
  const counts = countByStatus(rows)
  const named = (list: PlanReportRow[]) => list.map((r) => r.indicator.name).join('、')
  const findings = [
    `本规划共列指标 ${rows.length} 项。按 ${year} 年数据评估：` +
      INDICATOR_STATUSES.map((s) => `${INDICATOR_STATUS_LABELS[s]} ${counts[s]} 项`).join('，') +
      '。',
  ]
  const binding = rows.filter((r) => r.indicator.nature === 'binding')
  if (binding.length > 0) {
    const atRisk = binding.filter(isLagging)
    findings.push(
      atRisk.length > 0
        ? `约束性指标 ${binding.length} 项中，${atRisk.length} 项滞后或严重滞后：${named(atRisk)}，需重点督办。`
        : `约束性指标 ${binding.length} 项均未出现滞后。`,
    )
  }
  const seriously = rows.filter((r) => r.status.status === 'seriously_lagging')
  if (seriously.length > 0) findings.push(`严重滞后的指标：${named(seriously)}。`)
  const best = rows
    .filter((r) => r.status.comparison?.completionRatio != null)
    .sort((a, b) => b.status.comparison!.completionRatio! - a.status.comparison!.completionRatio!)[0]
  if (best) {
    findings.push(
      `完成率最高的是${best.indicator.name}（${formatRatioAsPercent(best.status.comparison!.completionRatio!)}）。`,
    )
  }
  if (counts.no_data > 0) {
    findings.push(`${counts.no_data} 项指标尚无 ${year} 年数据或无数值目标，需督促责任单位报送。`)
  }
  return findings
}

/** One responsible unit's standing over its tasks, for the report's task section. */
export interface TaskUnitSummary {
  orgUnitName: string
  taskCount: number
  reportedCount: number
  /** Mean of the latest % done over the unit's tasks, a task without a report counting 0. */
  averagePercentDone: number
  overdueTaskCount: number
  missingReportCount: number
}

export function summariseTasksByUnit(tasks: TaskView[]): TaskUnitSummary[] {
  const byUnit = new Map<string, TaskUnitSummary & { percentSum: number }>()
  for (const task of tasks) {
    for (const progress of task.progress) {
      const summary = byUnit.get(progress.orgUnitId) ?? {
        orgUnitName: progress.orgUnitName,
        taskCount: 0,
        reportedCount: 0,
        averagePercentDone: 0,
        overdueTaskCount: 0,
        missingReportCount: 0,
        percentSum: 0,
      }
      summary.taskCount++
      if (progress.latest) summary.reportedCount++
      summary.percentSum += progress.latest?.percentDone ?? 0
      if (progress.overdueYears.length > 0) summary.overdueTaskCount++
      summary.missingReportCount += progress.missingReportYears.length
      byUnit.set(progress.orgUnitId, summary)
    }
  }
  return [...byUnit.values()]
    .map(({ percentSum, ...summary }) => ({
      ...summary,
      averagePercentDone: Math.round(percentSum / summary.taskCount),
    }))
    .sort((a, b) => b.overdueTaskCount - a.overdueTaskCount || b.taskCount - a.taskCount)
}
