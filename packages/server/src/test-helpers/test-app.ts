import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { sql } from 'drizzle-orm'
import type { SessionInfo } from '@kechuang/core/accounts'
import { queryRows, type DatabaseHandle } from '@kechuang/db'
import { buildApp } from '../app'
import { testConfig, type AppConfig } from '../config'
import { createAuditService } from '../modules/audit/audit.service'
import { createAdmin } from '../modules/accounts/first-admin'
import { openTestDatabase } from './test-database'

export const ADMIN_USERNAME = 'admin'
export const ADMIN_PASSWORD = 'Kechuang-Test-2026!'

export interface TestApp {
  app: FastifyInstance
  database: DatabaseHandle
  /** Signs in and returns a client that sends the session cookie and CSRF token. */
  login(username?: string, password?: string): Promise<TestClient>
  /** A client with no session at all. */
  anonymous(): TestClient
  /** Id of the seeded org unit with this name (names are unique in the seed). */
  orgUnitId(name: string): Promise<string>
  close(): Promise<void>
}

export interface TestClient {
  session: SessionInfo | null
  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>
  get(url: string): Promise<LightMyRequestResponse>
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>
  delete(url: string): Promise<LightMyRequestResponse>
}

/**
 * The real app on a real, seeded database (PGlite, or PostgreSQL in CI), with a system admin whose
 * password was set by the operator (no forced change). Requests go through app.inject.
 */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await openTestDatabase()
  await createAdmin(database.db, createAuditService({ db: database.db }), {
    username: ADMIN_USERNAME,
    password: ADMIN_PASSWORD,
  })
  const app = await buildApp({ config: testConfig(overrides), database })
  await app.ready()

  const client = (cookie: string | null, session: SessionInfo | null): TestClient => {
    const request: TestClient['request'] = ({ csrf = true, headers, ...options }) =>
      app.inject({
        ...options,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrf && session ? { 'x-csrf-token': session.csrfToken } : {}),
          ...headers,
        },
      })
    return {
      session,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, body) =>
        request({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }),
      patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
      delete: (url) => request({ method: 'DELETE', url }),
    }
  }

  return {
    app,
    database,
    async login(username = ADMIN_USERNAME, password = ADMIN_PASSWORD) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      })
      if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.body}`)
      const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
      return client(cookie, response.json() as SessionInfo)
    },
    anonymous: () => client(null, null),
    async orgUnitId(name) {
      const rows = await queryRows<{ id: string }>(
        database.db,
        sql`select id from org_units where name = ${name}`,
      )
      if (!rows[0]) throw new Error(`no seeded org unit named ${name}`)
      return rows[0].id
    },
    async close() {
      await app.close()
      await database.close()
    },
  }
}

/** Creates a user through the API as `admin` and signs in as it, past the forced password change. */
export async function createUserAndLogin(
  testApp: TestApp,
  admin: TestClient,
  user: { username: string; role: string; scopeOrgUnitId: string; displayName?: string },
): Promise<TestClient> {
  const initialPassword = 'Initial-Passw0rd!'
  const created = await admin.post('/api/users', {
    displayName: user.username,
    ...user,
    password: initialPassword,
  })
  if (created.statusCode !== 201) throw new Error(`creating ${user.username} failed: ${created.body}`)
  const first = await testApp.login(user.username, initialPassword)
  const changed = await first.post('/api/auth/change-password', {
    currentPassword: initialPassword,
    newPassword: 'Changed-Passw0rd!',
  })
  if (changed.statusCode !== 200)
    throw new Error(`password change of ${user.username} failed: ${changed.body}`)
  return testApp.login(user.username, 'Changed-Passw0rd!')
}
