import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateDatabase, openDatabase, type DatabaseHandle } from '../src/client'
import { experts, techNeeds, techResults } from '../src/tables/index'
import { buildSeedPlanNeeds, planNeedId, readTechDirections } from './marketplace.seed'
import { buildSeedOrgUnits } from './org-units.seed'
import { seedDatabase } from './index'
import { loadSyntheticMarketplace, SyntheticMarketplaceRefusedError } from './synthetic-marketplace'

const directions = readTechDirections()
const needs = buildSeedPlanNeeds(buildSeedOrgUnits())

describe('plan-derived 技术需求', () => {
  it('restates each of the 63 technology directions as one need with its direction id', () => {
    expect(directions).toHaveLength(63)
    expect(needs.map((n) => n.planDirectionId)).toEqual(directions.map((d) => d.id))
    expect(new Set(needs.map((n) => n.id)).size).toBe(63)
  })

  it('titles a need by its subfield and keeps the item text as written', () => {
    const steel = needs.find((n) => n.planDirectionId === 'HS-C1-01')!
    expect(steel).toMatchObject({
      id: planNeedId('HS-C1-01'),
      title: '高品质特殊钢关键技术需求',
      industry: '新材料',
      enterpriseName: '（规划方向）新材料产业',
      source: 'plan',
      status: 'open',
    })
    expect(steel.description).toBe(directions[0]!.text)
    expect(steel.keywords).toContain('富氢低碳冶炼技术')
  })

  it('keeps only keywords of at most 30 characters, at most 10 of them', () => {
    for (const need of needs) {
      expect(need.keywords!.length).toBeLessThanOrEqual(10)
      for (const keyword of need.keywords!) expect([...keyword].length).toBeLessThanOrEqual(30)
    }
  })
})

describe('plan-derived needs in the database', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openDatabase({ dataDir: 'memory' })
    await migrateDatabase(handle)
  })
  afterAll(() => handle.close())

  it('are seeded once, with stable ids', async () => {
    expect((await seedDatabase(handle.db)).techNeedsAdded).toBe(63)
    expect((await seedDatabase(handle.db, { force: true })).techNeedsAdded).toBe(0)
    const rows = await handle.db.select().from(techNeeds).where(eq(techNeeds.source, 'plan'))
    expect(rows).toHaveLength(63)
    expect(rows.every((r) => r.planDirectionId !== null && r.regionOrgUnitId !== null)).toBe(true)
  })
})

describe('synthetic marketplace', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openDatabase({ dataDir: 'memory' })
    await migrateDatabase(handle)
  })
  afterAll(() => handle.close())

  it('loads flagged, deterministic results, needs and experts once and refuses a second load', async () => {
    await loadSyntheticMarketplace(handle.db, { results: 30, needs: 20, experts: 10 })
    const results = await handle.db.select().from(techResults)
    expect(results).toHaveLength(30)
    expect(results.every((r) => r.isSynthetic && r.source === 'synthetic')).toBe(true)
    expect(await handle.db.$count(techNeeds, eq(techNeeds.isSynthetic, true))).toBe(20)
    expect(await handle.db.$count(experts, eq(experts.isSynthetic, true))).toBe(10)
    await expect(loadSyntheticMarketplace(handle.db, { results: 1, needs: 1, experts: 1 })).rejects.toThrow(
      SyntheticMarketplaceRefusedError,
    )
  })
})
