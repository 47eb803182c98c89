import { z } from 'zod'
import { AttachmentIds, AttachmentSummary } from '../attachments/attachments.schemas'
import { trimmedText, uuid } from '../validation/common-fields'
import {
  IndicatorDefinition,
  PlanDefinition,
  StatusThresholds,
  Year,
  YEAR_MAX,
  YEAR_MIN,
  PATH_MODELS,
} from './indicators.schemas'

/**
 * Schemas of the M1 API (plans, observations, period locks, tasks) and of the task schedule file. The value
 * model itself (plans, indicators, targets, ObservationInput) is in indicators.schemas.ts.
 */

/** Years arrive as text in paths and query strings. */
const YearParam = z.coerce
  .number({ error: '年份必须是数字' })
  .int({ error: '年份必须是整数' })
  .min(YEAR_MIN, { error: `年份不能早于 ${YEAR_MIN}` })
  .max(YEAR_MAX, { error: `年份不能晚于 ${YEAR_MAX}` })

const PlanId = PlanDefinition.shape.id
const isoDateTime = z.iso.datetime()

export const PlanIdParams = z.strictObject({ planId: PlanId })

/** How an observation came to be: entered by form, imported from a file, or computed from other data. */
export const OBSERVATION_KINDS = ['reported', 'imported', 'computed'] as const
export type ObservationKind = (typeof OBSERVATION_KINDS)[number]
export const OBSERVATION_KIND_LABELS: Record<ObservationKind, string> = {
  reported: '填报',
  imported: '导入',
  computed: '计算',
}

/** One revision of a value; the current one has `supersededAt` null. */
export const Observation = z.object({
  id: z.uuid(),
  planId: PlanId,
  indicatorId: z.uuid(),
  indicatorCode: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  year: Year,
  value: z.number(),
  source: z.string(),
  note: z.string().nullable(),
  kind: z.enum(OBSERVATION_KINDS),
  /** 1 for the first value of an indicator × unit × year, then 2, 3 … */
  revision: z.number().int().min(1),
  enteredByUserId: z.uuid().nullable(),
  enteredByName: z.string(),
  enteredAt: isoDateTime,
  supersededAt: isoDateTime.nullable(),
})
export type Observation = z.infer<typeof Observation>

export const ObservationList = z.object({ items: z.array(Observation) })
export type ObservationList = z.infer<typeof ObservationList>

export const ObservationQuery = z.strictObject({
  orgUnitId: uuid('机构编号').optional(),
  year: YearParam.optional(),
})
export type ObservationQuery = z.infer<typeof ObservationQuery>

export const ObservationIdParams = z.strictObject({ id: uuid('数值编号') })

export const PlanSummary = z.object({
  id: PlanId,
  name: z.string(),
  regionOrgUnitId: z.uuid(),
  regionName: z.string(),
  startYear: Year,
  endYear: Year,
  source: PlanDefinition.shape.source,
  indicatorCount: z.number().int(),
  taskCount: z.number().int(),
})
export type PlanSummary = z.infer<typeof PlanSummary>

export const PlanList = z.object({ items: z.array(PlanSummary) })
export type PlanList = z.infer<typeof PlanList>

/**
 * The years an indicator takes values for: from its baseline year (a plan's 基期 lies before its first year,
 * e.g. Daye's 2021 data for 2022–2024) or the plan's first year, whichever is earlier, to the plan's last year.
 */
export function indicatorEntryYears(
  plan: { startYear: number; endYear: number },
  indicator: { baseline: { year: number } | null },
): { from: number; to: number } {
  return { from: Math.min(plan.startYear, indicator.baseline?.year ?? plan.startYear), to: plan.endYear }
}

/** An indicator as printed, with the years a value may be entered for and the current values of one unit. */
export const IndicatorView = IndicatorDefinition.extend({
  id: z.uuid(),
  entryYears: z.strictObject({ from: Year, to: Year }),
  actuals: z.array(Observation),
})
export type IndicatorView = z.infer<typeof IndicatorView>

export const PlanDetail = PlanSummary.extend({
  notes: z.array(z.string()),
  categories: z.array(z.string()),
  pathModel: z.enum(PATH_MODELS),
  statusThresholds: z.object({ binding: StatusThresholds, expected: StatusThresholds }),
  /** Whose values `actuals` holds (see PlanDetailQuery). */
  valuesOrgUnit: z.object({ id: z.uuid(), name: z.string() }),
  /** Years locked for that unit (by a lock on it or on a unit above it). */
  lockedYears: z.array(Year),
  indicators: z.array(IndicatorView),
})
export type PlanDetail = z.infer<typeof PlanDetail>

/** Whose current values the plan page shows; by default the plan's region, or the reader's own unit below it. */
export const PlanDetailQuery = z.strictObject({ orgUnitId: uuid('机构编号').optional() })
export type PlanDetailQuery = z.infer<typeof PlanDetailQuery>

/** A locked period (data approval): no values or task progress for the unit's subtree in that year. */
export const PeriodLock = z.object({
  planId: PlanId,
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  year: Year,
  lockedByUserId: z.uuid().nullable(),
  lockedByName: z.string(),
  lockedAt: isoDateTime,
})
export type PeriodLock = z.infer<typeof PeriodLock>

export const PeriodLockList = z.object({ items: z.array(PeriodLock) })
export type PeriodLockList = z.infer<typeof PeriodLockList>

export const PeriodLockInput = z.strictObject({ orgUnitId: uuid('机构编号'), year: Year })
export type PeriodLockInput = z.infer<typeof PeriodLockInput>

export const PeriodLockParams = z.strictObject({
  planId: PlanId,
  orgUnitId: uuid('机构编号'),
  year: YearParam,
})

// Tasks (重点任务 / 进度安排): the schedule file's rows, as printed.
const TASK_ID_PATTERN = /^[A-Z0-9-]+$/
const TaskId = z.string().max(30).regex(TASK_ID_PATTERN, { error: '任务编号格式不正确' })

export const TaskMilestone = z.strictObject({ year: Year, text: z.string() })
export type TaskMilestone = z.infer<typeof TaskMilestone>

/** A number printed in a milestone ("实施5-10项…": value 5, valueMax 10). */
export const TaskQuantitativeTarget = z.strictObject({
  year: Year,
  metric: z.string(),
  value: z.number(),
  valueMax: z.number().optional(),
  unit: z.string(),
  valueText: z.string(),
  phrase: z.string(),
})
export type TaskQuantitativeTarget = z.infer<typeof TaskQuantitativeTarget>

export const TaskDefinition = z.strictObject({
  id: TaskId,
  planId: PlanId,
  order: z.number().int().min(1),
  group: z.string().min(1),
  item: z.string().min(1),
  milestones: z.array(TaskMilestone),
  /** 责任单位 as printed, split on 、 (the org units they name are resolved when seeding). */
  responsibleUnits: z.array(z.string().min(1)),
  responsibleUnitsText: z.string(),
  quantitativeTargets: z.array(TaskQuantitativeTarget),
  source: z.strictObject({ doc: z.string(), ref: z.string(), lines: z.array(z.number().int()) }),
})
export type TaskDefinition = z.infer<typeof TaskDefinition>

export const TaskIdParams = z.strictObject({ taskId: TaskId })

export const TASK_PROGRESS_TEXT_MAX = 2000

export const TaskProgressInput = z.strictObject({
  orgUnitId: uuid('机构编号'),
  year: Year,
  text: trimmedText('进展情况', TASK_PROGRESS_TEXT_MAX),
  percentDone: z
    .number({ error: '完成百分比必须是数字' })
    .int({ error: '完成百分比必须是整数' })
    .min(0, { error: '完成百分比不能小于 0' })
    .max(100, { error: '完成百分比不能大于 100' }),
  /** Files uploaded beforehand (POST /api/attachments), linked to the report when it is saved. */
  attachmentIds: AttachmentIds.default([]),
})
export type TaskProgressInput = z.infer<typeof TaskProgressInput>

export const TaskProgressReport = z.object({
  id: z.uuid(),
  taskId: TaskId,
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  year: Year,
  text: z.string(),
  percentDone: z.number().int(),
  reportedByUserId: z.uuid().nullable(),
  reportedByName: z.string(),
  reportedAt: isoDateTime,
  attachments: z.array(AttachmentSummary),
})
export type TaskProgressReport = z.infer<typeof TaskProgressReport>

export const TaskProgressList = z.object({ items: z.array(TaskProgressReport) })
export type TaskProgressList = z.infer<typeof TaskProgressList>

export const TaskProgressQuery = z.strictObject({ orgUnitId: uuid('机构编号').optional() })
export type TaskProgressQuery = z.infer<typeof TaskProgressQuery>

/** One responsible unit's standing on a task, computed on read. */
export const TaskUnitProgress = z.object({
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  latest: TaskProgressReport.nullable(),
  /** Milestone years that have ended without any report. */
  missingReportYears: z.array(Year),
  /** Milestone years that have ended with no report saying 100 % done. */
  overdueYears: z.array(Year),
})
export type TaskUnitProgress = z.infer<typeof TaskUnitProgress>

export const TaskView = TaskDefinition.extend({
  /** The responsible units inside the reader's scope, with their progress. */
  progress: z.array(TaskUnitProgress),
})
export type TaskView = z.infer<typeof TaskView>

export const TaskList = z.object({ items: z.array(TaskView) })
export type TaskList = z.infer<typeof TaskList>
