import { and, desc, eq, sql, type SQL } from 'drizzle-orm'
import {
  QUALIFIED_RANK,
  type QualifiedValue,
  type RuleSetId,
  type StoredCondition,
  type ScreeningChangeKind,
  type ScreeningFilter,
  type ScreeningResultQuery,
} from '@kechuang/core/qualification'
import { containsPattern, queryRows, tables, type Executor } from '@kechuang/db'

const { qualificationScreenings, qualificationScreeningResults } = tables

export type ScreeningRow = typeof qualificationScreenings.$inferSelect

/** A result as written: the columns of qualification_screening_results. */
export interface ResultToWrite {
  screening_id: string
  rule_set: RuleSetId
  enterprise_id: string
  region_org_unit_id: string | null
  qualified: QualifiedValue
  previous_qualified: QualifiedValue | null
  score_min: number
  score_max: number
  nearly_rank: number | null
  conditions: StoredCondition[]
  problems: string[]
}

export async function insertScreening(
  db: Executor,
  row: typeof qualificationScreenings.$inferInsert,
): Promise<ScreeningRow> {
  const [saved] = await db.insert(qualificationScreenings).values(row).returning()
  if (!saved) throw new Error('screening insert returned no row')
  return saved
}

export async function updateScreening(
  db: Executor,
  id: string,
  values: Partial<typeof qualificationScreenings.$inferInsert>,
): Promise<void> {
  await db.update(qualificationScreenings).set(values).where(eq(qualificationScreenings.id, id))
}

/** The run if its region lies in the caller's scope. */
export async function findScreeningInScope(
  db: Executor,
  id: string,
  scopePath: string,
): Promise<ScreeningRow | null> {
  const rows = await db
    .select({ screening: qualificationScreenings })
    .from(qualificationScreenings)
    .innerJoin(tables.orgUnits, eq(tables.orgUnits.id, qualificationScreenings.scopeOrgUnitId))
    .where(and(eq(qualificationScreenings.id, id), sql`${tables.orgUnits.path} like ${`${scopePath}%`}`))
  return rows[0]?.screening ?? null
}

export async function listScreeningsInScope(
  db: Executor,
  scopePath: string,
  page: { limit: number; offset: number },
): Promise<{ rows: ScreeningRow[]; total: number }> {
  const inScope = sql`${tables.orgUnits.path} like ${`${scopePath}%`}`
  const rows = await db
    .select({ screening: qualificationScreenings, total: sql<number>`count(*) over ()::int` })
    .from(qualificationScreenings)
    .innerJoin(tables.orgUnits, eq(tables.orgUnits.id, qualificationScreenings.scopeOrgUnitId))
    .where(inScope)
    .orderBy(desc(qualificationScreenings.startedAt), desc(qualificationScreenings.id))
    .limit(page.limit)
    .offset(page.offset)
  return { rows: rows.map((r) => r.screening), total: rows[0]?.total ?? 0 }
}

/** Runs of this region still marked running (at most one, unless a restart interrupted one). */
export function findRunningScreenings(db: Executor, scopeOrgUnitId: string): Promise<ScreeningRow[]> {
  return db
    .select()
    .from(qualificationScreenings)
    .where(
      and(
        eq(qualificationScreenings.scopeOrgUnitId, scopeOrgUnitId),
        eq(qualificationScreenings.status, 'running'),
      ),
    )
}

/** The latest completed run of the same region and filter: what a new run compares with. */
export async function findPreviousScreening(
  db: Executor,
  scopeOrgUnitId: string,
  filter: ScreeningFilter,
): Promise<ScreeningRow | null> {
  const [row] = await db
    .select()
    .from(qualificationScreenings)
    .where(
      and(
        eq(qualificationScreenings.scopeOrgUnitId, scopeOrgUnitId),
        eq(qualificationScreenings.status, 'completed'),
        sql`${qualificationScreenings.filter} = ${JSON.stringify(filter)}::jsonb`,
      ),
    )
    .orderBy(desc(qualificationScreenings.startedAt))
    .limit(1)
  return row ?? null
}

/**
 * Deletes the completed runs of a region and filter beyond the newest `keep`, their results and proposals with them
 * (foreign keys cascade). A newer run already holds each result's previous verdict, so nothing it shows needs them.
 */
export async function pruneScreenings(
  db: Executor,
  scopeOrgUnitId: string,
  filter: ScreeningFilter,
  keep: number,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`delete from qualification_screenings where id in (
        select id from qualification_screenings
        where scope_org_unit_id = ${scopeOrgUnitId} and status = 'completed'
          and filter = ${JSON.stringify(filter)}::jsonb
        order by started_at desc offset ${keep})
      returning id`,
  )
  return rows.map((row) => row.id)
}

/** The verdicts of a run, by rule set and enterprise (what the next run's `previousQualified` reads). */
export async function readVerdicts(
  db: Executor,
  screeningId: string,
): Promise<Map<RuleSetId, Map<string, QualifiedValue>>> {
  const rows = await queryRows<{ rule_set: RuleSetId; enterprise_id: string; qualified: QualifiedValue }>(
    db,
    sql`select rule_set, enterprise_id, qualified from qualification_screening_results
      where screening_id = ${screeningId}`,
  )
  const verdicts = new Map<RuleSetId, Map<string, QualifiedValue>>()
  for (const row of rows) {
    let ofRuleSet = verdicts.get(row.rule_set)
    if (!ofRuleSet) verdicts.set(row.rule_set, (ofRuleSet = new Map()))
    ofRuleSet.set(row.enterprise_id, row.qualified)
  }
  return verdicts
}

/**
 * Writes results (a JSON array of `ResultToWrite`) with one multi-row INSERT (json_populate_recordset: one
 * parameter, typed by the table), the way the synthetic register is loaded; works alike on PGlite and PostgreSQL.
 */
export async function insertResults(db: Executor, rowsJson: string): Promise<void> {
  if (rowsJson === '[]') return
  const columns = sql.raw(
    'screening_id, rule_set, enterprise_id, region_org_unit_id, qualified, previous_qualified, score_min, score_max, nearly_rank, conditions, problems',
  )
  await db.execute(
    sql`insert into qualification_screening_results (${columns})
      select ${columns} from json_populate_recordset(null::qualification_screening_results, ${rowsJson}::json)`,
  )
}

export async function deleteResults(db: Executor, screeningId: string): Promise<void> {
  await db.execute(sql`delete from qualification_screening_results where screening_id = ${screeningId}`)
  await db.execute(sql`delete from qualification_proposals where screening_id = ${screeningId}`)
}

export interface CountRow {
  rule_set: RuleSetId
  qualified: QualifiedValue
  count: number
}

export function countVerdicts(db: Executor, screeningId: string): Promise<CountRow[]> {
  return queryRows<CountRow>(
    db,
    sql`select rule_set, qualified, count(*)::int as count from qualification_screening_results
      where screening_id = ${screeningId} group by rule_set, qualified order by rule_set, qualified`,
  )
}

export interface RegionCountRow extends CountRow {
  org_unit_id: string | null
  org_unit_name: string | null
}

/**
 * Counts by child region of the run's region: each result goes to the child unit whose subtree holds its
 * enterprise; an enterprise at the run's region itself counts under that region, one without a region apart.
 */
export function countVerdictsByRegion(
  db: Executor,
  screeningId: string,
  scopeOrgUnitId: string,
): Promise<RegionCountRow[]> {
  return queryRows<RegionCountRow>(
    db,
    sql`with children as (
        select id, name, path from org_units where parent_id = ${scopeOrgUnitId} and deleted_at is null),
      placed as (
        select r.rule_set, r.qualified,
          case when r.region_org_unit_id is null then null
            else coalesce((select c.id from children c where o.path like c.path || '%' limit 1), ${scopeOrgUnitId}::uuid)
          end as org_unit_id
        from qualification_screening_results r left join org_units o on o.id = r.region_org_unit_id
        where r.screening_id = ${screeningId})
      select p.org_unit_id, u.name as org_unit_name, p.rule_set, p.qualified, count(*)::int as count
      from placed p left join org_units u on u.id = p.org_unit_id
      group by p.org_unit_id, u.name, p.rule_set, p.qualified
      order by u.name nulls last, p.rule_set, p.qualified`,
  )
}

export interface ChangeRow {
  rule_set: RuleSetId
  from: QualifiedValue | null
  to: QualifiedValue
  count: number
}

/** Results whose verdict differs from the previous run's (a null `from`: not in the previous run). */
export function countChanges(db: Executor, screeningId: string): Promise<ChangeRow[]> {
  return queryRows<ChangeRow>(
    db,
    sql`select rule_set, previous_qualified as "from", qualified as "to", count(*)::int as count
      from qualification_screening_results
      where screening_id = ${screeningId} and previous_qualified is distinct from qualified
      group by rule_set, previous_qualified, qualified order by rule_set, previous_qualified, qualified`,
  )
}

// Verdicts in order, worst first (core QUALIFIED_RANK): a move up is an improvement.
const VERDICT_ORDER = (column: SQL) =>
  sql`(case ${column} ${sql.join(
    Object.entries(QUALIFIED_RANK).map(([value, rank]) => sql`when ${value} then ${rank}::int`),
    sql` `,
  )} end)`

function changeCondition(change: ScreeningChangeKind): SQL {
  const now = VERDICT_ORDER(sql`r.qualified`)
  const before = VERDICT_ORDER(sql`r.previous_qualified`)
  switch (change) {
    case 'new':
      return sql`r.previous_qualified is null`
    case 'improved':
      return sql`${now} > ${before}`
    case 'worsened':
      return sql`${now} < ${before}`
    case 'unchanged':
      return sql`r.qualified = r.previous_qualified`
  }
}

export interface ResultRow {
  enterprise_id: string
  enterprise_name: string
  credit_code: string | null
  region_name: string | null
  rule_set: RuleSetId
  qualified: QualifiedValue
  previous_qualified: QualifiedValue | null
  score_min: number
  score_max: number
  nearly_rank: number | null
  conditions: StoredCondition[]
  problems: string[]
  total: number
}

export type ResultFilter = Omit<ScreeningResultQuery, 'page' | 'pageSize' | 'orgUnitId'> & {
  regionPath?: string
}

/** A page of a run's results: by nearly-qualified rank when `nearly`, else by enterprise name. */
export function listResults(
  db: Executor,
  screeningId: string,
  filter: ResultFilter,
  page: { limit: number; offset: number },
): Promise<ResultRow[]> {
  const conditions: SQL[] = [sql`r.screening_id = ${screeningId}`, sql`r.rule_set = ${filter.ruleSet}`]
  if (filter.qualified) conditions.push(sql`r.qualified = ${filter.qualified}`)
  if (filter.regionPath) conditions.push(sql`o.path like ${`${filter.regionPath}%`}`)
  if (filter.change) conditions.push(changeCondition(filter.change))
  if (filter.nearly === true) conditions.push(sql`r.nearly_rank is not null`)
  if (filter.nearly === false) conditions.push(sql`r.nearly_rank is null`)
  if (filter.q) conditions.push(sql`e.name ilike ${containsPattern(filter.q)}`)
  const order = filter.nearly === true ? sql`r.nearly_rank` : sql`e.name, r.enterprise_id`
  return queryRows<ResultRow>(
    db,
    sql`select r.enterprise_id, e.name as enterprise_name, e.credit_code, o.name as region_name, r.rule_set,
        r.qualified, r.previous_qualified, r.score_min, r.score_max, r.nearly_rank, r.conditions, r.problems,
        count(*) over ()::int as total
      from qualification_screening_results r
      join enterprises e on e.id = r.enterprise_id
      left join org_units o on o.id = r.region_org_unit_id
      where ${sql.join(conditions, sql` and `)}
      order by ${order}
      limit ${page.limit} offset ${page.offset}`,
  )
}

export { qualificationScreeningResults }
