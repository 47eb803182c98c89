import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Browser, createEmptyDatabase, startServer, type ServerProcess } from './postgres-helpers'

const ADMIN_PASSWORD = 'Kechuang-Test-2026!'

describe('two app servers on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>
  let serverA: ServerProcess
  let serverB: ServerProcess

  beforeAll(async () => {
    database = await createEmptyDatabase()
    const env = { DATABASE_URL: database.url, KECHUANG_ADMIN_PASSWORD: ADMIN_PASSWORD }
    // Started at the same moment: migration and first-start seeding must happen exactly once.
    ;[serverA, serverB] = await Promise.all([startServer(env, 3411), startServer(env, 3412)])
  })
  afterAll(async () => {
    await Promise.all([serverA?.stop(), serverB?.stop()])
    await database?.drop()
  })

  it('both serve logins', async () => {
    for (const server of [serverA, serverB]) {
      const response = await new Browser(server.baseUrl).login('admin', ADMIN_PASSWORD)
      expect(response.status).toBe(200)
    }
  })

  it('seeded the dataset once although both started together', async () => {
    const browser = new Browser(serverA.baseUrl)
    await browser.login('admin', ADMIN_PASSWORD)
    const names = (
      (await (await browser.send('GET', '/api/org-units')).json()) as { items: { name: string }[] }
    ).items.map((u) => u.name)
    expect(names.filter((n) => n === '大冶市')).toHaveLength(1)
    const users = (await (await browser.send('GET', '/api/users?q=admin')).json()) as { total: number }
    expect(users.total).toBe(1)
  })

  it('each sees the other’s writes, and a session from one works on the other', async () => {
    const onA = new Browser(serverA.baseUrl)
    await onA.login('admin', ADMIN_PASSWORD)
    const orgUnits = (await (await onA.send('GET', '/api/org-units')).json()) as {
      items: { id: string; name: string }[]
    }
    const daye = orgUnits.items.find((u) => u.name === '大冶市')!
    const created = await onA.send('POST', '/api/org-units', {
      parentId: daye.id,
      name: '双服务器测试部门',
      type: 'department',
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }

    const onB = onA.withBaseUrl(serverB.baseUrl)
    const read = await onB.send('GET', `/api/org-units/${id}`)
    expect(read.status).toBe(200)
    expect(((await read.json()) as { name: string }).name).toBe('双服务器测试部门')

    const renamed = await onB.send('PATCH', `/api/org-units/${id}`, { name: '双服务器测试部门（B改）' })
    expect(renamed.status).toBe(200)
    const again = (await (await onA.send('GET', `/api/org-units/${id}`)).json()) as { name: string }
    expect(again.name).toBe('双服务器测试部门（B改）')
  })

  it('locks an account after 5 wrong passwords whichever server they hit', async () => {
    const admin = new Browser(serverA.baseUrl)
    await admin.login('admin', ADMIN_PASSWORD)
    const orgUnits = (await (await admin.send('GET', '/api/org-units')).json()) as {
      items: { id: string; name: string }[]
    }
    await admin.send('POST', '/api/users', {
      username: 'roaming',
      displayName: '漫游',
      role: 'reporter',
      scopeOrgUnitId: orgUnits.items.find((u) => u.name === '陈贵镇')!.id,
      password: 'Initial-Passw0rd!',
    })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const server = i % 2 === 0 ? serverA : serverB
      statuses.push((await new Browser(server.baseUrl).login('roaming', 'Wrong-Passw0rd!')).status)
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423])
    expect((await new Browser(serverB.baseUrl).login('roaming', 'Initial-Passw0rd!')).status).toBe(423)
  })
})
