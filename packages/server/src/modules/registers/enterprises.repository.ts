import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import {
  ENTERPRISE_SEARCH_COUNT_CAP,
  type EnterpriseFilter,
  type EnterpriseSort,
  type RecordCounts,
} from '@kechuang/core/registers'
import { containsPattern, queryRows, tables, type Executor } from '@kechuang/db'

const {
  enterprises,
  enterpriseYears,
  qualifications,
  platforms,
  platformParticipants,
  intellectualProperty,
  projects,
  talents,
  enterpriseJudgements,
  orgUnits,
} = tables

export type EnterpriseRow = typeof enterprises.$inferSelect
export type JudgementRow = typeof enterpriseJudgements.$inferSelect

/**
 * The caller's data scope: an enterprise belongs to the region of its canonical row. One without a region is seen
 * only by users whose scope is the whole tree (`isRootScope`), since no narrower scope can claim it.
 */
export interface EnterpriseScope {
  scopePath: string
  isRootScope: boolean
}

/** The list filter after the service resolved the region to its path. */
export type ResolvedFilter = Omit<EnterpriseFilter, 'regionOrgUnitId' | 'sort' | 'order'> & {
  regionPath?: string
}

export interface ListRow {
  id: string
  name: string
  credit_code: string | null
  region_name: string | null
  industry_code: string | null
  industry_text: string | null
  leading_industry: string | null
  founded_on: string | null
  is_synthetic: boolean
  current_qualifications: string[]
  ip_count: number
  platform_count: number
  member_count: number
  rd_expense: number | null
  rd_year: number | null
}

// Validity of a qualification from its dates, or its 入库 year when undated (core qualificationPeriod).
const validFrom = sql`coalesce(q.valid_from, make_date(q.year, 1, 1))`
const validTo = sql`coalesce(q.valid_to, make_date(q.year, 12, 31))`
const heldBetween = (first: string, last: string) =>
  sql`q.status = 'held' and (${validFrom} is null or ${validFrom} <= ${last}::date)
      and (${validTo} is null or ${validTo} >= ${first}::date)`

// Canonical rows (one per enterprise). Written `(…) is true` so the planner reads the statistics of the expression
// index enterprises_canonical_flag_idx: a bare `canonical_id = id` is guessed at 0.5 % of the rows where nearly
// every row heads its cluster, and the plans built on that guess (sorting all rows for a deep page, nested loops
// over the whole register) were 10–100× slower on 500 000 enterprises. The partial indexes use the same predicate.
const IS_CANONICAL = sql`(e.canonical_id = e.id) is true`
// A subtree's org units are few: their ids as an array computed once, looked up in the region index.
const anyOf = (column: SQL, ids: SQL) => sql`${column} = any(array(${ids}))`

// Enterprises registered in an org-unit subtree (the region index, not a scan of the register).
const inSubtree = (path: string) =>
  anyOf(sql`e.region_org_unit_id`, sql`select id from org_units where path like ${`${path}%`}`)

// 统一社会信用代码 typed whole: the unique index answers, with no name scan.
const WHOLE_CREDIT_CODE = /^[0-9A-Z]{18}$/

/**
 * The canonical ids of the clusters with a member row whose name, 简称 or 曾用名 contains `q` (any case). From two
 * characters on, the GIN index enterprises_search_bigrams_idx narrows the rows to those holding every character
 * bigram of `q` and ilike rechecks them; the expression is the one of the index (migration 0006), so the planner
 * matches it. One character has no bigram: that search reads the register.
 */
export function nameSearchHits(q: string): SQL {
  const pattern = containsPattern(q)
  const recheck = sql`(m.name ilike ${pattern} or m.aliases::text ilike ${pattern}
    or m.former_names::text ilike ${pattern})`
  if ([...q].length < 2) return sql`select m.canonical_id from enterprises m where ${recheck}`
  return sql`select m.canonical_id from enterprises m
    where enterprise_search_bigrams(m.name, m.aliases, m.former_names) @> text_bigrams(${q}::text) and ${recheck}`
}

/**
 * Conditions on a canonical row `e`. A root scope sees the whole register (the org-unit tree has one root, and an
 * enterprise without a region belongs to no narrower scope). Filters by member rows (name search, 资质) keep the
 * clusters with a hit.
 */
function filterConditions(scope: EnterpriseScope, filter: ResolvedFilter, today: string): SQL[] {
  const conditions: SQL[] = [IS_CANONICAL]
  if (!scope.isRootScope) conditions.push(inSubtree(scope.scopePath))
  if (filter.q) {
    const code = filter.q.toUpperCase()
    const hits = WHOLE_CREDIT_CODE.test(code)
      ? sql`select m.canonical_id from enterprises m where m.credit_code = ${code}`
      : nameSearchHits(filter.q)
    conditions.push(sql`e.id in (${hits})`)
  }
  if (filter.regionPath) conditions.push(inSubtree(filter.regionPath))
  if (filter.industryCode) conditions.push(sql`e.industry_code like ${`${filter.industryCode}%`}`)
  if (filter.leadingIndustry) conditions.push(sql`e.leading_industry = ${filter.leadingIndustry}`)
  if (filter.isSynthetic !== undefined) conditions.push(sql`e.is_synthetic = ${filter.isSynthetic}`)
  if (filter.qualificationType) {
    const [first, last] =
      filter.qualificationYear !== undefined
        ? [`${filter.qualificationYear}-01-01`, `${filter.qualificationYear}-12-31`]
        : [filter.qualificationOn ?? today, filter.qualificationOn ?? today]
    // Read from the partial index qualifications_held_type_idx (type, enterprise, validity; held only).
    conditions.push(sql`e.id in (
      select m.canonical_id from qualifications q join enterprises m on m.id = q.enterprise_id
      where q.type = ${filter.qualificationType} and ${heldBetween(first, last)})`)
  }
  return conditions
}

/** Whether row `e` lies in the caller's scope (the profile and merge lookups of one enterprise). */
function scopeCondition(scope: EnterpriseScope): SQL {
  return scope.isRootScope ? sql`true` : inSubtree(scope.scopePath)
}

const SORT_COLUMNS = { name: 'e.name', foundedOn: 'e.founded_on' } as const

/**
 * The ids of one page in order, by name or founding date: a walk of a partial index of the canonical rows
 * (enterprises_heads_*), the id making the order total so pages never overlap.
 */
async function pageIdsByColumn(
  db: Executor,
  where: SQL,
  sort: { sort: 'name' | 'foundedOn'; order: 'asc' | 'desc' },
  page: { limit: number; offset: number },
): Promise<string[]> {
  const direction = sort.order === 'asc' ? 'asc' : 'desc'
  // Missing founding dates go last whatever the direction.
  const nulls = sort.sort === 'foundedOn' ? ' nulls last' : ''
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select e.id from enterprises e where ${where}
      order by ${sql.raw(`${SORT_COLUMNS[sort.sort]} ${direction}${nulls}, e.id ${direction}`)}
      limit ${page.limit} offset ${page.offset}`,
  )
  return rows.map((r) => r.id)
}

/**
 * The ids of one page by 研发费用 of data year `year`: first the enterprises with a figure that year, by it, as a
 * walk of enterprise_years_year_rd_idx (an enterprise of several member rows takes the largest figure, its row
 * stands for it), then those without, by id. The order is total, so pages never overlap.
 */
async function pageIdsByRdExpense(
  db: Executor,
  where: SQL,
  year: number,
  order: 'asc' | 'desc',
  page: { limit: number; offset: number },
): Promise<string[]> {
  const direction = sql.raw(order === 'asc' ? 'asc' : 'desc')
  const withFigure = sql`from enterprise_years y
    join enterprises m on m.id = y.enterprise_id
    join enterprises e on e.id = m.canonical_id
    where y.year = ${year} and y.rd_expense is not null and ${where}
      and not exists (
        select 1 from enterprises m2 join enterprise_years y2 on y2.enterprise_id = m2.id
        where m2.canonical_id = m.canonical_id and m2.id <> m.id and y2.year = ${year}
          and (y2.rd_expense > y.rd_expense or (y2.rd_expense = y.rd_expense and m2.id > m.id)))`
  const ranked = await queryRows<{ id: string }>(
    db,
    sql`select e.id ${withFigure}
      order by y.rd_expense ${direction}, y.enterprise_id ${direction}
      limit ${page.limit} offset ${page.offset}`,
  )
  const ids = ranked.map((r) => r.id)
  if (ids.length === page.limit) return ids
  // The page reaches past the enterprises with a figure: how many there are places the rest.
  let withFigureCount = page.offset + ids.length
  if (ids.length === 0 && page.offset > 0) {
    const counted = await queryRows<{ n: number }>(db, sql`select count(*)::int as n ${withFigure}`)
    withFigureCount = counted[0]?.n ?? 0
  }
  const rest = await queryRows<{ id: string }>(
    db,
    sql`select e.id from enterprises e where ${where}
        and not exists (
          select 1 from enterprises m join enterprise_years y on y.enterprise_id = m.id
          where m.canonical_id = e.id and y.year = ${year} and y.rd_expense is not null)
      order by e.id ${direction}
      limit ${page.limit - ids.length} offset ${Math.max(0, page.offset - withFigureCount)}`,
  )
  return [...ids, ...rest.map((r) => r.id)]
}

/** The latest data year of the register (enterprise_years_year_rd_idx answers), null when it has none. */
export async function latestDataYear(db: Executor): Promise<number | null> {
  const rows = await queryRows<{ year: number | null }>(
    db,
    sql`select max(year)::int as year from enterprise_years`,
  )
  return rows[0]?.year ?? null
}

/**
 * One page of canonical rows with what a list row shows. The filter and sort pick the page's ids from indexes
 * (see pageIdsByColumn, pageIdsByRdExpense); the per-row figures are computed for the page only. 研发费用 sorts by
 * the figure of one data year, `rdExpenseYear` (the filter's, else the latest year of the register).
 */
export async function listEnterprises(
  db: Executor,
  scope: EnterpriseScope,
  filter: ResolvedFilter,
  sort: { sort: EnterpriseSort; order: 'asc' | 'desc' },
  page: { limit: number; offset: number },
  today: string,
  options: { exactTotal?: boolean } = {},
): Promise<{ rows: ListRow[]; total: number; totalIsCapped: boolean; rdExpenseYear: number | null }> {
  const where = sql.join(filterConditions(scope, filter, today), sql` and `)
  const rdExpenseYear = filter.rdExpenseYear ?? (await latestDataYear(db))
  // A name search stops counting after the cap (see ENTERPRISE_SEARCH_COUNT_CAP) unless the caller needs the exact
  // figure (the export's size check); other filters count exactly.
  const cap = filter.q && !options.exactTotal ? ENTERPRISE_SEARCH_COUNT_CAP : null
  const countFiltered = async () => {
    const counted = await queryRows<{ total: number }>(
      db,
      cap === null
        ? sql`select count(*)::int as total from enterprises e where ${where}`
        : sql`select count(*)::int as total from (select 1 from enterprises e where ${where} limit ${cap + 1}) hits`,
    )
    return counted[0]?.total ?? 0
  }
  // The count runs beside the page (on its own pooled connection on PostgreSQL): a filter's hits are read twice
  // but at the same time. (One statement with `count(*) over ()` led the planner into a nested loop over the whole
  // register for a common search word.)
  const readPage = async (): Promise<ListRow[]> => {
    const ids =
      sort.sort === 'rdExpense' && rdExpenseYear !== null
        ? await pageIdsByRdExpense(db, where, rdExpenseYear, sort.order, page)
        : await pageIdsByColumn(
            db,
            where,
            { sort: sort.sort === 'rdExpense' ? 'name' : sort.sort, order: sort.order },
            page,
          )
    return readListRows(db, ids, today)
  }
  const [rows, counted] = await Promise.all([readPage(), countFiltered()])
  const totalIsCapped = cap !== null && counted > cap
  return { rows, total: totalIsCapped ? cap : counted, totalIsCapped, rdExpenseYear }
}

/** What the list shows of the canonical rows `ids`, in that order; the figures computed for these rows only. */
async function readListRows(db: Executor, ids: readonly string[], today: string): Promise<ListRow[]> {
  if (ids.length === 0) return []
  return queryRows<ListRow>(
    db,
    sql`
      select p.id, p.name, p.credit_code, p.industry_code, p.industry_text, p.leading_industry,
        p.founded_on::text as founded_on, p.is_synthetic, o.name as region_name, rd.rd_expense, rd.year as rd_year,
        (select count(*) from enterprises m join intellectual_property ip on ip.enterprise_id = m.id
          where m.canonical_id = p.id)::int as ip_count,
        (select count(distinct pp.platform_id) from enterprises m
          join platform_participants pp on pp.enterprise_id = m.id where m.canonical_id = p.id)::int as platform_count,
        (select count(*) from enterprises m where m.canonical_id = p.id)::int as member_count,
        (select coalesce(array_agg(distinct q.type), '{}') from enterprises m
          join qualifications q on q.enterprise_id = m.id
          where m.canonical_id = p.id and ${heldBetween(today, today)}) as current_qualifications
      from unnest(${`{${ids.join(',')}}`}::uuid[]) with ordinality as k(id, ord)
      join enterprises p on p.id = k.id
      left join org_units o on o.id = p.region_org_unit_id
      left join lateral (
        select y.rd_expense, y.year from enterprises m join enterprise_years y on y.enterprise_id = m.id
        where m.canonical_id = p.id and y.rd_expense is not null
        order by y.year desc, y.rd_expense desc limit 1) rd on true
      order by k.ord`,
  )
}

export interface HeadRow {
  head: EnterpriseRow
  regionName: string | null
  regionPath: string | null
}

/** The canonical row of the enterprise that row `id` belongs to, if it lies in the caller's scope. */
export async function findEnterpriseInScope(
  db: Executor,
  id: string,
  scope: EnterpriseScope,
): Promise<HeadRow | undefined> {
  const rows = await queryRows<{ id: string; region_name: string | null; region_path: string | null }>(
    db,
    sql`select e.id, o.name as region_name, o.path as region_path
      from enterprises r
      join enterprises e on e.id = r.canonical_id
      left join org_units o on o.id = e.region_org_unit_id
      where r.id = ${id} and ${scopeCondition(scope)}`,
  )
  const found = rows[0]
  if (!found) return undefined
  const [head] = await db.select().from(enterprises).where(eq(enterprises.id, found.id))
  return { head: head!, regionName: found.region_name, regionPath: found.region_path }
}

/** The member rows of clusters, with their region names, ordered by id. `lock` holds them until the commit. */
export async function listMembers(
  db: Executor,
  canonicalIds: readonly string[],
  options: { lock?: boolean } = {},
): Promise<(EnterpriseRow & { regionName: string | null })[]> {
  const query = db
    .select({ row: enterprises, regionName: orgUnits.name })
    .from(enterprises)
    .leftJoin(orgUnits, eq(orgUnits.id, enterprises.regionOrgUnitId))
    .where(inArray(enterprises.canonicalId, [...canonicalIds]))
    .orderBy(asc(enterprises.id))
  const rows = options.lock ? await query.for('update', { of: enterprises }) : await query
  return rows.map(({ row, regionName }) => ({ ...row, regionName }))
}

/** Live judgements with both ends among `memberIds`, oldest first. */
export function listLiveJudgementsAmong(db: Executor, memberIds: readonly string[]): Promise<JudgementRow[]> {
  const ids = [...memberIds]
  return db
    .select()
    .from(enterpriseJudgements)
    .where(
      and(
        isNull(enterpriseJudgements.deletedAt),
        inArray(enterpriseJudgements.leftId, ids),
        inArray(enterpriseJudgements.rightId, ids),
      ),
    )
    .orderBy(asc(enterpriseJudgements.createdAt), asc(enterpriseJudgements.id))
}

/** Every POSITIVE judgement (live or withdrawn) that touches one of `memberIds`: the merges and splits. */
export function listPositiveJudgementsTouching(
  db: Executor,
  memberIds: readonly string[],
): Promise<JudgementRow[]> {
  const ids = [...memberIds]
  return db
    .select()
    .from(enterpriseJudgements)
    .where(
      and(
        eq(enterpriseJudgements.judgement, 'POSITIVE'),
        or(inArray(enterpriseJudgements.leftId, ids), inArray(enterpriseJudgements.rightId, ids)),
      ),
    )
    .orderBy(asc(enterpriseJudgements.createdAt))
}

export async function namesOf(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(inArray(enterprises.id, [...ids]))
  return new Map(rows.map((r) => [r.id, r.name]))
}

export async function insertJudgements(
  db: Executor,
  rows: (typeof enterpriseJudgements.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(enterpriseJudgements).values(rows)
}

export async function retireJudgements(db: Executor, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return
  await db
    .update(enterpriseJudgements)
    .set({ deletedAt: at })
    .where(and(inArray(enterpriseJudgements.id, [...ids]), isNull(enterpriseJudgements.deletedAt)))
}

/**
 * Rewrites the cluster cache. `updated_at` stays: the canonical id is derived from the judgements, not an edit
 * of the row, and leaving it keeps a split's result identical to the rows before the merge.
 */
export async function setCanonicalId(
  db: Executor,
  canonicalId: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return
  await db
    .update(enterprises)
    .set({ canonicalId })
    .where(inArray(enterprises.id, [...ids]))
}

/** How many records of each register hang on these rows (the merge preview). */
export async function countRecords(db: Executor, memberIds: readonly string[]): Promise<RecordCounts> {
  const ids = [...memberIds]
  const countOf = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0
  const [years, quals, platformCount, ip, projectCount, talentCount] = await Promise.all([
    countOf(
      db.select({ n: count() }).from(enterpriseYears).where(inArray(enterpriseYears.enterpriseId, ids)),
    ),
    countOf(db.select({ n: count() }).from(qualifications).where(inArray(qualifications.enterpriseId, ids))),
    countOf(
      db
        .select({ n: count() })
        .from(platformParticipants)
        .where(inArray(platformParticipants.enterpriseId, ids)),
    ),
    countOf(
      db
        .select({ n: count() })
        .from(intellectualProperty)
        .where(inArray(intellectualProperty.enterpriseId, ids)),
    ),
    countOf(db.select({ n: count() }).from(projects).where(inArray(projects.enterpriseId, ids))),
    countOf(db.select({ n: count() }).from(talents).where(inArray(talents.enterpriseId, ids))),
  ])
  return {
    memberRows: ids.length,
    years,
    qualifications: quals,
    platforms: platformCount,
    ip,
    projects: projectCount,
    talents: talentCount,
  }
}

export function listYears(db: Executor, memberIds: readonly string[]) {
  return db
    .select()
    .from(enterpriseYears)
    .where(inArray(enterpriseYears.enterpriseId, [...memberIds]))
    .orderBy(asc(enterpriseYears.year), asc(enterpriseYears.enterpriseId))
}

export function listQualifications(db: Executor, memberIds: readonly string[]) {
  return db
    .select()
    .from(qualifications)
    .where(inArray(qualifications.enterpriseId, [...memberIds]))
    .orderBy(asc(qualifications.type), asc(qualifications.validFrom), asc(qualifications.year))
}

export function listPlatforms(db: Executor, memberIds: readonly string[]) {
  return db
    .select({ participant: platformParticipants, platform: platforms })
    .from(platformParticipants)
    .innerJoin(platforms, eq(platforms.id, platformParticipants.platformId))
    .where(inArray(platformParticipants.enterpriseId, [...memberIds]))
    .orderBy(asc(platforms.approvedOn), asc(platforms.name))
}

export function countIpByType(db: Executor, memberIds: readonly string[]) {
  return db
    .select({
      type: intellectualProperty.type,
      legalStatus: intellectualProperty.legalStatus,
      count: count(),
    })
    .from(intellectualProperty)
    .where(inArray(intellectualProperty.enterpriseId, [...memberIds]))
    .groupBy(intellectualProperty.type, intellectualProperty.legalStatus)
    .orderBy(asc(intellectualProperty.type), asc(intellectualProperty.legalStatus))
}

/** IP newest first (grant, else application date); `type` narrows it; for the profile and the IP pages. */
export function listIp(
  db: Executor,
  memberIds: readonly string[],
  options: { limit: number; offset: number; type?: string | undefined; grantedOnly?: boolean },
) {
  const conditions = [inArray(intellectualProperty.enterpriseId, [...memberIds])]
  if (options.type) conditions.push(eq(intellectualProperty.type, options.type as never))
  if (options.grantedOnly) conditions.push(sql`${intellectualProperty.grantedOn} is not null`)
  return db
    .select()
    .from(intellectualProperty)
    .where(and(...conditions))
    .orderBy(
      sql`coalesce(${intellectualProperty.grantedOn}, ${intellectualProperty.appliedOn}) desc nulls last`,
      desc(intellectualProperty.id),
    )
    .limit(options.limit)
    .offset(options.offset)
}

export async function countIp(db: Executor, memberIds: readonly string[], type?: string): Promise<number> {
  const conditions = [inArray(intellectualProperty.enterpriseId, [...memberIds])]
  if (type) conditions.push(eq(intellectualProperty.type, type as never))
  const rows = await db
    .select({ n: count() })
    .from(intellectualProperty)
    .where(and(...conditions))
  return rows[0]?.n ?? 0
}

export function listProjects(db: Executor, memberIds: readonly string[]) {
  return db
    .select()
    .from(projects)
    .where(inArray(projects.enterpriseId, [...memberIds]))
    .orderBy(asc(projects.startedOn), asc(projects.name))
}

export function listTalents(db: Executor, memberIds: readonly string[]) {
  return db
    .select()
    .from(talents)
    .where(inArray(talents.enterpriseId, [...memberIds]))
    .orderBy(asc(talents.kind), asc(talents.name))
}
