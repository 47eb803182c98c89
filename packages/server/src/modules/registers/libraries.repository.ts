import { and, eq, isNull, sql, type SQL } from 'drizzle-orm'
import {
  INVESTMENT_PROJECT_RULE,
  LIBRARY_MEMBER_KINDS,
  PLATFORM_LEVEL_RANK,
  PLATFORM_RESERVE_RULE,
  RD_TALENT_RULE,
  TECH_INCUBATION_RULE,
  type Library,
  type LibraryMemberKind,
  type LibraryViewName,
} from '@kechuang/core/registers'
import { containsPattern, queryRows, tables, type Executor } from '@kechuang/db'
import { figuresCtes, hnteReserveCondition, queryAggregate, type RegisterScope } from './ladder.repository'

const { libraryCurations } = tables

export type CurationRow = typeof libraryCurations.$inferSelect

export interface LibraryFilter {
  regionPath?: string
  q?: string
  memberId?: string
}

/** Which rows: a view of the list (core LIBRARY_VIEWS), or any candidate (to check a curation). */
export type LibraryView = LibraryViewName | 'any'

/** A candidate of a library with the facts its rule read (core library-rules.ts turns them into a reason). */
export interface LibraryRow {
  member_id: string
  name: string
  detail: string | null
  region_name: string | null
  path: string | null
  is_rule: boolean
  facts: Record<string, unknown>
  curation_id: string | null
  total: number
}

const textArray = (values: readonly string[]): SQL =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}::text`),
    sql`, `,
  )}]::text[]`

function scopeConditions(path: SQL, scope: RegisterScope, filter: LibraryFilter): SQL[] {
  const inTree = sql`${path} like ${`${scope.scopePath}%`}`
  const conditions = [scope.isRootScope ? sql`(${inTree} or ${path} is null)` : inTree]
  if (filter.regionPath) conditions.push(sql`${path} like ${`${filter.regionPath}%`}`)
  return conditions
}

// Platform levels by rank, for "a target level above the current one".
const levelRank = (column: SQL) =>
  sql`(case ${column} ${sql.join(
    Object.entries(PLATFORM_LEVEL_RANK).map(([level, rank]) => sql`when ${level}::text then ${rank}::int`),
    sql` `,
  )} end)`

/** CTE `cand`: every candidate of the library in scope with its rule verdict and facts. */
function candidatesCte(library: Library, scope: RegisterScope, filter: LibraryFilter, date: string): SQL {
  const kind = LIBRARY_MEMBER_KINDS[library]
  const pattern = filter.q ? containsPattern(filter.q) : null
  if (kind === 'enterprise') {
    const rule =
      library === 'hnte_reserve'
        ? hnteReserveCondition
        : sql`(not f.types && ${textArray(TECH_INCUBATION_RULE.excludedQualifications)}
            and ((f.founded_on <= f.d
                  and f.founded_on > (f.d - make_interval(years => ${TECH_INCUBATION_RULE.maxAgeYears}::int))::date)
              or coalesce(f.rd_staff, 0) >= ${TECH_INCUBATION_RULE.rdStaffMin}::int))`
    return sql`${figuresCtes(
      scope,
      {
        ...(filter.regionPath ? { regionPath: filter.regionPath } : {}),
        ...(filter.q ? { q: filter.q } : {}),
        ...(filter.memberId ? { enterpriseId: filter.memberId } : {}),
      },
      [{ year: Number(date.slice(0, 4)), date }],
    )},
      cand as (
        select f.eid as member_id, e.name, e.credit_code as detail, o.name as region_name, f.path,
          coalesce(${rule}, false) as is_rule,
          jsonb_build_object('figuresYear', f.figures_year, 'rdExpenseRatio', f.rd_ratio,
            'rdStaffCount', f.rd_staff, 'classOneIpCount', f.ip1, 'classTwoIpCount', f.ip2,
            'validQualifications', to_jsonb(f.types), 'foundedOn', f.founded_on::text) as facts
        from figures f join enterprises e on e.id = f.eid left join org_units o on o.id = f.region_id
      )`
  }
  if (kind === 'project') {
    const conditions = scopeConditions(sql`o.path`, scope, filter)
    if (pattern) conditions.push(sql`p.name ilike ${pattern}`)
    if (filter.memberId) conditions.push(sql`p.id = ${filter.memberId}`)
    return sql`cand as (
        select p.id as member_id, p.name, ce.name as detail, o.name as region_name, o.path,
          (p.kind = ${INVESTMENT_PROJECT_RULE.kind}
            and not p.status::text = any(${textArray(INVESTMENT_PROJECT_RULE.excludedStatuses)})) as is_rule,
          jsonb_build_object('kind', p.kind, 'status', p.status) as facts
        from projects p
        left join enterprises pe on pe.id = p.enterprise_id
        left join enterprises ce on ce.id = pe.canonical_id
        left join org_units o on o.id = coalesce(p.region_org_unit_id, ce.region_org_unit_id)
        where ${sql.join(conditions, sql` and `)}
      )`
  }
  if (kind === 'talent') {
    const conditions = scopeConditions(sql`o.path`, scope, filter)
    if (pattern) conditions.push(sql`t.name ilike ${pattern}`)
    if (filter.memberId) conditions.push(sql`t.id = ${filter.memberId}`)
    // Personal data (id number, phone) never leaves this query; the list shows name, kind and employer.
    return sql`cand as (
        select t.id as member_id, t.name, coalesce(ce.name, i.name) as detail, o.name as region_name, o.path,
          t.kind::text = any(${textArray(RD_TALENT_RULE.kinds)}) as is_rule,
          jsonb_build_object('kind', t.kind) as facts
        from talents t
        left join enterprises te on te.id = t.enterprise_id
        left join enterprises ce on ce.id = te.canonical_id
        left join institutions i on i.id = t.institution_id
        left join org_units o on o.id = coalesce(t.region_org_unit_id, ce.region_org_unit_id, i.region_org_unit_id)
        where ${sql.join(conditions, sql` and `)}
      )`
  }
  const conditions = scopeConditions(sql`o.path`, scope, filter)
  if (pattern) conditions.push(sql`(p.name ilike ${pattern} or p.aliases::text ilike ${pattern})`)
  if (filter.memberId) conditions.push(sql`p.id = ${filter.memberId}`)
  return sql`cand as (
      select p.id as member_id, p.name, p.type as detail, o.name as region_name, o.path,
        (p.status = ${PLATFORM_RESERVE_RULE.strivingStatus}
          or (p.level::text = any(${textArray(PLATFORM_RESERVE_RULE.upgradableLevels)})
            and coalesce(${levelRank(sql`p.target_level`)} > ${levelRank(sql`p.level`)}, false))) as is_rule,
        jsonb_build_object('status', p.status, 'level', p.level, 'targetLevel', p.target_level) as facts
      from platforms p left join org_units o on o.id = p.region_org_unit_id
      where ${sql.join(conditions, sql` and `)}
    )`
}

/**
 * CTE `cur`: the live curations of the library, keyed by the member they apply to. An enterprise curation applies
 * to the whole cluster of the row it names, so a merge keeps it; after a merge of two curated clusters the
 * latest curation wins.
 */
function curationsCte(library: Library, kind: LibraryMemberKind): SQL {
  if (kind === 'enterprise') {
    return sql`cur as (
      select distinct on (cm.canonical_id) cm.canonical_id as target_id, c.id, c.action
      from library_curations c join enterprises cm on cm.id = c.member_id
      where c.library = ${library} and c.withdrawn_at is null
      order by cm.canonical_id, c.created_at desc)`
  }
  return sql`cur as (
    select c.member_id as target_id, c.id, c.action from library_curations c
    where c.library = ${library} and c.withdrawn_at is null)`
}

/** One page of a library's rows on `date` (YYYY-MM-DD), by name. */
export function listLibraryRows(
  db: Executor,
  library: Library,
  scope: RegisterScope,
  filter: LibraryFilter,
  view: LibraryView,
  date: string,
  page: { limit: number; offset: number },
): Promise<LibraryRow[]> {
  const kind = LIBRARY_MEMBER_KINDS[library]
  const viewCondition =
    view === 'members'
      ? sql`((cand.is_rule and cur.action is distinct from 'remove') or cur.action = 'add')`
      : view === 'removed'
        ? sql`cur.action = 'remove'`
        : view === 'candidates'
          ? sql`(not cand.is_rule and cur.id is null)`
          : sql`true`
  // Enterprise libraries aggregate over the whole scope (ladder.repository.ts queryAggregate); the others are
  // plain filtered lists.
  const run = kind === 'enterprise' ? queryAggregate<LibraryRow> : queryRows<LibraryRow>
  return run(
    db,
    sql`with ${candidatesCte(library, scope, filter, date)}, ${curationsCte(library, kind)}
      select cand.member_id, cand.name, cand.detail, cand.region_name, cand.path, cand.is_rule, cand.facts,
        cur.id as curation_id, count(*) over ()::int as total
      from cand left join cur on cur.target_id = cand.member_id
      where ${viewCondition}
      order by cand.name, cand.member_id
      limit ${page.limit} offset ${page.offset}`,
  )
}

/** The canonical id of an enterprise row (the cluster it belongs to), or null when there is no such row. */
export async function findCanonicalEnterpriseId(db: Executor, id: string): Promise<string | null> {
  const rows = await queryRows<{ canonical_id: string }>(
    db,
    sql`select canonical_id from enterprises where id = ${id}`,
  )
  return rows[0]?.canonical_id ?? null
}

export async function findCurations(db: Executor, ids: readonly string[]): Promise<CurationRow[]> {
  if (ids.length === 0) return []
  return db
    .select()
    .from(libraryCurations)
    .where(
      sql`${libraryCurations.id} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    )
}

export async function findCuration(db: Executor, library: Library, id: string): Promise<CurationRow | null> {
  const [row] = await db
    .select()
    .from(libraryCurations)
    .where(and(eq(libraryCurations.id, id), eq(libraryCurations.library, library)))
  return row ?? null
}

export async function insertCuration(
  tx: Executor,
  row: typeof libraryCurations.$inferInsert,
): Promise<CurationRow> {
  const [saved] = await tx.insert(libraryCurations).values(row).returning()
  if (!saved) throw new Error('library curation insert returned no row')
  return saved
}

/** Marks a live curation withdrawn; null when it was withdrawn meanwhile. */
export async function withdrawCuration(tx: Executor, id: string, at: Date): Promise<CurationRow | null> {
  const [row] = await tx
    .update(libraryCurations)
    .set({ withdrawnAt: at })
    .where(and(eq(libraryCurations.id, id), isNull(libraryCurations.withdrawnAt)))
    .returning()
  return row ?? null
}
