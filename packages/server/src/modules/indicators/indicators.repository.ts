import { and, asc, desc, eq, isNull, like, or, sql, type SQL } from 'drizzle-orm'
import type { Observation, PeriodLock } from '@kechuang/core/indicators'
import { tables, type Executor } from '@kechuang/db'

const { plans, indicators, observations, periodLocks, orgUnits, tasks } = tables

export type PlanRow = typeof plans.$inferSelect
export type IndicatorRow = typeof indicators.$inferSelect
export type ObservationRow = typeof observations.$inferSelect
export type NewObservationRow = typeof observations.$inferInsert
export type PeriodLockRow = typeof periodLocks.$inferSelect

/** A plan with the name and path of its region, and how many indicators and tasks it has. */
export type PlanViewRow = PlanRow & {
  regionName: string
  regionPath: string
  indicatorCount: number
  taskCount: number
}

// Units inside a scope: their path starts with the scope's path.
export const unitInScope = (scopePath: string): SQL =>
  and(like(orgUnits.path, `${scopePath}%`), isNull(orgUnits.deletedAt))!
// Units on the way from the root down to `path`, the unit itself included: `path` starts with theirs.
export const unitAbove = (path: string): SQL => sql`${path} like ${orgUnits.path} || '%'`
// A plan is visible when its region lies inside the reader's scope (the bureau of the city or province
// above) or the reader's scope lies inside the region (a town or department that reports to the plan).
const planVisibleFrom = (scopePath: string): SQL => or(unitInScope(scopePath), unitAbove(scopePath))!

const planColumns = {
  plan: plans,
  regionName: orgUnits.name,
  regionPath: orgUnits.path,
  indicatorCount: sql<number>`(select count(*)::int from ${indicators} where ${indicators.planId} = ${plans.id})`,
  taskCount: sql<number>`(select count(*)::int from ${tasks} where ${tasks.planId} = ${plans.id})`,
}
const flattenPlan = (r: {
  plan: PlanRow
  regionName: string
  regionPath: string
  indicatorCount: number
  taskCount: number
}): PlanViewRow => ({
  ...r.plan,
  regionName: r.regionName,
  regionPath: r.regionPath,
  indicatorCount: r.indicatorCount,
  taskCount: r.taskCount,
})

export async function listVisiblePlans(db: Executor, scopePath: string): Promise<PlanViewRow[]> {
  const rows = await db
    .select(planColumns)
    .from(plans)
    .innerJoin(orgUnits, eq(orgUnits.id, plans.regionOrgUnitId))
    .where(planVisibleFrom(scopePath))
    .orderBy(asc(plans.startYear), asc(plans.id))
  return rows.map(flattenPlan)
}

export async function findVisiblePlan(
  db: Executor,
  planId: string,
  scopePath: string,
): Promise<PlanViewRow | undefined> {
  const rows = await db
    .select(planColumns)
    .from(plans)
    .innerJoin(orgUnits, eq(orgUnits.id, plans.regionOrgUnitId))
    .where(and(eq(plans.id, planId), planVisibleFrom(scopePath)))
  return rows[0] && flattenPlan(rows[0])
}

export function listIndicatorsOfPlan(db: Executor, planId: string): Promise<IndicatorRow[]> {
  return db.select().from(indicators).where(eq(indicators.planId, planId)).orderBy(asc(indicators.order))
}

const observationColumns = {
  observation: observations,
  planId: indicators.planId,
  indicatorCode: indicators.code,
  orgUnitName: orgUnits.name,
}
type ObservationViewRow = {
  observation: ObservationRow
  planId: string
  indicatorCode: string
  orgUnitName: string
}

const selectObservations = (db: Executor) =>
  db
    .select(observationColumns)
    .from(observations)
    .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
    .innerJoin(orgUnits, eq(orgUnits.id, observations.orgUnitId))

/** Current values of a plan's indicators for the units inside the scope, optionally one unit or year. */
export async function listCurrentObservations(
  db: Executor,
  planId: string,
  scopePath: string,
  filter: { orgUnitId?: string | undefined; year?: number | undefined } = {},
): Promise<Observation[]> {
  const conditions = [
    eq(indicators.planId, planId),
    isNull(observations.supersededAt),
    unitInScope(scopePath),
  ]
  if (filter.orgUnitId) conditions.push(eq(observations.orgUnitId, filter.orgUnitId))
  if (filter.year !== undefined) conditions.push(eq(observations.year, filter.year))
  const rows = await selectObservations(db)
    .where(and(...conditions))
    .orderBy(asc(indicators.order), asc(orgUnits.depth), asc(orgUnits.sortOrder), asc(observations.year))
  return rows.map(toObservation)
}

export async function findObservationInScope(
  db: Executor,
  id: string,
  scopePath: string,
): Promise<Observation | undefined> {
  const rows = await selectObservations(db).where(and(eq(observations.id, id), unitInScope(scopePath)))
  return rows[0] && toObservation(rows[0])
}

/** Every revision of one indicator × unit × year, newest first. */
export async function listRevisions(
  db: Executor,
  key: { indicatorId: string; orgUnitId: string; year: number },
): Promise<Observation[]> {
  const rows = await selectObservations(db)
    .where(
      and(
        eq(observations.indicatorId, key.indicatorId),
        eq(observations.orgUnitId, key.orgUnitId),
        eq(observations.year, key.year),
      ),
    )
    .orderBy(desc(observations.revision))
  return rows.map(toObservation)
}

/** The current revision, locked until the transaction ends so that two saves take turns. */
export async function findCurrentObservationForUpdate(
  tx: Executor,
  key: { indicatorId: string; orgUnitId: string; year: number },
): Promise<ObservationRow | undefined> {
  const rows = await tx
    .select()
    .from(observations)
    .where(
      and(
        eq(observations.indicatorId, key.indicatorId),
        eq(observations.orgUnitId, key.orgUnitId),
        eq(observations.year, key.year),
        isNull(observations.supersededAt),
      ),
    )
    .for('update')
  return rows[0]
}

/** The highest revision number of an indicator × unit × year, current or not; 0 when it never had a value. */
export async function findLastRevisionNumber(
  tx: Executor,
  key: { indicatorId: string; orgUnitId: string; year: number },
): Promise<number> {
  const rows = await tx
    .select({ last: sql<number>`coalesce(max(${observations.revision}), 0)::int` })
    .from(observations)
    .where(
      and(
        eq(observations.indicatorId, key.indicatorId),
        eq(observations.orgUnitId, key.orgUnitId),
        eq(observations.year, key.year),
      ),
    )
  return rows[0]?.last ?? 0
}

export async function supersedeObservation(tx: Executor, id: string, at: Date): Promise<void> {
  await tx.update(observations).set({ supersededAt: at }).where(eq(observations.id, id))
}

export async function insertObservation(tx: Executor, row: NewObservationRow): Promise<ObservationRow> {
  const rows = await tx.insert(observations).values(row).returning()
  return rows[0]!
}

/** Locks of the plan on the unit at `unitPath` or on units above it (optionally of one year), highest first. */
export async function listCoveringLocks(
  db: Executor,
  planId: string,
  unitPath: string,
  year?: number,
): Promise<PeriodLock[]> {
  const conditions = [eq(periodLocks.planId, planId), unitAbove(unitPath)]
  if (year !== undefined) conditions.push(eq(periodLocks.year, year))
  const rows = await db
    .select({ lock: periodLocks, orgUnitName: orgUnits.name })
    .from(periodLocks)
    .innerJoin(orgUnits, eq(orgUnits.id, periodLocks.orgUnitId))
    .where(and(...conditions))
    .orderBy(asc(periodLocks.year), asc(orgUnits.depth))
  return rows.map((r) => toPeriodLock(r.lock, r.orgUnitName))
}

/** Locks that a reader is concerned by: on units inside its scope and on the units above it. */
export async function listLocksAffecting(
  db: Executor,
  planId: string,
  scopePath: string,
): Promise<PeriodLock[]> {
  const rows = await db
    .select({ lock: periodLocks, orgUnitName: orgUnits.name })
    .from(periodLocks)
    .innerJoin(orgUnits, eq(orgUnits.id, periodLocks.orgUnitId))
    .where(and(eq(periodLocks.planId, planId), or(unitInScope(scopePath), unitAbove(scopePath))))
    .orderBy(asc(periodLocks.year), asc(orgUnits.depth), asc(orgUnits.sortOrder))
  return rows.map((r) => toPeriodLock(r.lock, r.orgUnitName))
}

/** Inserts a lock; undefined when the period is locked already. */
export async function insertLock(
  tx: Executor,
  row: typeof periodLocks.$inferInsert,
): Promise<PeriodLockRow | undefined> {
  const rows = await tx.insert(periodLocks).values(row).onConflictDoNothing().returning()
  return rows[0]
}

export async function deleteLock(
  tx: Executor,
  key: { planId: string; orgUnitId: string; year: number },
): Promise<PeriodLockRow | undefined> {
  const rows = await tx
    .delete(periodLocks)
    .where(
      and(
        eq(periodLocks.planId, key.planId),
        eq(periodLocks.orgUnitId, key.orgUnitId),
        eq(periodLocks.year, key.year),
      ),
    )
    .returning()
  return rows[0]
}

export function toObservation(r: ObservationViewRow): Observation {
  const o = r.observation
  return {
    id: o.id,
    planId: r.planId,
    indicatorId: o.indicatorId,
    indicatorCode: r.indicatorCode,
    orgUnitId: o.orgUnitId,
    orgUnitName: r.orgUnitName,
    year: o.year,
    value: o.value,
    source: o.source,
    note: o.note,
    kind: o.kind,
    revision: o.revision,
    enteredByUserId: o.enteredByUserId,
    enteredByName: o.enteredByName,
    enteredAt: o.enteredAt.toISOString(),
    supersededAt: o.supersededAt?.toISOString() ?? null,
  }
}

export function toPeriodLock(row: PeriodLockRow, orgUnitName: string): PeriodLock {
  return {
    planId: row.planId,
    orgUnitId: row.orgUnitId,
    orgUnitName,
    year: row.year,
    lockedByUserId: row.lockedByUserId,
    lockedByName: row.lockedByName,
    lockedAt: row.lockedAt.toISOString(),
  }
}
