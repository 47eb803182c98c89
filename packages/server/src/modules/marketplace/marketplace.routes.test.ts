import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  Expert,
  ExpertPage,
  TechNeed,
  TechNeedPage,
  TechResult,
  TechResultPage,
} from '@kechuang/core/marketplace'
import { queryRows } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'
import { createTestRegion } from '../registers/libraries.factories'

let t: TestApp
let admin: TestClient
let enterprise: TestClient
let otherEnterprise: TestClient
let institution: TestClient
let expertUser: TestClient
let town: { id: string; path: string }
let otherTown: { id: string; path: string }

const RESULTS = '/api/marketplace/results'
const NEEDS = '/api/marketplace/needs'
const EXPERTS = '/api/marketplace/experts'

const resultInput = (overrides: Record<string, unknown> = {}) => ({
  title: '高镍三元正极材料制备技术',
  abstract: '一种锂电池正极材料的共沉淀制备工艺。',
  keywords: ['正极材料', '锂电池'],
  industry: '新材料',
  maturity: 'pilot',
  ownerName: '示例理工大学材料学院',
  contactName: '王老师',
  contactPhone: '13812345678',
  transferMode: 'license',
  priceWanYuan: 120.5,
  ...overrides,
})

const needInput = (overrides: Record<string, unknown> = {}) => ({
  title: '锂电池正极材料技术需求',
  description: '我公司生产磷酸铁锂电池，希望提升正极材料压实密度。',
  keywords: ['正极材料'],
  industry: '新材料',
  enterpriseName: '甲新能源有限公司',
  budgetWanYuan: 50,
  deadline: '2027-06-30',
  contactPhone: '13900001111',
  ...overrides,
})

const expertInput = (overrides: Record<string, unknown> = {}) => ({
  name: '张明',
  organization: '示例理工大学',
  title: '教授',
  fields: ['正极材料', '固态电池'],
  industry: '新材料',
  bio: '长期从事锂离子电池材料研究。',
  phone: '13700002222',
  email: 'zhang@example.com',
  ...overrides,
})

const countRows = async (table: string) =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    )
  )[0]!.n

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  town = await createTestRegion(t, admin, '大冶市', '成果转化测试镇')
  otherTown = await createTestRegion(t, admin, '大冶市', '成果转化另一镇')
  enterprise = await createUserAndLogin(t, admin, {
    username: 'mp-enterprise',
    role: 'enterprise',
    scopeOrgUnitId: town.id,
  })
  otherEnterprise = await createUserAndLogin(t, admin, {
    username: 'mp-enterprise-2',
    role: 'enterprise',
    scopeOrgUnitId: otherTown.id,
  })
  institution = await createUserAndLogin(t, admin, {
    username: 'mp-institution',
    role: 'institution',
    scopeOrgUnitId: town.id,
  })
  expertUser = await createUserAndLogin(t, admin, {
    username: 'mp-expert',
    role: 'expert',
    scopeOrgUnitId: town.id,
  })
})
afterAll(() => t.close())

describe('plan-derived needs of the seed', () => {
  it('holds the 63 technology directions as needs with their direction id', async () => {
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from tech_needs where source = 'plan' and plan_direction_id is not null`,
    )
    expect(rows[0]!.n).toBe(63)
    const page = (await admin.get(`${NEEDS}?q=${encodeURIComponent('高品质特殊钢')}`)).json() as TechNeedPage
    // The 专栏 item and the paragraph before the 专栏 name the same subfield.
    expect(page.items.find((n) => n.planDirectionId === 'HS-C1-01')).toMatchObject({
      title: '高品质特殊钢关键技术需求',
      source: 'plan',
      regionName: '黄石市',
    })
  })
})

describe('科技成果', () => {
  let result: TechResult

  it('lets an institution publish a result in its own org unit, stored as typed', async () => {
    const response = await institution.post(
      RESULTS,
      resultInput({ abstract: '<script>alert("x")</script> 正极材料', regionOrgUnitId: otherTown.id }),
    )
    expect(response.statusCode).toBe(201)
    result = response.json() as TechResult
    expect(result).toMatchObject({
      title: '高镍三元正极材料制备技术',
      abstract: '<script>alert("x")</script> 正极材料',
      regionOrgUnitId: town.id,
      regionName: '成果转化测试镇',
      contactPhone: '13812345678',
      source: 'entered',
      canEdit: true,
      priceWanYuan: 120.5,
    })
    const read = (await expertUser.get(`${RESULTS}/${result.id}`)).json() as TechResult
    expect(read.abstract).toBe('<script>alert("x")</script> 正极材料')
  })

  it('masks the contact phone for readers who neither published nor manage it', async () => {
    const read = (await expertUser.get(`${RESULTS}/${result.id}`)).json() as TechResult
    expect(read).toMatchObject({ contactPhone: '138****5678', canEdit: false })
    const byAdmin = (await admin.get(`${RESULTS}/${result.id}`)).json() as TechResult
    expect(byAdmin).toMatchObject({ contactPhone: '13812345678', canEdit: true })
  })

  it('lists with filters and paging', async () => {
    await institution.post(
      RESULTS,
      resultInput({ title: '高强高导铜合金', keywords: ['铜合金'], maturity: 'lab' }),
    )
    const byMaturity = (
      await expertUser.get(`${RESULTS}?maturity=pilot&orgUnitId=${town.id}`)
    ).json() as TechResultPage
    expect(byMaturity.items.map((r) => r.id)).toEqual([result.id])
    const byText = (
      await expertUser.get(`${RESULTS}?q=${encodeURIComponent('铜合金')}`)
    ).json() as TechResultPage
    expect(byText.items.map((r) => r.title)).toEqual(['高强高导铜合金'])
    const paged = (
      await expertUser.get(`${RESULTS}?industry=${encodeURIComponent('新材料')}&pageSize=1`)
    ).json() as TechResultPage
    expect(paged).toMatchObject({ total: 2, page: 1, pageSize: 1 })
    expect(paged.items).toHaveLength(1)
  })

  it('lets its publisher update it and records the change in the audit log', async () => {
    const response = await institution.patch(
      `${RESULTS}/${result.id}`,
      resultInput({ title: '高镍正极材料' }),
    )
    expect(response.statusCode).toBe(200)
    expect((response.json() as TechResult).title).toBe('高镍正极材料')
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity_type = 'tech_result' and entity_id = ${result.id} order by id`,
    )
    expect(audit.map((a) => a.action)).toEqual(['create', 'update'])
  })

  it('refuses an edit by another publisher with a Chinese message', async () => {
    const response = await otherEnterprise.patch(`${RESULTS}/${result.id}`, resultInput())
    expect(response.statusCode).toBe(403)
    expect(response.json()).toMatchObject({
      code: 'NOT_EDITABLE',
      message: expect.stringContaining('发布者'),
    })
    expect((await otherEnterprise.delete(`${RESULTS}/${result.id}`)).statusCode).toBe(403)
  })

  it('soft-deletes it: gone from reads afterwards, kept in the table', async () => {
    const created = (
      await institution.post(RESULTS, resultInput({ title: '待删除成果' }))
    ).json() as TechResult
    expect((await admin.delete(`${RESULTS}/${created.id}`)).statusCode).toBe(204)
    const missing = await admin.get(`${RESULTS}/${created.id}`)
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ code: 'TECH_RESULT_NOT_FOUND', message: '科技成果不存在或已删除' })
    const rows = await queryRows<{ deleted: boolean }>(
      t.database.db,
      sql`select deleted_at is not null as deleted from tech_results where id = ${created.id}`,
    )
    expect(rows[0]!.deleted).toBe(true)
  })
})

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an empty title', { title: '' }, 'title'],
    ['a one-character title', { title: '锂' }, 'title'],
    ['a 5 001-character abstract', { abstract: '字'.repeat(5_001) }, 'abstract'],
    ['a negative price', { priceWanYuan: -1 }, 'priceWanYuan'],
    ['a price with 3 decimals', { priceWanYuan: 1.234 }, 'priceWanYuan'],
    ['an unknown field', { secret: 1 }, ''],
    ['a bad region id', { regionOrgUnitId: 'not-a-uuid' }, 'regionOrgUnitId'],
    ['an unknown maturity', { maturity: 'ready' }, 'maturity'],
  ]
  for (const [name, overrides, field] of cases) {
    it(`refuses a result with ${name} (400, Chinese message, nothing stored)`, async () => {
      const before = await countRows('tech_results')
      const response = await admin.post(RESULTS, resultInput(overrides))
      expect(response.statusCode).toBe(400)
      const body = response.json() as { code: string; message: string; details: unknown }
      expect(body.code).toBe('VALIDATION_FAILED')
      expect(JSON.stringify(body)).toMatch(/[\u4e00-\u9fff]/)
      if (field) expect(JSON.stringify(body.details)).toContain(field)
      expect(await countRows('tech_results')).toBe(before)
    })
  }

  it('refuses a need with a bad deadline or a negative budget', async () => {
    const before = await countRows('tech_needs')
    const badDate = await enterprise.post(NEEDS, needInput({ deadline: '2027-13-45' }))
    expect(badDate.statusCode).toBe(400)
    expect(JSON.stringify(badDate.json())).toContain('日期应为 YYYY-MM-DD 格式')
    const negative = await enterprise.post(NEEDS, needInput({ budgetWanYuan: -5 }))
    expect(negative.statusCode).toBe(400)
    expect(JSON.stringify(negative.json())).toContain('预算不能为负数')
    expect(await countRows('tech_needs')).toBe(before)
  })

  it('answers a malformed id with 400', async () => {
    const response = await admin.get(`${NEEDS}/123`)
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' })
  })

  it('searches with an empty, a one-character or a wildcard query safely and refuses one of thousands', async () => {
    const all = (await admin.get(NEEDS)).json() as TechNeedPage
    // Empty (or blank) means no search; one character is a plain substring search.
    expect(((await admin.get(`${NEEDS}?q=`)).json() as TechNeedPage).total).toBe(all.total)
    expect(((await admin.get(`${NEEDS}?q=%20%20`)).json() as TechNeedPage).total).toBe(all.total)
    const one = (await admin.get(`${NEEDS}?q=${encodeURIComponent('钢')}`)).json() as TechNeedPage
    expect(one.total).toBeGreaterThan(0)
    expect(one.total).toBeLessThan(all.total)
    // LIKE wildcards are searched as characters, not patterns.
    expect(((await admin.get(`${NEEDS}?q=${encodeURIComponent('%_%')}`)).json() as TechNeedPage).total).toBe(
      0,
    )
    const long = await admin.get(`${NEEDS}?q=${encodeURIComponent('锂电池正极材料'.repeat(500))}`)
    expect(long.statusCode).toBe(400)
    expect(JSON.stringify(long.json())).toContain('搜索词不能超过 100 个字符')
  })
})

describe('技术需求', () => {
  it("lets an enterprise publish a need in its own org unit but not edit another enterprise's", async () => {
    const response = await enterprise.post(NEEDS, needInput())
    expect(response.statusCode).toBe(201)
    const need = response.json() as TechNeed
    expect(need).toMatchObject({
      regionOrgUnitId: town.id,
      status: 'open',
      canEdit: true,
      deadline: '2027-06-30',
    })

    const seenByOther = (await otherEnterprise.get(`${NEEDS}/${need.id}`)).json() as TechNeed
    expect(seenByOther).toMatchObject({ canEdit: false, contactPhone: '139****1111' })
    expect(
      (await otherEnterprise.patch(`${NEEDS}/${need.id}`, needInput({ title: '改掉' }))).statusCode,
    ).toBe(403)

    const closed = await enterprise.patch(`${NEEDS}/${need.id}`, needInput({ status: 'closed' }))
    expect((closed.json() as TechNeed).status).toBe('closed')
    const list = (await enterprise.get(`${NEEDS}?status=closed`)).json() as TechNeedPage
    expect(list.items.map((n) => n.id)).toContain(need.id)
  })

  it('does not let an expert account publish', async () => {
    const response = await expertUser.post(NEEDS, needInput())
    expect(response.statusCode).toBe(403)
    expect(response.json()).toMatchObject({ code: 'FORBIDDEN', message: '您没有执行此操作的权限' })
  })

  it('refuses a need linked to an enterprise that does not exist', async () => {
    const response = await enterprise.post(
      NEEDS,
      needInput({ enterpriseId: '00000000-0000-4000-8000-000000000000' }),
    )
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({ code: 'ENTERPRISE_NOT_FOUND', message: '所选企业不存在' })
  })
})

describe('专家库', () => {
  it('is kept by marketplace staff only, with phone and e-mail masked for everyone else', async () => {
    expect((await enterprise.post(EXPERTS, expertInput())).statusCode).toBe(403)
    const response = await admin.post(EXPERTS, expertInput({ regionOrgUnitId: town.id }))
    expect(response.statusCode).toBe(201)
    const expert = response.json() as Expert
    expect(expert).toMatchObject({ phone: '13700002222', email: 'zhang@example.com', canEdit: true })

    const seen = (await enterprise.get(`${EXPERTS}/${expert.id}`)).json() as Expert
    expect(seen).toMatchObject({ phone: '137****2222', email: 'z***@example.com', canEdit: false })
    const list = (await enterprise.get(`${EXPERTS}?q=${encodeURIComponent('固态电池')}`)).json() as ExpertPage
    expect(list.items.map((e) => e.id)).toEqual([expert.id])

    const updated = await admin.patch(`${EXPERTS}/${expert.id}`, expertInput({ title: '研究员' }))
    expect((updated.json() as Expert).title).toBe('研究员')
    expect((await enterprise.delete(`${EXPERTS}/${expert.id}`)).statusCode).toBe(403)
    expect((await admin.delete(`${EXPERTS}/${expert.id}`)).statusCode).toBe(204)
    expect((await admin.get(`${EXPERTS}/${expert.id}`)).statusCode).toBe(404)
  })

  it('refuses an expert without any field of research', async () => {
    const response = await admin.post(EXPERTS, expertInput({ fields: [] }))
    expect(response.statusCode).toBe(400)
    expect(JSON.stringify(response.json())).toContain('至少填写 1 个研究领域')
  })
})
