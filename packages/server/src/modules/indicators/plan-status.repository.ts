import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { tables, type Executor } from '@kechuang/db'

const { indicators, observations, orgUnits } = tables

/** A current value, reduced to what status and the composite index read. */
export interface CurrentValueRow {
  indicatorId: string
  orgUnitId: string
  year: number
  value: number
}

/**
 * The current values of a plan's indicators for the given units (optionally one indicator or one year), in one
 * query: the dashboard reads all indicators at once, never one query per indicator. The rows come back as one
 * JSON array: the embedded database hands over 120 000 rows (a composite index over 200 units × 60 indicators
 * × 10 years) about four times faster that way than row by row. float8 prints its shortest exact form in JSON.
 */
export async function listCurrentValues(
  db: Executor,
  planId: string,
  orgUnitIds: readonly string[],
  filter: { indicatorId?: string; year?: number } = {},
): Promise<CurrentValueRow[]> {
  if (orgUnitIds.length === 0) return []
  const conditions = [
    eq(indicators.planId, planId),
    inArray(observations.orgUnitId, [...orgUnitIds]),
    isNull(observations.supersededAt),
  ]
  if (filter.indicatorId !== undefined) conditions.push(eq(observations.indicatorId, filter.indicatorId))
  if (filter.year !== undefined) conditions.push(eq(observations.year, filter.year))
  const [row] = await db
    .select({
      values: sql<string>`coalesce(json_agg(json_build_array(${observations.indicatorId}, ${observations.orgUnitId}, ${observations.year}, ${observations.value})), '[]')::text`,
    })
    .from(observations)
    .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
    .where(and(...conditions))
  const tuples = JSON.parse(row?.values ?? '[]') as [string, string, number, number][]
  return tuples.map(([indicatorId, orgUnitId, year, value]) => ({ indicatorId, orgUnitId, year, value }))
}

/** The live child units of a unit, in tree order. */
export function listChildUnits(db: Executor, parentId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, parentId), isNull(orgUnits.deletedAt)))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name))
}
