import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import type { TaskDefinition, TaskMilestone, TaskQuantitativeTarget } from '@kechuang/core/indicators'
import { plans } from './indicators.table'
import { orgUnits } from './org-units.table'
import { timestamps } from './timestamps'

// Tasks of a plan (重点任务 / 进度安排), as printed in the schedule.
export const tasks = pgTable(
  'tasks',
  {
    // Readable ids ('DY-T01') that seeds and tests can name.
    id: varchar('id', { length: 30 }).primaryKey(),
    planId: varchar('plan_id', { length: 60 })
      .notNull()
      .references(() => plans.id),
    order: integer('sort_order').notNull(),
    group: text('group').notNull(),
    item: text('item').notNull(),
    milestones: jsonb('milestones').$type<TaskMilestone[]>().notNull(),
    // The names as printed; the units they stand for are in task_responsible_units.
    responsibleUnits: jsonb('responsible_units').$type<string[]>().notNull(),
    responsibleUnitsText: text('responsible_units_text').notNull(),
    quantitativeTargets: jsonb('quantitative_targets').$type<TaskQuantitativeTarget[]>().notNull(),
    source: jsonb('source').$type<TaskDefinition['source']>().notNull(),
    ...timestamps,
  },
  (table) => [index('tasks_plan_idx').on(table.planId)],
)

// The org units answerable for a task (责任清单): who may report its progress.
export const taskResponsibleUnits = pgTable(
  'task_responsible_units',
  {
    taskId: varchar('task_id', { length: 30 })
      .notNull()
      .references(() => tasks.id),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
  },
  (table) => [
    primaryKey({ columns: [table.taskId, table.orgUnitId] }),
    index('task_responsible_units_org_unit_idx').on(table.orgUnitId),
  ],
)

// Progress reports are kept, never overwritten: the latest per task × unit × year is the current one.
export const taskProgressReports = pgTable(
  'task_progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: varchar('task_id', { length: 30 })
      .notNull()
      .references(() => tasks.id),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    text: text('text').notNull(),
    percentDone: integer('percent_done').notNull(),
    reportedByUserId: uuid('reported_by_user_id'),
    reportedByName: varchar('reported_by_name', { length: 100 }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    index('task_progress_reports_task_unit_idx').on(table.taskId, table.orgUnitId, table.year),
    check('task_progress_reports_percent_ck', sql`${table.percentDone} between 0 and 100`),
  ],
)
