import { sql, type SQL } from 'drizzle-orm'
import {
  HNTE_RESERVE_RULE,
  LADDER_QUALIFICATIONS,
  LADDER_STEPS_TOP_DOWN,
  STARTUP_MAX_AGE_YEARS,
  type LadderStep,
} from '@kechuang/core/registers'
import { queryRows, type Executor } from '@kechuang/db'
import { nameSearchHits } from './enterprises.repository'

/**
 * The SQL side of the rules in core registers/libraries: the figures of every enterprise in a scope on one or
 * more dates (qualifications valid then, latest yearly figures, granted IP), then its ladder step. Computed in
 * one statement over the whole scope, so the ladder of a province (500 000 enterprises) never reaches Node.
 * The core functions (enterpriseFiguresOn, ladderStepOn) are the reference; ladder.routes.test.ts checks that
 * both give the same steps on random data.
 */

/** Data scope of the caller; an enterprise without a region is seen only from the root of the tree. */
export interface RegisterScope {
  scopePath: string
  isRootScope: boolean
}

export interface FiguresFilter {
  /** Subtree of this region only (inside the scope). */
  regionPath?: string
  /** Name, alias, former name or credit code. */
  q?: string
  /** One enterprise (a canonical id) only. */
  enterpriseId?: string
}

export interface DatePoint {
  year: number
  date: string
}

const textArray = (values: readonly string[]): SQL =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}::text`),
    sql`, `,
  )}]::text[]`

/** A qualification `q` held on `date`: its dates, or its 入库 year when undated (core qualificationPeriod). */
export const validOn = (date: SQL) => sql`q.status = 'held'
  and (coalesce(q.valid_from, make_date(q.year, 1, 1)) is null or coalesce(q.valid_from, make_date(q.year, 1, 1)) <= ${date})
  and (coalesce(q.valid_to, make_date(q.year, 12, 31)) is null or coalesce(q.valid_to, make_date(q.year, 12, 31)) >= ${date})`

/** Condition of the 高企后备库 rule on a `figures` row `f` (core checkHnteReserveRule). */
export const hnteReserveCondition = sql`(not f.types && ${textArray(HNTE_RESERVE_RULE.excludedQualifications)}
  and f.rd_ratio >= ${HNTE_RESERVE_RULE.rdExpenseRatioMin}
  and (f.ip1 >= ${HNTE_RESERVE_RULE.classOneIpMin} or f.ip2 >= ${HNTE_RESERVE_RULE.classTwoIpMin}))`

/** The ladder step of a `figures` row `f` (core ladderStepOn), null when off the ladder. */
export const ladderStepExpression: SQL = sql`case ${sql.join(
  LADDER_STEPS_TOP_DOWN.map((step) => {
    const types = LADDER_QUALIFICATIONS[step]
    if (types) return sql`when f.types && ${textArray(types)} then ${step}::text`
    if (step === 'hnte_reserve') return sql`when ${hnteReserveCondition} then ${step}::text`
    return sql`when f.founded_on <= f.d and f.founded_on > (f.d - make_interval(years => ${STARTUP_MAX_AGE_YEARS}::int))::date then ${step}::text`
  }),
  sql` `,
)} end`

/**
 * CTEs `dates`, `ent`, `held`, `member_latest`, `member_figures`, `latest`, `ipc` and `figures`: one `figures` row
 * per enterprise in scope and date with region, founding date, valid qualification types, the latest year's
 * figures and (only for the candidates of the 高企后备库 rule, the one reader of them) granted IP by class.
 *
 * The latest figures: each member row's latest year up to the date in one pass over enterprise_years (the max
 * of [year, figures…] arrays, years being unique per row), then per enterprise (a window over its member rows)
 * the latest of those years and the largest figure of each kind among its member rows in that year. Joining and
 * sorting all 1.5M yearly rows of a province first took seconds. The granted IP of the candidates is read through
 * the IP index by their ids.
 */
export function figuresCtes(scope: RegisterScope, filter: FiguresFilter, dates: readonly DatePoint[]): SQL {
  // The scope, region and search filter on an enterprise's canonical row `c` and its region `co`. Each aggregate
  // below joins its records to the canonical row and applies this filter itself: the planner then estimates
  // every join from table statistics (a filter on `canonical_id = id` is badly estimated and led to nested loops
  // over 500 000 rows).
  const headFilter = (c: string, o: string): SQL => {
    const conditions: SQL[] = []
    const inTree = sql`${sql.raw(o)}.path like ${`${scope.scopePath}%`}`
    conditions.push(scope.isRootScope ? sql`(${inTree} or ${sql.raw(c)}.region_org_unit_id is null)` : inTree)
    if (filter.regionPath) conditions.push(sql`${sql.raw(o)}.path like ${`${filter.regionPath}%`}`)
    if (filter.enterpriseId) conditions.push(sql`${sql.raw(c)}.id = ${filter.enterpriseId}`)
    if (filter.q) {
      conditions.push(sql`${sql.raw(c)}.id in (${nameSearchHits(filter.q)}
        union all select m.canonical_id from enterprises m where m.credit_code = ${filter.q.toUpperCase()})`)
    }
    return sql.join(conditions, sql` and `)
  }
  const ofHead = (member: string) =>
    sql.raw(
      `join enterprises c on c.id = ${member}.canonical_id left join org_units co on co.id = c.region_org_unit_id`,
    )
  const dateRows = sql.join(
    dates.map((d) => sql`(${d.year}::int, ${d.date}::date)`),
    sql`, `,
  )
  return sql`
    dates(y, d) as (values ${dateRows}),
    ent as (
      select e.id, e.region_org_unit_id as region_id, o.path, e.founded_on::date as founded_on
      from enterprises e left join org_units o on o.id = e.region_org_unit_id
      where e.canonical_id = e.id and ${headFilter('e', 'o')}
    ),
    held as (
      select m.canonical_id as eid, dt.y, array_agg(distinct q.type::text) as types
      from qualifications q join enterprises m on m.id = q.enterprise_id ${ofHead('m')}
      cross join dates dt
      where ${validOn(sql`dt.d`)} and ${headFilter('c', 'co')}
      group by m.canonical_id, dt.y
    ),
    member_latest as (
      select ey.enterprise_id, dt.y,
        max(array[ey.year::float8, ey.rd_expense, ey.sales_revenue, ey.rd_staff_count::float8]) as v
      from enterprise_years ey join dates dt on ey.year <= dt.y
      group by ey.enterprise_id, dt.y
    ),
    member_figures as (
      select m.canonical_id as eid, ml.y, ml.v, max(ml.v[1]) over (partition by m.canonical_id, ml.y) as top
      from member_latest ml join enterprises m on m.id = ml.enterprise_id ${ofHead('m')}
      where ${headFilter('c', 'co')}
    ),
    latest as (
      select f.eid, f.y, f.top::int as figures_year,
        case when max(f.v[3]) > 0 then max(f.v[2]) / max(f.v[3]) end as rd_ratio, max(f.v[4])::int as rd_staff
      from member_figures f where f.v[1] = f.top
      group by f.eid, f.y, f.top
    ),
    candidates as (
      select l.eid, l.y, dt.d, l.rd_ratio from latest l join dates dt on dt.y = l.y
      left join held h on h.eid = l.eid and h.y = l.y
      where l.rd_ratio >= ${HNTE_RESERVE_RULE.rdExpenseRatioMin}
        and not coalesce(h.types && ${textArray(HNTE_RESERVE_RULE.excludedQualifications)}, false)
    ),
    ipc as (
      select c.eid, c.y,
        count(*) filter (where ip.ip_class = 'I')::int as ip1,
        count(*) filter (where ip.ip_class = 'II')::int as ip2
      from intellectual_property ip join enterprises m on m.id = ip.enterprise_id
      join candidates c on c.eid = m.canonical_id
      where ip.enterprise_id = any(array(
          select cm.id from candidates cc join enterprises cm on cm.canonical_id = cc.eid))
        and ip.legal_status = 'granted' and ip.ip_class is not null
        and (ip.granted_on is null or ip.granted_on <= c.d)
      group by c.eid, c.y
    ),
    figures as (
      select ent.id as eid, ent.region_id, ent.path, ent.founded_on, dt.y, dt.d,
        coalesce(h.types, '{}'::text[]) as types, l.figures_year, l.rd_ratio, l.rd_staff,
        coalesce(ipc.ip1, 0) as ip1, coalesce(ipc.ip2, 0) as ip2
      from ent cross join dates dt
      left join held h on h.eid = ent.id and h.y = dt.y
      left join latest l on l.eid = ent.id and l.y = dt.y
      left join ipc on ipc.eid = ent.id and ipc.y = dt.y
    )`
}

/**
 * Runs one of these whole-scope aggregations. Their CTEs are aggregates whose row counts the planner can only
 * guess (200 rows), so it picks nested loops that probe indexes once per enterprise: 20 s and more on 500 000
 * enterprises. Every join here reads most of its input, so hash and merge joins are always the right plan; JIT
 * compilation of such a plan costs seconds and is turned off too; their sorts get the memory to stay off disk. All
 * only for this transaction.
 */
export async function queryAggregate<T>(db: Executor, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_nestloop = off`)
    await tx.execute(sql`set local jit = off`)
    // The sorts and hashes of 1.5M yearly rows spilled to disk at the default 4 MB (seconds of the ladder).
    await tx.execute(sql`set local work_mem = '128MB'`)
    return queryRows<T>(tx, query)
  })
}

/**
 * The `figures` CTEs plus `steps` (eid, region_id, path, y, step). Only the enterprise-years that can be on the
 * ladder get a row: a qualification valid then, a candidate of the 高企后备库 rule with granted IP, or a founding
 * date in the 初创 window; the rest of the scope (most of it) is never joined.
 */
function stepsCtes(scope: RegisterScope, filter: FiguresFilter, dates: readonly DatePoint[]): SQL {
  return sql`${figuresCtes(scope, filter, dates)},
    ladder_keys as (
      select eid, y from held
      union select eid, y from ipc
      union select ent.id, dt.y from ent join dates dt on ent.founded_on <= dt.d
        and ent.founded_on > (dt.d - make_interval(years => ${STARTUP_MAX_AGE_YEARS}::int))::date
    ),
    ladder_figures as (
      select ent.id as eid, ent.region_id, ent.path, ent.founded_on, dt.y, dt.d,
        coalesce(h.types, '{}'::text[]) as types, c.rd_ratio,
        coalesce(ipc.ip1, 0) as ip1, coalesce(ipc.ip2, 0) as ip2
      from ladder_keys k join ent on ent.id = k.eid join dates dt on dt.y = k.y
      left join held h on h.eid = k.eid and h.y = k.y
      left join candidates c on c.eid = k.eid and c.y = k.y
      left join ipc on ipc.eid = k.eid and ipc.y = k.y
    ),
    steps as (select f.eid, f.region_id, f.path, f.y, ${ladderStepExpression} as step from ladder_figures f)`
}

export interface LadderCountRow {
  child_id: string | null
  year: number
  step: LadderStep
  count: number
}

/**
 * Counts per step × year, by child region of `regionPath` (child_id null = registered at the region itself or
 * without a region).
 */
export function countLadderSteps(
  db: Executor,
  scope: RegisterScope,
  regionPath: string,
  dates: readonly DatePoint[],
): Promise<LadderCountRow[]> {
  return queryAggregate<LadderCountRow>(
    db,
    sql`with ${stepsCtes(scope, { regionPath }, dates)}
      select nullif(split_part(substr(s.path, ${regionPath.length + 1}), '/', 1), '') as child_id,
        s.y as year, s.step, count(*)::int as count
      from steps s where s.step is not null
      group by 1, s.y, s.step`,
  )
}

/** Enterprises per (step in `from`, step in `to`); null = not on the ladder that year. */
export function countLadderMovements(
  db: Executor,
  scope: RegisterScope,
  regionPath: string,
  from: DatePoint,
  to: DatePoint,
): Promise<{ from_step: LadderStep | null; to_step: LadderStep | null; count: number }[]> {
  return queryAggregate(
    db,
    sql`with ${stepsCtes(scope, { regionPath }, [from, to])},
      pairs as (
        select s.eid, max(s.step) filter (where s.y = ${from.year}) as from_step,
          max(s.step) filter (where s.y = ${to.year}) as to_step
        from steps s group by s.eid
      )
      select from_step, to_step, count(*)::int as count from pairs
      where from_step is not null or to_step is not null
      group by from_step, to_step`,
  )
}

export interface LadderEnterpriseRow {
  id: string
  name: string
  credit_code: string | null
  region_name: string | null
  founded_on: string | null
  step: LadderStep | null
  compare_step: LadderStep | null
  total: number
}

/** One page of the enterprises whose step in `year` is `step` (and in `compare` is its step), by name. */
export function listLadderEnterprises(
  db: Executor,
  scope: RegisterScope,
  regionPath: string,
  cell: { at: DatePoint; step: LadderStep | null; compare?: { at: DatePoint; step: LadderStep | null } },
  page: { limit: number; offset: number },
): Promise<LadderEnterpriseRow[]> {
  const dates = cell.compare ? [cell.at, cell.compare.at] : [cell.at]
  const stepIs = (column: SQL, step: LadderStep | null) =>
    step === null ? sql`${column} is null` : sql`${column} = ${step}`
  return queryAggregate<LadderEnterpriseRow>(
    db,
    sql`with ${stepsCtes(scope, { regionPath }, dates)},
      pairs as (
        select s.eid, max(s.step) filter (where s.y = ${cell.at.year}) as step,
          ${cell.compare ? sql`max(s.step) filter (where s.y = ${cell.compare.at.year})` : sql`null::text`} as compare_step
        from steps s group by s.eid
      ),
      matched as (
        select p.* from pairs p
        where ${stepIs(sql`p.step`, cell.step)}
          ${cell.compare ? sql`and ${stepIs(sql`p.compare_step`, cell.compare.step)}` : sql``}
      )
      select e.id, e.name, e.credit_code, o.name as region_name, e.founded_on::text as founded_on,
        m.step, m.compare_step, count(*) over ()::int as total
      from matched m join enterprises e on e.id = m.eid left join org_units o on o.id = e.region_org_unit_id
      order by e.name, e.id
      limit ${page.limit} offset ${page.offset}`,
  )
}

/** Direct children of a region (not deleted), for the breakdown by region. */
export function listChildRegions(db: Executor, regionId: string): Promise<{ id: string; name: string }[]> {
  return queryRows(
    db,
    sql`select id, name from org_units where parent_id = ${regionId} and deleted_at is null
      order by sort_order, name`,
  )
}
