import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { EnterpriseFilter, EnterpriseSort, RecordCounts } from '@kechuang/core/registers'
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
 * Conditions on a canonical row `e`. A root scope sees the whole register (the org-unit tree has one root, and an
 * enterprise without a region belongs to no narrower scope). Name search reads every member row (aliases and 曾用名
 * as their JSON text) once and keeps the clusters with a hit: a scan of the register, see the module README.
 */
function filterConditions(scope: EnterpriseScope, filter: ResolvedFilter, today: string): SQL[] {
  const conditions: SQL[] = [IS_CANONICAL]
  if (!scope.isRootScope) conditions.push(inSubtree(scope.scopePath))
  if (filter.q) {
    const code = filter.q.toUpperCase()
    const pattern = containsPattern(filter.q)
    const hits = WHOLE_CREDIT_CODE.test(code)
      ? sql`select m.canonical_id from enterprises m where m.credit_code = ${code}`
      : sql`select m.canonical_id from enterprises m
          where m.name ilike ${pattern} or m.aliases::text ilike ${pattern} or m.former_names::text ilike ${pattern}`
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

// Latest 研发费用 of any member row; ties in a year (two rows of one enterprise) take the larger figure.
const latestRdExpense = sql`lateral (
  select y.rd_expense, y.year from enterprises m join enterprise_years y on y.enterprise_id = m.id
  where m.canonical_id = e.id and y.rd_expense is not null
  order by y.year desc, y.rd_expense desc limit 1) rd on true`
const ipCountOf = (alias: string) =>
  sql.raw(`(select count(*) from enterprises m join intellectual_property ip on ip.enterprise_id = m.id
    where m.canonical_id = ${alias}.id)::int`)

// Sort keys as SQL column references: inside the page query (`e`, `rd`) and over its result (`p`, `rd`).
const SORT_COLUMNS = {
  inner: {
    name: 'e.name',
    foundedOn: 'e.founded_on',
    rdExpense: 'rd.rd_expense',
    ipCount: 'ip_count',
    id: 'e.id',
  },
  outer: {
    name: 'p.name',
    foundedOn: 'p.founded_on',
    rdExpense: 'rd.rd_expense',
    ipCount: 'ip_count',
    id: 'p.id',
  },
} as const

function orderBy(
  sort: EnterpriseSort,
  order: 'asc' | 'desc',
  columns: (typeof SORT_COLUMNS)['inner' | 'outer'],
): SQL {
  const direction = order === 'asc' ? 'asc' : 'desc'
  // Missing values go last whatever the direction; the id makes the order total so pages never overlap.
  const nulls = sort === 'foundedOn' || sort === 'rdExpense' ? ' nulls last' : ''
  return sql.raw(`${columns[sort]} ${direction}${nulls}, ${columns.id} ${direction}`)
}

/**
 * One page of canonical rows with what a list row shows. The filter and sort run on the canonical rows with
 * partial indexes (`canonical_id = id`); the per-row figures are computed for the page only, except the sort keys
 * 研发费用 and IP count, which have to be computed for every filtered row.
 */
export async function listEnterprises(
  db: Executor,
  scope: EnterpriseScope,
  filter: ResolvedFilter,
  sort: { sort: EnterpriseSort; order: 'asc' | 'desc' },
  page: { limit: number; offset: number },
  today: string,
): Promise<{ rows: ListRow[]; total: number }> {
  const where = sql.join(filterConditions(scope, filter, today), sql` and `)
  const needsRd = sort.sort === 'rdExpense'
  const needsIp = sort.sort === 'ipCount'
  const rows = await queryRows<ListRow>(
    db,
    sql`
      with page as (
        select e.id, e.name, e.credit_code, e.industry_code, e.industry_text, e.leading_industry,
          e.founded_on::text as founded_on, e.is_synthetic, e.region_org_unit_id
          ${needsRd ? sql`, rd.rd_expense` : sql``}
          ${needsIp ? sql`, ${ipCountOf('e')} as ip_count` : sql``}
        from enterprises e
        ${needsRd ? sql`left join ${latestRdExpense}` : sql``}
        where ${where}
        order by ${orderBy(sort.sort, sort.order, SORT_COLUMNS.inner)}
        limit ${page.limit} offset ${page.offset}
      )
      select p.id, p.name, p.credit_code, p.industry_code, p.industry_text, p.leading_industry, p.founded_on,
        p.is_synthetic, o.name as region_name, rd.rd_expense, rd.year as rd_year,
        ${ipCountOf('p')} as ip_count,
        (select count(distinct pp.platform_id) from enterprises m
          join platform_participants pp on pp.enterprise_id = m.id where m.canonical_id = p.id)::int as platform_count,
        (select count(*) from enterprises m where m.canonical_id = p.id)::int as member_count,
        (select coalesce(array_agg(distinct q.type), '{}') from enterprises m
          join qualifications q on q.enterprise_id = m.id
          where m.canonical_id = p.id and ${heldBetween(today, today)}) as current_qualifications
      from page p
      left join org_units o on o.id = p.region_org_unit_id
      left join lateral (
        select y.rd_expense, y.year from enterprises m join enterprise_years y on y.enterprise_id = m.id
        where m.canonical_id = p.id and y.rd_expense is not null
        order by y.year desc, y.rd_expense desc limit 1) rd on true
      order by ${orderBy(sort.sort, sort.order, SORT_COLUMNS.outer)}`,
  )
  const counted = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from enterprises e where ${where}`,
  )
  return { rows, total: counted[0]?.total ?? 0 }
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
