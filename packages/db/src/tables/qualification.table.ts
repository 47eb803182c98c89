import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
  date,
} from 'drizzle-orm/pg-core'
import type {
  ProposalStatus,
  QualifiedValue,
  RuleSetId,
  ScreeningFilter,
  ScreeningStatus,
  StoredCondition,
} from '@kechuang/core/qualification'
import { orgUnits } from './org-units.table'
import { users } from './users.table'

// M3 资格评价: batch screening runs (also the progress the page polls), one compact result per enterprise and rule
// set, the 高企后备库 proposals a run makes and staff decide, and the self-checks a user asked to keep.

export const qualificationScreenings = pgTable(
  'qualification_screenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: varchar('status', { length: 20 }).$type<ScreeningStatus>().notNull(),
    evaluationDate: date('evaluation_date', { mode: 'string' }).notNull(),
    filter: jsonb('filter').$type<ScreeningFilter>().notNull(),
    /** The region the run covered: the filter's region, or the starter's scope root. */
    scopeOrgUnitId: uuid('scope_org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    scopeName: text('scope_name').notNull(),
    enterpriseCount: integer('enterprise_count').notNull().default(0),
    processedCount: integer('processed_count').notNull().default(0),
    /** The latest completed run of the same scope and filter when this one started: what changes compare to. */
    previousScreeningId: uuid('previous_screening_id'),
    error: text('error'),
    startedByUserId: uuid('started_by_user_id').references(() => users.id),
    startedBy: varchar('started_by', { length: 100 }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    timings: jsonb('timings').$type<Record<string, number>>(),
  },
  (table) => [index('qualification_screenings_started_idx').on(table.startedAt)],
)

export const qualificationScreeningResults = pgTable(
  'qualification_screening_results',
  {
    screeningId: uuid('screening_id')
      .notNull()
      .references(() => qualificationScreenings.id, { onDelete: 'cascade' }),
    ruleSet: varchar('rule_set', { length: 20 }).$type<RuleSetId>().notNull(),
    /** The canonical enterprise (cluster) id. */
    enterpriseId: uuid('enterprise_id').notNull(),
    regionOrgUnitId: uuid('region_org_unit_id'),
    qualified: varchar('qualified', { length: 20 }).$type<QualifiedValue>().notNull(),
    previousQualified: varchar('previous_qualified', { length: 20 }).$type<QualifiedValue>(),
    scoreMin: smallint('score_min').notNull(),
    scoreMax: smallint('score_max').notNull(),
    nearlyRank: integer('nearly_rank'),
    /** Conditions that did not pass: failed ones with their text and gap, open ones with their missing fields. */
    conditions: jsonb('conditions').$type<StoredCondition[]>().notNull(),
    /** Why no verdict could be computed (empty when there is one). */
    problems: jsonb('problems').$type<string[]>().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.screeningId, table.ruleSet, table.enterpriseId] }),
    index('qualification_results_rank_idx').on(table.screeningId, table.ruleSet, table.nearlyRank),
    index('qualification_results_verdict_idx').on(table.screeningId, table.ruleSet, table.qualified),
  ],
)

export const qualificationProposals = pgTable(
  'qualification_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    screeningId: uuid('screening_id')
      .notNull()
      .references(() => qualificationScreenings.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').notNull(),
    rank: integer('rank').notNull(),
    reason: text('reason').notNull(),
    status: varchar('status', { length: 20 }).$type<ProposalStatus>().notNull().default('pending'),
    decisionReason: text('decision_reason'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedBy: varchar('decided_by', { length: 100 }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    /** The 五库 curation an acceptance made (library_curations.id). */
    curationId: uuid('curation_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('qualification_proposals_run_enterprise_idx').on(table.screeningId, table.enterpriseId),
    index('qualification_proposals_enterprise_idx').on(table.enterpriseId),
  ],
)

export const qualificationSelfChecks = pgTable(
  'qualification_self_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    ruleSet: varchar('rule_set', { length: 20 }).$type<RuleSetId>().notNull(),
    name: text('name').notNull(),
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    qualified: varchar('qualified', { length: 20 }).$type<QualifiedValue>().notNull(),
    summary: text('summary').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [index('qualification_self_checks_user_idx').on(table.userId, table.createdAt)],
)
