import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LibraryCuration, LibraryMemberPage } from '@kechuang/core/registers'
import { queryRows } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'
import {
  createTestRegion,
  insertEnterprise,
  insertPlatform,
  insertProject,
  insertTalent,
} from './libraries.factories'

// The real app on a fresh database; the register rows live in a township created for this file.
let t: TestApp
let admin: TestClient
let otherTownUser: TestClient
let town: { id: string; path: string }
let reserveByRule: string
let noFigures: string
let hnteHolder: string
let projectSigned: string
let projectTerminated: string

const thisYear = Number(new Date().toISOString().slice(0, 4))
const lastYear = thisYear - 1

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  town = await createTestRegion(t, admin, '大冶市', '五库测试镇')
  const db = t.database.db
  reserveByRule = await insertEnterprise(db, town.id, '甲研发科技有限公司', {
    foundedOn: '2012-04-01',
    qualifications: [],
    years: [{ year: lastYear, rdExpenseWanYuan: 40, salesRevenueWanYuan: 1000, rdStaffCount: 6 }],
    ip: [{ ipClass: 'I', legalStatus: 'granted', grantedOn: `${lastYear}-03-01` }],
  })
  noFigures = await insertEnterprise(db, town.id, '乙制造有限公司', {
    foundedOn: '2010-01-01',
    qualifications: [],
    years: [],
    ip: [],
  })
  hnteHolder = await insertEnterprise(db, town.id, '丙高新有限公司', {
    foundedOn: '2010-01-01',
    qualifications: [
      {
        type: 'hnte',
        status: 'held',
        validFrom: `${lastYear}-01-01`,
        validTo: `${thisYear + 2}-12-31`,
        year: null,
      },
    ],
    years: [{ year: lastYear, rdExpenseWanYuan: 60, salesRevenueWanYuan: 1000, rdStaffCount: 9 }],
    ip: [{ ipClass: 'I', legalStatus: 'granted', grantedOn: `${lastYear}-03-01` }],
  })
  projectSigned = await insertProject(db, {
    regionId: town.id,
    name: '新材料科技招商项目',
    kind: 'investment_attraction',
    status: 'signed',
  })
  projectTerminated = await insertProject(db, {
    regionId: town.id,
    name: '已终止招商项目',
    kind: 'investment_attraction',
    status: 'terminated',
  })
  await insertTalent(db, { regionId: town.id, name: '张研发', kind: 'rd_talent' })
  await insertTalent(db, { regionId: town.id, name: '李特派', kind: 'technology_commissioner' })
  await insertPlatform(db, {
    regionId: town.id,
    name: '测试镇工程技术研究中心',
    type: 'engineering_technology_center',
    status: 'built',
    level: 'municipal',
    targetLevel: 'provincial',
  })
  otherTownUser = await createUserAndLogin(t, admin, {
    username: 'library-other-town',
    role: 'bureau_staff',
    scopeOrgUnitId: await t.orgUnitId('陈贵镇'),
  })
})
afterAll(() => t.close())

const members = async (client: TestClient, library: string, query = '') => {
  const response = await client.get(
    `/api/registers/libraries/${library}/members?orgUnitId=${town.id}${query}`,
  )
  expect(response.statusCode).toBe(200)
  return response.json() as LibraryMemberPage
}

async function rowCounts() {
  const [row] = await queryRows<{ curations: number; audit: number }>(
    t.database.db,
    sql`select (select count(*) from library_curations)::int as curations,
      (select count(*) from audit_log where entity_type = 'library_curation')::int as audit`,
  )
  return row!
}

describe('library lists', () => {
  it('lists the 高企后备库 by rule with the reason, leaving out a 高企 and an enterprise without figures', async () => {
    const page = await members(admin, 'hnte_reserve')
    expect(page.items.map((m) => m.memberId)).toEqual([reserveByRule])
    expect(page.items[0]).toMatchObject({ isRuleMember: true, curation: null, regionName: '五库测试镇' })
    expect(page.items[0]!.ruleReason).toBe(
      `${lastYear} 年研发费用占销售收入 4.0%（≥ 3.0%），有效Ⅰ类知识产权 1 件、Ⅱ类 0 件，尚未认定高新技术企业`,
    )
  })

  it('lists 科技招商 projects that are not terminated, 研发人才 and platforms aiming higher', async () => {
    expect((await members(admin, 'investment_projects')).items.map((m) => m.memberId)).toEqual([
      projectSigned,
    ])
    const talents = await members(admin, 'rd_talents')
    expect(talents.items.map((m) => m.name)).toEqual(['张研发'])
    expect(JSON.stringify(talents)).not.toContain('420281')
    const platforms = await members(admin, 'platform_reserve')
    expect(platforms.items[0]).toMatchObject({ ruleReason: '已建成市级平台，争创省级' })
  })

  it('shows nothing of the township to a user of another township', async () => {
    const response = await otherTownUser.get(
      `/api/registers/libraries/hnte_reserve/members?orgUnitId=${town.id}`,
    )
    expect(response.statusCode).toBe(404)
    const own = (
      await otherTownUser.get('/api/registers/libraries/hnte_reserve/members')
    ).json() as LibraryMemberPage
    expect(own.items.map((m) => m.memberId)).not.toContain(reserveByRule)
  })

  it('exports the list to Excel with the reasons', async () => {
    const response = await admin.get(
      `/api/registers/libraries/hnte_reserve/members.xlsx?orgUnitId=${town.id}`,
    )
    expect(response.statusCode).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(4).getCell(2).value).toBe('甲研发科技有限公司')
    expect(String(sheet.getRow(4).getCell(5).value)).toContain('研发费用占销售收入 4.0%')
  })
})

describe('manual curation', () => {
  it('adds an enterprise the rule leaves out, with who, when and why, audited and withdrawable', async () => {
    const added = await admin.post('/api/registers/libraries/hnte_reserve/curations', {
      memberKind: 'enterprise',
      memberId: noFigures,
      action: 'add',
      reason: '资格预评价建议已采纳：研发投入计划明确',
    })
    expect(added.statusCode).toBe(201)
    const curation = added.json() as LibraryCuration
    expect(curation).toMatchObject({ action: 'add', userName: '系统管理员', withdrawnAt: null })

    const page = await members(admin, 'hnte_reserve')
    const member = page.items.find((m) => m.memberId === noFigures)!
    expect(member).toMatchObject({
      isRuleMember: false,
      curation: { id: curation.id, reason: '资格预评价建议已采纳：研发投入计划明确' },
    })
    expect(member.ruleReason).toContain('无研发费用或销售收入数据')

    const [audit] = await queryRows<{ action: string; after: { memberId: string; reason: string } }>(
      t.database.db,
      sql`select action, after from audit_log where entity_type = 'library_curation' and entity_id = ${curation.id}`,
    )
    expect(audit).toMatchObject({ action: 'create', after: { memberId: noFigures } })

    const withdrawn = await admin.post(
      `/api/registers/libraries/hnte_reserve/curations/${curation.id}/withdraw`,
    )
    expect(withdrawn.statusCode).toBe(200)
    expect((withdrawn.json() as LibraryCuration).withdrawnAt).not.toBeNull()
    expect((await members(admin, 'hnte_reserve')).items.map((m) => m.memberId)).toEqual([reserveByRule])
    const audits = await queryRows<{ action: string; before: { withdrawnAt: string | null } }>(
      t.database.db,
      sql`select action, before from audit_log where entity_type = 'library_curation' and entity_id = ${curation.id}
        order by id`,
    )
    expect(audits.map((a) => a.action)).toEqual(['create', 'update'])
    expect(audits[1]!.before.withdrawnAt).toBeNull()
  })

  it('removes a rule member with a reason; the removed view shows it until the removal is withdrawn', async () => {
    const removed = await admin.post('/api/registers/libraries/hnte_reserve/curations', {
      memberKind: 'enterprise',
      memberId: reserveByRule,
      action: 'remove',
      reason: '企业已迁出本市',
    })
    expect(removed.statusCode).toBe(201)
    expect((await members(admin, 'hnte_reserve')).items).toEqual([])
    const view = await members(admin, 'hnte_reserve', '&view=removed')
    expect(view.items[0]).toMatchObject({
      memberId: reserveByRule,
      isRuleMember: true,
      curation: { action: 'remove' },
    })

    const id = (removed.json() as LibraryCuration).id
    expect(
      (await admin.post(`/api/registers/libraries/hnte_reserve/curations/${id}/withdraw`)).statusCode,
    ).toBe(200)
    expect((await members(admin, 'hnte_reserve')).items.map((m) => m.memberId)).toEqual([reserveByRule])
    const again = await admin.post(`/api/registers/libraries/hnte_reserve/curations/${id}/withdraw`)
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ code: 'CURATION_WITHDRAWN', message: '该人工调整已撤回' })
  })

  it('offers as candidates for an addition only what the rule leaves out and nobody curated', async () => {
    const candidates = await members(admin, 'hnte_reserve', '&view=candidates')
    expect(candidates.items.map((m) => m.memberId).sort()).toEqual([noFigures, hnteHolder].sort())
    expect(candidates.items.find((m) => m.memberId === hnteHolder)!.ruleReason).toBe('已是有效高新技术企业')
  })

  it('removes a terminated project that was added by hand, and lists it', async () => {
    const added = await admin.post('/api/registers/libraries/investment_projects/curations', {
      memberKind: 'project',
      memberId: projectTerminated,
      action: 'add',
      reason: '项目重新洽谈',
    })
    expect(added.statusCode).toBe(201)
    expect((await members(admin, 'investment_projects')).items.map((m) => m.memberId).sort()).toEqual(
      [projectSigned, projectTerminated].sort(),
    )
  })
})

describe('bad curation input is refused in Chinese and writes nothing', () => {
  const cases: [string, string, unknown, number, string, RegExp][] = [
    [
      'an unknown library',
      'unknown_library',
      {
        memberKind: 'enterprise',
        memberId: '00000000-0000-4000-8000-000000000000',
        action: 'add',
        reason: 'x',
      },
      400,
      'VALIDATION_FAILED',
      /没有这个库/,
    ],
    [
      'a missing reason',
      'hnte_reserve',
      { memberKind: 'enterprise', action: 'add', reason: '   ' },
      400,
      'VALIDATION_FAILED',
      /理由不能为空/,
    ],
    [
      'a member of the wrong kind',
      'hnte_reserve',
      { memberKind: 'project', action: 'add', reason: '误选' },
      400,
      'MEMBER_KIND_MISMATCH',
      /「高企后备库」只收录企业，不能人工加入项目/,
    ],
    [
      'adding a rule member',
      'hnte_reserve',
      { memberKind: 'enterprise', action: 'add', reason: '重复' },
      409,
      'ALREADY_MEMBER',
      /已按规则在库中/,
    ],
    [
      'removing a non-member',
      'hnte_reserve',
      { memberKind: 'enterprise', action: 'remove', reason: '无' },
      409,
      'NOT_MEMBER',
      /不在库中/,
    ],
  ]
  it.each(cases)('%s', async (_, library, body, status, code, message) => {
    const memberIds: Record<string, string> = {
      'a missing reason': noFigures,
      'a member of the wrong kind': projectSigned,
      'adding a rule member': reserveByRule,
      'removing a non-member': hnteHolder,
    }
    const before = await rowCounts()
    const response = await admin.post(`/api/registers/libraries/${library}/curations`, {
      ...(body as object),
      ...(memberIds[_] ? { memberId: memberIds[_] } : {}),
    })
    expect(response.statusCode).toBe(status)
    const json = response.json() as { code: string; message: string }
    expect(json.code).toBe(code)
    expect(json.message).toMatch(message)
    expect(await rowCounts()).toEqual(before)
  })

  it('answers "not found" for a member outside the scope', async () => {
    const before = await rowCounts()
    const response = await otherTownUser.post('/api/registers/libraries/hnte_reserve/curations', {
      memberKind: 'enterprise',
      memberId: noFigures,
      action: 'add',
      reason: '越权',
    })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({
      code: 'MEMBER_NOT_FOUND',
      message: '对象不存在或不在您的管辖范围内',
    })
    expect(await rowCounts()).toEqual(before)
  })
})
