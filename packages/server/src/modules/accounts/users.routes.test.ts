import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'

let t: TestApp
let admin: TestClient
let dayeId: string
let huangshiId: string
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  dayeId = await t.orgUnitId('大冶市')
  huangshiId = await t.orgUnitId('黄石市')
})
afterAll(() => t.close())

describe('user management', () => {
  it('creates a user with a given initial password that must be changed at first login', async () => {
    const response = await admin.post('/api/users', {
      username: 'Zhang.San',
      displayName: '张三',
      role: 'reporter',
      scopeOrgUnitId: dayeId,
      phone: '0714-8888888',
      password: 'Initial-Passw0rd!',
    })
    expect(response.statusCode).toBe(201)
    expect(response.json().temporaryPassword).toBeNull()
    expect(response.json().user).toMatchObject({
      username: 'zhang.san',
      role: 'reporter',
      scopeOrgUnitName: '大冶市',
      mustChangePassword: true,
    })
    expect(response.json().user).not.toHaveProperty('passwordHash')
  })

  it('refuses a username that is taken', async () => {
    const response = await admin.post('/api/users', {
      username: 'zhang.san',
      displayName: '重名',
      role: 'reporter',
      scopeOrgUnitId: dayeId,
    })
    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({ code: 'USERNAME_TAKEN', message: '用户名已被使用' })
  })

  it('lists, searches and filters users', async () => {
    const all = (await admin.get('/api/users?pageSize=50')).json()
    expect(all.total).toBeGreaterThanOrEqual(2)
    const found = (await admin.get(`/api/users?q=${encodeURIComponent('张')}`)).json()
    expect(found.items.map((u: { username: string }) => u.username)).toEqual(['zhang.san'])
    const reporters = (await admin.get('/api/users?role=reporter')).json()
    expect(reporters.items.every((u: { role: string }) => u.role === 'reporter')).toBe(true)
  })

  it('resets a password to a generated one-time password and ends the user’s sessions', async () => {
    const user = await createUserAndLogin(t, admin, {
      username: 'resetme',
      role: 'bureau_staff',
      scopeOrgUnitId: dayeId,
    })
    const id = user.session!.user.id
    const response = await admin.post(`/api/users/${id}/reset-password`, {})
    expect(response.statusCode).toBe(200)
    const oneTime = response.json().temporaryPassword
    expect(oneTime).toMatch(/.{10,}/)
    expect((await user.get('/api/auth/me')).statusCode).toBe(401)
    const again = await t.login('resetme', oneTime)
    expect(again.session!.user.mustChangePassword).toBe(true)
  })

  it('changes role and scope, which signs the user out', async () => {
    const user = await createUserAndLogin(t, admin, {
      username: 'moveme',
      role: 'reporter',
      scopeOrgUnitId: dayeId,
    })
    const response = await admin.patch(`/api/users/${user.session!.user.id}`, {
      role: 'leader',
      scopeOrgUnitId: huangshiId,
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ role: 'leader', scopeOrgUnitName: '黄石市' })
    expect((await user.get('/api/auth/me')).statusCode).toBe(401)
  })

  it('does not let an administrator lock itself or change its own role', async () => {
    const self = admin.session!.user.id
    expect((await admin.post(`/api/users/${self}/lock`)).json().code).toBe('CANNOT_CHANGE_SELF')
    expect((await admin.patch(`/api/users/${self}`, { role: 'leader' })).json().code).toBe(
      'CANNOT_CHANGE_SELF',
    )
  })
})

describe('a county bureau admin manages only its own county', () => {
  let countyAdmin: TestClient
  beforeAll(async () => {
    countyAdmin = await createUserAndLogin(t, admin, {
      username: 'county-admin',
      role: 'bureau_admin',
      scopeOrgUnitId: dayeId,
    })
  })

  it('sees only users scoped inside its county', async () => {
    await admin.post('/api/users', {
      username: 'city-staff',
      displayName: '市局',
      role: 'bureau_staff',
      scopeOrgUnitId: huangshiId,
    })
    const items = (await countyAdmin.get('/api/users?pageSize=200')).json().items as {
      username: string
      scopeOrgUnitName: string
    }[]
    expect(items.some((u) => u.username === 'city-staff')).toBe(false)
    expect(items.some((u) => u.username === 'admin')).toBe(false)
    expect(items.some((u) => u.username === 'zhang.san')).toBe(true)
  })

  it('gets 404 reading, editing or locking a user outside its county', async () => {
    const cityStaff = (await admin.get('/api/users?q=city-staff')).json().items[0].id
    expect((await countyAdmin.get(`/api/users/${cityStaff}`)).statusCode).toBe(404)
    expect((await countyAdmin.patch(`/api/users/${cityStaff}`, { displayName: '改' })).statusCode).toBe(404)
    expect((await countyAdmin.post(`/api/users/${cityStaff}/lock`)).statusCode).toBe(404)
    expect((await admin.get(`/api/users/${cityStaff}`)).json()).toMatchObject({
      displayName: '市局',
      isDisabled: false,
    })
  })

  it('cannot give a user a scope above its own, nor make a system admin', async () => {
    const above = await countyAdmin.post('/api/users', {
      username: 'too-high',
      displayName: '越权',
      role: 'reporter',
      scopeOrgUnitId: huangshiId,
    })
    expect(above.statusCode).toBe(404)
    expect(above.json().code).toBe('SCOPE_NOT_FOUND')
    const sysadmin = await countyAdmin.post('/api/users', {
      username: 'new-root',
      displayName: '越权',
      role: 'system_admin',
      scopeOrgUnitId: dayeId,
    })
    expect(sysadmin.statusCode).toBe(403)
    expect(sysadmin.json().code).toBe('ROLE_NOT_ASSIGNABLE')
    expect((await admin.get('/api/users?q=too-high')).json().total).toBe(0)
  })
})

describe('roles without account rights', () => {
  it('a leader may read users but not change them', async () => {
    const leader = await createUserAndLogin(t, admin, {
      username: 'leader-1',
      role: 'leader',
      scopeOrgUnitId: huangshiId,
    })
    expect((await leader.get('/api/users')).statusCode).toBe(200)
    const response = await leader.post('/api/users', {
      username: 'x-user',
      displayName: 'x',
      role: 'reporter',
      scopeOrgUnitId: dayeId,
    })
    expect(response.statusCode).toBe(403)
    expect(response.json()).toMatchObject({ code: 'FORBIDDEN', message: '您没有执行此操作的权限' })
  })

  it('an enterprise user cannot list users', async () => {
    const enterprise = await createUserAndLogin(t, admin, {
      username: 'ent-1',
      role: 'enterprise',
      scopeOrgUnitId: dayeId,
    })
    expect((await enterprise.get('/api/users')).statusCode).toBe(403)
  })
})
