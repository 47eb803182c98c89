import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { migrateDatabase, openDatabase, type DatabaseHandle } from '@kechuang/db'
import { seedDatabase } from '@kechuang/db/seed'

/**
 * A fresh, migrated and seeded database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL (CI), dropped again on close.
 */
export async function openTestDatabase(options: { seed?: boolean } = {}): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL
  let handle: DatabaseHandle
  if (serverUrl) {
    const name = `kc_test_${randomBytes(6).toString('hex')}`
    await withAdminClient(serverUrl, (client) => client.query(`create database ${name}`))
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    const opened = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 })
    handle = {
      ...opened,
      close: async () => {
        await opened.close()
        await withAdminClient(serverUrl, (client) =>
          client.query(`drop database if exists ${name} with (force)`),
        )
      },
    }
  } else {
    handle = await openDatabase({ dataDir: 'memory' })
  }
  await migrateDatabase(handle)
  if (options.seed !== false) await seedDatabase(handle.db)
  return handle
}

async function withAdminClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}
