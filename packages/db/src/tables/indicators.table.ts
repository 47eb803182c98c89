import { sql } from 'drizzle-orm'
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import type {
  Aggregation,
  DerivedFormula,
  Direction,
  IndicatorNature,
  ObservationKind,
  PathModel,
  PlanDefinition,
  PrintedValue,
  StatusThresholds,
  Target,
} from '@kechuang/core/indicators'
import { orgUnits } from './org-units.table'
import { timestamps } from './timestamps'

// The M1 value model (core indicators.schemas.ts). Printed figures (baseline, targets, the plan's own
// actual) are JSON as printed: they are read with their indicator, never queried one by one.
export const plans = pgTable('plans', {
  // Readable ids ('daye-2022-2024') that URLs, seeds and tests can name.
  id: varchar('id', { length: 60 }).primaryKey(),
  name: text('name').notNull(),
  regionOrgUnitId: uuid('region_org_unit_id')
    .notNull()
    .references(() => orgUnits.id),
  startYear: integer('start_year').notNull(),
  endYear: integer('end_year').notNull(),
  source: jsonb('source').$type<PlanDefinition['source']>().notNull(),
  notes: jsonb('notes').$type<string[]>().notNull().default([]),
  categories: jsonb('categories').$type<string[]>().notNull().default([]),
  pathModel: varchar('path_model', { length: 20 }).$type<PathModel>().notNull().default('linear'),
  statusThresholds: jsonb('status_thresholds').$type<Record<IndicatorNature, StatusThresholds>>().notNull(),
  ...timestamps,
})

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: varchar('plan_id', { length: 60 })
      .notNull()
      .references(() => plans.id),
    code: varchar('code', { length: 30 }).notNull(),
    order: integer('sort_order').notNull(),
    category: text('category').notNull(),
    name: text('name').notNull(),
    printedName: text('printed_name').notNull(),
    unit: varchar('unit', { length: 30 }).notNull(),
    nature: varchar('nature', { length: 10 }).$type<IndicatorNature>(),
    direction: varchar('direction', { length: 10 }).$type<Direction>().notNull(),
    aggregation: varchar('aggregation', { length: 10 }).$type<Aggregation>().notNull(),
    baseline: jsonb('baseline').$type<PrintedValue>(),
    targets: jsonb('targets').$type<Target[]>().notNull().default([]),
    printedActual: jsonb('printed_actual').$type<PrintedValue>(),
    // Set for derived indicators, whose values are computed and never entered.
    formula: jsonb('formula').$type<DerivedFormula>(),
    responsibleUnits: jsonb('responsible_units').$type<string[]>().notNull().default([]),
    // The M2 register count offered as this indicator's computed source (core registers register-metrics.ts).
    registerMetric: varchar('register_metric', { length: 40 }),
    ...timestamps,
  },
  (table) => [uniqueIndex('indicators_plan_code_uq').on(table.planId, table.code)],
)

// Every revision of a value is a row; the current one has superseded_at null. A save adds a row and marks
// the previous one superseded, so the history is never rewritten.
export const observations = pgTable(
  'observations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    revision: integer('revision').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull(),
    note: text('note'),
    kind: varchar('kind', { length: 20 }).$type<ObservationKind>().notNull(),
    // No foreign key to users (like the audit log): the history outlives any account.
    enteredByUserId: uuid('entered_by_user_id'),
    enteredByName: varchar('entered_by_name', { length: 100 }).notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('observations_revision_uq').on(
      table.indicatorId,
      table.orgUnitId,
      table.year,
      table.revision,
    ),
    // One current value per indicator × unit × year; two saves racing for it make one fail here.
    uniqueIndex('observations_current_uq')
      .on(table.indicatorId, table.orgUnitId, table.year)
      .where(sql`${table.supersededAt} is null`),
    index('observations_org_unit_idx').on(table.orgUnitId),
  ],
)

// A locked period (data approval) closes entry for the unit's whole subtree in that plan and year.
// Unlocking deletes the row; the audit log keeps who locked and unlocked when.
export const periodLocks = pgTable(
  'period_locks',
  {
    planId: varchar('plan_id', { length: 60 })
      .notNull()
      .references(() => plans.id),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    lockedByUserId: uuid('locked_by_user_id'),
    lockedByName: varchar('locked_by_name', { length: 100 }).notNull(),
    lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.planId, table.orgUnitId, table.year] })],
)
