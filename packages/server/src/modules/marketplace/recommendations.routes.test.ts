import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Expert, RecommendationList, TechNeed, TechResult } from '@kechuang/core/marketplace'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'

let t: TestApp
let admin: TestClient
let enterprise: TestClient
let need: TechNeed
let cathode: TechResult
let herbal: TechResult

const NEEDS = '/api/marketplace/needs'
const RESULTS = '/api/marketplace/results'

const result = (title: string, overrides: Record<string, unknown> = {}) => ({
  title,
  abstract: `${title}，已完成中试验证。`,
  keywords: [],
  industry: '新材料',
  maturity: 'pilot',
  ownerName: '示例理工大学',
  transferMode: 'license',
  ...overrides,
})

async function recommend(url: string): Promise<RecommendationList> {
  const response = await admin.get(url)
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as RecommendationList
}
const ids = (list: RecommendationList) => list.items.map((i) => i.id)

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  enterprise = await createUserAndLogin(t, admin, {
    username: 'rec-enterprise',
    role: 'enterprise',
    scopeOrgUnitId: await t.orgUnitId('大冶市'),
  })
  cathode = (
    await admin.post(RESULTS, result('高压实磷酸铁锂正极材料制备技术', { keywords: ['正极材料', '锂电池'] }))
  ).json() as TechResult
  herbal = (
    await admin.post(
      RESULTS,
      result('中药配方颗粒质量控制方法', {
        industry: '生命健康',
        keywords: ['中药配方颗粒'],
        maturity: 'lab',
      }),
    )
  ).json() as TechResult
  need = (
    await enterprise.post(NEEDS, {
      title: '锂电池正极材料技术攻关',
      description: '我公司生产锂电池，希望提高正极材料的压实密度和循环寿命。',
      keywords: ['正极材料'],
      industry: '新材料',
      enterpriseName: '乙电池有限公司',
    })
  ).json() as TechNeed
})
afterAll(() => t.close())

describe('results for a need', () => {
  it('ranks the matching result first and explains it with shared terms and a Chinese reason', async () => {
    const list = await recommend(`${NEEDS}/${need.id}/recommendations?kind=results`)
    const first = list.items[0]!
    expect(first).toMatchObject({ kind: 'results', id: cathode.id, industryMatch: true })
    expect(first.sharedTerms.map((s) => s.term)).toContain('正极材料')
    expect(first.reason).toMatch(/^共同技术词：.*正极材料.*；同属新材料领域$/)
    expect(first.subtitle).toBe('示例理工大学 · 新材料')
    expect(ids(list)).not.toContain(herbal.id)
  })

  it("filters by maturity and by the need's own industry", async () => {
    expect(ids(await recommend(`${NEEDS}/${need.id}/recommendations?maturity=lab`))).not.toContain(cathode.id)
    const same = await recommend(`${NEEDS}/${need.id}/recommendations?sameIndustry=true`)
    expect(same.items.every((i) => i.industry === '新材料')).toBe(true)
  })

  it('filters by region: the unit and the units below it, kept when a record moves', async () => {
    const daye = await t.orgUnitId('大冶市')
    const local = (
      await admin.post(
        RESULTS,
        result('大冶锂电池正极材料中试技术', { keywords: ['正极材料'], regionOrgUnitId: daye }),
      )
    ).json() as TechResult
    const inDaye = ids(await recommend(`${NEEDS}/${need.id}/recommendations?orgUnitId=${daye}`))
    expect(inDaye).toContain(local.id)
    expect(inDaye).not.toContain(cathode.id)
    const inHuangshi = ids(
      await recommend(`${NEEDS}/${need.id}/recommendations?orgUnitId=${await t.orgUnitId('黄石市')}`),
    )
    expect(inHuangshi).toContain(local.id)

    await admin.patch(
      `${RESULTS}/${local.id}`,
      result('大冶锂电池正极材料中试技术', { keywords: ['正极材料'], regionOrgUnitId: null }),
    )
    expect(ids(await recommend(`${NEEDS}/${need.id}/recommendations?orgUnitId=${daye}`))).not.toContain(
      local.id,
    )
    const unknown = await admin.get(
      `${NEEDS}/${need.id}/recommendations?orgUnitId=00000000-0000-4000-8000-000000000000`,
    )
    expect(unknown.json()).toMatchObject({ code: 'REGION_NOT_FOUND' })
    await admin.delete(`${RESULTS}/${local.id}`)
  })

  it('follows every change at once: a new, an edited and a deleted result', async () => {
    // The index is built by now; the new need of a published result must show without a restart.
    const fresh = (
      await admin.post(RESULTS, result('锂电池正极材料包覆改性技术', { keywords: ['正极材料'] }))
    ).json() as TechResult
    expect(ids(await recommend(`${NEEDS}/${need.id}/recommendations`))).toContain(fresh.id)

    await admin.patch(`${RESULTS}/${herbal.id}`, result('锂电池正极材料回收技术', { keywords: ['正极材料'] }))
    expect(ids(await recommend(`${NEEDS}/${need.id}/recommendations`))).toContain(herbal.id)

    await admin.patch(`${RESULTS}/${herbal.id}`, result('中药配方颗粒质量控制方法', { industry: '生命健康' }))
    expect(ids(await recommend(`${NEEDS}/${need.id}/recommendations`))).not.toContain(herbal.id)

    await admin.delete(`${RESULTS}/${fresh.id}`)
    expect(ids(await recommend(`${NEEDS}/${need.id}/recommendations`))).not.toContain(fresh.id)
  })
})

describe('experts for a need', () => {
  it('recommends an expert whose fields match', async () => {
    const expert = (
      await admin.post('/api/marketplace/experts', {
        name: '李华',
        organization: '示例材料研究所',
        title: '研究员',
        fields: ['正极材料', '锂电池'],
        industry: '新材料',
      })
    ).json() as Expert
    const list = await recommend(`${NEEDS}/${need.id}/recommendations?kind=experts&limit=5`)
    expect(list.items[0]).toMatchObject({ kind: 'experts', id: expert.id, title: '李华' })
    expect(list.items[0]!.subtitle).toBe('示例材料研究所 研究员 · 新材料')
  })
})

describe('needs for a result', () => {
  it('recommends the need, never the result itself, and no closed need', async () => {
    const list = await recommend(`${RESULTS}/${cathode.id}/recommendations`)
    // The plan's own 新能源电池材料 direction may rank beside it: both ask for 正极材料.
    const found = list.items.find((i) => i.id === need.id)
    expect(list.items.slice(0, 3).map((i) => i.id)).toContain(need.id)
    expect(found!.sharedTerms.map((s) => s.term)).toContain('正极材料')
    expect(ids(list)).not.toContain(cathode.id)

    await enterprise.patch(`${NEEDS}/${need.id}`, {
      title: need.title,
      description: need.description,
      keywords: need.keywords,
      industry: need.industry,
      enterpriseName: need.enterpriseName,
      status: 'closed',
    })
    expect(ids(await recommend(`${RESULTS}/${cathode.id}/recommendations?kind=needs`))).not.toContain(need.id)
  })
})

describe('needs for an expert', () => {
  it("recommends the needs the expert's fields answer, with the shared terms", async () => {
    const herbalNeed = (
      await enterprise.post(NEEDS, {
        title: '中药配方颗粒质量标准提升',
        description: '我公司生产中药配方颗粒，需要建立指纹图谱与含量测定方法。',
        keywords: ['中药配方颗粒', '指纹图谱'],
        industry: '生命健康',
        enterpriseName: '丙药业有限公司',
      })
    ).json() as TechNeed
    const expert = (
      await admin.post('/api/marketplace/experts', {
        name: '王芳',
        organization: '示例中医药大学',
        fields: ['中药配方颗粒', '指纹图谱', '质量控制'],
        industry: '生命健康',
        bio: '长期从事中药质量标准研究。',
      })
    ).json() as Expert
    const list = await recommend(`/api/marketplace/experts/${expert.id}/recommendations?limit=5`)
    expect(list.items[0]).toMatchObject({ kind: 'needs', id: herbalNeed.id, industryMatch: true })
    expect(list.items[0]!.sharedTerms.map((s) => s.term)).toEqual(
      expect.arrayContaining(['中药配方颗粒', '指纹图谱']),
    )
    expect(ids(list)).not.toContain(need.id)
    const wrongKind = await admin.get(`/api/marketplace/experts/${expert.id}/recommendations?kind=results`)
    expect(wrongKind.json()).toMatchObject({ code: 'RECOMMENDATION_KIND_INVALID' })
    const unknown = await admin.get(
      '/api/marketplace/experts/00000000-0000-4000-8000-000000000000/recommendations',
    )
    expect(unknown.json()).toMatchObject({ code: 'EXPERT_NOT_FOUND' })
  })
})

describe('bad recommendation requests', () => {
  it('answers a kind that does not fit the record with 400 and a Chinese message', async () => {
    for (const url of [
      `${RESULTS}/${cathode.id}/recommendations?kind=results`,
      `${NEEDS}/${need.id}/recommendations?kind=needs`,
    ]) {
      const response = await admin.get(url)
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({
        code: 'RECOMMENDATION_KIND_INVALID',
        message: expect.stringContaining('推荐类型不适用'),
      })
    }
  })

  it('answers an unknown or deleted record with 404', async () => {
    const unknown = await admin.get(`${NEEDS}/00000000-0000-4000-8000-000000000000/recommendations`)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toMatchObject({ code: 'TECH_NEED_NOT_FOUND' })
    const gone = (await admin.post(RESULTS, result('即将删除的成果'))).json() as TechResult
    await admin.delete(`${RESULTS}/${gone.id}`)
    const deleted = await admin.get(`${RESULTS}/${gone.id}/recommendations`)
    expect(deleted.statusCode).toBe(404)
    expect(deleted.json()).toMatchObject({ code: 'TECH_RESULT_NOT_FOUND' })
  })

  it('refuses a limit above the maximum', async () => {
    const response = await admin.get(`${NEEDS}/${need.id}/recommendations?limit=500`)
    expect(response.statusCode).toBe(400)
    expect(JSON.stringify(response.json())).toContain('最多推荐 50 条')
  })
})
