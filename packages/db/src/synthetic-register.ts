import { getTableColumns, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import {
  generateSyntheticRegister,
  type RegionPath,
  type SyntheticRegisterChunk,
  type SyntheticScale,
} from '@kechuang/core/registers'
import { queryRows, refreshPlannerStatistics, type Database, type Executor } from './client'
import {
  auditLog,
  enterpriseYears,
  enterprises,
  intellectualProperty,
  platformParticipants,
  platforms,
  projects,
  qualifications,
  talents,
} from './tables/index'

/** Rows per INSERT: one JSON parameter of a few MB, well under PostgreSQL's and PGlite's limits. */
export const SYNTHETIC_INSERT_BATCH_SIZE = 5_000

export class SyntheticRegisterRefusedError extends Error {}

export interface LoadSyntheticRegisterOptions {
  scale: SyntheticScale
  seed: number
  /** Enterprises generated per chunk (the rows of one chunk are in memory at a time). */
  chunkSize?: number
  batchSize?: number
  /** Called after each chunk with the number of enterprises loaded so far. */
  onProgress?: (enterprisesLoaded: number, enterpriseCount: number) => void
}

export type SyntheticRegisterCounts = Record<keyof SyntheticRegisterChunk, number>

export interface LoadSyntheticRegisterResult {
  counts: SyntheticRegisterCounts
  elapsedMs: number
}

// Insert order: every table after the tables it references.
const TABLES: { [K in keyof SyntheticRegisterChunk]: PgTable } = {
  enterprises,
  enterpriseYears,
  qualifications,
  platforms,
  platformParticipants,
  intellectualProperty,
  projects,
  talents,
}
const TABLE_KEYS = Object.keys(TABLES) as (keyof SyntheticRegisterChunk)[]
// Tables whose rows carry the is_synthetic flag (figures and qualifications belong to a flagged enterprise).
const FLAGGED = new Set<keyof SyntheticRegisterChunk>([
  'enterprises',
  'platforms',
  'intellectualProperty',
  'projects',
  'talents',
])

/**
 * Loads the SYNTHETIC register (core generateSyntheticRegister) in one transaction, chunk by chunk, with multi-row
 * inserts through json_populate_recordset, then refreshes the planner statistics. Works alike on PGlite and
 * PostgreSQL. Refuses a database that already holds synthetic rows (credit codes and numbers would collide) or
 * has no seeded org units; real enterprise names in the database are reserved, so no synthetic name resembles them.
 */
export async function loadSyntheticRegister(
  db: Database,
  options: LoadSyntheticRegisterOptions,
): Promise<LoadSyntheticRegisterResult> {
  const started = performance.now()
  const [existing] = await queryRows<{ present: boolean }>(
    db,
    sql`select exists (select 1 from enterprises where is_synthetic) as present`,
  )
  if (existing?.present) {
    throw new SyntheticRegisterRefusedError('数据库中已有合成数据，不能重复生成；请在新的数据库中运行')
  }
  const resolveRegion = await createRegionResolver(db)
  if (resolveRegion(['湖北省']) === null) {
    throw new SyntheticRegisterRefusedError('未找到组织机构“湖北省”；请先运行 seed 载入初始数据')
  }
  const real = await queryRows<{ name: string; aliases: string[] }>(
    db,
    sql`select name, aliases from enterprises where not is_synthetic`,
  )
  const reservedNames = real.flatMap((r) => [r.name, ...r.aliases])

  const counts = Object.fromEntries(TABLE_KEYS.map((k) => [k, 0])) as SyntheticRegisterCounts
  const batchSize = options.batchSize ?? SYNTHETIC_INSERT_BATCH_SIZE
  await db.transaction(async (tx) => {
    const chunks = generateSyntheticRegister({
      scale: options.scale,
      seed: options.seed,
      reservedNames,
      chunkSize: options.chunkSize,
    })
    for (const chunk of chunks) {
      for (const key of TABLE_KEYS) {
        const rows = (chunk[key] as Record<string, unknown>[]).map((row) =>
          toStoredRow(row, FLAGGED.has(key), resolveRegion),
        )
        for (let start = 0; start < rows.length; start += batchSize) {
          await insertJsonRows(tx, TABLES[key], rows.slice(start, start + batchSize))
        }
        counts[key] += rows.length
      }
      options.onProgress?.(counts.enterprises, options.scale.enterpriseCount)
    }
    await tx.insert(auditLog).values({
      actorName: '系统',
      entityType: 'database',
      action: 'seed',
      after: { dataset: '合成数据（SYNTHETIC）', seed: options.seed, ...counts },
    })
  })
  await refreshPlannerStatistics(db)
  return { counts, elapsedMs: Math.round(performance.now() - started) }
}

/** A generated row as stored: its region path becomes the org unit, and it is flagged synthetic. */
function toStoredRow(
  row: Record<string, unknown>,
  isFlagged: boolean,
  resolveRegion: (path: RegionPath) => string | null,
): Record<string, unknown> {
  const { regionPath, ...stored } = row as { regionPath?: RegionPath }
  if (regionPath) (stored as Record<string, unknown>).regionOrgUnitId = resolveRegion(regionPath)
  if (isFlagged) (stored as Record<string, unknown>).isSynthetic = true
  return stored
}

/**
 * INSERT … SELECT FROM json_populate_recordset: one statement and one parameter per batch, typed by the table
 * itself. Only the columns the rows carry are named, so the others (created_at …) take their defaults.
 */
async function insertJsonRows(
  executor: Executor,
  table: PgTable,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in rows[0]!)
  const records = rows.map((row) =>
    Object.fromEntries(columns.map(([key, column]) => [column.name, row[key]])),
  )
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  )
  await executor.execute(
    sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${JSON.stringify(records)}::json)`,
  )
}

interface RegionUnit {
  id: string
  parentId: string | null
  name: string
  aliases: string[]
}

// 金山店镇 is the 金山店 of the seed, 金湖街道 its 金湖街办: a town is the same place whatever its suffix.
const TOWN_SUFFIX = /(镇|乡|街道|街办)$/
const placeStem = (name: string) => name.replace(TOWN_SUFFIX, '')

/**
 * Maps a region path (湖北省 → 黄石市 → 大冶市 → 还地桥镇) to the deepest seeded org unit along it, following the
 * tree from the province down, so an enterprise of a county without an org unit sits in its nearest seeded
 * ancestor (a Wuhan district → 湖北省).
 */
async function createRegionResolver(db: Executor): Promise<(path: RegionPath) => string | null> {
  const units = await queryRows<RegionUnit>(
    db,
    sql`select id, parent_id as "parentId", name, aliases from org_units
        where deleted_at is null and type in ('province', 'city', 'county', 'township')`,
  )
  const children = new Map<string | null, RegionUnit[]>()
  for (const unit of units) {
    const siblings = children.get(unit.parentId) ?? []
    siblings.push(unit)
    children.set(unit.parentId, siblings)
  }
  const isNamed = (unit: RegionUnit, name: string) =>
    [unit.name, ...unit.aliases].some((written) => written === name || placeStem(written) === placeStem(name))
  const cache = new Map<string, string | null>()
  return (path) => {
    const key = path.join('/')
    const cached = cache.get(key)
    if (cached !== undefined) return cached
    let current = units.find((u) => isNamed(u, path[0] ?? '')) ?? null
    for (const name of path.slice(1)) {
      if (!current) break
      const next = (children.get(current.id) ?? []).find((u) => isNamed(u, name))
      if (!next) break
      current = next
    }
    const id = current?.id ?? null
    cache.set(key, id)
    return id
  }
}
