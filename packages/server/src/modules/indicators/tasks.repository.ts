import { and, asc, desc, eq } from 'drizzle-orm'
import type { TaskProgressReport } from '@kechuang/core/indicators'
import { tables, type Executor } from '@kechuang/db'
import { unitInScope } from './indicators.repository'

const { tasks, taskResponsibleUnits, taskProgressReports, orgUnits } = tables

export type TaskRow = typeof tasks.$inferSelect
export type TaskProgressReportRow = typeof taskProgressReports.$inferSelect
/** A report as stored here; the service adds its attachments (from the attachments area). */
export type StoredTaskProgressReport = Omit<TaskProgressReport, 'attachments'>

export function listTasksOfPlan(db: Executor, planId: string): Promise<TaskRow[]> {
  return db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.order))
}

export async function findTask(db: Executor, taskId: string): Promise<TaskRow | undefined> {
  const rows = await db.select().from(tasks).where(eq(tasks.id, taskId))
  return rows[0]
}

/** The responsible units of a plan's tasks that lie inside the scope (a 责任清单 per unit). */
export function listResponsibleUnitsInScope(
  db: Executor,
  planId: string,
  scopePath: string,
): Promise<{ taskId: string; orgUnitId: string; orgUnitName: string }[]> {
  return db
    .select({ taskId: taskResponsibleUnits.taskId, orgUnitId: orgUnits.id, orgUnitName: orgUnits.name })
    .from(taskResponsibleUnits)
    .innerJoin(tasks, eq(tasks.id, taskResponsibleUnits.taskId))
    .innerJoin(orgUnits, eq(orgUnits.id, taskResponsibleUnits.orgUnitId))
    .where(and(eq(tasks.planId, planId), unitInScope(scopePath)))
    .orderBy(asc(orgUnits.depth), asc(orgUnits.sortOrder))
}

export async function isResponsibleUnit(db: Executor, taskId: string, orgUnitId: string): Promise<boolean> {
  const rows = await db
    .select({ taskId: taskResponsibleUnits.taskId })
    .from(taskResponsibleUnits)
    .where(and(eq(taskResponsibleUnits.taskId, taskId), eq(taskResponsibleUnits.orgUnitId, orgUnitId)))
  return rows.length > 0
}

const reportColumns = { report: taskProgressReports, orgUnitName: orgUnits.name }

/** The latest report per task × unit × year of a plan's tasks, for the units inside the scope. */
export async function listLatestReportsPerYear(
  db: Executor,
  planId: string,
  scopePath: string,
): Promise<StoredTaskProgressReport[]> {
  const rows = await db
    .selectDistinctOn(
      [taskProgressReports.taskId, taskProgressReports.orgUnitId, taskProgressReports.year],
      reportColumns,
    )
    .from(taskProgressReports)
    .innerJoin(tasks, eq(tasks.id, taskProgressReports.taskId))
    .innerJoin(orgUnits, eq(orgUnits.id, taskProgressReports.orgUnitId))
    .where(and(eq(tasks.planId, planId), unitInScope(scopePath)))
    .orderBy(
      taskProgressReports.taskId,
      taskProgressReports.orgUnitId,
      taskProgressReports.year,
      desc(taskProgressReports.reportedAt),
      desc(taskProgressReports.id),
    )
  return rows.map((r) => toTaskProgressReport(r.report, r.orgUnitName))
}

/** Every report on a task by units inside the scope (optionally one unit), newest first. */
export async function listReports(
  db: Executor,
  taskId: string,
  scopePath: string,
  orgUnitId?: string,
): Promise<StoredTaskProgressReport[]> {
  const conditions = [eq(taskProgressReports.taskId, taskId), unitInScope(scopePath)]
  if (orgUnitId) conditions.push(eq(taskProgressReports.orgUnitId, orgUnitId))
  const rows = await db
    .select(reportColumns)
    .from(taskProgressReports)
    .innerJoin(orgUnits, eq(orgUnits.id, taskProgressReports.orgUnitId))
    .where(and(...conditions))
    .orderBy(desc(taskProgressReports.reportedAt), desc(taskProgressReports.id))
  return rows.map((r) => toTaskProgressReport(r.report, r.orgUnitName))
}

export async function insertReport(
  tx: Executor,
  row: typeof taskProgressReports.$inferInsert,
): Promise<TaskProgressReportRow> {
  const rows = await tx.insert(taskProgressReports).values(row).returning()
  return rows[0]!
}

export function toTaskProgressReport(
  row: TaskProgressReportRow,
  orgUnitName: string,
): StoredTaskProgressReport {
  return {
    id: row.id,
    taskId: row.taskId,
    orgUnitId: row.orgUnitId,
    orgUnitName,
    year: row.year,
    text: row.text,
    percentDone: row.percentDone,
    reportedByUserId: row.reportedByUserId,
    reportedByName: row.reportedByName,
    reportedAt: row.reportedAt.toISOString(),
  }
}
