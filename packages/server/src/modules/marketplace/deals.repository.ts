import { and, asc, count, desc, eq, gte, isNull, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type {
  ContractType,
  EngagementStatus,
  TechContractQuery,
  TechEventQuery,
} from '@kechuang/core/marketplace'
import { containsPattern, queryRows, tables, type Executor } from '@kechuang/db'
import type { Paging } from './marketplace.repository'

const {
  techEngagements,
  techEngagementSteps,
  techEvents,
  techContracts,
  techNeeds,
  techResults,
  experts,
  orgUnits,
  users,
} = tables

const region = { regionName: orgUnits.name, regionPath: orgUnits.path }

/** Rows of the region subtree of `orgUnitId` (the list filter). */
const inSubtreeOf = (column: AnyColumn, orgUnitId: string) =>
  sql`${column} in (
    select u.id from org_units u
    where u.path like (select p.path from org_units p where p.id = ${orgUnitId}) || '%')`

/** The reader's data scope: rows of a region in the subtree, and (where allowed) rows without a region. */
const visibleTo = (scopePath: string, { allowNoRegion }: { allowNoRegion: boolean }) =>
  allowNoRegion
    ? or(isNull(orgUnits.id), sql`${orgUnits.path} like ${scopePath} || '%'`)!
    : sql`${orgUnits.path} like ${scopePath} || '%'`

const yearRange = (column: typeof techEvents.heldOn | typeof techContracts.signedOn, year: number) => [
  gte(column, `${year}-01-01`),
  lt(column, `${year + 1}-01-01`),
]

// ---------------------------------------------------------------------------------------------------------
// 对接 records

export interface EngagementFilter {
  q?: string | undefined
  status?: EngagementStatus | undefined
  needId?: string | undefined
  resultId?: string | undefined
  expertId?: string | undefined
  orgUnitId?: string | undefined
  /** Only 对接 whose steps name this event. */
  eventId?: string | undefined
  /** The reader's scope path; omitted for the service's own lookups. */
  scopePath?: string | undefined
}

const engagementColumns = {
  id: techEngagements.id,
  needId: techEngagements.needId,
  needTitle: techNeeds.title,
  needStatus: techNeeds.status,
  enterpriseName: techNeeds.enterpriseName,
  resultId: techEngagements.resultId,
  expertId: techEngagements.expertId,
  counterpartTitle: sql<string>`coalesce(${techResults.title}, ${experts.name})`,
  counterpartOwner: sql<string>`coalesce(${techResults.ownerName}, ${experts.organization}, '')`,
  status: techEngagements.status,
  closeReason: techEngagements.closeReason,
  reason: techEngagements.reason,
  score: techEngagements.score,
  note: techEngagements.note,
  regionOrgUnitId: techEngagements.regionOrgUnitId,
  ...region,
  contractId: techContracts.id,
  contractAmountWanYuan: techContracts.amountWanYuan,
  createdByUserId: techEngagements.createdByUserId,
  createdAt: techEngagements.createdAt,
  updatedAt: techEngagements.updatedAt,
}

function selectEngagements(db: Executor) {
  return db
    .select(engagementColumns)
    .from(techEngagements)
    .innerJoin(techNeeds, eq(techNeeds.id, techEngagements.needId))
    .leftJoin(techResults, eq(techResults.id, techEngagements.resultId))
    .leftJoin(experts, eq(experts.id, techEngagements.expertId))
    .leftJoin(orgUnits, eq(orgUnits.id, techEngagements.regionOrgUnitId))
    .leftJoin(
      techContracts,
      and(eq(techContracts.engagementId, techEngagements.id), isNull(techContracts.deletedAt)),
    )
}

export type EngagementRow = NonNullable<Awaited<ReturnType<typeof findEngagement>>>

function engagementConditions(filter: EngagementFilter): SQL | undefined {
  const conditions: SQL[] = [isNull(techEngagements.deletedAt)]
  if (filter.scopePath !== undefined) conditions.push(visibleTo(filter.scopePath, { allowNoRegion: true }))
  if (filter.status) conditions.push(eq(techEngagements.status, filter.status))
  if (filter.needId) conditions.push(eq(techEngagements.needId, filter.needId))
  if (filter.resultId) conditions.push(eq(techEngagements.resultId, filter.resultId))
  if (filter.expertId) conditions.push(eq(techEngagements.expertId, filter.expertId))
  if (filter.orgUnitId) conditions.push(inSubtreeOf(techEngagements.regionOrgUnitId, filter.orgUnitId))
  if (filter.eventId) {
    conditions.push(sql`${techEngagements.id} in (
      select s.engagement_id from tech_engagement_steps s where s.event_id = ${filter.eventId})`)
  }
  if (filter.q) {
    const pattern = containsPattern(filter.q)
    conditions.push(
      or(
        sql`${techNeeds.title} ilike ${pattern}`,
        sql`${techNeeds.enterpriseName} ilike ${pattern}`,
        sql`${techResults.title} ilike ${pattern}`,
        sql`${experts.name} ilike ${pattern}`,
      )!,
    )
  }
  return and(...conditions)
}

/** 对接 most recently moved first. */
export async function listEngagements(
  db: Executor,
  filter: EngagementFilter,
  paging: Paging,
): Promise<{ rows: EngagementRow[]; total: number }> {
  const where = engagementConditions(filter)
  const rows = await selectEngagements(db)
    .where(where)
    .orderBy(desc(techEngagements.updatedAt), desc(techEngagements.id))
    .limit(paging.limit)
    .offset(paging.offset)
  const [counted] = await db
    .select({ n: count() })
    .from(techEngagements)
    .innerJoin(techNeeds, eq(techNeeds.id, techEngagements.needId))
    .leftJoin(techResults, eq(techResults.id, techEngagements.resultId))
    .leftJoin(experts, eq(experts.id, techEngagements.expertId))
    .leftJoin(orgUnits, eq(orgUnits.id, techEngagements.regionOrgUnitId))
    .where(where)
  return { rows, total: counted?.n ?? 0 }
}

/** A live 对接 by id (no scope: the service decides what the actor may see or change). */
export async function findEngagement(db: Executor, id: string) {
  const [row] = await selectEngagements(db).where(
    and(eq(techEngagements.id, id), isNull(techEngagements.deletedAt)),
  )
  return row
}

/** The live 对接 of a need and a result or an expert, if there is one. */
export async function findLiveEngagementOfPair(
  db: Executor,
  pair: { needId: string; resultId: string | null; expertId: string | null },
): Promise<string | null> {
  const [row] = await db
    .select({ id: techEngagements.id })
    .from(techEngagements)
    .where(
      and(
        eq(techEngagements.needId, pair.needId),
        sql`coalesce(${techEngagements.resultId}, ${techEngagements.expertId}) = ${pair.resultId ?? pair.expertId}`,
        isNull(techEngagements.deletedAt),
      ),
    )
  return row?.id ?? null
}

export async function insertEngagement(
  db: Executor,
  values: typeof techEngagements.$inferInsert,
): Promise<string> {
  const [saved] = await db.insert(techEngagements).values(values).returning({ id: techEngagements.id })
  if (!saved) throw new Error('engagement insert returned no row')
  return saved.id
}

export async function updateEngagement(
  db: Executor,
  id: string,
  values: Partial<typeof techEngagements.$inferInsert>,
): Promise<void> {
  await db
    .update(techEngagements)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(techEngagements.id, id))
}

export async function insertEngagementStep(
  db: Executor,
  values: typeof techEngagementSteps.$inferInsert,
): Promise<void> {
  await db.insert(techEngagementSteps).values(values)
}

/** The steps of a 对接, oldest first, with the event's title and the name of who wrote each. */
export async function listEngagementSteps(db: Executor, engagementId: string) {
  return db
    .select({
      id: techEngagementSteps.id,
      fromStatus: techEngagementSteps.fromStatus,
      toStatus: techEngagementSteps.toStatus,
      closeReason: techEngagementSteps.closeReason,
      note: techEngagementSteps.note,
      eventId: techEngagementSteps.eventId,
      eventTitle: techEvents.title,
      contractId: techEngagementSteps.contractId,
      byName: users.displayName,
      at: techEngagementSteps.createdAt,
    })
    .from(techEngagementSteps)
    .leftJoin(techEvents, eq(techEvents.id, techEngagementSteps.eventId))
    .leftJoin(users, eq(users.id, techEngagementSteps.createdByUserId))
    .where(eq(techEngagementSteps.engagementId, engagementId))
    .orderBy(asc(techEngagementSteps.createdAt), asc(techEngagementSteps.id))
}

export async function countEngagementSteps(db: Executor, engagementId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(techEngagementSteps)
    .where(eq(techEngagementSteps.engagementId, engagementId))
  return row?.n ?? 0
}

// ---------------------------------------------------------------------------------------------------------
// 对接活动

const engagementCount = sql<number>`(
  select count(distinct s.engagement_id)::int from tech_engagement_steps s
  join tech_engagements e on e.id = s.engagement_id and e.deleted_at is null
  where s.event_id = ${techEvents.id})`

const eventColumns = {
  row: techEvents,
  ...region,
  engagementCount,
}

export type TechEventRow = typeof techEvents.$inferSelect & {
  regionName: string | null
  regionPath: string | null
  engagementCount: number
}

/** Events held most recently first, in the reader's scope (events without a region are everyone's). */
export async function listEvents(
  db: Executor,
  filter: Omit<TechEventQuery, 'page' | 'pageSize'> & { scopePath: string },
  paging: Paging,
): Promise<{ rows: TechEventRow[]; total: number }> {
  const conditions: SQL[] = [
    isNull(techEvents.deletedAt),
    visibleTo(filter.scopePath, { allowNoRegion: true }),
  ]
  if (filter.kind) conditions.push(eq(techEvents.kind, filter.kind))
  if (filter.year !== undefined) conditions.push(...yearRange(techEvents.heldOn, filter.year))
  if (filter.orgUnitId) conditions.push(inSubtreeOf(techEvents.regionOrgUnitId, filter.orgUnitId))
  if (filter.q) {
    const pattern = containsPattern(filter.q)
    conditions.push(
      or(
        sql`${techEvents.title} ilike ${pattern}`,
        sql`${techEvents.location} ilike ${pattern}`,
        sql`${techEvents.organizer} ilike ${pattern}`,
      )!,
    )
  }
  const where = and(...conditions)
  const rows = await db
    .select(eventColumns)
    .from(techEvents)
    .leftJoin(orgUnits, eq(orgUnits.id, techEvents.regionOrgUnitId))
    .where(where)
    .orderBy(desc(techEvents.heldOn), desc(techEvents.createdAt), desc(techEvents.id))
    .limit(paging.limit)
    .offset(paging.offset)
  const [counted] = await db
    .select({ n: count() })
    .from(techEvents)
    .leftJoin(orgUnits, eq(orgUnits.id, techEvents.regionOrgUnitId))
    .where(where)
  return { rows: rows.map(({ row, ...r }) => ({ ...row, ...r })), total: counted?.n ?? 0 }
}

export async function findEvent(db: Executor, id: string): Promise<TechEventRow | undefined> {
  const [found] = await db
    .select(eventColumns)
    .from(techEvents)
    .leftJoin(orgUnits, eq(orgUnits.id, techEvents.regionOrgUnitId))
    .where(and(eq(techEvents.id, id), isNull(techEvents.deletedAt)))
  return found
    ? {
        ...found.row,
        regionName: found.regionName,
        regionPath: found.regionPath,
        engagementCount: found.engagementCount,
      }
    : undefined
}

export async function insertEvent(db: Executor, values: typeof techEvents.$inferInsert): Promise<string> {
  const [saved] = await db.insert(techEvents).values(values).returning({ id: techEvents.id })
  if (!saved) throw new Error('event insert returned no row')
  return saved.id
}

export async function updateEvent(
  db: Executor,
  id: string,
  values: Partial<typeof techEvents.$inferInsert>,
): Promise<void> {
  await db
    .update(techEvents)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(techEvents.id, id))
}

/** Whether any 对接 step names the event. */
export async function isEventNamedByStep(db: Executor, eventId: string): Promise<boolean> {
  const rows = await db
    .select({ id: techEngagementSteps.id })
    .from(techEngagementSteps)
    .where(eq(techEngagementSteps.eventId, eventId))
    .limit(1)
  return rows.length > 0
}

// ---------------------------------------------------------------------------------------------------------
// 技术合同

export type TechContractRow = typeof techContracts.$inferSelect & {
  regionName: string | null
  regionPath: string | null
}

function contractConditions(
  filter: Omit<TechContractQuery, 'page' | 'pageSize'> & { scopePath: string },
): SQL | undefined {
  const conditions: SQL[] = [
    isNull(techContracts.deletedAt),
    visibleTo(filter.scopePath, { allowNoRegion: false }),
  ]
  if (filter.type) conditions.push(eq(techContracts.type, filter.type))
  if (filter.year !== undefined) conditions.push(...yearRange(techContracts.signedOn, filter.year))
  if (filter.orgUnitId) conditions.push(inSubtreeOf(techContracts.regionOrgUnitId, filter.orgUnitId))
  if (filter.q) {
    const pattern = containsPattern(filter.q)
    conditions.push(
      or(
        sql`${techContracts.title} ilike ${pattern}`,
        sql`${techContracts.registrationNumber} ilike ${pattern}`,
        sql`${techContracts.sellerName} ilike ${pattern}`,
        sql`${techContracts.buyerName} ilike ${pattern}`,
      )!,
    )
  }
  return and(...conditions)
}

/** Contracts signed most recently first, registered in the reader's scope. */
export async function listContracts(
  db: Executor,
  filter: Omit<TechContractQuery, 'page' | 'pageSize'> & { scopePath: string },
  paging: Paging,
): Promise<{ rows: TechContractRow[]; total: number }> {
  const where = contractConditions(filter)
  const rows = await db
    .select({ row: techContracts, ...region })
    .from(techContracts)
    .leftJoin(orgUnits, eq(orgUnits.id, techContracts.regionOrgUnitId))
    .where(where)
    .orderBy(desc(techContracts.signedOn), desc(techContracts.createdAt), desc(techContracts.id))
    .limit(paging.limit)
    .offset(paging.offset)
  const [counted] = await db
    .select({ n: count() })
    .from(techContracts)
    .leftJoin(orgUnits, eq(orgUnits.id, techContracts.regionOrgUnitId))
    .where(where)
  return { rows: rows.map(({ row, ...r }) => ({ ...row, ...r })), total: counted?.n ?? 0 }
}

export async function findContract(db: Executor, id: string): Promise<TechContractRow | undefined> {
  const [found] = await db
    .select({ row: techContracts, ...region })
    .from(techContracts)
    .leftJoin(orgUnits, eq(orgUnits.id, techContracts.regionOrgUnitId))
    .where(and(eq(techContracts.id, id), isNull(techContracts.deletedAt)))
  return found ? { ...found.row, regionName: found.regionName, regionPath: found.regionPath } : undefined
}

/** The id of the live contract holding a registration number, if any. */
export async function findContractIdByNumber(
  db: Executor,
  registrationNumber: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: techContracts.id })
    .from(techContracts)
    .where(and(eq(techContracts.registrationNumber, registrationNumber), isNull(techContracts.deletedAt)))
  return row?.id ?? null
}

export async function insertContract(
  db: Executor,
  values: typeof techContracts.$inferInsert,
): Promise<string> {
  const [saved] = await db.insert(techContracts).values(values).returning({ id: techContracts.id })
  if (!saved) throw new Error('contract insert returned no row')
  return saved.id
}

export async function updateContract(
  db: Executor,
  id: string,
  values: Partial<typeof techContracts.$inferInsert>,
): Promise<void> {
  await db
    .update(techContracts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(techContracts.id, id))
}

/**
 * One row per grouping of the live contracts signed in [fromYear, toYear] under a region: `bucket` is the region
 * itself (registered at it directly) or the child whose subtree holds the contract's region. `grouping` is
 * PostgreSQL's bitmask over (bucket, type, year): a set bit means that column was summed over. Amounts are summed
 * on the numeric column and rounded to 4 decimals in SQL, so 0.1 + 0.2 is 0.3.
 */
export async function sumContracts(
  db: Executor,
  filter: { orgUnitId: string; fromYear: number; toYear: number },
) {
  return queryRows<{
    bucket: string | null
    type: ContractType | null
    year: number | null
    grouping: number
    count: number
    amount: number
  }>(
    db,
    sql`
      select bucket, type, year, grouping(bucket, type, year)::int as grouping,
        count(*)::int as count, round(sum(amount), 4)::float8 as amount
      from (
        select coalesce(child.id, top.id) as bucket, c.type, extract(year from c.signed_on)::int as year,
          c.amount
        from tech_contracts c
        join org_units u on u.id = c.region_org_unit_id
        join org_units top on top.id = ${filter.orgUnitId}
        left join org_units child on child.parent_id = top.id and u.path like child.path || '%'
        where c.deleted_at is null and u.path like top.path || '%'
          and c.signed_on >= ${`${filter.fromYear}-01-01`}::date
          and c.signed_on < ${`${filter.toYear + 1}-01-01`}::date
      ) s
      group by grouping sets ((bucket, year), (bucket), (type, year), (type), (year), ())`,
  )
}

/** The child units of a unit, in the tree's order. */
export async function listChildUnits(db: Executor, parentId: string) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.parentId, parentId))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name))
}
