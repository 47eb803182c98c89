import { sql } from 'drizzle-orm'
import type { Database } from '../src/client'
import {
  auditLog,
  enterprises,
  indicators,
  institutions,
  observations,
  orgUnits,
  platformParticipants,
  platforms,
  plans,
  qualifications,
  taskResponsibleUnits,
  tasks,
  techNeeds,
} from '../src/tables/index'
import { buildSeedPlanNeeds } from './marketplace.seed'
import { buildSeedObservations } from './observations.seed'
import { buildSeedOrgUnits } from './org-units.seed'
import { buildSeedPlans } from './plans.seed'
import { buildSeedRegisters } from './registers.seed'
import { buildSeedTasks } from './tasks.seed'

export { buildSeedOrgUnits, type SeedOrgUnit } from './org-units.seed'
export { buildSeedPlanNeeds, planNeedId, readTechDirections } from './marketplace.seed'
export { buildSeedPlans } from './plans.seed'
export { buildSeedRegisters } from './registers.seed'
export { stableId } from './stable-id'
export {
  loadSyntheticMarketplace,
  SyntheticMarketplaceRefusedError,
  SYNTHETIC_MARKETPLACE_DEFAULTS,
  type SyntheticMarketplaceCounts,
} from './synthetic-marketplace'

export interface SeedResult {
  orgUnitsAdded: number
  plansAdded: number
  indicatorsAdded: number
  observationsAdded: number
  tasksAdded: number
  institutionsAdded: number
  enterprisesAdded: number
  qualificationsAdded: number
  platformsAdded: number
  techNeedsAdded: number
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
  const units = buildSeedOrgUnits()
  const seededPlans = buildSeedPlans(units)
  const seededObservations = buildSeedObservations(units, seededPlans.indicators, new Date())
  const seededTasks = buildSeedTasks(units, seededPlans.plans)
  const registers = buildSeedRegisters(units)
  const planNeeds = buildSeedPlanNeeds(units)
  return db.transaction(async (tx) => {
    const result: SeedResult = {
      orgUnitsAdded: (await tx.insert(orgUnits).values(units).onConflictDoNothing().returning()).length,
      plansAdded: (await tx.insert(plans).values(seededPlans.plans).onConflictDoNothing().returning()).length,
      indicatorsAdded: (
        await tx.insert(indicators).values(seededPlans.indicators).onConflictDoNothing().returning()
      ).length,
      observationsAdded: (
        await tx.insert(observations).values(seededObservations).onConflictDoNothing().returning()
      ).length,
      tasksAdded: (await tx.insert(tasks).values(seededTasks.tasks).onConflictDoNothing().returning()).length,
      institutionsAdded: (
        await tx
          .insert(institutions)
          .values(registers.institutions)
          .onConflictDoNothing()
          .returning({ id: institutions.id })
      ).length,
      enterprisesAdded: (
        await tx
          .insert(enterprises)
          .values(registers.enterprises)
          .onConflictDoNothing()
          .returning({ id: enterprises.id })
      ).length,
      qualificationsAdded: (
        await tx
          .insert(qualifications)
          .values(registers.qualifications)
          .onConflictDoNothing()
          .returning({ id: qualifications.id })
      ).length,
      platformsAdded: (
        await tx
          .insert(platforms)
          .values(registers.platforms)
          .onConflictDoNothing()
          .returning({ id: platforms.id })
      ).length,
      techNeedsAdded: (
        await tx.insert(techNeeds).values(planNeeds).onConflictDoNothing().returning({ id: techNeeds.id })
      ).length,
    }
    await tx.insert(taskResponsibleUnits).values(seededTasks.responsibleUnits).onConflictDoNothing()
    await tx.insert(platformParticipants).values(registers.platformParticipants).onConflictDoNothing()
    await tx.insert(auditLog).values({
      actorName: '系统',
      entityType: 'database',
      action: 'seed',
      after: { dataset: '黄石市 / 大冶市', ...result },
    })
    return result
  })
}

/** Whether the database holds no org units yet (a first start). */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(orgUnits)
  return (rows[0]?.n ?? 0) === 0
}
