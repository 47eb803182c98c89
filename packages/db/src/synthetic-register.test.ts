import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSyntheticRegister, type SyntheticScale } from '@kechuang/core/registers'
import { normalizeEnterpriseName } from '@kechuang/core/registers'
import { buildSeedOrgUnits } from '../seed/org-units.seed'
import { buildSeedRegisters } from '../seed/registers.seed'
import { migrateDatabase, openDatabase, queryRows, type Database, type DatabaseHandle } from './client'
import { enterprises, orgUnits } from './tables/index'
import { SyntheticRegisterRefusedError, loadSyntheticRegister } from './synthetic-register'

// A small county and a small province: enough rows to cross chunk and batch boundaries.
const COUNTY: SyntheticScale = {
  area: 'county',
  enterpriseCount: 1_200,
  ipCount: 3_000,
  platformCount: 20,
  projectCount: 60,
  talentCount: 40,
}
const PROVINCE: SyntheticScale = { ...COUNTY, area: 'province', enterpriseCount: 600, ipCount: 900 }

// Only what the loader reads: the org-unit tree and the real enterprises (whose names are reserved).
const units = buildSeedOrgUnits()
const realEnterprises = buildSeedRegisters(units).enterprises
async function seedPlacesAndRealEnterprises(db: Database): Promise<void> {
  await db.insert(orgUnits).values(units)
  await db.insert(enterprises).values(realEnterprises)
}

let handle: DatabaseHandle
beforeAll(async () => {
  handle = await openDatabase({ dataDir: 'memory' })
  await migrateDatabase(handle)
})
afterAll(() => handle.close())

const count = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(handle.db, query))[0]!.n

describe('loading the synthetic register', () => {
  it('refuses a database without seeded org units and changes nothing', async () => {
    await expect(loadSyntheticRegister(handle.db, { scale: COUNTY, seed: 5 })).rejects.toThrow(
      /请先运行 seed/,
    )
    expect(await count(sql`select count(*)::int as n from enterprises`)).toBe(0)
  })

  it('writes every generated row, flagged synthetic, in chunks and batches smaller than the scale', async () => {
    await seedPlacesAndRealEnterprises(handle.db)
    const progress: number[] = []
    const result = await loadSyntheticRegister(handle.db, {
      scale: COUNTY,
      seed: 5,
      chunkSize: 500,
      batchSize: 700,
      onProgress: (loaded) => progress.push(loaded),
    })
    expect(progress).toEqual([500, 1_000, 1_200])
    expect(result.counts).toMatchObject({
      enterprises: 1_200,
      enterpriseYears: 3_600,
      intellectualProperty: 3_000,
      platforms: 20,
      platformParticipants: 20,
      projects: 60,
      talents: 40,
    })
    expect(await count(sql`select count(*)::int as n from enterprises where is_synthetic`)).toBe(1_200)
    expect(await count(sql`select count(*)::int as n from enterprises where not is_synthetic`)).toBe(57)
    expect(await count(sql`select count(*)::int as n from intellectual_property where is_synthetic`)).toBe(
      3_000,
    )
    expect(await count(sql`select count(*)::int as n from enterprise_years`)).toBe(3_600)
    expect(
      await count(sql`select count(*)::int as n from qualifications where source->>'kind' = 'synthetic'`),
    ).toBe(result.counts.qualifications)
    expect(
      await count(
        sql`select count(*)::int as n from enterprises where is_synthetic and source->>'kind' <> 'synthetic'`,
      ),
    ).toBe(0)
  })

  it('stores the rows exactly as generated, the region path as the deepest seeded org unit', async () => {
    const [first] = generateSyntheticRegister({ scale: COUNTY, seed: 5, chunkSize: 500 })
    const generated = first!.enterprises[0]!
    const [stored] = await queryRows<{
      name: string
      credit_code: string
      name_key: string
      region: string
      source: unknown
      founded_on: string
    }>(
      handle.db,
      sql`select e.name, e.credit_code, e.name_key, u.name as region, e.source, e.founded_on::text
          from enterprises e join org_units u on u.id = e.region_org_unit_id where e.id = ${generated.id}`,
    )
    expect(stored).toEqual({
      name: generated.name,
      credit_code: generated.creditCode,
      name_key: generated.nameKey,
      region: generated.regionPath.at(-1)!.replace('金山店镇', '金山店'),
      source: generated.source,
      founded_on: generated.foundedOn,
    })
    const [year] = await queryRows<{ rd: number; domestic: number }>(
      handle.db,
      sql`select rd_expense as rd, rd_expense_domestic as domestic from enterprise_years
          where enterprise_id = ${generated.id} and year = 2024`,
    )
    const figures = first!.enterpriseYears.find((y) => y.enterpriseId === generated.id && y.year === 2024)!
    expect(year).toEqual({ rd: figures.rdExpenseWanYuan, domestic: figures.rdExpenseDomesticWanYuan })
    // Every synthetic enterprise of the county scale sits in 大冶市 or one of its towns.
    expect(
      await count(sql`select count(*)::int as n from enterprises e join org_units u on u.id = e.region_org_unit_id
                      where e.is_synthetic and u.type in ('county', 'township')`),
    ).toBe(1_200)
  })

  it('gives no synthetic enterprise the 字号 of a real one', async () => {
    const real = new Set(
      realEnterprises
        .flatMap((e) => [e.name, ...(e.aliases ?? [])])
        .map((n) => normalizeEnterpriseName(n).tradeName),
    )
    const rows = await queryRows<{ name: string }>(
      handle.db,
      sql`select name from enterprises where is_synthetic`,
    )
    expect(rows.filter((r) => real.has(normalizeEnterpriseName(r.name).tradeName))).toEqual([])
  })

  it('refuses to load a second time and leaves the first load as it was', async () => {
    await expect(loadSyntheticRegister(handle.db, { scale: COUNTY, seed: 6 })).rejects.toBeInstanceOf(
      SyntheticRegisterRefusedError,
    )
    expect(await count(sql`select count(*)::int as n from enterprises where is_synthetic`)).toBe(1_200)
  })
})

describe('loading the province scale', () => {
  it('puts enterprises of counties without an org unit under their nearest seeded ancestor', async () => {
    const other = await openDatabase({ dataDir: 'memory' })
    try {
      await migrateDatabase(other)
      await seedPlacesAndRealEnterprises(other.db)
      await loadSyntheticRegister(other.db, { scale: PROVINCE, seed: 9 })
      const rows = await queryRows<{ code: string; region: string }>(
        other.db,
        sql`select e.region_code as code, u.name as region from enterprises e
            join org_units u on u.id = e.region_org_unit_id where e.is_synthetic`,
      )
      expect(rows).toHaveLength(600)
      // 黄石's districts and counties are seeded (and 大冶's towns); the rest of Hubei only as 湖北省.
      for (const row of rows) {
        if (row.code.startsWith('4202')) expect(['湖北省', '黄石市']).not.toContain(row.region)
        else expect(row.region).toBe('湖北省')
      }
      expect(rows.some((r) => r.code.startsWith('4202'))).toBe(true)
    } finally {
      await other.close()
    }
  })
})
