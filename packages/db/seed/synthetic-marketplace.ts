import { sql } from 'drizzle-orm'
import {
  generateSyntheticExperts,
  generateSyntheticNeeds,
  generateSyntheticResults,
} from '@kechuang/core/marketplace'
import { queryRows, type Database } from '../src/client'
import { auditLog, experts, techNeeds, techResults } from '../src/tables/index'
import { readTechDirections } from './marketplace.seed'
import { stableId } from './stable-id'

export class SyntheticMarketplaceRefusedError extends Error {}

export interface SyntheticMarketplaceCounts {
  results: number
  needs: number
  experts: number
}

export const SYNTHETIC_MARKETPLACE_DEFAULTS: SyntheticMarketplaceCounts = {
  results: 500,
  needs: 200,
  experts: 100,
}

/** Rows per INSERT, well under the parameter limit of PostgreSQL and PGlite. */
const BATCH_SIZE = 500

/**
 * Loads SYNTHETIC 科技成果, 技术需求 and experts (core generators over the plans' technology directions) in one
 * transaction, flagged is_synthetic with source 'synthetic' and stable ids. Refuses a database that already holds
 * synthetic marketplace rows, so a second run never doubles them.
 */
export async function loadSyntheticMarketplace(
  db: Database,
  counts: SyntheticMarketplaceCounts = SYNTHETIC_MARKETPLACE_DEFAULTS,
): Promise<SyntheticMarketplaceCounts> {
  const [existing] = await queryRows<{ present: boolean }>(
    db,
    sql`select exists (select 1 from tech_results where is_synthetic)
        or exists (select 1 from tech_needs where is_synthetic)
        or exists (select 1 from experts where is_synthetic) as present`,
  )
  if (existing?.present) {
    throw new SyntheticMarketplaceRefusedError(
      '数据库中已有合成的成果、需求或专家数据，不能重复生成；请在新的数据库中运行',
    )
  }
  const directions = readTechDirections()
  const resultRows = generateSyntheticResults(directions, counts.results).map(
    ({ directionId: _directionId, ...result }, i) => ({
      ...result,
      id: stableId(`tech-result:synthetic:${i}`),
      source: 'synthetic' as const,
      isSynthetic: true,
    }),
  )
  const needRows = generateSyntheticNeeds(directions, counts.needs).map(
    ({ directionId: _directionId, ...need }, i) => ({
      ...need,
      id: stableId(`tech-need:synthetic:${i}`),
      enterpriseName: `示例企业${i + 1}（合成）`,
      source: 'synthetic' as const,
      isSynthetic: true,
    }),
  )
  const expertRows = generateSyntheticExperts(directions, counts.experts).map((expert, i) => ({
    ...expert,
    id: stableId(`expert:synthetic:${i}`),
    isSynthetic: true,
  }))
  await db.transaction(async (tx) => {
    for (let i = 0; i < resultRows.length; i += BATCH_SIZE)
      await tx.insert(techResults).values(resultRows.slice(i, i + BATCH_SIZE))
    for (let i = 0; i < needRows.length; i += BATCH_SIZE)
      await tx.insert(techNeeds).values(needRows.slice(i, i + BATCH_SIZE))
    for (let i = 0; i < expertRows.length; i += BATCH_SIZE)
      await tx.insert(experts).values(expertRows.slice(i, i + BATCH_SIZE))
    await tx.insert(auditLog).values({
      actorName: '系统',
      entityType: 'database',
      action: 'seed',
      after: { dataset: '合成成果、需求、专家（SYNTHETIC）', ...counts },
    })
  })
  return counts
}
