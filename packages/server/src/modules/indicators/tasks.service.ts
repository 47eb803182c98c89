import type {
  TaskList,
  TaskProgressInput,
  TaskProgressList,
  TaskProgressQuery,
  TaskProgressReport,
  TaskUnitProgress,
  TaskView,
} from '@kechuang/core/indicators'
import type { Database } from '@kechuang/db'
import type { AttachmentsService } from '../attachments/attachments.service'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import type { OrgUnitsService } from '../org-units/org-units.service'
import { indicatorErrors } from './indicators.errors'
import { findVisiblePlan } from './indicators.repository'
import { assertPeriodOpen, assertYearWithin, requireUnitForPlan, requireVisiblePlan } from './plan-access'
import {
  findTask,
  insertReport,
  isResponsibleUnit,
  listLatestReportsPerYear,
  listReports,
  listResponsibleUnitsInScope,
  listTasksOfPlan,
  toTaskProgressReport,
  type StoredTaskProgressReport,
  type TaskRow,
} from './tasks.repository'

/** The owner type of a progress report's attachments. */
const REPORT_ATTACHMENT_OWNER = 'task_progress_report'

export interface TasksService {
  listTasks(actor: Actor, planId: string): Promise<TaskList>
  listProgress(actor: Actor, taskId: string, query: TaskProgressQuery): Promise<TaskProgressList>
  reportProgress(actor: Actor, taskId: string, input: TaskProgressInput): Promise<TaskProgressReport>
}

/**
 * A plan's tasks (进度安排) and the progress their responsible units report. A task is visible with its
 * plan; progress only for the responsible units inside the reader's scope. Reports are kept, never
 * overwritten; a locked period closes task reporting as it closes value entry.
 */
export function createTasksService({
  db,
  audit,
  orgUnits,
  attachments,
  now = () => new Date(),
}: {
  db: Database
  audit: AuditService
  orgUnits: Pick<OrgUnitsService, 'findInScope'>
  attachments: Pick<AttachmentsService, 'link' | 'listOfOwners'>
  now?: () => Date
}): TasksService {
  const requireTask = async (actor: Actor, taskId: string) => {
    const task = await findTask(db, taskId)
    const plan = task && (await findVisiblePlan(db, task.planId, actor.scopePath))
    if (!task || !plan) throw indicatorErrors.TASK_NOT_FOUND({ taskId })
    return { task, plan }
  }
  const withAttachments = async (reports: StoredTaskProgressReport[]): Promise<TaskProgressReport[]> => {
    const byReport = await attachments.listOfOwners(
      REPORT_ATTACHMENT_OWNER,
      reports.map((r) => r.id),
    )
    return reports.map((r) => ({ ...r, attachments: byReport.get(r.id) ?? [] }))
  }

  return {
    async listTasks(actor, planId) {
      const plan = await requireVisiblePlan(db, actor, planId)
      const [tasks, units, reports] = await Promise.all([
        listTasksOfPlan(db, plan.id),
        listResponsibleUnitsInScope(db, plan.id, actor.scopePath),
        listLatestReportsPerYear(db, plan.id, actor.scopePath).then(withAttachments),
      ])
      const currentYear = now().getFullYear()
      return {
        items: tasks.map((task) =>
          toTaskView(
            task,
            units
              .filter((u) => u.taskId === task.id)
              .map((u) =>
                computeTaskUnitProgress(
                  task,
                  u,
                  reports.filter((r) => r.taskId === task.id && r.orgUnitId === u.orgUnitId),
                  currentYear,
                ),
              ),
          ),
        ),
      }
    },

    async listProgress(actor, taskId, query) {
      const { task } = await requireTask(actor, taskId)
      if (query.orgUnitId && !(await orgUnits.findInScope(actor, query.orgUnitId)))
        throw indicatorErrors.ORG_UNIT_NOT_FOUND({ orgUnitId: query.orgUnitId })
      return {
        items: await withAttachments(await listReports(db, task.id, actor.scopePath, query.orgUnitId)),
      }
    },

    async reportProgress(actor, taskId, input) {
      const { task, plan } = await requireTask(actor, taskId)
      const unit = await requireUnitForPlan(orgUnits, actor, plan, input.orgUnitId)
      if (!(await isResponsibleUnit(db, task.id, unit.id))) {
        throw indicatorErrors.NOT_RESPONSIBLE_UNIT(
          { taskId: task.id, orgUnitId: unit.id },
          `「${unit.name}」不是任务「${task.item}」的责任单位`,
        )
      }
      assertYearWithin(input.year, { from: plan.startYear, to: plan.endYear })
      return db.transaction(async (tx) => {
        await assertPeriodOpen(tx, plan.id, unit.path, input.year)
        const row = await insertReport(tx, {
          taskId: task.id,
          orgUnitId: unit.id,
          year: input.year,
          text: input.text,
          percentDone: input.percentDone,
          reportedByUserId: actor.userId,
          reportedByName: actor.displayName,
          reportedAt: now(),
        })
        const linked = await attachments.link(tx, actor, input.attachmentIds, {
          type: REPORT_ATTACHMENT_OWNER,
          id: row.id,
          scopePath: unit.path,
        })
        const report = { ...toTaskProgressReport(row, unit.name), attachments: linked }
        await audit.record(tx, actor, {
          entityType: 'task_progress',
          entityId: task.id,
          action: 'create',
          scopePath: unit.path,
          after: report,
        })
        return report
      })
    },
  }
}

/**
 * A unit's standing on a task: its latest report, and the milestone years that have ended (before the
 * current year) with no report at all, or with no report saying the milestone is 100 % done.
 */
export function computeTaskUnitProgress<R extends StoredTaskProgressReport>(
  task: TaskRow,
  unit: { orgUnitId: string; orgUnitName: string },
  latestPerYear: R[],
  currentYear: number,
): Omit<TaskUnitProgress, 'latest'> & { latest: R | null } {
  const endedYears = task.milestones.map((m) => m.year).filter((year) => year < currentYear)
  const reportOf = (year: number) => latestPerYear.find((r) => r.year === year)
  const latest = latestPerYear.reduce<R | null>(
    (newest, r) => (newest && newest.reportedAt >= r.reportedAt ? newest : r),
    null,
  )
  return {
    orgUnitId: unit.orgUnitId,
    orgUnitName: unit.orgUnitName,
    latest,
    missingReportYears: endedYears.filter((year) => !reportOf(year)),
    overdueYears: endedYears.filter((year) => (reportOf(year)?.percentDone ?? 0) < 100),
  }
}

function toTaskView(task: TaskRow, progress: TaskUnitProgress[]): TaskView {
  return {
    id: task.id,
    planId: task.planId,
    order: task.order,
    group: task.group,
    item: task.item,
    milestones: task.milestones,
    responsibleUnits: task.responsibleUnits,
    responsibleUnitsText: task.responsibleUnitsText,
    quantitativeTargets: task.quantitativeTargets,
    source: task.source,
    progress,
  }
}
