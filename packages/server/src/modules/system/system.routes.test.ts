import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MIGRATIONS_FOLDER } from '@kechuang/db'
import { createTestApp, type TestApp } from '../../test-helpers/index'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('system endpoints', () => {
  it('answers health and readiness without signing in', async () => {
    const health = await t.anonymous().get('/api/health')
    expect(health.json()).toMatchObject({ status: 'ok' })
    const ready = await t.anonymous().get('/api/ready')
    // Every migration of the db package has been applied.
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[]
    }
    expect(ready.json()).toMatchObject({ status: 'ready', migrations: journal.entries.length })
  })

  it('publishes the OpenAPI document generated from the route schemas', async () => {
    const doc = (await t.anonymous().get('/api/docs/json')).json()
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/org-units/', '/api/users/', '/api/auth/login', '/api/audit/']),
    )
    const docsPage = await t.anonymous().get('/api/docs/')
    expect(docsPage.statusCode).toBe(200)
  })

  it('summarises the dashboard within the reader’s scope', async () => {
    const admin = await t.login()
    const summary = (await admin.get('/api/dashboard/summary')).json()
    expect(summary.orgUnitCount).toBeGreaterThan(60)
    expect(summary.orgUnitCountsByType.township).toBeGreaterThanOrEqual(10)
    expect(summary.userCountsByRole.system_admin).toBe(1)
    expect(summary.planCount).toBe(3)
  })
})
