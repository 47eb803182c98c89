import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOGIN_MAX_FAILURES } from '@kechuang/core/accounts'
import { queryRows } from '@kechuang/db'
import { ADMIN_PASSWORD, createTestApp, createUserAndLogin, type TestApp } from '../../test-helpers/index'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 1000 })
})
afterAll(() => t.close())

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip })

describe('login', () => {
  it('signs in with the right password and sets an HttpOnly SameSite session cookie', async () => {
    const response = await login('admin', ADMIN_PASSWORD)
    expect(response.statusCode).toBe(200)
    const cookie = response.cookies.find((c) => c.name === 'kc_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Strict')
    const body = response.json()
    expect(body.user.username).toBe('admin')
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/)
    expect(body.permissions).toContain('users:write')
  })

  it('accepts the username in any letter case', async () => {
    expect((await login('ADMIN', ADMIN_PASSWORD)).statusCode).toBe(200)
  })

  it('answers a wrong password and an unknown user alike, in Chinese', async () => {
    const unknown = await login('nobody', 'Whatever-123')
    expect(unknown.statusCode).toBe(401)
    expect(unknown.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' })
  })

  it(`locks the account after ${LOGIN_MAX_FAILURES} wrong passwords, refusing even the right one`, async () => {
    const admin = await t.login()
    const victim = await createUserAndLogin(t, admin, {
      username: 'lockme',
      role: 'bureau_staff',
      scopeOrgUnitId: await t.orgUnitId('大冶市'),
    })
    expect(victim.session).not.toBeNull()
    for (let i = 1; i < LOGIN_MAX_FAILURES; i++) {
      const response = await login('lockme', 'Wrong-Passw0rd!')
      expect(response.statusCode).toBe(401)
      expect(response.json().message).toContain(`再错 ${LOGIN_MAX_FAILURES - i} 次`)
    }
    const fifth = await login('lockme', 'Wrong-Passw0rd!')
    expect(fifth.statusCode).toBe(423)
    expect(fifth.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' })
    expect(fifth.json().message).toContain('15 分钟')

    const right = await login('lockme', 'Changed-Passw0rd!')
    expect(right.statusCode).toBe(423)

    const list = await admin.get('/api/users?q=lockme')
    expect(list.json().items[0].lockedUntil).not.toBeNull()
    const locks = await admin.get(
      `/api/audit?entityType=user&action=lock&entityId=${list.json().items[0].id}`,
    )
    expect(locks.json().total).toBe(1)

    // An administrator's unlock lifts the automatic lockout at once.
    const unlocked = await admin.post(`/api/users/${list.json().items[0].id}/unlock`)
    expect(unlocked.statusCode).toBe(200)
    expect((await login('lockme', 'Changed-Passw0rd!')).statusCode).toBe(200)
  })

  it('refuses a disabled account even with the right password', async () => {
    const admin = await t.login()
    await createUserAndLogin(t, admin, {
      username: 'disableme',
      role: 'leader',
      scopeOrgUnitId: await t.orgUnitId('黄石市'),
    })
    const id = (await admin.get('/api/users?q=disableme')).json().items[0].id
    expect((await admin.post(`/api/users/${id}/lock`)).statusCode).toBe(200)
    const response = await login('disableme', 'Changed-Passw0rd!')
    expect(response.statusCode).toBe(403)
    expect(response.json().code).toBe('ACCOUNT_DISABLED')
  })
})

describe('sessions', () => {
  it('answers 401 in Chinese without a session', async () => {
    const response = await t.anonymous().get('/api/org-units')
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' })
  })

  it('ends a session that has been idle longer than the timeout', async () => {
    const admin = await t.login()
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200)
    await t.database.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes'`)
    const response = await admin.get('/api/auth/me')
    expect(response.statusCode).toBe(401)
    expect(response.json().code).toBe('SESSION_EXPIRED')
  })

  it('logs out: the cookie no longer works', async () => {
    const admin = await t.login()
    expect((await admin.post('/api/auth/logout')).statusCode).toBe(204)
    expect((await admin.get('/api/auth/me')).statusCode).toBe(401)
  })

  it('stores only a hash of the session token', async () => {
    const response = await login('admin', ADMIN_PASSWORD)
    const token = response.cookies.find((c) => c.name === 'kc_session')!.value
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from sessions where id = ${token}`,
    )
    expect(rows[0]!.n).toBe(0)
  })
})

describe('one-time passwords', () => {
  it('lets a user with a one-time password do nothing but change it, then everything its role allows', async () => {
    const admin = await t.login()
    const created = await admin.post('/api/users', {
      username: 'newcomer',
      displayName: '新同事',
      role: 'bureau_staff',
      scopeOrgUnitId: await t.orgUnitId('大冶市'),
    })
    expect(created.statusCode).toBe(201)
    const oneTime = created.json().temporaryPassword as string
    expect(oneTime.length).toBeGreaterThanOrEqual(10)
    const user = await t.login('newcomer', oneTime)
    expect(user.session!.user.mustChangePassword).toBe(true)
    const blocked = await user.get('/api/org-units')
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED')

    const weak = await user.post('/api/auth/change-password', {
      currentPassword: oneTime,
      newPassword: 'short',
    })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().message).toMatch(/密码至少 10 位/)
    const wrongCurrent = await user.post('/api/auth/change-password', {
      currentPassword: 'Not-the-0ne',
      newPassword: 'Fresh-Passw0rd!',
    })
    expect(wrongCurrent.json().code).toBe('CURRENT_PASSWORD_WRONG')
    const withName = await user.post('/api/auth/change-password', {
      currentPassword: oneTime,
      newPassword: 'Newcomer-2026!',
    })
    expect(withName.json().message).toContain('密码不能包含用户名')

    const changed = await user.post('/api/auth/change-password', {
      currentPassword: oneTime,
      newPassword: 'Fresh-Passw0rd!',
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.json().user.mustChangePassword).toBe(false)
    expect((await user.get('/api/org-units')).statusCode).toBe(200)
  })
})

describe('login rate limit', () => {
  it('answers 429 in Chinese once an address exceeds the limit, and counts in the database', async () => {
    const limited = await createTestApp({ loginRateLimitPerMinute: 3 })
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'x', password: 'y' },
          remoteAddress: '10.9.9.9',
        })
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401)
      const response = await attempt()
      expect(response.statusCode).toBe(429)
      expect(response.json()).toMatchObject({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' })
      const other = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'x', password: 'y' },
        remoteAddress: '10.9.9.10',
      })
      expect(other.statusCode).toBe(401)
    } finally {
      await limited.close()
    }
  })
})
