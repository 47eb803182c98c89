import { sql, type SQL } from 'drizzle-orm'
import type { RegisterFacts, RegisterYearRow } from '@kechuang/core/qualification'
import type {
  IpLegalStatus,
  IpType,
  PlatformLevel,
  PlatformStatus,
  PlatformType,
  QualificationStatus,
  QualificationType,
} from '@kechuang/core/registers'
import { queryRows, type Executor } from '@kechuang/db'

/**
 * The register read for M3: the facts of whole enterprises (clusters of rows joined by `canonical_id`, the M2
 * rule) in one statement per kind of fact for a batch of enterprises, so a screening of 100 000 enterprises reads
 * the register in a few hundred statements. Only reads; the registers module owns these tables.
 */

/** The caller's data scope; an enterprise without a region is seen only from the root of the tree (the M2 rule). */
export interface RegisterScope {
  scopePath: string
  isRootScope: boolean
}

export function registerScopeOf(scopePath: string): RegisterScope {
  return { scopePath, isRootScope: scopePath.split('/').filter(Boolean).length === 1 }
}

// The canonical rows (one per enterprise), written as the registers module writes it so its index is used.
const IS_CANONICAL = sql`(e.canonical_id = e.id) is true`

/** Canonical row `e` registered in the subtree of `path` (the region index over the subtree's few units). */
export const inSubtree = (path: string): SQL =>
  sql`e.region_org_unit_id = any(array(select id from org_units where path like ${`${path}%`}))`

export function scopeCondition(scope: RegisterScope): SQL {
  return scope.isRootScope ? sql`true` : inSubtree(scope.scopePath)
}

export interface EnterpriseHead {
  id: string
  name: string
  region_org_unit_id: string | null
  region_name: string | null
  region_path: string | null
}

/** The enterprise (cluster) that row `id` belongs to, if it lies in the scope. */
export async function findEnterpriseInScope(
  db: Executor,
  id: string,
  scope: RegisterScope,
): Promise<EnterpriseHead | null> {
  const rows = await queryRows<EnterpriseHead>(
    db,
    sql`select e.id, e.name, e.region_org_unit_id, o.name as region_name, o.path as region_path
      from enterprises r
      join enterprises e on e.id = r.canonical_id
      left join org_units o on o.id = e.region_org_unit_id
      where r.id = ${id} and ${scopeCondition(scope)}`,
  )
  return rows[0] ?? null
}

/** `m.canonical_id` among the ids: one text parameter, whatever the batch size. */
const memberOf = (ids: readonly string[]) =>
  sql`m.canonical_id = any(string_to_array(${ids.join(',')}, ',')::uuid[])`

interface YearRow extends RegisterYearRow {
  cid: string
}

/**
 * The rows of `query` as one JSON array built by the database: a batch's thousands of rows arrive as one value
 * that JSON.parse reads natively, several times faster than the driver's field-by-field parsing of as many rows.
 */
async function queryAsJson<T>(db: Executor, query: SQL): Promise<T[]> {
  const [row] = await queryRows<{ rows: T[] }>(
    db,
    sql`select coalesce(json_agg(r), '[]'::json) as rows from (${query}) r`,
  )
  return row?.rows ?? []
}

/**
 * The facts of the enterprises `canonicalIds` (every member row's): founding date and industry (the canonical
 * row's, else a member's), yearly figures up to `lastYear`, IP, qualifications, hosted platforms.
 */
export async function readRegisterFacts(
  db: Executor,
  canonicalIds: readonly string[],
  lastYear: number,
): Promise<Map<string, RegisterFacts>> {
  const facts = new Map<string, RegisterFacts>()
  if (canonicalIds.length === 0) return facts
  for (const id of canonicalIds) {
    facts.set(id, {
      foundedOn: null,
      industryCode: null,
      years: [],
      ip: [],
      qualifications: [],
      platforms: [],
    })
  }
  const headsRead = queryAsJson<{ cid: string; founded_on: string | null; industry_code: string | null }>(
    db,
    sql`select m.canonical_id as cid, m.founded_on::text as founded_on, m.industry_code
      from enterprises m where ${memberOf(canonicalIds)}
        and (m.founded_on is not null or m.industry_code is not null)
      order by (m.id = m.canonical_id) desc, m.id`,
  )
  const yearsRead = queryAsJson<YearRow>(
    db,
    sql`select m.canonical_id as cid, y.year, y.updated_at::text as "updatedAt",
        y.employee_count as "employeeCount", y.tech_staff_count as "techStaffCount",
        y.rd_staff_count as "rdStaffCount", y.sales_revenue as "salesRevenueWanYuan",
        y.operating_revenue as "operatingRevenueWanYuan", y.total_income as "totalIncomeWanYuan",
        y.cost_expense_total as "costExpenseTotalWanYuan", y.rd_expense as "rdExpenseWanYuan",
        y.rd_expense_domestic as "rdExpenseDomesticWanYuan", y.total_assets as "totalAssetsWanYuan",
        y.net_assets as "netAssetsWanYuan", y.hi_tech_revenue as "hiTechRevenueWanYuan",
        y.profit as "profitWanYuan", y.tax as "taxWanYuan"
      from enterprise_years y join enterprises m on m.id = y.enterprise_id
      where ${memberOf(canonicalIds)} and y.year <= ${lastYear}`,
  )
  const ipRead = queryAsJson<{
    cid: string
    type: IpType
    legal_status: IpLegalStatus
    granted_on: string | null
    expires_on: string | null
    used: boolean
  }>(
    db,
    sql`select m.canonical_id as cid, p.type, p.legal_status, p.granted_on::text as granted_on,
        p.expires_on::text as expires_on, p.used_in_prior_hnte_application as used
      from intellectual_property p join enterprises m on m.id = p.enterprise_id
      where ${memberOf(canonicalIds)}`,
  )
  const qualificationsRead = queryAsJson<{
    cid: string
    type: QualificationType
    status: QualificationStatus
    year: number | null
    valid_from: string | null
    valid_to: string | null
  }>(
    db,
    sql`select m.canonical_id as cid, q.type, q.status, q.year, q.valid_from::text as valid_from,
        q.valid_to::text as valid_to
      from qualifications q join enterprises m on m.id = q.enterprise_id
      where ${memberOf(canonicalIds)}`,
  )
  const platformsRead = queryAsJson<{
    cid: string
    type: PlatformType
    level: PlatformLevel | null
    status: PlatformStatus
  }>(
    db,
    sql`select distinct m.canonical_id as cid, p.id, p.type, p.level, p.status
      from platform_participants pp
      join platforms p on p.id = pp.platform_id
      join enterprises m on m.id = pp.enterprise_id
      where pp.role = 'host' and ${memberOf(canonicalIds)}`,
  )
  // The five reads go out together: on PostgreSQL each takes its own pooled connection (PGlite queues them).
  const [heads, years, ip, qualifications, platforms] = await Promise.all([
    headsRead,
    yearsRead,
    ipRead,
    qualificationsRead,
    platformsRead,
  ])
  const of = (id: string) => facts.get(id)!
  for (const row of heads) {
    const enterprise = of(row.cid)
    enterprise.foundedOn ??= row.founded_on
    enterprise.industryCode ??= row.industry_code
  }
  for (const { cid, ...row } of years) of(cid).years.push(row)
  for (const row of ip) {
    of(row.cid).ip.push({
      type: row.type,
      legalStatus: row.legal_status,
      grantedOn: row.granted_on,
      expiresOn: row.expires_on,
      usedInPriorHnteApplication: row.used,
    })
  }
  for (const row of qualifications) {
    of(row.cid).qualifications.push({
      type: row.type,
      status: row.status,
      year: row.year,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    })
  }
  for (const row of platforms)
    of(row.cid).platforms.push({ type: row.type, level: row.level, status: row.status })
  return facts
}

export interface ScreenedHead {
  id: string
  region_org_unit_id: string | null
}

export interface ScreeningSelection {
  scope: RegisterScope
  industryPrefix?: string
  includeSynthetic: boolean
}

function selectionConditions(selection: ScreeningSelection): SQL {
  const conditions = [IS_CANONICAL, scopeCondition(selection.scope)]
  if (selection.industryPrefix) conditions.push(sql`e.industry_code like ${`${selection.industryPrefix}%`}`)
  if (!selection.includeSynthetic) conditions.push(sql`e.is_synthetic = false`)
  return sql.join(conditions, sql` and `)
}

export async function countSelected(db: Executor, selection: ScreeningSelection): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from enterprises e where ${selectionConditions(selection)}`,
  )
  return rows[0]?.n ?? 0
}

/** The next `limit` enterprises of the selection after id `after` (keyset by id). */
export function readSelectedBatch(
  db: Executor,
  selection: ScreeningSelection,
  after: string | null,
  limit: number,
): Promise<ScreenedHead[]> {
  return queryRows<ScreenedHead>(
    db,
    sql`select e.id, e.region_org_unit_id from enterprises e
      where ${selectionConditions(selection)} ${after === null ? sql`` : sql`and e.id > ${after}`}
      order by e.id limit ${limit}`,
  )
}
