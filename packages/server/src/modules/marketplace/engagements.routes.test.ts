import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ENGAGEMENT_STATUSES,
  type EngagementBoard,
  type EngagementDetail,
  type EngagementPage,
  type Expert,
  type TechContract,
  type TechEventDetail,
  type TechNeed,
  type TechResult,
} from '@kechuang/core/marketplace'
import { queryRows } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'
import { createTestRegion } from '../registers/libraries.factories'
import {
  CONTRACTS,
  ENGAGEMENTS,
  EVENTS,
  contractInput,
  countRows,
  createNeed,
  createResult,
  created,
  eventInput,
  expertInput,
} from './deals.factories'

let t: TestApp
let admin: TestClient
let staff: TestClient
let otherStaff: TestClient
let leader: TestClient
let enterprise: TestClient
let town: { id: string; path: string }
let otherTown: { id: string; path: string }
let need: TechNeed
let result: TechResult
let unrelatedResult: TechResult
let expert: Expert

const steps = (id: string, body: unknown) => staff.post(`${ENGAGEMENTS}/${id}/steps`, body)
const detailOf = async (id: string) => (await staff.get(`${ENGAGEMENTS}/${id}`)).json() as EngagementDetail

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  town = await createTestRegion(t, admin, '大冶市', '对接测试镇')
  otherTown = await createTestRegion(t, admin, '大冶市', '对接另一镇')
  staff = await createUserAndLogin(t, admin, {
    username: 'deal-staff',
    displayName: '对接专员',
    role: 'bureau_staff',
    scopeOrgUnitId: town.id,
  })
  otherStaff = await createUserAndLogin(t, admin, {
    username: 'deal-staff-2',
    role: 'bureau_staff',
    scopeOrgUnitId: otherTown.id,
  })
  leader = await createUserAndLogin(t, admin, {
    username: 'deal-leader',
    role: 'leader',
    scopeOrgUnitId: await t.orgUnitId('大冶市'),
  })
  enterprise = await createUserAndLogin(t, admin, {
    username: 'deal-enterprise',
    role: 'enterprise',
    scopeOrgUnitId: town.id,
  })
  need = await createNeed(admin, town.id)
  result = await createResult(admin)
  unrelatedResult = await createResult(admin, {
    title: '智慧果园滴灌控制系统',
    abstract: '面向丘陵果园的土壤墒情监测与滴灌控制。',
    keywords: ['滴灌', '墒情监测'],
    industry: '现代农业',
    ownerName: '示例农业大学',
  })
  expert = await created<Expert>(admin, '/api/marketplace/experts', expertInput({ regionOrgUnitId: town.id }))
})
afterAll(() => t.close())

describe('from recommendation to contract', () => {
  let engagement: EngagementDetail
  let eventId: string
  let contract: TechContract

  it('starts a 对接 from a recommended result, keeping the recommendation sentence and a first step', async () => {
    const response = await staff.post(ENGAGEMENTS, {
      needId: need.id,
      resultId: result.id,
      note: '<b>推荐</b>面谈',
    })
    expect(response.statusCode).toBe(201)
    engagement = response.json() as EngagementDetail
    expect(engagement).toMatchObject({
      needId: need.id,
      needTitle: need.title,
      enterpriseName: '甲新能源有限公司',
      counterpartKind: 'result',
      counterpartId: result.id,
      counterpartTitle: '高镍三元正极材料制备技术',
      counterpartOwner: '示例理工大学材料学院',
      status: 'recommended',
      note: '<b>推荐</b>面谈',
      regionOrgUnitId: town.id,
      regionName: '对接测试镇',
      contractId: null,
      contractAmountWanYuan: null,
      canEdit: true,
    })
    expect(engagement.reason).toEqual(expect.stringMatching(/[\u4e00-\u9fff]/))
    expect(engagement.steps).toEqual([
      expect.objectContaining({
        fromStatus: null,
        toStatus: 'recommended',
        note: '<b>推荐</b>面谈',
        byName: '对接专员',
      }),
    ])
  })

  it('leaves the reason empty when the counterpart is not among the recommendations', async () => {
    const response = await staff.post(ENGAGEMENTS, { needId: need.id, resultId: unrelatedResult.id })
    expect(response.statusCode).toBe(201)
    expect((response.json() as EngagementDetail).reason).toBeNull()
  })

  it('refuses a second live 对接 of the same pair and names the existing one', async () => {
    const before = await countRows(t, 'tech_engagements')
    const response = await staff.post(ENGAGEMENTS, { needId: need.id, resultId: result.id })
    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({
      code: 'ENGAGEMENT_EXISTS',
      message: '该需求与该成果（专家）已有对接记录',
      details: { engagementId: engagement.id },
    })
    expect(await countRows(t, 'tech_engagements')).toBe(before)
  })

  it('moves to contacted, then refuses the same status again', async () => {
    const response = await steps(engagement.id, { status: 'contacted', note: '电话联系企业' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'contacted' })
    const again = await steps(engagement.id, { status: 'contacted' })
    expect(again.statusCode).toBe(400)
    expect(again.json()).toMatchObject({ code: 'ENGAGEMENT_STATUS_UNCHANGED' })
  })

  it('records a meeting at a 对接活动, which then lists the 对接', async () => {
    const missing = await steps(engagement.id, {
      status: 'meeting',
      eventId: '00000000-0000-4000-8000-000000000000',
    })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ code: 'EVENT_NOT_FOUND', message: '对接活动不存在或已删除' })
    expect((await detailOf(engagement.id)).status).toBe('contacted')

    eventId = (await created<TechEventDetail>(staff, EVENTS, eventInput())).id
    const response = await steps(engagement.id, { status: 'meeting', eventId, note: '路演现场洽谈' })
    expect(response.statusCode).toBe(200)
    const moved = response.json() as EngagementDetail
    expect(moved.steps.map((s) => [s.fromStatus, s.toStatus])).toEqual([
      [null, 'recommended'],
      ['recommended', 'contacted'],
      ['contacted', 'meeting'],
    ])
    expect(moved.steps[2]).toMatchObject({ eventId, eventTitle: '新材料成果路演' })
    const event = (await staff.get(`${EVENTS}/${eventId}`)).json() as TechEventDetail
    expect(event.engagementCount).toBe(1)
    expect(event.engagements.map((e) => e.id)).toEqual([engagement.id])
  })

  it('registers a contract: the 对接 becomes 已签合同 and the open need 已对接', async () => {
    const response = await staff.post(CONTRACTS, contractInput({ engagementId: engagement.id }))
    expect(response.statusCode).toBe(201)
    contract = response.json() as TechContract
    // By default the contract is registered in the need's region.
    expect(contract).toMatchObject({ engagementId: engagement.id, regionOrgUnitId: town.id })
    const concluded = await detailOf(engagement.id)
    expect(concluded).toMatchObject({
      status: 'contract',
      contractId: contract.id,
      contractAmountWanYuan: 120.5,
    })
    expect(concluded.steps.at(-1)).toMatchObject({
      fromStatus: 'meeting',
      toStatus: 'contract',
      contractId: contract.id,
      note: '登记技术合同 420281-2026-0001',
    })
    const matched = (await staff.get(`/api/marketplace/needs/${need.id}`)).json() as TechNeed
    expect(matched.status).toBe('matched')
    // The recommender's status filter follows: the need is still offered to results (matched counts).
    const list = (await staff.get(`/api/marketplace/needs?status=matched`)).json() as { items: TechNeed[] }
    expect(list.items.map((n) => n.id)).toContain(need.id)
  })

  it('keeps a 对接 with a contract from changing status and from a second contract', async () => {
    const moved = await steps(engagement.id, { status: 'negotiating' })
    expect(moved.statusCode).toBe(409)
    expect(moved.json()).toMatchObject({
      code: 'ENGAGEMENT_HAS_CONTRACT',
      message: '已签合同的对接不能改状态，请先撤销合同',
    })
    const before = await countRows(t, 'tech_contracts')
    const second = await staff.post(
      CONTRACTS,
      contractInput({ registrationNumber: '420281-2026-0002', engagementId: engagement.id }),
    )
    expect(second.statusCode).toBe(409)
    expect(second.json()).toMatchObject({ code: 'ENGAGEMENT_HAS_CONTRACT' })
    expect(await countRows(t, 'tech_contracts')).toBe(before)
  })

  it('withdrawing the contract moves the 对接 back to negotiating with a step', async () => {
    expect((await staff.delete(`${CONTRACTS}/${contract.id}`)).statusCode).toBe(204)
    const reopened = await detailOf(engagement.id)
    expect(reopened).toMatchObject({ status: 'negotiating', contractId: null, contractAmountWanYuan: null })
    expect(reopened.steps.at(-1)).toMatchObject({
      fromStatus: 'contract',
      toStatus: 'negotiating',
      note: '技术合同已撤销',
    })
    expect((await staff.get(`${CONTRACTS}/${contract.id}`)).statusCode).toBe(404)
  })

  it('closes only with a reason, and refuses a contract for a closed 对接', async () => {
    const noReason = await steps(engagement.id, { status: 'closed', note: '企业转向其他方案' })
    expect(noReason.statusCode).toBe(400)
    expect(JSON.stringify(noReason.json())).toContain('关闭对接须选择关闭原因')
    const otherWithoutWords = await steps(engagement.id, { status: 'closed', closeReason: 'other' })
    expect(JSON.stringify(otherWithoutWords.json())).toContain('关闭原因为“其他原因”时须在备注中说明')
    const reasonWhileOpen = await steps(engagement.id, { status: 'contacted', closeReason: 'no_response' })
    expect(JSON.stringify(reasonWhileOpen.json())).toContain('只有关闭对接时才填写关闭原因')
    expect((await detailOf(engagement.id)).status).toBe('negotiating')

    const closed = await steps(engagement.id, {
      status: 'closed',
      closeReason: 'terms_not_agreed',
      note: '企业转向其他方案',
    })
    expect(closed.json()).toMatchObject({ status: 'closed', closeReason: 'terms_not_agreed' })
    expect((closed.json() as EngagementDetail).steps.at(-1)).toMatchObject({
      toStatus: 'closed',
      closeReason: 'terms_not_agreed',
      note: '企业转向其他方案',
    })
    const refused = await staff.post(
      CONTRACTS,
      contractInput({ registrationNumber: '420281-2026-0003', engagementId: engagement.id }),
    )
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toMatchObject({ code: 'ENGAGEMENT_CLOSED' })
    // A closed 对接 may be reopened.
    const reopened = await steps(engagement.id, { status: 'negotiating', note: '重新洽谈' })
    expect(reopened.json()).toMatchObject({ status: 'negotiating', closeReason: null })
  })

  it('writes an audit row for every change of the 对接', async () => {
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity_type = 'tech_engagement' and entity_id = ${engagement.id}
          order by id`,
    )
    // create, contacted, meeting, contract, withdrawn, closed, reopened
    expect(audit.map((a) => a.action)).toEqual([
      'create',
      'update',
      'update',
      'update',
      'update',
      'update',
      'update',
    ])
  })
})

describe('deleting a 对接', () => {
  it('deletes a mistaken add, after which the pair may be started again', async () => {
    const mistaken = await created<EngagementDetail>(staff, ENGAGEMENTS, {
      needId: need.id,
      expertId: expert.id,
    })
    expect(mistaken.counterpartKind).toBe('expert')
    expect(mistaken.counterpartTitle).toBe('张明')
    expect((await staff.delete(`${ENGAGEMENTS}/${mistaken.id}`)).statusCode).toBe(204)
    expect((await staff.get(`${ENGAGEMENTS}/${mistaken.id}`)).statusCode).toBe(404)
    const again = await staff.post(ENGAGEMENTS, { needId: need.id, expertId: expert.id })
    expect(again.statusCode).toBe(201)
  })

  it('refuses to delete a 对接 with progress', async () => {
    const page = (await staff.get(`${ENGAGEMENTS}?resultId=${result.id}`)).json() as EngagementPage
    const response = await staff.delete(`${ENGAGEMENTS}/${page.items[0]!.id}`)
    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({ code: 'ENGAGEMENT_NOT_DELETABLE' })
  })
})

describe('lists and board', () => {
  it('lists newest-moved first with filters', async () => {
    const page = (await staff.get(`${ENGAGEMENTS}?needId=${need.id}`)).json() as EngagementPage
    expect(page.total).toBe(3)
    const times = page.items.map((e) => e.updatedAt)
    expect(times).toEqual([...times].sort().reverse())
    const byText = (
      await staff.get(`${ENGAGEMENTS}?q=${encodeURIComponent('滴灌')}`)
    ).json() as EngagementPage
    expect(byText.items.map((e) => e.counterpartId)).toEqual([unrelatedResult.id])
    const byStatus = (await staff.get(`${ENGAGEMENTS}?status=negotiating`)).json() as EngagementPage
    expect(byStatus.items.map((e) => e.counterpartId)).toEqual([result.id])
  })

  it('shows every stage in order with its count', async () => {
    const response = await leader.get(`${ENGAGEMENTS}/board?orgUnitId=${town.id}`)
    expect(response.statusCode).toBe(200)
    const board = response.json() as EngagementBoard
    expect(board.columns.map((c) => c.status)).toEqual([...ENGAGEMENT_STATUSES])
    const totals = Object.fromEntries(board.columns.map((c) => [c.status, c.total]))
    expect(totals).toEqual({
      recommended: 2,
      contacted: 0,
      meeting: 0,
      negotiating: 1,
      contract: 0,
      closed: 0,
    })
    expect(board.columns[0]!.items).toHaveLength(2)
  })
})

describe('the funnel', () => {
  it('counts the furthest stage each 对接 of a region reached, closed ones included, with the contract amount', async () => {
    const funnelTown = await createTestRegion(t, admin, '大冶市', '漏斗测试镇')
    const funnelNeed = await createNeed(admin, funnelTown.id, { title: '正极材料漏斗测试需求' })
    const other = await createResult(admin, { title: '磷酸锰铁锂正极材料技术' })
    const start = async (resultId: string) =>
      (await created<EngagementDetail>(admin, ENGAGEMENTS, { needId: funnelNeed.id, resultId })).id
    const dropped = await start(result.id)
    const won = await start(other.id)
    await start(unrelatedResult.id)
    for (const [id, status, note] of [
      [dropped, 'contacted', null],
      [dropped, 'closed', 'too_early'],
      [won, 'contacted', null],
      [won, 'meeting', null],
      [won, 'negotiating', null],
    ] as const) {
      const body = status === 'closed' ? { status, closeReason: note } : { status, note }
      expect((await admin.post(`${ENGAGEMENTS}/${id}/steps`, body)).statusCode).toBe(200)
    }
    await created<TechContract>(
      admin,
      CONTRACTS,
      contractInput({ registrationNumber: 'FUNNEL-1', amountWanYuan: 80.25, engagementId: won }),
    )

    const response = await leader.get(`${ENGAGEMENTS}/funnel?orgUnitId=${funnelTown.id}`)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      stages: [
        { stage: 'recommended', reached: 3, conversion: null },
        { stage: 'contacted', reached: 2, conversion: 0.6667 },
        { stage: 'meeting', reached: 1, conversion: 0.5 },
        { stage: 'negotiating', reached: 1, conversion: 1 },
        { stage: 'contract', reached: 1, conversion: 1 },
      ],
      closed: 1,
      closeReasons: [{ reason: 'too_early', count: 1 }],
      contractAmountWanYuan: 80.25,
    })
    const lastYear = (await leader.get(`${ENGAGEMENTS}/funnel?orgUnitId=${funnelTown.id}&year=2000`)).json()
    expect(lastYear).toMatchObject({ closed: 0, contractAmountWanYuan: 0 })
    expect((await enterprise.get(`${ENGAGEMENTS}/funnel`)).statusCode).toBe(403)
    expect((await staff.get(`${ENGAGEMENTS}/funnel?orgUnitId=${otherTown.id}`)).statusCode).toBe(404)
  })
})

describe('who may do what', () => {
  it('keeps enterprises out of the deal pages', async () => {
    for (const url of [ENGAGEMENTS, `${ENGAGEMENTS}/board`, EVENTS, CONTRACTS, `${CONTRACTS}/totals`]) {
      const response = await enterprise.get(url)
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ code: 'FORBIDDEN' })
    }
  })

  it('lets the leader read but not write', async () => {
    expect((await leader.get(ENGAGEMENTS)).statusCode).toBe(200)
    const response = await leader.post(ENGAGEMENTS, { needId: need.id, resultId: unrelatedResult.id })
    expect(response.statusCode).toBe(403)
  })

  it('refuses staff of another region, changing nothing', async () => {
    const other = await createResult(admin, { title: '正极材料回收技术' })
    const before = await countRows(t, 'tech_engagements')
    const response = await otherStaff.post(ENGAGEMENTS, { needId: need.id, resultId: other.id })
    expect(response.statusCode).toBe(403)
    expect(response.json()).toMatchObject({ code: 'DEAL_NOT_EDITABLE' })
    expect(await countRows(t, 'tech_engagements')).toBe(before)

    const page = (await staff.get(`${ENGAGEMENTS}?needId=${need.id}`)).json() as EngagementPage
    const id = page.items[0]!.id
    const stepsBefore = await countRows(t, 'tech_engagement_steps')
    const step = await otherStaff.post(`${ENGAGEMENTS}/${id}/steps`, { status: 'meeting' })
    expect(step.statusCode).toBe(403)
    expect(await countRows(t, 'tech_engagement_steps')).toBe(stepsBefore)
    // Reads are scoped: the other region's staff neither list nor open it.
    expect(((await otherStaff.get(ENGAGEMENTS)).json() as EngagementPage).total).toBe(0)
    expect((await otherStaff.get(`${ENGAGEMENTS}/${id}`)).statusCode).toBe(404)
  })
})

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an unknown field', { needId: '', resultId: null, secret: 1 }, ''],
    ['both a result and an expert', { resultId: '00000000-0000-4000-8000-000000000001' }, 'resultId'],
    ['neither a result nor an expert', { resultId: null, expertId: null }, 'resultId'],
    ['a malformed need id', { needId: 'abc' }, 'needId'],
  ]
  for (const [name, overrides, field] of cases) {
    it(`refuses a 对接 with ${name}`, async () => {
      const before = await countRows(t, 'tech_engagements')
      const response = await staff.post(ENGAGEMENTS, {
        needId: need.id,
        expertId: expert.id,
        ...overrides,
      })
      expect(response.statusCode).toBe(400)
      const body = response.json() as { code: string; details: unknown }
      expect(body.code).toBe('VALIDATION_FAILED')
      if (field) expect(JSON.stringify(body.details)).toContain(field)
      expect(await countRows(t, 'tech_engagements')).toBe(before)
    })
  }

  it('refuses a step to 已签合同 by hand and unknown fields', async () => {
    const page = (await staff.get(`${ENGAGEMENTS}?needId=${need.id}`)).json() as EngagementPage
    const id = page.items[0]!.id
    expect((await steps(id, { status: 'contract' })).statusCode).toBe(400)
    expect((await steps(id, { status: 'meeting', at: '2026-01-01' })).statusCode).toBe(400)
  })

  it('answers a need or result that does not exist with the marketplace codes', async () => {
    const missing = '00000000-0000-4000-8000-000000000000'
    const noNeed = await staff.post(ENGAGEMENTS, { needId: missing, resultId: result.id })
    expect(noNeed.statusCode).toBe(404)
    expect(noNeed.json()).toMatchObject({ code: 'TECH_NEED_NOT_FOUND' })
    const noResult = await staff.post(ENGAGEMENTS, { needId: need.id, resultId: missing })
    expect(noResult.json()).toMatchObject({ code: 'TECH_RESULT_NOT_FOUND' })
    const noExpert = await staff.post(ENGAGEMENTS, { needId: need.id, expertId: missing })
    expect(noExpert.json()).toMatchObject({ code: 'EXPERT_NOT_FOUND' })
  })
})
