import type { PlanReportQuery } from '@kechuang/core/indicators'
import type { Actor } from '../audit/actor'
import type { DownloadFile } from './indicator-workbooks.service'
import type { IndicatorsService } from './indicators.service'
import { writePlanReport } from './plan-report.document'
import {
  buildPlanReportRows,
  countByStatus,
  describeFindings,
  isLagging,
  summariseTasksByUnit,
  type PlanReportRow,
} from './plan-report.rows'
import { renderCompletionChart, renderStatusChart } from './report-charts'
import type { TasksService } from './tasks.service'

export interface PlanReportService {
  downloadReport(actor: Actor, planId: string, query: PlanReportQuery): Promise<DownloadFile>
}

/** Bars in the completion chart; a plan's 约束性 indicators come first in choosing them. */
const KEY_INDICATORS_MAX = 15

/**
 * The 评估 report of a plan for one unit and year (中期评估 before the plan's last year, 总结评估 from then on).
 * Values, scope and status come from the indicators service and the core rules, tasks from the tasks service.
 */
export function createPlanReportService({
  indicators,
  tasks,
  now = () => new Date(),
}: {
  indicators: Pick<IndicatorsService, 'getPlan'>
  tasks: Pick<TasksService, 'listTasks'>
  now?: () => Date
}): PlanReportService {
  return {
    async downloadReport(actor, planId, { orgUnitId, year }) {
      const plan = await indicators.getPlan(actor, planId, orgUnitId ? { orgUnitId } : {})
      const rows = buildPlanReportRows(plan, year)
      const taskList = plan.taskCount > 0 ? await tasks.listTasks(actor, plan.id) : null
      const keyRows = chooseKeyIndicators(rows)
      const charts = [{ caption: '图1\u3000指标状态分布', image: renderStatusChart(countByStatus(rows)) }]
      if (keyRows.length > 0) {
        charts.push({
          caption: `图2\u3000重点指标完成率（${year} 年）`,
          image: renderCompletionChart(
            keyRows.map((r) => ({
              name: r.indicator.name,
              completionRatio: r.status.comparison!.completionRatio!,
              status: r.status.status,
            })),
          ),
        })
      }
      const kind = year >= plan.endYear ? '总结评估' : '中期评估'
      const unitName = plan.valuesOrgUnit.name
      const content = await writePlanReport({
        plan,
        title: `${plan.name}${kind}报告`,
        unitName,
        year,
        generatedAt: now(),
        findings: describeFindings(rows, year),
        rows,
        lagging: rows.filter(isLagging),
        charts,
        taskUnits: taskList ? summariseTasksByUnit(taskList.items) : null,
      })
      return { fileName: `${plan.name}-${unitName}-${year}年${kind}报告.docx`, content }
    },
  }
}

function chooseKeyIndicators(rows: PlanReportRow[]): PlanReportRow[] {
  const measurable = rows.filter((r) => r.status.comparison?.completionRatio != null)
  const binding = measurable.filter((r) => r.indicator.nature === 'binding')
  return (binding.length > 0 ? binding : measurable).slice(0, KEY_INDICATORS_MAX)
}
