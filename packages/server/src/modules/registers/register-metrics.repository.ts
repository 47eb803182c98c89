import { sql, type SQL } from 'drizzle-orm'
import type { RegisterMetricCount } from '@kechuang/core/registers'
import { queryRows, type Executor } from '@kechuang/db'
import { validOn } from './ladder.repository'

const textArray = (values: readonly string[]): SQL =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}::text`),
    sql`, `,
  )}]::text[]`

/**
 * The indicators of a plan that name a register metric (indicators.register_metric, set by the seed and read
 * only here: the column exists for this feature).
 */
export function listMetricIndicators(
  db: Executor,
  planId: string,
): Promise<{ id: string; code: string; register_metric: string }[]> {
  return queryRows(
    db,
    sql`select id, code, register_metric from indicators
      where plan_id = ${planId} and register_metric is not null order by sort_order`,
  )
}

/** One register figure (core register-metrics.ts) over a region's subtree for the year ending on `date` (31 Dec). */
export async function countRegisterMetric(
  db: Executor,
  count: RegisterMetricCount,
  regionPath: string,
  date: string,
): Promise<number> {
  const inRegion = sql`o.path like ${`${regionPath}%`}`
  if (count.kind === 'contract_amount') {
    // Summed on the exact numeric column, converted to the indicator's unit at the end.
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select coalesce(round(sum(c.amount) / ${count.wanYuanPerUnit}::numeric, 8), 0)::float8 as n
        from tech_contracts c join org_units o on o.id = c.region_org_unit_id
        where c.deleted_at is null and ${inRegion}
          and c.signed_on between date_trunc('year', ${date}::date)::date and ${date}::date`,
    )
    return row?.n ?? 0
  }
  const query =
    count.kind === 'qualification'
      ? sql`select count(distinct m.canonical_id)::int as n
          from qualifications q
          join enterprises m on m.id = q.enterprise_id
          join enterprises e on e.id = m.canonical_id
          join org_units o on o.id = e.region_org_unit_id
          where q.type::text = any(${textArray(count.types)}) and ${validOn(sql`${date}::date`)} and ${inRegion}`
      : sql`select count(*)::int as n
          from platforms p join org_units o on o.id = p.region_org_unit_id
          where p.type::text = any(${textArray(count.types)}) and p.status = 'built'
            and p.level::text = any(${textArray(count.levels)})
            and (p.approved_on is null or p.approved_on <= ${date}::date) and ${inRegion}`
  const [row] = await queryRows<{ n: number }>(db, query)
  return row?.n ?? 0
}
