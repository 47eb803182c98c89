import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ORG_UNIT_NAME_MAX } from '@kechuang/core/org-units'
import { queryRows } from '@kechuang/db'
import { createTestApp, type TestApp, type TestClient } from '../test-helpers/index'

let t: TestApp
let admin: TestClient
let dayeId: string
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  dayeId = await t.orgUnitId('大冶市')
})
afterAll(() => t.close())

/** Row counts of the tables a rejected request could have touched. */
async function counts() {
  const rows = await queryRows<{ org_units: number; users: number; audit_log: number }>(
    t.database.db,
    sql`select (select count(*) from org_units)::int as org_units, (select count(*) from users)::int as users,
               (select count(*) from audit_log)::int as audit_log`,
  )
  return rows[0]!
}

async function expectRejected(
  send: () => Promise<{ statusCode: number; json(): unknown }>,
  status: number,
  code: string,
  message: RegExp,
) {
  const before = await counts()
  const response = await send()
  expect(response.statusCode).toBe(status)
  const body = response.json() as { code: string; message: string; details?: { path: string }[] }
  expect(body.code).toBe(code)
  expect(body.message).toMatch(message)
  expect(body.message).toMatch(/[\u4e00-\u9fa5]/)
  expect(await counts()).toEqual(before)
  return body
}

describe('bad input is refused with a Chinese message and changes nothing', () => {
  it('malformed JSON', async () => {
    await expectRejected(
      () =>
        admin.request({
          method: 'POST',
          url: '/api/org-units',
          headers: { 'content-type': 'application/json' },
          payload: '{"name": "x",',
        }),
      400,
      'MALFORMED_JSON',
      /不是有效的 JSON/,
    )
  })

  it('a body that is not JSON at all', async () => {
    await expectRejected(
      () =>
        admin.request({
          method: 'POST',
          url: '/api/org-units',
          headers: { 'content-type': 'text/plain' },
          payload: 'name=x',
        }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      /请使用 JSON/,
    )
  })

  it('unknown fields', async () => {
    const body = await expectRejected(
      () =>
        admin.post('/api/org-units', { parentId: dayeId, name: '新部门', type: 'department', isAdmin: true }),
      400,
      'VALIDATION_FAILED',
      /未知的键.*isAdmin/,
    )
    expect(body).toHaveProperty('details')
  })

  it('over-long strings, naming the limit', async () => {
    const body = await expectRejected(
      () =>
        admin.post('/api/org-units', {
          parentId: dayeId,
          name: '长'.repeat(ORG_UNIT_NAME_MAX + 1),
          type: 'department',
        }),
      400,
      'VALIDATION_FAILED',
      new RegExp(`机构名称不能超过 ${ORG_UNIT_NAME_MAX} 个字符`),
    )
    expect(body.details![0]!.path).toBe('name')
  })

  it('wrong types', async () => {
    await expectRejected(
      () =>
        admin.post('/api/org-units', { parentId: dayeId, name: 123, type: 'department', sortOrder: 'first' }),
      400,
      'VALIDATION_FAILED',
      /机构名称必须是文本/,
    )
  })

  it('an unknown enum value', async () => {
    await expectRejected(
      () =>
        admin.post('/api/users', {
          username: 'bad-role',
          displayName: 'x',
          role: 'superuser',
          scopeOrgUnitId: dayeId,
        }),
      400,
      'VALIDATION_FAILED',
      /角色不正确/,
    )
  })

  it('a malformed id in the path', async () => {
    await expectRejected(
      () => admin.patch('/api/org-units/not-a-uuid', { name: 'x' }),
      400,
      'VALIDATION_FAILED',
      /机构编号格式不正确/,
    )
  })

  it('a weak password for a new user', async () => {
    await expectRejected(
      () =>
        admin.post('/api/users', {
          username: 'weakpw',
          displayName: 'x',
          role: 'reporter',
          scopeOrgUnitId: dayeId,
          password: '12345678',
        }),
      400,
      'VALIDATION_FAILED',
      /密码至少 10 位/,
    )
  })

  it('a missing CSRF token', async () => {
    await expectRejected(
      () =>
        admin.request({
          method: 'POST',
          url: '/api/org-units',
          payload: { parentId: dayeId, name: '无令牌', type: 'department' },
          csrf: false,
        }),
      403,
      'CSRF_TOKEN_INVALID',
      /CSRF/,
    )
  })

  it('a wrong CSRF token', async () => {
    await expectRejected(
      () =>
        admin.request({
          method: 'DELETE',
          url: `/api/org-units/${dayeId}`,
          headers: { 'x-csrf-token': 'forged-token' },
          csrf: false,
        }),
      403,
      'CSRF_TOKEN_INVALID',
      /CSRF/,
    )
  })

  it('a body over the size limit', async () => {
    await expectRejected(
      () =>
        admin.post('/api/org-units', {
          parentId: dayeId,
          name: 'x',
          type: 'department',
          aliases: ['a'.repeat(1024 * 1024)],
        }),
      413,
      'PAYLOAD_TOO_LARGE',
      /过大/,
    )
  })

  it('an unknown API route', async () => {
    await expectRejected(() => admin.get('/api/nothing-here'), 404, 'ROUTE_NOT_FOUND', /接口不存在/)
  })

  it('a bad query parameter', async () => {
    await expectRejected(() => admin.get('/api/users?pageSize=100000'), 400, 'VALIDATION_FAILED', /每页最多/)
  })
})
