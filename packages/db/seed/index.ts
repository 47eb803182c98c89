import { sql } from 'drizzle-orm'
import type { Database } from '../src/client'
import { auditLog, orgUnits } from '../src/tables/index'
import { buildSeedOrgUnits } from './org-units.seed'

export { buildSeedOrgUnits, type SeedOrgUnit } from './org-units.seed'
export { stableId } from './stable-id'

export interface SeedResult {
  orgUnitsAdded: number
}

export class SeedRefusedError extends Error {}

/**
 * Loads the Huangshi / Daye dataset. An empty database is seeded as is; a non-empty one only with `force`,
 * and then only what is missing is added (ids are stable, so nothing is duplicated or overwritten).
 */
export async function seedDatabase(db: Database, options: { force?: boolean } = {}): Promise<SeedResult> {
  const existing = await db.select({ n: sql<number>`count(*)::int` }).from(orgUnits)
  if ((existing[0]?.n ?? 0) > 0 && !options.force) {
    throw new SeedRefusedError('数据库中已有数据；如需补充缺失的初始数据，请加 --force')
  }
  return db.transaction(async (tx) => {
    const units = buildSeedOrgUnits()
    const inserted = await tx
      .insert(orgUnits)
      .values(units)
      .onConflictDoNothing()
      .returning({ id: orgUnits.id })
    await tx.insert(auditLog).values({
      actorName: '系统',
      entityType: 'database',
      action: 'seed',
      after: { dataset: '黄石市 / 大冶市', orgUnitsAdded: inserted.length },
    })
    return { orgUnitsAdded: inserted.length }
  })
}

/** Whether the database holds no org units yet (a first start). */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(orgUnits)
  return (rows[0]?.n ?? 0) === 0
}
