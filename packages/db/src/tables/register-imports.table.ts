import { sql } from 'drizzle-orm'
import {
  bigint,
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
  ImportCandidate,
  ImportCellError,
  ImportRecord,
  ImportRowOutcome,
  ImportStatus,
  ImportSummary,
  JudgementKind,
  RegisterListType,
  ReviewStatus,
} from '@kechuang/core/registers'
import { enterprises } from './registers.table'

// M2 list import: one row per uploaded file (also the progress the page polls), its rows staged with their
// checks and link outcomes until commit, the review queue, the decisions reviewers made, and the column mapping
// each list type was last imported with.
export const registerImports = pgTable(
  'register_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listType: varchar('list_type', { length: 30 }).$type<RegisterListType>().notNull(),
    fileName: text('file_name').notNull(),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
    status: varchar('status', { length: 20 }).$type<ImportStatus>().notNull(),
    processedBytes: bigint('processed_bytes', { mode: 'number' }).notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    headers: jsonb('headers').$type<string[]>().notNull().default([]),
    // Column key → header of the file (null: not mapped).
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull().default({}),
    failure: text('failure'),
    summary: jsonb('summary').$type<ImportSummary>(),
    // Data scope of the importing user: who else may see the batch and its review items.
    scopePath: text('scope_path').notNull(),
    createdBy: uuid('created_by'),
    createdByName: varchar('created_by_name', { length: 100 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('register_imports_scope_idx').on(table.scopePath.op('text_pattern_ops'), table.createdAt),
  ],
)

/** A staged row: the file's cells as read, the mapped values, their checks and what commit will do with it. */
export const registerImportRows = pgTable(
  'register_import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => registerImports.id, { onDelete: 'cascade' }),
    // Row number in the file (the header is row 1), as the user sees it in Excel.
    rowNumber: integer('row_number').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
    values: jsonb('values').$type<Record<string, string>>().notNull(),
    errors: jsonb('errors').$type<ImportCellError[]>().notNull().default([]),
    errorCount: integer('error_count').notNull().default(0),
    duplicateKey: text('duplicate_key'),
    record: jsonb('record').$type<ImportRecord>(),
    outcome: varchar('outcome', { length: 10 }).$type<ImportRowOutcome>(),
    enterpriseId: uuid('enterprise_id'),
    probability: doublePrecision('probability'),
    candidates: jsonb('candidates').$type<ImportCandidate[]>().notNull().default([]),
  },
  (table) => [
    primaryKey({ columns: [table.importId, table.rowNumber] }),
    index('register_import_rows_outcome_idx').on(table.importId, table.outcome),
    index('register_import_rows_duplicate_idx').on(table.importId, table.duplicateKey),
  ],
)

/** Records the linker could not place with confidence, waiting for a reviewer. */
export const registerReviewItems = pgTable(
  'register_review_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    importId: uuid('import_id')
      .notNull()
      .references(() => registerImports.id),
    rowNumber: integer('row_number').notNull(),
    listType: varchar('list_type', { length: 30 }).$type<RegisterListType>().notNull(),
    values: jsonb('values').$type<Record<string, string>>().notNull(),
    record: jsonb('record').$type<ImportRecord>().notNull(),
    subjectName: text('subject_name').notNull(),
    subjectCreditCode: varchar('subject_credit_code', { length: 18 }),
    subjectRegionCode: varchar('subject_region_code', { length: 6 }),
    probability: doublePrecision('probability').notNull(),
    candidates: jsonb('candidates').$type<ImportCandidate[]>().notNull(),
    status: varchar('status', { length: 10 }).$type<ReviewStatus>().notNull().default('pending'),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    reason: text('reason'),
    scopePath: text('scope_path').notNull(),
    decidedBy: uuid('decided_by'),
    decidedByName: varchar('decided_by_name', { length: 100 }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [index('register_review_items_status_idx').on(table.status, table.scopePath)],
)

/**
 * A reviewer's decision about an incoming record and an enterprise, kept by `linkDecisionKeyOf` (name as written +
 * region code): POSITIVE links the same record in a later list without asking; NEGATIVE keeps that enterprise out
 * of its candidates. One live decision per key and enterprise; undone by setting deleted_at.
 */
export const registerLinkDecisions = pgTable(
  'register_link_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordKey: text('record_key').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    judgement: varchar('judgement', { length: 10 }).$type<JudgementKind>().notNull(),
    reviewItemId: uuid('review_item_id').references(() => registerReviewItems.id),
    userId: uuid('user_id'),
    userName: varchar('user_name', { length: 100 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('register_link_decisions_live_uq')
      .on(table.recordKey, table.enterpriseId)
      .where(sql`${table.deletedAt} is null`),
  ],
)

/** The column mapping each list type was last imported with, offered first for the next file. */
export const registerImportMappings = pgTable('register_import_mappings', {
  listType: varchar('list_type', { length: 30 }).$type<RegisterListType>().primaryKey(),
  mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
  updatedByName: varchar('updated_by_name', { length: 100 }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
})
