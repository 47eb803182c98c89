import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { sql, type SQL } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import * as tables from './tables/index'

export type Database = PgDatabase<PgQueryResultHKT, typeof tables>
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Database | Transaction

export type DatabaseKind = 'pglite' | 'postgres'

export interface DatabaseHandle {
  db: Database
  kind: DatabaseKind
  /** Where the data lives, for log lines: a folder, "memory" or the URL without its password. */
  location: string
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when set, node-postgres is used. */
  databaseUrl?: string | undefined
  /** PGlite data folder; `memory` keeps everything in memory (tests). */
  dataDir?: string | undefined
  poolSize?: number
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url))

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite in `dataDir`. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 })
    // An idle connection that the server closes (restart, failover, a dropped test database) is reported
    // here; without a listener node-postgres would crash the process. The pool opens a new one when needed.
    pool.on('error', (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`))
    const db = drizzlePg({ client: pool, schema: tables }) as unknown as Database
    return { db, kind: 'postgres', location: redactUrl(options.databaseUrl), close: () => pool.end() }
  }
  const dataDir = options.dataDir ?? './data'
  const inMemory = dataDir === 'memory'
  if (!inMemory) mkdirSync(dataDir, { recursive: true })
  const client = inMemory ? new PGlite() : new PGlite(dataDir)
  await client.waitReady
  const db = drizzlePglite({ client, schema: tables }) as unknown as Database
  return { db, kind: 'pglite', location: inMemory ? 'memory' : dataDir, close: () => client.close() }
}

// Any fixed number works; it only has to be the same for every app server of one installation.
const STARTUP_LOCK_KEY = 7_411_202_601

/**
 * Runs `work` while holding a PostgreSQL advisory lock, so app servers that start at the same moment take
 * turns (migrations, first-start seeding). The embedded database has one process and needs no lock.
 */
export async function withStartupLock<T>(handle: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  if (handle.kind === 'pglite') return work()
  const pool = (handle.db as unknown as { $client: pg.Pool }).$client
  const client = await pool.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY])
    return await work()
  } finally {
    await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined)
    client.release()
  }
}

/** Applies pending migrations (the same SQL files on PGlite and PostgreSQL). */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  await withStartupLock(handle, async () => {
    if (handle.kind === 'pglite')
      await migratePglite(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER })
    else await migratePg(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER })
  })
}

/**
 * Refreshes the planner's statistics. PostgreSQL's autovacuum does this by itself; the embedded database
 * has no background workers, so without it every plan assumes empty tables (a users page took 50 ms
 * instead of 1 ms on 5 000 users). Called at start, after bulk loads and periodically on PGlite.
 */
export async function refreshPlannerStatistics(db: Executor): Promise<void> {
  await db.execute(sql`analyze`)
}

/** Number of migrations applied, for /api/ready. */
export async function appliedMigrationCount(db: Executor): Promise<number> {
  const rows = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  )
  return rows[0]?.count ?? 0
}

/** Runs raw SQL and returns its rows, alike on PGlite and node-postgres. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'postgres'
  }
}
