import { isAbsolute, resolve } from 'node:path'
import { migrateDatabase, openDatabase, type DatabaseHandle } from '@kechuang/db'
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
  let seeded = false
  if (await isDatabaseEmpty(database.db)) {
    try {
      await seedDatabase(database.db)
      seeded = true
    } catch (error) {
      // Another app server starting at the same moment may have seeded first; then there is nothing to do.
      if (await isDatabaseEmpty(database.db)) throw error
    }
  }
  const audit = createAuditService({ db: database.db })
  const admin = await ensureFirstAdmin(database.db, audit, config.adminPassword).catch(
    async (error: unknown) => {
      if (String(error).includes('users_username_uq')) return null
      throw error
    },
  )
  return { database, seeded, admin }
}
