import { and, desc, eq, gte, inArray, isNull, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { MaturityLevel, NeedStatus } from '@kechuang/core/marketplace'
import { containsPattern, tables, type Executor } from '@kechuang/db'

const { techResults, techNeeds, experts, orgUnits, enterprises, institutions } = tables

/** A stored row with its region's name and path (for display and the manager's data scope). */
type WithRegion<T> = T & { regionName: string | null; regionPath: string | null }
export type TechResultRow = WithRegion<typeof techResults.$inferSelect>
export type TechNeedRow = WithRegion<typeof techNeeds.$inferSelect>
export type ExpertRow = WithRegion<typeof experts.$inferSelect>

export interface MarketplaceFilter {
  q?: string | undefined
  industry?: string | undefined
  /** Records of this org unit or any unit below it. */
  orgUnitId?: string | undefined
}

export interface Paging {
  limit: number
  offset: number
}

const region = { regionName: orgUnits.name, regionPath: orgUnits.path }

/** Conditions every list shares: live rows, industry, region subtree, and q over the given text columns. */
function commonConditions(
  table: typeof techResults | typeof techNeeds | typeof experts,
  filter: MarketplaceFilter,
  searched: (SQL | AnyColumn)[],
): SQL[] {
  const conditions: SQL[] = [isNull(table.deletedAt)]
  if (filter.industry) conditions.push(eq(table.industry, filter.industry))
  if (filter.orgUnitId) {
    conditions.push(sql`${table.regionOrgUnitId} in (
      select u.id from org_units u
      where u.path like (select p.path from org_units p where p.id = ${filter.orgUnitId}) || '%')`)
  }
  if (filter.q) {
    const pattern = containsPattern(filter.q)
    conditions.push(or(...searched.map((column) => sql`${column} ilike ${pattern}`))!)
  }
  return conditions
}

async function countWhere(
  db: Executor,
  table: typeof techResults | typeof techNeeds | typeof experts,
  where: SQL | undefined,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where)
  return row?.n ?? 0
}

// ---------------------------------------------------------------------------------------------------------
// 科技成果

export async function listTechResults(
  db: Executor,
  filter: MarketplaceFilter & { maturity?: MaturityLevel | undefined },
  paging: Paging,
): Promise<{ rows: TechResultRow[]; total: number }> {
  const conditions = commonConditions(techResults, filter, [
    techResults.title,
    techResults.abstract,
    sql`${techResults.keywords}::text`,
    techResults.ownerName,
  ])
  if (filter.maturity) conditions.push(eq(techResults.maturity, filter.maturity))
  const where = and(...conditions)
  const rows = await db
    .select({ row: techResults, ...region })
    .from(techResults)
    .leftJoin(orgUnits, eq(orgUnits.id, techResults.regionOrgUnitId))
    .where(where)
    .orderBy(desc(techResults.createdAt), desc(techResults.id))
    .limit(paging.limit)
    .offset(paging.offset)
  return {
    rows: rows.map(({ row, ...r }) => ({ ...row, ...r })),
    total: await countWhere(db, techResults, where),
  }
}

export async function findTechResults(db: Executor, ids: readonly string[]): Promise<TechResultRow[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({ row: techResults, ...region })
    .from(techResults)
    .leftJoin(orgUnits, eq(orgUnits.id, techResults.regionOrgUnitId))
    .where(and(inArray(techResults.id, [...ids]), isNull(techResults.deletedAt)))
  return rows.map(({ row, ...r }) => ({ ...row, ...r }))
}

export async function insertTechResult(
  db: Executor,
  values: typeof techResults.$inferInsert,
): Promise<string> {
  const [saved] = await db.insert(techResults).values(values).returning({ id: techResults.id })
  if (!saved) throw new Error('tech result insert returned no row')
  return saved.id
}

export async function updateTechResult(
  db: Executor,
  id: string,
  values: Partial<typeof techResults.$inferInsert>,
): Promise<void> {
  await db
    .update(techResults)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(techResults.id, id))
}

/** Live results as the matching index reads them. */
export async function listLiveTechResults(db: Executor) {
  return db
    .select({
      id: techResults.id,
      title: techResults.title,
      keywords: techResults.keywords,
      abstract: techResults.abstract,
      industry: techResults.industry,
      maturity: techResults.maturity,
      regionOrgUnitId: techResults.regionOrgUnitId,
    })
    .from(techResults)
    .where(isNull(techResults.deletedAt))
}

// ---------------------------------------------------------------------------------------------------------
// 技术需求

export async function listTechNeeds(
  db: Executor,
  filter: MarketplaceFilter & { status?: NeedStatus | undefined },
  paging: Paging,
): Promise<{ rows: TechNeedRow[]; total: number }> {
  const conditions = commonConditions(techNeeds, filter, [
    techNeeds.title,
    techNeeds.description,
    sql`${techNeeds.keywords}::text`,
    techNeeds.enterpriseName,
  ])
  if (filter.status) conditions.push(eq(techNeeds.status, filter.status))
  const where = and(...conditions)
  const rows = await db
    .select({ row: techNeeds, ...region })
    .from(techNeeds)
    .leftJoin(orgUnits, eq(orgUnits.id, techNeeds.regionOrgUnitId))
    .where(where)
    .orderBy(desc(techNeeds.createdAt), desc(techNeeds.id))
    .limit(paging.limit)
    .offset(paging.offset)
  return {
    rows: rows.map(({ row, ...r }) => ({ ...row, ...r })),
    total: await countWhere(db, techNeeds, where),
  }
}

/** The needs of the 需求目录: created in [from, to), live, by status, region subtree and synthetic flag. */
export async function listTechNeedsCreatedBetween(
  db: Executor,
  filter: {
    from: Date
    to: Date
    status?: NeedStatus | undefined
    orgUnitId?: string | undefined
    includeSynthetic: boolean
  },
  limit: number,
): Promise<TechNeedRow[]> {
  const conditions = commonConditions(techNeeds, { orgUnitId: filter.orgUnitId }, [])
  conditions.push(gte(techNeeds.createdAt, filter.from), lt(techNeeds.createdAt, filter.to))
  if (filter.status) conditions.push(eq(techNeeds.status, filter.status))
  if (!filter.includeSynthetic) conditions.push(eq(techNeeds.isSynthetic, false))
  const rows = await db
    .select({ row: techNeeds, ...region })
    .from(techNeeds)
    .leftJoin(orgUnits, eq(orgUnits.id, techNeeds.regionOrgUnitId))
    .where(and(...conditions))
    .orderBy(techNeeds.createdAt, techNeeds.id)
    .limit(limit)
  return rows.map(({ row, ...r }) => ({ ...row, ...r }))
}

export async function findTechNeeds(db: Executor, ids: readonly string[]): Promise<TechNeedRow[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({ row: techNeeds, ...region })
    .from(techNeeds)
    .leftJoin(orgUnits, eq(orgUnits.id, techNeeds.regionOrgUnitId))
    .where(and(inArray(techNeeds.id, [...ids]), isNull(techNeeds.deletedAt)))
  return rows.map(({ row, ...r }) => ({ ...row, ...r }))
}

export async function insertTechNeed(db: Executor, values: typeof techNeeds.$inferInsert): Promise<string> {
  const [saved] = await db.insert(techNeeds).values(values).returning({ id: techNeeds.id })
  if (!saved) throw new Error('tech need insert returned no row')
  return saved.id
}

export async function updateTechNeed(
  db: Executor,
  id: string,
  values: Partial<typeof techNeeds.$inferInsert>,
): Promise<void> {
  await db
    .update(techNeeds)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(techNeeds.id, id))
}

export async function listLiveTechNeeds(db: Executor) {
  return db
    .select({
      id: techNeeds.id,
      title: techNeeds.title,
      keywords: techNeeds.keywords,
      description: techNeeds.description,
      industry: techNeeds.industry,
      status: techNeeds.status,
      regionOrgUnitId: techNeeds.regionOrgUnitId,
    })
    .from(techNeeds)
    .where(isNull(techNeeds.deletedAt))
}

// ---------------------------------------------------------------------------------------------------------
// 专家库

export async function listExperts(
  db: Executor,
  filter: MarketplaceFilter,
  paging: Paging,
): Promise<{ rows: ExpertRow[]; total: number }> {
  const where = and(
    ...commonConditions(experts, filter, [
      experts.name,
      experts.organization,
      sql`${experts.fields}::text`,
      experts.bio,
    ]),
  )
  const rows = await db
    .select({ row: experts, ...region })
    .from(experts)
    .leftJoin(orgUnits, eq(orgUnits.id, experts.regionOrgUnitId))
    .where(where)
    .orderBy(desc(experts.createdAt), desc(experts.id))
    .limit(paging.limit)
    .offset(paging.offset)
  return {
    rows: rows.map(({ row, ...r }) => ({ ...row, ...r })),
    total: await countWhere(db, experts, where),
  }
}

export async function findExperts(db: Executor, ids: readonly string[]): Promise<ExpertRow[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({ row: experts, ...region })
    .from(experts)
    .leftJoin(orgUnits, eq(orgUnits.id, experts.regionOrgUnitId))
    .where(and(inArray(experts.id, [...ids]), isNull(experts.deletedAt)))
  return rows.map(({ row, ...r }) => ({ ...row, ...r }))
}

export async function insertExpert(db: Executor, values: typeof experts.$inferInsert): Promise<string> {
  const [saved] = await db.insert(experts).values(values).returning({ id: experts.id })
  if (!saved) throw new Error('expert insert returned no row')
  return saved.id
}

export async function updateExpert(
  db: Executor,
  id: string,
  values: Partial<typeof experts.$inferInsert>,
): Promise<void> {
  await db
    .update(experts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(experts.id, id))
}

export async function listLiveExperts(db: Executor) {
  return db
    .select({
      id: experts.id,
      name: experts.name,
      organization: experts.organization,
      title: experts.title,
      fields: experts.fields,
      bio: experts.bio,
      industry: experts.industry,
      regionOrgUnitId: experts.regionOrgUnitId,
    })
    .from(experts)
    .where(isNull(experts.deletedAt))
}

// ---------------------------------------------------------------------------------------------------------
// Links to the registers

export async function enterpriseExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, id))
  return rows.length > 0
}

export async function institutionExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, id))
  return rows.length > 0
}

export async function orgUnitName(db: Executor, id: string): Promise<string | null> {
  const [row] = await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, id))
  return row?.name ?? null
}
