export {
  openDatabase,
  migrateDatabase,
  withStartupLock,
  refreshPlannerStatistics,
  appliedMigrationCount,
  queryRows,
  MIGRATIONS_FOLDER,
  type Database,
  type DatabaseHandle,
  type DatabaseKind,
  type Executor,
  type Transaction,
  type OpenDatabaseOptions,
} from './client'
export { writeBackup, restoreBackup, listDataTables } from './backup'
export * as tables from './tables/index'
export { containsPattern } from './like-pattern'
export { isUniqueViolation } from './database-errors'
export {
  loadSyntheticRegister,
  SyntheticRegisterRefusedError,
  SYNTHETIC_INSERT_BATCH_SIZE,
  type LoadSyntheticRegisterOptions,
  type LoadSyntheticRegisterResult,
  type SyntheticRegisterCounts,
} from './synthetic-register'
