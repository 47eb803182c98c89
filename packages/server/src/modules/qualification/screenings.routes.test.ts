import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  Proposal,
  ProposalPage,
  Screening,
  ScreeningResultPage,
  ScreeningSummary,
} from '@kechuang/core/qualification'
import type { LibraryMemberPage } from '@kechuang/core/registers'
import { queryRows } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'
import { createTestRegion } from '../registers/libraries.factories'
import { insertTestEnterprise, testYear } from './qualification.factories'

let t: TestApp
let admin: TestClient
let leader: TestClient
let otherTownUser: TestClient
let town: { id: string; path: string }
const ids: Record<string, string> = {}

const DATE = '2025-06-30'
const years = (figures: Parameters<typeof testYear>[1] = {}) =>
  [2022, 2023, 2024].map((y) => testYear(y, figures))

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  town = await createTestRegion(t, admin, '大冶市', '筛查测试镇')
  const db = t.database.db
  // 3.6% 研发费用 (needs 4%) and one granted utility model: one figure short of 高企, and not in the 后备库 by rule
  // (which asks for a Ⅰ类 or four Ⅱ类 items).
  ids.pendingIp = await insertTestEnterprise(db, {
    regionId: town.id,
    name: '甲筛查科技有限公司',
    foundedOn: '2015-03-01',
    years: years(),
    ip: [{ type: 'utilityModel', legalStatus: 'granted', grantedOn: '2020-01-01' }],
  })
  ids.candidate = await insertTestEnterprise(db, {
    regionId: town.id,
    name: '己候选科技有限公司',
    foundedOn: '2016-05-01',
    years: years(),
    ip: [{ type: 'utilityModel', legalStatus: 'granted', grantedOn: '2021-01-01' }],
  })
  // 3.6% and a granted invention: in the 高企后备库 by rule, so ranked but never proposed.
  ids.reserveMember = await insertTestEnterprise(db, {
    regionId: town.id,
    name: '丁后备库科技有限公司',
    foundedOn: '2015-03-01',
    years: years(),
    ip: [{ type: 'invention', legalStatus: 'granted', grantedOn: '2020-01-01' }],
  })
  // 5% 研发费用 and a granted invention: only expert matters stay open (需复核); in the 后备库 by rule.
  ids.nearlyThere = await insertTestEnterprise(db, {
    regionId: town.id,
    name: '戊研发科技有限公司',
    foundedOn: '2015-03-01',
    years: years({ rdExpenseWanYuan: 400, rdExpenseDomesticWanYuan: 390 }),
    ip: [{ type: 'invention', legalStatus: 'granted', grantedOn: '2020-01-01' }],
  })
  // A trading company with 1% 研发费用 and no IP: excluded from TSME (批发业), short of 高企 by R&D and IP.
  ids.trader = await insertTestEnterprise(db, {
    regionId: town.id,
    name: '丙批发贸易有限公司',
    foundedOn: '2012-01-01',
    industryCode: 'F5123',
    years: years({ rdExpenseWanYuan: 80, rdExpenseDomesticWanYuan: 80 }),
  })
  ids.unknownFounding = await insertTestEnterprise(db, {
    regionId: town.id,
    name: '乙成立日期不详有限公司',
    foundedOn: null,
    years: years(),
  })
  leader = await createUserAndLogin(t, admin, {
    username: 'screening-leader',
    role: 'leader',
    scopeOrgUnitId: town.id,
  })
  otherTownUser = await createUserAndLogin(t, admin, {
    username: 'screening-other-town',
    role: 'bureau_staff',
    scopeOrgUnitId: await t.orgUnitId('陈贵镇'),
  })
})
afterAll(() => t.close())

async function waitFor(id: string): Promise<ScreeningSummary> {
  for (let i = 0; i < 500; i++) {
    const response = await admin.get(`/api/qualification/screenings/${id}`)
    expect(response.statusCode).toBe(200)
    const summary = response.json() as ScreeningSummary
    if (summary.status !== 'running') return summary
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`screening ${id} did not finish`)
}

async function screen(client: TestClient = admin): Promise<ScreeningSummary> {
  const response = await client.post('/api/qualification/screenings', {
    orgUnitId: town.id,
    evaluationDate: DATE,
  })
  expect(response.statusCode).toBe(202)
  return waitFor((response.json() as Screening).id)
}

const results = async (id: string, query = '') => {
  const response = await admin.get(`/api/qualification/screenings/${id}/results?${query}`)
  expect(response.statusCode).toBe(200)
  return response.json() as ScreeningResultPage
}

const proposals = async (id: string, query = '') =>
  (await admin.get(`/api/qualification/screenings/${id}/proposals?${query}`)).json() as ProposalPage

let first: ScreeningSummary

describe('a screening run', () => {
  it('screens every enterprise of the region against both rule sets and counts the verdicts', async () => {
    first = await screen()
    expect(first).toMatchObject({
      status: 'completed',
      evaluationDate: DATE,
      scopeName: '筛查测试镇',
      enterpriseCount: 6,
      processedCount: 6,
      previousScreeningId: null,
      error: null,
      filter: { orgUnitId: town.id, includeSynthetic: true },
    })
    expect(Object.keys(first.timings ?? {}).sort()).toEqual(['evaluate', 'read', 'total', 'write'])
    const total = (ruleSet: string) =>
      first.counts.filter((c) => c.ruleSet === ruleSet).reduce((sum, c) => sum + c.count, 0)
    expect(total('tsme-2022')).toBe(6)
    expect(total('hnte-2016')).toBe(6)
    // The enterprises sit in the town itself: counted under it.
    expect(new Set(first.byRegion.map((r) => r.orgUnitName))).toEqual(new Set(['筛查测试镇']))
    expect(first.changes).toEqual([])
  })

  it('keeps each result compact: verdict, band, open conditions with their gaps, problems', async () => {
    const page = await results(first.id, 'ruleSet=hnte-2016&pageSize=50')
    expect(page.total).toBe(6)
    const byName = new Map(page.items.map((r) => [r.enterpriseName, r]))
    const pending = byName.get('甲筛查科技有限公司')!
    expect(pending.qualified).toBe('failed')
    expect(pending.conditions.find((c) => c.id === 'HNTE-5-rd-ratio')?.gap).toEqual({
      amount: 96,
      unit: '万元',
      text: '还差 96.00 万元',
    })
    expect(byName.get('戊研发科技有限公司')?.qualified).toBe('needs-review')
    const unknown = byName.get('乙成立日期不详有限公司')!
    expect(unknown.problems).toEqual(['注册成立日期不详，无法进行高新技术企业预评价'])
    expect(unknown.nearlyRank).toBeNull()
    const trader = (await results(first.id, 'ruleSet=tsme-2022&q=批发')).items
    expect(trader).toHaveLength(1)
    expect(trader[0]?.conditions.find((c) => c.id === 'TSME-C3-industry')?.status).toBe('fail')
  })

  it('ranks the nearly qualified, closest first', async () => {
    const page = await results(first.id, 'ruleSet=hnte-2016&nearly=true')
    expect(page.items.map((r) => r.nearlyRank)).toEqual(page.items.map((_, i) => i + 1))
    expect(page.items[0]?.enterpriseName).toBe('戊研发科技有限公司')
    expect(page.items.map((r) => r.enterpriseName)).not.toContain('乙成立日期不详有限公司')
  })

  it('proposes for the 高企后备库 only enterprises not already in it, with the reason in Chinese', async () => {
    const page = await proposals(first.id)
    const names = page.items.map((p) => p.enterpriseName).sort()
    // 丙 (no IP, 1% 研发费用) is three conditions away: ranked out, not proposed.
    expect(names).toEqual(['己候选科技有限公司', '甲筛查科技有限公司'])
    const pending = page.items.find((p) => p.enterpriseName === '甲筛查科技有限公司')!
    expect(pending.status).toBe('pending')
    expect(pending.reason).toMatch(/^高企预评价排名第 \d+：/)
    expect(pending.reason).toContain('还差 96.00 万元')
    expect(pending.reason).toContain('待核实：')
    expect(first.proposals).toEqual({ pending: 2, accepted: 0, rejected: 0 })
  })

  it('exports the results as a workbook with Chinese headers', async () => {
    const response = await admin.get(
      `/api/qualification/screenings/${first.id}/results.xlsx?ruleSet=hnte-2016`,
    )
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toContain('.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(3).getCell(2).value).toBe('企业名称')
    expect(sheet.rowCount).toBe(3 + 6)
  })
})

describe('deciding proposals', () => {
  it('accepts a proposal into the 高企后备库 through a curation, audited, and refuses a second decision', async () => {
    const page = await proposals(first.id)
    const proposal = page.items.find((p) => p.enterpriseName === '甲筛查科技有限公司')!
    const response = await admin.post(`/api/qualification/proposals/${proposal.id}/accept`, {})
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      status: 'accepted',
      decisionReason: null,
      regionName: '筛查测试镇',
    })
    const members = (
      await admin.get(`/api/registers/libraries/hnte_reserve/members?orgUnitId=${town.id}&q=甲筛查`)
    ).json() as LibraryMemberPage
    expect(members.items[0]?.curation?.reason).toBe(proposal.reason)
    const audit = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where entity_type = 'qualification_proposal' and entity_id = ${proposal.id}`,
    )
    expect(audit[0]?.n).toBe(1)

    const again = await admin.post(`/api/qualification/proposals/${proposal.id}/reject`, {
      reason: '重复处理',
    })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ code: 'PROPOSAL_DECIDED', message: '该建议已处理过，不能重复处理' })
  })

  it('needs a reason to reject', async () => {
    const proposal = (await proposals(first.id, 'status=pending')).items[0]!
    const missing = await admin.post(`/api/qualification/proposals/${proposal.id}/reject`, {})
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('驳回理由')
    const blank = await admin.post(`/api/qualification/proposals/${proposal.id}/reject`, { reason: '   ' })
    expect(blank.statusCode).toBe(400)
    const rejected = await admin.post(`/api/qualification/proposals/${proposal.id}/reject`, {
      reason: '企业暂无申报意愿',
    })
    expect(rejected.statusCode).toBe(200)
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: '企业暂无申报意愿' })
    expect((await waitFor(first.id)).proposals).toEqual({ pending: 0, accepted: 1, rejected: 1 })
  })

  it('refuses deciding without qualification:screen and hides proposals outside the scope', async () => {
    const proposal = (await proposals(first.id)).items[0]!
    expect((await leader.post(`/api/qualification/proposals/${proposal.id}/accept`, {})).statusCode).toBe(403)
    const outside = await otherTownUser.post(`/api/qualification/proposals/${proposal.id}/accept`, {})
    expect(outside.statusCode).toBe(404)
    expect(outside.json()).toMatchObject({ code: 'PROPOSAL_NOT_FOUND' })
    expect((await otherTownUser.get(`/api/qualification/screenings/${first.id}`)).statusCode).toBe(404)
  })
})

describe('a second run', () => {
  it('compares with the previous run after a figure was edited, and does not propose again', async () => {
    // 戊's 研发费用 falls to 1% of sales: its verdicts go from 需复核 to 不符合 (高企: the ratio; 科技型中小企业: the score).
    await t.database.db.execute(
      sql`update enterprise_years set rd_expense = 80, rd_expense_domestic = 80 where enterprise_id = ${ids.nearlyThere}`,
    )
    const second = await screen()
    expect(second.previousScreeningId).toBe(first.id)
    expect(second.changes).toEqual([
      { ruleSet: 'hnte-2016', from: 'needs-review', to: 'failed', count: 1 },
      { ruleSet: 'tsme-2022', from: 'needs-review', to: 'failed', count: 1 },
    ])
    const worsened = await results(second.id, 'ruleSet=hnte-2016&change=worsened')
    expect(worsened.items.map((r) => [r.enterpriseName, r.previousQualified, r.qualified])).toEqual([
      ['戊研发科技有限公司', 'needs-review', 'failed'],
    ])
    expect((await results(second.id, 'ruleSet=hnte-2016&change=unchanged')).total).toBe(5)
    // 甲 is now in the 库 by hand: not proposed again. 戊 (no longer in it by rule) is proposed; 己's proposal was
    // rejected, which does not keep a later run from proposing it again.
    expect((await proposals(second.id)).items.map((p) => p.enterpriseName).sort()).toEqual([
      '己候选科技有限公司',
      '戊研发科技有限公司',
    ])
  })

  it('lists the runs, newest first', async () => {
    const page = (await admin.get('/api/qualification/screenings')).json() as {
      items: Screening[]
      total: number
    }
    expect(page.items[0]?.previousScreeningId).toBe(first.id)
    expect(page.total).toBeGreaterThanOrEqual(2)
  })
})

describe('refusals', () => {
  it('rejects a bad filter with a Chinese message', async () => {
    const response = await admin.post('/api/qualification/screenings', { industryPrefix: 'C39X' })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('行业代码应为门类字母加最多 4 位数字')
    const unknownField = await admin.post('/api/qualification/screenings', { region: 'x' })
    expect(unknownField.statusCode).toBe(400)
  })

  it('refuses a region outside the caller’s scope and a role without qualification:screen', async () => {
    const outside = await otherTownUser.post('/api/qualification/screenings', { orgUnitId: town.id })
    expect(outside.statusCode).toBe(404)
    expect(outside.json()).toMatchObject({ code: 'REGION_NOT_FOUND' })
    expect((await leader.post('/api/qualification/screenings', {})).statusCode).toBe(403)
  })

  it('refuses a second run of the same region while one is running', async () => {
    // A region of 3 000 enterprises, so the first run is still reading when the second request comes.
    const busy = await createTestRegion(t, admin, '大冶市', '筛查并发测试镇')
    await t.database.db
      .execute(sql`insert into enterprises (id, canonical_id, name, name_key, region_org_unit_id, source)
      select id, id, '并发测试企业' || n, '并发测试企业' || n, ${busy.id}::uuid, '{"kind":"manual"}'::jsonb
      from (select gen_random_uuid() as id, n from generate_series(1, 3000) as n) as g`)
    const body = { orgUnitId: busy.id, evaluationDate: DATE }
    const started = await admin.post('/api/qualification/screenings', body)
    expect(started.statusCode).toBe(202)
    const refused = await admin.post('/api/qualification/screenings', body)
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toMatchObject({
      code: 'SCREENING_RUNNING',
      message: '该地区已有一次筛查正在进行，请等它完成后再发起新的筛查',
    })
    const finished = await waitFor((started.json() as Screening).id)
    expect(finished).toMatchObject({ status: 'completed', enterpriseCount: 3000, processedCount: 3000 })
  })

  it('answers 409 for the results of a run that did not complete', async () => {
    const failedRun = await failingRun()
    const response = await admin.get(`/api/qualification/screenings/${failedRun.id}/results`)
    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({ code: 'SCREENING_NOT_COMPLETED' })
  })
})

/** A run whose 高企 results cannot be written (a trigger refuses them, after the TSME ones were written). */
async function failingRun(): Promise<ScreeningSummary> {
  const db = t.database.db
  await db.execute(sql`create function refuse_hnte_results() returns trigger language plpgsql as $$
    begin if new.rule_set = 'hnte-2016' then raise exception 'disk full'; end if; return new; end $$`)
  await db.execute(sql`create trigger refuse_hnte_results before insert on qualification_screening_results
    for each row execute function refuse_hnte_results()`)
  try {
    return await screen()
  } finally {
    await db.execute(sql`drop trigger refuse_hnte_results on qualification_screening_results`)
    await db.execute(sql`drop function refuse_hnte_results()`)
  }
}

describe('a failed run', () => {
  it('is marked failed with a Chinese message and keeps no partial results or proposals', async () => {
    const failed = await failingRun()
    expect(failed.status).toBe('failed')
    expect(failed.error).toBe('筛查失败：读取或写入数据时出错，已清除本次的部分结果，请稍后重试')
    const [left] = await queryRows<{ results: number; proposals: number }>(
      t.database.db,
      sql`select (select count(*)::int from qualification_screening_results where screening_id = ${failed.id}) as results,
        (select count(*)::int from qualification_proposals where screening_id = ${failed.id}) as proposals`,
    )
    expect(left).toEqual({ results: 0, proposals: 0 })
    // A later run compares with the last completed one, not the failed one.
    const next = await screen()
    expect(next.previousScreeningId).not.toBe(failed.id)
    expect(next.status).toBe('completed')
  })
})

describe('retention', () => {
  it('keeps the newest three completed runs of a region and filter, deleting older ones with their results', async () => {
    const completedOfTown = async () =>
      (
        await queryRows<{ id: string }>(
          t.database.db,
          sql`select id from qualification_screenings where scope_org_unit_id = ${town.id}
            and status = 'completed' order by started_at`,
        )
      ).map((row) => row.id)
    const failedRuns = async () =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from qualification_screenings where status = 'failed'`,
        )
      )[0]!.n
    const failedBefore = await failedRuns()
    await screen()
    await screen()
    const newest = await screen()
    await expect.poll(completedOfTown).toHaveLength(3)
    expect((await completedOfTown()).at(-1)).toBe(newest.id)
    expect((await admin.get(`/api/qualification/screenings/${first.id}`)).statusCode).toBe(404)
    const [left] = await queryRows<{ results: number; proposals: number }>(
      t.database.db,
      sql`select (select count(*)::int from qualification_screening_results where screening_id = ${first.id}) as results,
        (select count(*)::int from qualification_proposals where screening_id = ${first.id}) as proposals`,
    )
    expect(left).toEqual({ results: 0, proposals: 0 })
    // Failed runs are not completed ones and stay as a record of the failure.
    expect(failedBefore).toBeGreaterThan(0)
    expect(await failedRuns()).toBe(failedBefore)
  })
})

export type { Proposal }
