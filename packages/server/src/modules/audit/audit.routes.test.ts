import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'

let t: TestApp
let admin: TestClient
let dayeId: string
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  dayeId = await t.orgUnitId('大冶市')
})
afterAll(() => t.close())

type Entry = {
  action: string
  entityType: string
  entityId: string
  actorName: string
  ip: string | null
  before: unknown
  after: unknown
  occurredAt: string
}
const entriesFor = async (entityId: string) =>
  (await admin.get(`/api/audit?entityId=${entityId}&pageSize=50`)).json().items as Entry[]

describe('audit log', () => {
  it('records every org-unit change with actor, time, IP, before and after', async () => {
    const unit = (
      await admin.post('/api/org-units', { parentId: dayeId, name: '审计测试部门', type: 'department' })
    ).json()
    await admin.patch(`/api/org-units/${unit.id}`, { name: '审计测试部门（改）' })
    await admin.post(`/api/org-units/${unit.id}/move`, { parentId: await t.orgUnitId('陈贵镇') })
    await admin.delete(`/api/org-units/${unit.id}`)

    const entries = await entriesFor(unit.id)
    expect(entries.map((e) => e.action)).toEqual(['delete', 'move', 'update', 'create'])
    const [deleted, moved, updated, created] = entries
    expect(created!.before).toBeNull()
    expect(created!.after).toMatchObject({ name: '审计测试部门' })
    expect(updated!.before).toMatchObject({ name: '审计测试部门' })
    expect(updated!.after).toMatchObject({ name: '审计测试部门（改）' })
    expect(moved!.before).toMatchObject({ parentId: dayeId })
    expect(deleted!.before).toMatchObject({ name: '审计测试部门（改）' })
    expect(deleted!.after).toBeNull()
    for (const entry of entries) {
      expect(entry.actorName).toBe('系统管理员（admin）')
      expect(entry.ip).toBeTruthy()
      expect(Date.parse(entry.occurredAt)).toBeGreaterThan(Date.now() - 60_000)
    }
  })

  it('records every user change, and never a password hash', async () => {
    const created = (
      await admin.post('/api/users', {
        username: 'audited',
        displayName: '被审计',
        role: 'reporter',
        scopeOrgUnitId: dayeId,
      })
    ).json()
    const id = created.user.id
    await admin.patch(`/api/users/${id}`, { displayName: '被审计（改）' })
    await admin.post(`/api/users/${id}/reset-password`, {})
    await admin.post(`/api/users/${id}/lock`)
    await admin.post(`/api/users/${id}/unlock`)
    const entries = await entriesFor(id)
    expect(entries.map((e) => e.action)).toEqual(['unlock', 'lock', 'reset_password', 'update', 'create'])
    expect(entries.find((e) => e.action === 'update')!.before).toMatchObject({ displayName: '被审计' })
    expect(entries.find((e) => e.action === 'lock')!.after).toMatchObject({ isDisabled: true })
    expect(JSON.stringify(entries)).not.toMatch(/passwordHash|argon2/)
  })

  it('records logins, failed logins and password changes', async () => {
    await createUserAndLogin(t, admin, { username: 'audit-login', role: 'reporter', scopeOrgUnitId: dayeId })
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'audit-login', password: 'Wrong-Passw0rd!' },
    })
    const actions = (
      (await admin.get('/api/audit?actor=audit-login&pageSize=50')).json().items as Entry[]
    ).map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['login', 'login_failed', 'change_password']))
  })

  it('filters by action and time', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString()
    const page = (
      await admin.get(`/api/audit?action=create&entityType=org_unit&from=${encodeURIComponent(from)}`)
    ).json()
    expect(page.items.every((e: Entry) => e.action === 'create' && e.entityType === 'org_unit')).toBe(true)
  })

  it('is append-only: the database refuses to change or remove entries', async () => {
    await expect(t.database.db.execute(sql`update audit_log set actor_name = 'x'`)).rejects.toThrow()
    await expect(t.database.db.execute(sql`delete from audit_log`)).rejects.toThrow()
    await expect(t.database.db.execute(sql`truncate audit_log`)).rejects.toThrow()
  })

  it('shows a scoped reader only the entries of its scope', async () => {
    const countyAdmin = await createUserAndLogin(t, admin, {
      username: 'audit-county',
      role: 'bureau_admin',
      scopeOrgUnitId: await t.orgUnitId('阳新县'),
    })
    await admin.post('/api/org-units', { parentId: dayeId, name: '县外审计部门', type: 'department' })
    const items = (await countyAdmin.get('/api/audit?pageSize=200')).json().items as Entry[]
    expect(items.some((e) => JSON.stringify(e.after ?? '').includes('县外审计部门'))).toBe(false)
    expect(items.some((e) => e.action === 'seed')).toBe(false)
  })

  it('is closed to roles without the audit permission', async () => {
    const staff = await createUserAndLogin(t, admin, {
      username: 'audit-staff',
      role: 'bureau_staff',
      scopeOrgUnitId: dayeId,
    })
    expect((await staff.get('/api/audit')).statusCode).toBe(403)
  })
})
