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

describe('org units for an administrator', () => {
  it('lists the seeded tree: 湖北省 → 黄石市 → 大冶市 → towns and parks', async () => {
    const response = await admin.get('/api/org-units')
    expect(response.statusCode).toBe(200)
    const items = response.json().items as { name: string; parentId: string | null; id: string }[]
    const byName = new Map(items.map((u) => [u.name, u]))
    expect(byName.get('湖北省')!.parentId).toBeNull()
    expect(byName.get('大冶市')!.parentId).toBe(byName.get('黄石市')!.id)
    expect(byName.get('还地桥镇')!.parentId).toBe(dayeId)
  })

  it('creates, edits, moves and deletes a unit', async () => {
    const created = await admin.post('/api/org-units', {
      parentId: dayeId,
      name: '大冶市创新服务中心',
      type: 'department',
      aliases: ['创新中心'],
    })
    expect(created.statusCode).toBe(201)
    const unit = created.json()
    expect(unit).toMatchObject({ name: '大冶市创新服务中心', type: 'department', depth: 3, parentId: dayeId })

    const edited = await admin.patch(`/api/org-units/${unit.id}`, {
      name: '大冶市科技创新服务中心',
      sortOrder: 5,
    })
    expect(edited.json()).toMatchObject({ name: '大冶市科技创新服务中心', sortOrder: 5 })

    const town = await t.orgUnitId('还地桥镇')
    const moved = await admin.post(`/api/org-units/${unit.id}/move`, { parentId: town })
    expect(moved.statusCode).toBe(200)
    expect(moved.json().parentId).toBe(town)
    expect(moved.json().depth).toBe(4)
    expect(moved.json().path).toMatch(new RegExp(`${town}/${unit.id}/$`))

    expect((await admin.delete(`/api/org-units/${unit.id}`)).statusCode).toBe(204)
    expect((await admin.get(`/api/org-units/${unit.id}`)).statusCode).toBe(404)
  })

  it('moves a unit together with its whole subtree', async () => {
    const parent = (
      await admin.post('/api/org-units', { parentId: dayeId, name: '测试园区', type: 'park' })
    ).json()
    const child = (
      await admin.post('/api/org-units', { parentId: parent.id, name: '测试子园区', type: 'park' })
    ).json()
    const huangshi = await t.orgUnitId('黄石市')
    expect((await admin.post(`/api/org-units/${parent.id}/move`, { parentId: huangshi })).statusCode).toBe(
      200,
    )
    const reloaded = (await admin.get(`/api/org-units/${child.id}`)).json()
    expect(reloaded.depth).toBe(3)
    expect(reloaded.path.startsWith((await admin.get(`/api/org-units/${parent.id}`)).json().path)).toBe(true)
  })

  it('refuses moving a unit under its own descendant', async () => {
    const town = await t.orgUnitId('陈贵镇')
    const response = await admin.post(`/api/org-units/${dayeId}/move`, { parentId: town })
    expect(response.statusCode).toBe(422)
    expect(response.json().code).toBe('MOVE_INTO_OWN_SUBTREE')
  })

  it('refuses a kind of unit its parent may not hold, naming both', async () => {
    const town = await t.orgUnitId('陈贵镇')
    const response = await admin.post('/api/org-units', { parentId: town, name: '某县', type: 'county' })
    expect(response.statusCode).toBe(422)
    expect(response.json().message).toBe('「乡镇(街道)」之下不能设立「县(市、区)」类型的机构')
  })

  it('refuses a second unit of the same name under one parent, and a used division code', async () => {
    const sameName = await admin.post('/api/org-units', {
      parentId: dayeId,
      name: '陈贵镇',
      type: 'township',
    })
    expect(sameName.statusCode).toBe(409)
    expect(sameName.json()).toMatchObject({ code: 'NAME_TAKEN', message: '同一上级机构下已有同名机构' })
    const sameCode = await admin.post('/api/org-units', {
      parentId: dayeId,
      name: '新区',
      type: 'functional_zone',
      divisionCode: '420281',
    })
    expect(sameCode.statusCode).toBe(409)
    expect(sameCode.json().code).toBe('DIVISION_CODE_TAKEN')
  })

  it('refuses deleting a unit that still has children or users', async () => {
    const withChildren = await admin.delete(`/api/org-units/${dayeId}`)
    expect(withChildren.statusCode).toBe(409)
    expect(withChildren.json().code).toBe('HAS_CHILDREN')
    const dept = (
      await admin.post('/api/org-units', { parentId: dayeId, name: '有用户的部门', type: 'department' })
    ).json()
    await admin.post('/api/users', {
      username: 'deptuser',
      displayName: '部门用户',
      role: 'reporter',
      scopeOrgUnitId: dept.id,
    })
    const withUsers = await admin.delete(`/api/org-units/${dept.id}`)
    expect(withUsers.json().code).toBe('HAS_USERS')
  })
})

describe('data scope of a 责任单位 reporter', () => {
  let reporter: TestClient
  let scopeId: string
  beforeAll(async () => {
    scopeId = await t.orgUnitId('还地桥镇')
    reporter = await createUserAndLogin(t, admin, {
      username: 'hdq-reporter',
      role: 'reporter',
      scopeOrgUnitId: scopeId,
    })
  })

  it('lists only its own subtree', async () => {
    const items = (await reporter.get('/api/org-units')).json().items as { id: string; path: string }[]
    expect(items.length).toBeGreaterThan(0)
    expect(items.every((u) => u.path.includes(scopeId))).toBe(true)
    expect(items.some((u) => u.id === dayeId)).toBe(false)
  })

  it('gets 404 for another unit by id, like a unit that does not exist', async () => {
    const response = await reporter.get(`/api/org-units/${dayeId}`)
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({
      code: 'ORG_UNIT_NOT_FOUND',
      message: '组织机构不存在或不在您的管辖范围内',
    })
  })

  it('cannot write at all without the permission', async () => {
    const response = await reporter.post('/api/org-units', {
      parentId: scopeId,
      name: '越权新建',
      type: 'department',
    })
    expect(response.statusCode).toBe(403)
    expect(response.json().code).toBe('FORBIDDEN')
  })
})

describe('data scope of a county bureau admin', () => {
  let countyAdmin: TestClient
  beforeAll(async () => {
    countyAdmin = await createUserAndLogin(t, admin, {
      username: 'daye-admin',
      role: 'bureau_admin',
      scopeOrgUnitId: dayeId,
    })
  })

  it('writes inside its scope', async () => {
    const response = await countyAdmin.post('/api/org-units', {
      parentId: dayeId,
      name: '县管新部门',
      type: 'department',
    })
    expect(response.statusCode).toBe(201)
  })

  it('cannot create, edit, move or delete outside its scope: 404 and nothing changes', async () => {
    const huangshi = await t.orgUnitId('黄石市')
    const yangxin = await t.orgUnitId('阳新县')
    const create = await countyAdmin.post('/api/org-units', {
      parentId: huangshi,
      name: '越权',
      type: 'department',
    })
    expect(create.statusCode).toBe(404)
    expect(create.json().code).toBe('PARENT_NOT_FOUND')
    expect((await countyAdmin.patch(`/api/org-units/${yangxin}`, { name: '改名' })).statusCode).toBe(404)
    expect((await countyAdmin.delete(`/api/org-units/${yangxin}`)).statusCode).toBe(404)
    const town = await t.orgUnitId('陈贵镇')
    expect((await countyAdmin.post(`/api/org-units/${town}/move`, { parentId: yangxin })).statusCode).toBe(
      404,
    )
    expect((await admin.get(`/api/org-units/${yangxin}`)).json().name).toBe('阳新县')
    expect((await admin.get(`/api/org-units/${town}`)).json().parentId).toBe(dayeId)
  })

  it('cannot move or delete the top of its own scope', async () => {
    const response = await countyAdmin.delete(`/api/org-units/${dayeId}`)
    expect(response.statusCode).toBe(403)
    expect(response.json().code).toBe('SCOPE_ROOT_LOCKED')
  })
})
