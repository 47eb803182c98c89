import { isAbsolute, resolve } from 'node:path'
import { migrateDatabase, openDatabase, withStartupLock, type DatabaseHandle } from '@kechuang/db'
import { isDatabaseEmpty, seedDatabase } from '@kechuang/db/seed'
import type { AppConfig } from './config'
import { createAuditService } from './modules/audit/audit.service'
import { ensureFirstAdmin, type AdminCredentials } from './modules/accounts/first-admin'

/**
 * Relative data folders are taken from where the user ran npm (INIT_CWD), not from the workspace folder
 * npm switches into, so `npm start` at the repository root keeps its data in ./data there.
 */
export function resolveDataDir(dataDir: string): string {
  if (dataDir === 'memory' || isAbsolute(dataDir)) return dataDir
  return resolve(process.env.INIT_CWD ?? process.cwd(), dataDir)
}

export async function openConfiguredDatabase(config: AppConfig): Promise<DatabaseHandle> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: resolveDataDir(config.dataDir) })
}

export interface PreparedDatabase {
  database: DatabaseHandle
  seeded: boolean
  admin: AdminCredentials | null
}

/** Migrates; on a first start also loads the Huangshi / Daye dataset and creates the first admin. */
export async function prepareDatabase(config: AppConfig): Promise<PreparedDatabase> {
  const database = await openConfiguredDatabase(config)
  await migrateDatabase(database)
  // Several app servers may start together on one PostgreSQL: the first seeds and creates the admin.
  return withStartupLock(database, async () => {
    const seeded = await isDatabaseEmpty(database.db)
    if (seeded) await seedDatabase(database.db)
    const admin = await ensureFirstAdmin(
      database.db,
      createAuditService({ db: database.db }),
      config.adminPassword,
    )
    return { database, seeded, admin }
  })
}
