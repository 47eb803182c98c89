import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { migrateDatabase, openDatabase, queryRows, refreshPlannerStatistics, tables } from '@kechuang/db'
import { seedDatabase } from '@kechuang/db/seed'
import { buildApp } from '@kechuang/server/app'
import { testConfig } from '../packages/server/src/config'
import { createAuditService } from '../packages/server/src/modules/audit/audit.service'
import { createAdmin } from '../packages/server/src/modules/accounts/first-admin'
import { hashPassword } from '../packages/server/src/modules/accounts/password-hashing'
import { formatLoad, runLoad } from './measure'

// Authenticated list requests on the embedded database (PGlite in a data folder, as `npm start` runs it).
const USER_COUNT = 5_000
const REQUESTS = 2_000
const CONCURRENCY = 10
const PASSWORD = 'Bench-Passw0rd!'

const dataDir = mkdtempSync(join(tmpdir(), 'kc-bench-'))
const database = await openDatabase({ dataDir })
try {
  await migrateDatabase(database)
  await seedDatabase(database.db)
  await createAdmin(database.db, createAuditService({ db: database.db }), {
    username: 'admin',
    password: PASSWORD,
  })
  const units = await queryRows<{ id: string }>(database.db, sql`select id from org_units`)
  // One hash shared by the synthetic users: hashing 5 000 passwords would only time argon2.
  const passwordHash = await hashPassword(PASSWORD)
  for (let start = 0; start < USER_COUNT; start += 1000) {
    await database.db.insert(tables.users).values(
      Array.from({ length: Math.min(1000, USER_COUNT - start) }, (_, i) => ({
        username: `user${String(start + i).padStart(5, '0')}`,
        displayName: `用户${start + i}`,
        role: 'reporter' as const,
        scopeOrgUnitId: units[(start + i) % units.length]!.id,
        passwordHash,
        mustChangePassword: false,
      })),
    )
  }

  await refreshPlannerStatistics(database.db)

  const app = await buildApp({ config: testConfig({ dataDir }), database })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  const get = (path: string) => async () => {
    const response = await fetch(`${address}${path}`, { headers: { cookie } })
    if (!response.ok) throw new Error(`${path}: ${response.status}`)
    await response.arrayBuffer()
  }

  console.log(`data: ${units.length} org units, ${USER_COUNT + 1} users, embedded PGlite in a data folder`)
  console.log(`load: ${REQUESTS} requests per endpoint, ${CONCURRENCY} in flight, Node ${process.version}`)
  await runLoad(200, CONCURRENCY, get('/api/users?page=1&pageSize=20'))
  console.log(
    formatLoad(
      'GET /api/users?page=1&pageSize=20',
      await runLoad(REQUESTS, CONCURRENCY, get('/api/users?page=1&pageSize=20')),
    ),
  )
  console.log(
    formatLoad(
      'GET /api/users?q=用户42&page=1   ',
      await runLoad(REQUESTS, CONCURRENCY, get(`/api/users?q=${encodeURIComponent('用户42')}&page=1`)),
    ),
  )
  console.log(
    formatLoad(
      'GET /api/org-units (whole tree)  ',
      await runLoad(REQUESTS, CONCURRENCY, get('/api/org-units')),
    ),
  )
  await app.close()
} finally {
  await database.close()
  rmSync(dataDir, { recursive: true, force: true })
}
