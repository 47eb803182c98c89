import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ENTERPRISE_SEARCH_COUNT_CAP,
  computeCreditCodeCheckCharacter,
  type FactSource,
} from '@kechuang/core/registers'
import { queryRows, tables, type Database } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'

// The real app on a fresh seeded database. The seed may hold real enterprises too, so every enterprise made here
// carries TOKEN in its name and list calls search for it.
const TOKEN = '试验样本'
const BASE = '/api/registers/enterprises'
const doc: FactSource = { kind: 'document', doc: '测试名单.xlsx', ref: '第 2 行' }

let t: TestApp
let db: Database
let admin: TestClient
let dayeStaff: TestClient
let reporter: TestClient
let dayeId: string
let townId: string
let yangxinId: string

let codeCounter = 0
/** A valid 统一社会信用代码 of 大冶市 (or another region code), unique per call. */
function creditCode(region = '420281'): string {
  codeCounter += 1
  const first17 = `91${region}MA${String(codeCounter).padStart(7, '0')}`
  return first17 + computeCreditCodeCheckCharacter(first17)
}

type NewEnterprise = typeof tables.enterprises.$inferInsert

async function insertEnterprise(
  fields: Omit<Partial<NewEnterprise>, 'name'> & { name: string },
): Promise<string> {
  const id = fields.id ?? randomUUID()
  await db.insert(tables.enterprises).values({
    canonicalId: id,
    nameKey: fields.name,
    source: doc,
    ...fields,
    id,
    name: `${fields.name}${TOKEN}`,
  })
  return id
}

/** Joins two rows as the seed or the linker would: a POSITIVE judgement and the cache of the cluster id. */
async function linkRows(a: string, b: string): Promise<string> {
  const [left, right] = a < b ? [a, b] : [b, a]
  await db
    .insert(tables.enterpriseJudgements)
    .values({ leftId: left, rightId: right, judgement: 'POSITIVE', userName: '测试' })
  await db
    .update(tables.enterprises)
    .set({ canonicalId: left })
    .where(sql`id in (${a}, ${b})`)
  return left
}

const REGISTER_TABLES = [
  'enterprises',
  'enterprise_years',
  'qualifications',
  'platforms',
  'platform_participants',
  'intellectual_property',
  'projects',
  'talents',
  'library_curations',
] as const

/** Every row of every register table, in a fixed order, for before/after comparisons. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {}
  for (const table of REGISTER_TABLES) {
    result[table] = await queryRows(db, sql.raw(`select * from ${table} order by 1, 2`))
  }
  result.liveJudgements = await queryRows(
    db,
    sql`select id, left_id, right_id, judgement, created_at from enterprise_judgements where deleted_at is null order by id`,
  )
  return result
}

let steel: string // 大冶, hnte valid today, 2 members, IP, platform, talents
let steelMember: string
let copper: string // 大冶 (town), tsme of 2021 only, synthetic
let cement: string // 阳新 (outside the Daye scope)
let loose: string // 大冶, no code, a duplicate of steel to merge in tests
let otherCode: string // 大冶, a different valid code

beforeAll(async () => {
  t = await createTestApp()
  db = t.database.db
  admin = await t.login()
  dayeId = await t.orgUnitId('大冶市')
  townId = await t.orgUnitId('还地桥镇')
  yangxinId = await t.orgUnitId('阳新县')
  dayeStaff = await createUserAndLogin(t, admin, {
    username: 'daye-registers',
    role: 'bureau_staff',
    scopeOrgUnitId: dayeId,
  })
  reporter = await createUserAndLogin(t, admin, {
    username: 'town-reporter',
    role: 'reporter',
    scopeOrgUnitId: townId,
  })

  // Fixed first characters make the credit-coded row the smallest id, hence the cluster's canonical row.
  steel = await insertEnterprise({
    id: `0${randomUUID().slice(1)}`,
    name: '大冶特钢',
    creditCode: creditCode(),
    regionOrgUnitId: dayeId,
    industryCode: '3110',
    industryText: '炼钢',
    leadingIndustry: '高端装备制造',
    foundedOn: '1990-05-01',
    aliases: ['大冶特钢'],
    facts: [{ text: '年产特钢 200 万吨', source: doc }],
  })
  steelMember = await insertEnterprise({
    id: `f${randomUUID().slice(1)}`,
    name: '大冶特殊钢有限公司',
    regionOrgUnitId: dayeId,
    isSynthetic: false,
  })
  await linkRows(steel, steelMember)
  copper = await insertEnterprise({
    name: '还地桥铜业',
    creditCode: creditCode(),
    regionOrgUnitId: townId,
    industryCode: '3211',
    foundedOn: '2015-03-01',
    isSynthetic: true,
    formerNames: [{ name: '旧名铜材厂', validFrom: null, validTo: '2014-12-31' }],
  })
  cement = await insertEnterprise({
    name: '阳新水泥',
    creditCode: creditCode('420222'),
    regionOrgUnitId: yangxinId,
    industryCode: '3011',
  })
  loose = await insertEnterprise({ name: '大冶特钢（名单写法）', regionOrgUnitId: dayeId })
  otherCode = await insertEnterprise({
    name: '另一家钢厂',
    creditCode: creditCode(),
    regionOrgUnitId: dayeId,
  })

  const steelHead = await canonicalOf(steel)
  await db.insert(tables.qualifications).values([
    {
      enterpriseId: steelHead,
      type: 'hnte',
      title: '高新技术企业',
      number: 'GR-T-1',
      validFrom: '2024-01-01',
      validTo: '2099-12-31',
      source: doc,
    },
    {
      enterpriseId: steelMember,
      type: 'gazelle',
      title: '瞪羚企业',
      status: 'target',
      year: 2025,
      source: doc,
    },
    { enterpriseId: copper, type: 'tsme', title: '科技型中小企业', year: 2021, source: doc },
  ])
  await db.insert(tables.enterpriseYears).values([
    { enterpriseId: steelHead, year: 2023, rdExpenseWanYuan: 800, salesRevenueWanYuan: 20000, source: doc },
    { enterpriseId: steelMember, year: 2024, rdExpenseWanYuan: 900, source: doc },
    { enterpriseId: copper, year: 2024, rdExpenseWanYuan: 50, source: doc },
  ])
  const [platform] = await db
    .insert(tables.platforms)
    .values({
      name: `特钢技术中心${TOKEN}`,
      type: 'enterprise_technology_center',
      level: 'provincial',
      status: 'built',
      approvedOn: '2020-06-01',
      source: doc,
    })
    .returning()
  await db
    .insert(tables.platformParticipants)
    .values({ platformId: platform!.id, role: 'host', enterpriseId: steelMember, nameAsWritten: '大冶特钢' })
  await db.insert(tables.intellectualProperty).values(
    Array.from({ length: 30 }, (_, i) => ({
      enterpriseId: i % 2 === 0 ? steelHead : steelMember,
      type: i < 10 ? ('invention' as const) : ('utilityModel' as const),
      ipClass: i < 10 ? ('I' as const) : ('II' as const),
      number: `ZL-TEST-${i}`,
      title: `专利 ${i}`,
      appliedOn: '2019-01-01',
      grantedOn: `20${String(10 + (i % 15)).padStart(2, '0')}-01-${String(1 + i).padStart(2, '0')}`.slice(
        0,
        10,
      ),
      legalStatus: 'granted' as const,
      source: doc,
    })),
  )
  await db.insert(tables.projects).values({
    enterpriseId: steelMember,
    kind: 'technical_renovation',
    name: '技改一期',
    status: 'in_progress',
    startedOn: '2024-03-01',
    source: doc,
  })
  await db.insert(tables.talents).values({
    enterpriseId: steelHead,
    kind: 'rd_talent',
    name: '李工',
    idNumber: '420202198001011234',
    phone: '13800000000',
    source: doc,
  })
})
afterAll(() => t.close())

async function canonicalOf(id: string): Promise<string> {
  const rows = await queryRows<{ canonical_id: string }>(
    db,
    sql`select canonical_id from enterprises where id = ${id}`,
  )
  return rows[0]!.canonical_id
}

type Page = {
  items: { id: string; name: string; [key: string]: unknown }[]
  total: number
  rdExpenseYear?: number | null
}
const list = async (client: TestClient, query: string) => {
  const response = await client.get(`${BASE}?q=${encodeURIComponent(TOKEN)}&${query}`)
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as Page
}
const names = (page: Page) => page.items.map((i) => i.name.replace(TOKEN, ''))

describe('GET /registers/enterprises', () => {
  it('lists one row per enterprise (cluster) with its figures, qualifications valid today and flags', async () => {
    const page = await list(admin, 'sort=name')
    expect(page.total).toBe(5)
    const row = page.items.find((i) => i.id === (steel < steelMember ? steel : steelMember))!
    expect(row).toMatchObject({
      creditCode: expect.stringMatching(/^91420281/),
      regionName: '大冶市',
      currentQualifications: ['hnte'],
      ipCount: 30,
      platformCount: 1,
      memberCount: 2,
      latestRdExpenseWanYuan: 900,
      latestRdExpenseYear: 2024,
      isSynthetic: false,
    })
    const copperRow = page.items.find((i) => i.id === copper)!
    expect(copperRow).toMatchObject({ isSynthetic: true, currentQualifications: [] })
  })

  it('searches names, 曾用名 and credit codes', async () => {
    const byFormer = await admin.get(`${BASE}?q=${encodeURIComponent('旧名铜材厂')}`)
    expect((byFormer.json() as Page).items.map((i) => i.id)).toEqual([copper])
    const code = (
      await queryRows<{ credit_code: string }>(
        db,
        sql`select credit_code from enterprises where id = ${cement}`,
      )
    )[0]!.credit_code
    const byCode = await admin.get(`${BASE}?q=${code}`)
    expect((byCode.json() as Page).items.map((i) => i.id)).toEqual([cement])
    // A member row's name finds its enterprise.
    const byMember = await admin.get(`${BASE}?q=${encodeURIComponent('大冶特殊钢')}`)
    expect((byMember.json() as Page).items.map((i) => i.id)).toEqual([await canonicalOf(steel)])
    // Any substring from two characters (the bigram index, then a recheck); one character reads the register.
    const byPart = await admin.get(`${BASE}?q=${encodeURIComponent('名铜材')}`)
    expect((byPart.json() as Page).items.map((i) => i.id)).toEqual([copper])
    const byOneCharacter = await admin.get(`${BASE}?q=${encodeURIComponent('铜')}&pageSize=100`)
    expect((byOneCharacter.json() as Page).items.map((i) => i.id)).toContain(copper)
    const bigramsOnly = await admin.get(`${BASE}?q=${encodeURIComponent('铜材铜名')}`)
    expect((bigramsOnly.json() as Page).total).toBe(0)
  })

  it('filters by region subtree, industry prefix, qualification on a date or in a year, and synthetic flag', async () => {
    expect(names(await list(admin, `regionOrgUnitId=${townId}`))).toEqual(['还地桥铜业'])
    expect((await list(admin, `regionOrgUnitId=${dayeId}`)).total).toBe(4)
    expect(names(await list(admin, 'industryCode=31'))).toEqual(['大冶特钢'])
    expect(names(await list(admin, 'industryCode=3'))).toHaveLength(3)
    expect(names(await list(admin, 'qualificationType=tsme&qualificationYear=2021'))).toEqual(['还地桥铜业'])
    expect(names(await list(admin, 'qualificationType=tsme'))).toEqual([])
    expect(names(await list(admin, 'qualificationType=hnte&qualificationOn=2023-12-31'))).toEqual([])
    expect(names(await list(admin, 'qualificationType=hnte&qualificationOn=2024-01-01'))).toEqual([
      '大冶特钢',
    ])
    expect(names(await list(admin, 'qualificationType=gazelle&qualificationYear=2025'))).toEqual([])
    expect(names(await list(admin, 'isSynthetic=true'))).toEqual(['还地桥铜业'])
    expect(names(await list(admin, `leadingIndustry=${encodeURIComponent('高端装备制造')}`))).toEqual([
      '大冶特钢',
    ])
  })

  it('sorts on the server with missing values last and pages without overlap', async () => {
    expect(names(await list(admin, 'sort=rdExpense&order=desc')).slice(0, 2)).toEqual([
      '大冶特钢',
      '还地桥铜业',
    ])
    expect(names(await list(admin, 'sort=foundedOn&order=asc')).slice(0, 2)).toEqual([
      '大冶特钢',
      '还地桥铜业',
    ])
    expect((await list(admin, 'sort=rdExpense&order=desc')).rdExpenseYear).toBe(2024)
    expect(names(await list(admin, 'sort=rdExpense&order=desc&rdExpenseYear=2023'))[0]).toBe('大冶特钢')
    const first = await list(admin, 'sort=name&pageSize=2&page=1')
    const second = await list(admin, 'sort=name&pageSize=2&page=2')
    const third = await list(admin, 'sort=name&pageSize=2&page=3')
    const ids = [...first.items, ...second.items, ...third.items].map((i) => i.id)
    expect(new Set(ids).size).toBe(5)
    expect(first.total).toBe(5)
  })

  it('shows only enterprises in the caller’s scope', async () => {
    const page = await list(dayeStaff, 'sort=name')
    expect(page.items.map((i) => i.id)).not.toContain(cement)
    expect(page.total).toBe(4)
    const region = await dayeStaff.get(`${BASE}?regionOrgUnitId=${yangxinId}`)
    expect(region.statusCode).toBe(404)
    expect(region.json()).toMatchObject({
      code: 'REGION_NOT_FOUND',
      message: '所选地区不存在或不在您的管辖范围内',
    })
  })

  it('rejects unknown fields and bad values with Chinese messages, and roles without the permission', async () => {
    const unknown = await admin.get(`${BASE}?colour=red`)
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toMatch(/^查询参数不符合要求/)
    const badSort = await admin.get(`${BASE}?sort=password`)
    expect(badSort.json().message).toContain('排序字段不正确')
    const forbidden = await reporter.get(BASE)
    expect(forbidden.statusCode).toBe(403)
  })
})

describe('GET /registers/enterprises/:id', () => {
  it('gathers every member row’s records with sources, masks personal data and builds the timeline', async () => {
    const head = await canonicalOf(steel)
    const response = await dayeStaff.get(`${BASE}/${steelMember}`)
    expect(response.statusCode, response.body).toBe(200)
    const profile = response.json()
    expect(profile.id).toBe(head)
    expect(profile.members.map((m: { id: string }) => m.id).sort()).toEqual([steel, steelMember].sort())
    expect(profile.creditCodeExplanation).toMatchObject({
      isValid: true,
      regionCode: '420281',
      registrationAuthorityLabel: '市场监督管理（工商）',
      organizationCategoryLabel: '企业',
    })
    expect(profile.years.map((y: { year: number; memberId: string }) => [y.year, y.memberId])).toEqual([
      [2023, head],
      [2024, steelMember],
    ])
    expect(profile.years[0]).toMatchObject({ salesRevenueWanYuan: 20000, employeeCount: null, source: doc })
    const validity = Object.fromEntries(
      profile.qualifications.map((q: { type: string; validity: string }) => [q.type, q.validity]),
    )
    expect(validity).toEqual({ hnte: 'valid', gazelle: 'target' })
    expect(profile.platforms).toMatchObject([{ role: 'host', memberId: steelMember, level: 'provincial' }])
    expect(profile.ip.total).toBe(30)
    expect(profile.ip.latest).toHaveLength(20)
    expect(profile.ip.byType).toEqual(
      expect.arrayContaining([
        { type: 'invention', legalStatus: 'granted', count: 10 },
        { type: 'utilityModel', legalStatus: 'granted', count: 20 },
      ]),
    )
    expect(profile.talents[0]).toMatchObject({ idNumber: '4202**********1234', phone: '138****0000' })
    const dates = profile.timeline.map((e: { date: string }) => e.date)
    expect(dates).toEqual([...dates].sort())
    expect(profile.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['qualification', 'platform', 'project', 'ip', 'merge']),
    )
    expect(profile.facts).toEqual([{ memberId: steel, source: doc, text: '年产特钢 200 万吨' }])
  })

  it('shows personal data to a role with talents:personal', async () => {
    const profile = (await admin.get(`${BASE}/${steel}`)).json()
    expect(profile.talents[0]).toMatchObject({ idNumber: '420202198001011234', phone: '13800000000' })
  })

  it('pages the IP separately, newest first, optionally by type', async () => {
    const page = (await admin.get(`${BASE}/${steel}/ip?type=invention&pageSize=4&page=3`)).json()
    expect(page.total).toBe(10)
    expect(page.items).toHaveLength(2)
    const all = (await admin.get(`${BASE}/${steel}/ip?pageSize=200`)).json()
    const granted = all.items.map((i: { grantedOn: string }) => i.grantedOn)
    expect(granted).toEqual([...granted].sort().reverse())
  })

  it('answers an enterprise outside the scope, an unknown id and a malformed id clearly', async () => {
    const outside = await dayeStaff.get(`${BASE}/${cement}`)
    expect(outside.statusCode).toBe(404)
    expect(outside.json()).toMatchObject({
      code: 'ENTERPRISE_NOT_FOUND',
      message: '企业不存在或不在您的管辖范围内',
    })
    expect((await admin.get(`${BASE}/${randomUUID()}`)).statusCode).toBe(404)
    const malformed = await admin.get(`${BASE}/not-an-id`)
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().message).toContain('企业编号格式不正确')
  })
})

describe('merge and split', () => {
  it('previews what moves, merges, and a split gives back every register row exactly', async () => {
    const steelHead = await canonicalOf(steel)
    const before = await snapshot()
    const auditBefore = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where entity_type = 'enterprise'`,
    )

    const preview = await dayeStaff.post(`${BASE}/merge/preview`, { intoId: steelMember, fromId: loose })
    expect(preview.statusCode, preview.body).toBe(200)
    expect(preview.json()).toMatchObject({
      into: {
        id: steelHead,
        counts: { memberRows: 2, years: 2, qualifications: 2, platforms: 1, ip: 30, projects: 1, talents: 1 },
      },
      from: { id: loose, counts: { memberRows: 1, years: 0, ip: 0 } },
      resultingId: [steel, steelMember, loose].sort()[0],
      canMerge: true,
      blockReason: null,
    })
    expect(await snapshot()).toEqual(before)

    const merged = await dayeStaff.post(`${BASE}/merge`, {
      intoId: steelHead,
      fromId: loose,
      reason: '同一企业的不同写法',
    })
    expect(merged.statusCode, merged.body).toBe(200)
    const mergedId = [steel, steelMember, loose].sort()[0]!
    expect(merged.json()).toEqual({
      clusters: [{ id: mergedId, memberIds: [steel, steelMember, loose].sort() }],
    })
    const profile = (await dayeStaff.get(`${BASE}/${loose}`)).json()
    expect(profile.id).toBe(mergedId)
    expect(profile.members).toHaveLength(3)
    expect((await list(admin, 'sort=name')).total).toBe(4)

    const split = await dayeStaff.post(`${BASE}/${mergedId}/split`, { memberIds: [loose], reason: '误合并' })
    expect(split.statusCode, split.body).toBe(200)
    expect(split.json().clusters).toEqual(
      expect.arrayContaining([
        { id: steelHead, memberIds: [steel, steelMember].sort() },
        { id: loose, memberIds: [loose] },
      ]),
    )
    expect(await snapshot()).toEqual(before)
    const withdrawn = await queryRows<{ deleted_at: unknown; reason: string }>(
      db,
      sql`select deleted_at, reason from enterprise_judgements where ${loose} in (left_id, right_id)`,
    )
    expect(withdrawn).toHaveLength(1)
    expect(withdrawn[0]).toMatchObject({ reason: '同一企业的不同写法', deleted_at: expect.anything() })
    const auditAfter = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where entity_type = 'enterprise'`,
    )
    expect(auditAfter[0]!.n - auditBefore[0]!.n).toBe(2)
    const actions = await queryRows<{ action: string }>(
      db,
      sql`select action from audit_log where entity_type = 'enterprise' order by id desc limit 2`,
    )
    expect(actions.map((a) => a.action)).toEqual(['split', 'merge'])
  })

  it('records a NEGATIVE judgement when the split marks the two as distinct', async () => {
    const steelHead = await canonicalOf(steel)
    await dayeStaff.post(`${BASE}/merge`, { intoId: steelHead, fromId: loose })
    const mergedId = await canonicalOf(loose)
    const split = await dayeStaff.post(`${BASE}/${mergedId}/split`, {
      memberIds: [loose],
      markDistinct: true,
    })
    expect(split.statusCode, split.body).toBe(200)
    const live = await queryRows<{ judgement: string }>(
      db,
      sql`select judgement from enterprise_judgements where deleted_at is null and ${loose} in (left_id, right_id)`,
    )
    expect(live).toEqual([{ judgement: 'NEGATIVE' }])
    expect(await canonicalOf(loose)).toBe(loose)
    expect(await canonicalOf(steelMember)).toBe(steelHead)
  })

  it('refuses bad merges and splits with Chinese messages and changes nothing', async () => {
    const steelHead = await canonicalOf(steel)
    const before = await snapshot()
    const judgementCount = async () =>
      (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from enterprise_judgements`))[0]!.n
    const judgementsBefore = await judgementCount()

    const conflict = await dayeStaff.post(`${BASE}/merge`, { intoId: steelHead, fromId: otherCode })
    expect(conflict.statusCode).toBe(409)
    expect(conflict.json()).toMatchObject({ code: 'CREDIT_CODE_CONFLICT' })
    expect(conflict.json().message).toMatch(/统一社会信用代码不同.*不能合并/)
    const conflictPreview = (
      await dayeStaff.post(`${BASE}/merge/preview`, { intoId: steelHead, fromId: otherCode })
    ).json()
    expect(conflictPreview).toMatchObject({
      canMerge: false,
      blockReason: expect.stringContaining('不能合并'),
    })

    const self = await dayeStaff.post(`${BASE}/merge`, { intoId: steel, fromId: steel })
    expect(self.statusCode).toBe(400)
    expect(self.json().message).toContain('不能把企业与其自身合并')

    const sameCluster = await dayeStaff.post(`${BASE}/merge`, { intoId: steel, fromId: steelMember })
    expect(sameCluster.statusCode).toBe(409)
    expect(sameCluster.json().message).toBe('两者已是同一企业，无需合并')

    const outside = await dayeStaff.post(`${BASE}/merge`, { intoId: steelHead, fromId: cement })
    expect(outside.statusCode).toBe(404)
    expect(outside.json().message).toBe('企业不存在或不在您的管辖范围内')

    const malformed = await dayeStaff.post(`${BASE}/merge`, { intoId: steelHead, fromId: 'abc' })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().message).toContain('要合并的企业编号格式不正确')

    const extra = await dayeStaff.post(`${BASE}/merge`, { intoId: steelHead, fromId: loose, force: true })
    expect(extra.statusCode).toBe(400)

    const all = await dayeStaff.post(`${BASE}/${steelHead}/split`, { memberIds: [steel, steelMember] })
    expect(all.statusCode).toBe(400)
    expect(all.json().message).toBe('拆分出去的记录必须是该企业的成员记录，且不能是全部成员')
    const stranger = await dayeStaff.post(`${BASE}/${steelHead}/split`, { memberIds: [copper] })
    expect(stranger.statusCode).toBe(400)
    const empty = await dayeStaff.post(`${BASE}/${steelHead}/split`, { memberIds: [] })
    expect(empty.json().message).toContain('请至少选择一条要拆分出去的成员记录')

    const leader = await createUserAndLogin(t, admin, {
      username: 'reg-leader',
      role: 'leader',
      scopeOrgUnitId: dayeId,
    })
    expect((await leader.post(`${BASE}/merge`, { intoId: steelHead, fromId: loose })).statusCode).toBe(403)

    expect(await snapshot()).toEqual(before)
    expect(await judgementCount()).toBe(judgementsBefore)
  })
})

describe('GET /registers/enterprises/export.xlsx', () => {
  it('exports the current filter as a workbook', async () => {
    const response = await admin.get(
      `${BASE}/export.xlsx?q=${encodeURIComponent(TOKEN)}&regionOrgUnitId=${dayeId}&sort=name`,
    )
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['content-type']).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('企业库')!
    expect(sheet.getRow(1).getCell(1).value).toBe('企业名称')
    expect(sheet.rowCount).toBe(1 + 4)
    const names = Array.from({ length: 4 }, (_, i) => String(sheet.getRow(i + 2).getCell(1).value))
    expect(names).toContain(`大冶特钢${TOKEN}`)
  })

  it('refuses an export over the cap with a Chinese message', async () => {
    await db.execute(sql`
      insert into enterprises (id, canonical_id, name, name_key, source, region_org_unit_id)
      select g.id, g.id, '批量' || n || ${TOKEN}, '批量', '{"kind":"synthetic"}'::jsonb, ${townId}::uuid
      from (select gen_random_uuid() as id, n from generate_series(1, 10001) as n) g`)
    const response = await admin.get(`${BASE}/export.xlsx?q=${encodeURIComponent(TOKEN)}`)
    expect(response.statusCode).toBe(422)
    expect(response.json()).toMatchObject({
      code: 'EXPORT_TOO_LARGE',
      message: '符合条件的企业有 10006 家，超过单次导出上限 10000 家，请缩小筛选范围后再导出',
    })
    // Filtered without a name search, the same enterprises are counted exactly.
    const byTown = await admin.get(`${BASE}/export.xlsx?regionOrgUnitId=${townId}`)
    expect(byTown.json()).toMatchObject({ code: 'EXPORT_TOO_LARGE', details: { total: expect.any(Number) } })
    expect((byTown.json() as { details: { total: number } }).details.total).toBeGreaterThanOrEqual(10_001)
  })

  it('counts a name search only up to the cap and says so', async () => {
    const broad = await admin.get(`${BASE}?q=${encodeURIComponent(TOKEN)}`)
    expect(broad.json()).toMatchObject({ total: ENTERPRISE_SEARCH_COUNT_CAP, totalIsCapped: true })
    const narrow = await admin.get(`${BASE}?q=${encodeURIComponent(`大冶特钢${TOKEN}`)}`)
    expect(narrow.json()).toMatchObject({ total: 1, totalIsCapped: false })
  })
})
