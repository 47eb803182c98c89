import { and, asc, desc, eq, gt, gte, inArray, like, lte, sql, type SQL } from 'drizzle-orm'
import type {
  ImportCandidate,
  ImportRecord,
  ImportRowFilter,
  ImportRowOutcome,
  RegisterListType,
} from '@kechuang/core/registers'
import { queryRows, tables, type Executor } from '@kechuang/db'
import type { EvaluatedRow } from './register-imports.linking'

const { registerImports, registerImportRows, registerImportMappings } = tables

export type ImportRow = typeof registerImports.$inferSelect
export type StagedRow = typeof registerImportRows.$inferSelect

export async function findImportInScope(
  db: Executor,
  importId: string,
  scopePath: string,
): Promise<ImportRow | null> {
  const [row] = await db
    .select()
    .from(registerImports)
    .where(and(eq(registerImports.id, importId), like(registerImports.scopePath, `${scopePath}%`)))
  return row ?? null
}

export async function listImportsInScope(
  db: Executor,
  scopePath: string,
  limit: number,
): Promise<ImportRow[]> {
  return db
    .select()
    .from(registerImports)
    .where(like(registerImports.scopePath, `${scopePath}%`))
    .orderBy(desc(registerImports.createdAt))
    .limit(limit)
}

export interface RowCounts {
  total: number
  errors: number
  linked: number
  review: number
  new: number
}

export async function countRows(db: Executor, importIds: string[]): Promise<Map<string, RowCounts>> {
  if (importIds.length === 0) return new Map()
  const rows = await queryRows<RowCounts & { import_id: string }>(
    db,
    sql`select import_id,
          count(*)::int as total,
          (count(*) filter (where error_count > 0))::int as errors,
          (count(*) filter (where outcome = 'linked'))::int as linked,
          (count(*) filter (where outcome = 'review'))::int as review,
          (count(*) filter (where outcome = 'new'))::int as new
        from register_import_rows where import_id in ${sql`(${sql.join(
          importIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`} group by import_id`,
  )
  return new Map(rows.map((r) => [r.import_id, r]))
}

const filterCondition = (filter: ImportRowFilter): SQL | undefined => {
  switch (filter) {
    case 'all':
      return undefined
    case 'errors':
      return gt(registerImportRows.errorCount, 0)
    default:
      return eq(registerImportRows.outcome, filter)
  }
}

export async function pageRows(
  db: Executor,
  importId: string,
  filter: ImportRowFilter,
  page: number,
  pageSize: number,
): Promise<{ items: StagedRow[]; total: number }> {
  const where = and(eq(registerImportRows.importId, importId), filterCondition(filter))
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(registerImportRows)
    .where(where)
  const items = await db
    .select()
    .from(registerImportRows)
    .where(where)
    .orderBy(asc(registerImportRows.rowNumber))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  return { items, total }
}

/** Staged rows in file order from `afterRow` on, a batch at a time (keyset paging keeps each read cheap). */
export async function readRowBatch(
  db: Executor,
  importId: string,
  afterRow: number,
  size: number,
  condition?: SQL,
): Promise<StagedRow[]> {
  return db
    .select()
    .from(registerImportRows)
    .where(
      and(eq(registerImportRows.importId, importId), gt(registerImportRows.rowNumber, afterRow), condition),
    )
    .orderBy(asc(registerImportRows.rowNumber))
    .limit(size)
}

/** What commit needs of a staged row (no cells, no mapped values except for the review queue). */
export interface CommitRow {
  rowNumber: number
  values: Record<string, string>
  errorCount: number
  record: ImportRecord | null
  outcome: ImportRowOutcome | null
  enterpriseId: string | null
  probability: number | null
  candidates: ImportCandidate[]
}

export async function readCommitBatch(
  db: Executor,
  importId: string,
  afterRow: number,
  size: number,
): Promise<CommitRow[]> {
  return queryRows<CommitRow>(
    db,
    sql`select row_number as "rowNumber", error_count as "errorCount", record, outcome, enterprise_id as "enterpriseId",
               probability,
               case when outcome = 'review' then "values" else '{}'::jsonb end as "values",
               case when outcome = 'review' then candidates else '[]'::jsonb end as candidates
        from register_import_rows
        where import_id = ${importId} and row_number > ${afterRow}
        order by row_number limit ${size}`,
  )
}

export function stagedValues(importId: string, rowNumber: number, cells: string[], row: EvaluatedRow) {
  return {
    importId,
    rowNumber,
    cells,
    values: row.values,
    errors: row.errors,
    errorCount: row.errors.length,
    duplicateKey: row.duplicateKey,
    record: row.record,
    outcome: row.outcome,
    enterpriseId: row.enterpriseId,
    probability: row.probability,
    candidates: row.candidates,
  }
}

/**
 * Stages a batch in one statement with one parameter: the rows as a JSON array expanded by jsonb_to_recordset.
 * A 100 000-row list is staged in 100 such statements; binding 12 parameters per row through the query builder
 * took most of the reading time.
 */
export async function insertRows(db: Executor, rows: ReturnType<typeof stagedValues>[]): Promise<void> {
  if (rows.length === 0) return
  const json = JSON.stringify(
    rows.map((r) => ({
      import_id: r.importId,
      row_number: r.rowNumber,
      cells: r.cells,
      values: r.values,
      errors: r.errors,
      error_count: r.errorCount,
      duplicate_key: r.duplicateKey,
      record: r.record,
      outcome: r.outcome,
      enterprise_id: r.enterpriseId,
      probability: r.probability,
      candidates: r.candidates,
    })),
  )
  await db.execute(sql`
    insert into register_import_rows
      (import_id, row_number, cells, "values", errors, error_count, duplicate_key, record, outcome, enterprise_id,
       probability, candidates)
    select import_id, row_number, cells, "values", errors, error_count, duplicate_key, record, outcome,
           enterprise_id, probability, candidates
    from jsonb_to_recordset(${json}::jsonb) as r(
      import_id uuid, row_number int, cells jsonb, "values" jsonb, errors jsonb, error_count int, duplicate_key text,
      record jsonb, outcome varchar, enterprise_id uuid, probability double precision, candidates jsonb)`)
}

export async function replaceRows(
  db: Executor,
  importId: string,
  rows: ReturnType<typeof stagedValues>[],
): Promise<void> {
  if (rows.length === 0) return
  const first = rows[0]!.rowNumber
  const last = rows[rows.length - 1]!.rowNumber
  await db
    .delete(registerImportRows)
    .where(
      and(
        eq(registerImportRows.importId, importId),
        gte(registerImportRows.rowNumber, first),
        lte(registerImportRows.rowNumber, last),
      ),
    )
  await insertRows(db, rows)
}

export async function findRow(db: Executor, importId: string, rowNumber: number): Promise<StagedRow | null> {
  const [row] = await db
    .select()
    .from(registerImportRows)
    .where(and(eq(registerImportRows.importId, importId), eq(registerImportRows.rowNumber, rowNumber)))
  return row ?? null
}

/** Rows sharing any of the keys, in file order (the first of each key is the original, the rest duplicates). */
export async function rowsWithKeys(db: Executor, importId: string, keys: string[]): Promise<StagedRow[]> {
  if (keys.length === 0) return []
  return db
    .select()
    .from(registerImportRows)
    .where(and(eq(registerImportRows.importId, importId), inArray(registerImportRows.duplicateKey, keys)))
    .orderBy(asc(registerImportRows.rowNumber))
}

export async function updateImport(
  db: Executor,
  importId: string,
  values: Partial<typeof registerImports.$inferInsert>,
): Promise<void> {
  await db.update(registerImports).set(values).where(eq(registerImports.id, importId))
}

export async function findRememberedMapping(
  db: Executor,
  listType: RegisterListType,
): Promise<Record<string, string | null>> {
  const [row] = await db
    .select({ mapping: registerImportMappings.mapping })
    .from(registerImportMappings)
    .where(eq(registerImportMappings.listType, listType))
  return row?.mapping ?? {}
}

export async function rememberMapping(
  db: Executor,
  listType: RegisterListType,
  mapping: Record<string, string | null>,
  userName: string,
): Promise<void> {
  await db
    .insert(registerImportMappings)
    .values({ listType, mapping, updatedByName: userName })
    .onConflictDoUpdate({
      target: registerImportMappings.listType,
      set: { mapping, updatedByName: userName, updatedAt: sql`now()` },
    })
}
