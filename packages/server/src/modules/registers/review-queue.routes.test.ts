import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeCreditCodeCheckCharacter, normalizeEnterpriseName } from '@kechuang/core/registers'
import { queryRows, tables } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'

// The real app on a fresh seeded PGlite: lists go through upload → commit, then the queue is worked through the API.
let t: TestApp
let admin: TestClient
const code = (first17: string) => first17 + computeCreditCodeCheckCharacter(first17)
const TARGET = { id: randomUUID(), name: '黄石市东贝制冷有限公司', code: code('91420200MA4K0DB01') }
const OTHER = { id: randomUUID(), name: '大冶市劲牌生物科技有限公司', code: code('91420281MA4K0JP01') }

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  for (const [e, region] of [
    [TARGET, '420200'],
    [OTHER, '420281'],
  ] as const) {
    await t.database.db.insert(tables.enterprises).values({
      id: e.id,
      canonicalId: e.id,
      creditCode: e.code,
      name: e.name,
      nameKey: normalizeEnterpriseName(e.name).key,
      regionCode: region,
      source: { kind: 'manual' },
    })
  }
})
afterAll(() => t.close())

async function importHnte(rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('名单')
  sheet.addRow(['企业名称', '统一社会信用代码', '证书编号', '发证日期'])
  for (const row of rows) sheet.addRow(row)
  const content = Buffer.from(await workbook.xlsx.writeBuffer())
  const boundary = '----kechuang-review'
  const response = await admin.request({
    method: 'POST',
    url: '/api/registers/imports?listType=hnte',
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  })
  expect(response.statusCode, response.body).toBe(202)
  const { id } = response.json() as { id: string }
  for (let attempt = 0; attempt < 200; attempt++) {
    const status = (await admin.get(`/api/registers/imports/${id}`)).json() as { status: string }
    if (status.status !== 'processing') break
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  const committed = await admin.post(`/api/registers/imports/${id}/commit`)
  expect(committed.statusCode, committed.body).toBe(200)
  return id
}

type Item = {
  id: string
  subjectName: string
  status: string
  probability: number
  candidates: { enterpriseId: string }[]
}
async function pending(importId?: string): Promise<Item[]> {
  const response = await admin.get(`/api/registers/review${importId ? `?importId=${importId}` : ''}`)
  expect(response.statusCode, response.body).toBe(200)
  return (response.json() as { items: Item[] }).items
}

async function qualificationsOf(enterpriseId: string): Promise<string[]> {
  const rows = await queryRows<{ number: string }>(
    t.database.db,
    sql`select number from qualifications where enterprise_id = ${enterpriseId} order by number`,
  )
  return rows.map((r) => r.number)
}

describe('待确认匹配', () => {
  it('queues a name it cannot place, accepts a picked enterprise and remembers the decision', async () => {
    const importId = await importHnte([['东贝冷链设备厂', '', 'GR202342000201', '2023-11-20']])
    const [item] = await pending(importId)
    expect(item).toMatchObject({ subjectName: '东贝冷链设备厂', status: 'pending' })

    const search = await admin.get(`/api/registers/review/enterprises?q=${encodeURIComponent('东贝')}`)
    expect((search.json() as { items: { id: string }[] }).items.map((e) => e.id)).toContain(TARGET.id)

    const accepted = await admin.post(`/api/registers/review/${item!.id}/accept`, { enterpriseId: TARGET.id })
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      enterpriseId: TARGET.id,
      decidedByName: expect.any(String),
    })
    expect(await qualificationsOf(TARGET.id)).toEqual(['GR202342000201'])
    expect(await pending(importId)).toEqual([])

    const again = await admin.post(`/api/registers/review/${item!.id}/accept`, { enterpriseId: TARGET.id })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ code: 'REVIEW_ITEM_DECIDED' })

    // The same record in a later list is linked without asking again.
    const later = await importHnte([['东贝冷链设备厂', '', 'GR202342000202', '2024-11-20']])
    expect(await pending(later)).toEqual([])
    expect(await qualificationsOf(TARGET.id)).toEqual(['GR202342000201', 'GR202342000202'])
  })

  it('gives an enterprise known only by name the credit code of the record accepted for it', async () => {
    const nameOnly = { id: randomUUID(), name: '鑫宇模具' }
    await t.database.db.insert(tables.enterprises).values({
      ...nameOnly,
      canonicalId: nameOnly.id,
      nameKey: normalizeEnterpriseName(nameOnly.name).key,
      source: { kind: 'manual' },
    })
    const listed = code('91420281MA4K0XY01')
    const importId = await importHnte([['湖北鑫宇模具科技有限公司', listed, 'GR202342000301', '2023-11-20']])
    const [item] = await pending(importId)
    expect(item, 'the variant waits for a reviewer').toBeDefined()
    const accepted = await admin.post(`/api/registers/review/${item!.id}/accept`, {
      enterpriseId: nameOnly.id,
    })
    expect(accepted.statusCode, accepted.body).toBe(200)
    const [row] = await queryRows<{ credit_code: string | null; region_code: string | null }>(
      t.database.db,
      sql`select credit_code, region_code from enterprises where id = ${nameOnly.id}`,
    )
    expect(row).toEqual({ credit_code: listed, region_code: '420281' })

    // A list naming it differently links by the code it now holds.
    const later = await importHnte([['大冶市鑫宇模具制造有限公司', listed, 'GR202342000302', '2024-11-20']])
    expect(await pending(later)).toEqual([])
    expect(await qualificationsOf(nameOnly.id)).toEqual(['GR202342000301', 'GR202342000302'])
  })

  it('rejects the candidates of a record without a code: it stays rejected with its reason and nothing is written', async () => {
    const importId = await importHnte([['某某不存在的劲牌贸易商行', '', 'GR202342000301', '2023-11-20']])
    const [item] = await pending(importId)
    const before = await queryRows<{ count: number }>(
      t.database.db,
      sql`select count(*)::int as count from qualifications`,
    )
    const rejected = await admin.post(`/api/registers/review/${item!.id}/reject`, {
      reason: '名单中的企业不在本市',
    })
    expect(rejected.statusCode, rejected.body).toBe(200)
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      reason: '名单中的企业不在本市',
      enterpriseId: null,
    })
    const after = await queryRows<{ count: number }>(
      t.database.db,
      sql`select count(*)::int as count from qualifications`,
    )
    expect(after[0]!.count).toBe(before[0]!.count)
    const audit = await queryRows<{ count: number }>(
      t.database.db,
      sql`select count(*)::int as count from audit_log where entity_type = 'register_review_item' and entity_id = ${item!.id}`,
    )
    expect(audit[0]!.count).toBe(1)
  })

  it('creates a new enterprise when a record with a valid code is none of its candidates', async () => {
    const importId = await importHnte([['找不到的公司甲', '', 'GR202342000501', '2023-11-20']])
    const [queued] = await pending(importId)
    // A record with its own valid code that the linker was unsure about (its candidate: TARGET).
    const newCode = code('91420281MA4K0NW77')
    await t.database.db
      .update(tables.registerReviewItems)
      .set({
        record: {
          listType: 'hnte',
          name: '东贝冷链（大冶）有限公司',
          creditCode: newCode,
          region: null,
          certificateNumber: 'GR202342000502',
          validFrom: '2023-11-20',
          validTo: '2026-11-19',
        },
        subjectName: '东贝冷链（大冶）有限公司',
        subjectCreditCode: newCode,
        candidates: [
          {
            enterpriseId: TARGET.id,
            name: TARGET.name,
            creditCode: TARGET.code,
            regionCode: '420200',
            probability: 0.5,
            explanation: [],
          },
        ],
      })
      .where(sql`id = ${queued!.id}`)
    const rejected = await admin.post(`/api/registers/review/${queued!.id}/reject`, {
      reason: '信用代码不同，是另一家企业',
    })
    expect(rejected.statusCode, rejected.body).toBe(200)
    const body = rejected.json() as { status: string; enterpriseId: string }
    expect(body.status).toBe('created')
    expect(await qualificationsOf(body.enterpriseId)).toEqual(['GR202342000502'])
    const decisions = await queryRows<{ judgement: string }>(
      t.database.db,
      sql`select judgement from register_link_decisions where review_item_id = ${queued!.id} and enterprise_id = ${TARGET.id}`,
    )
    expect(decisions.map((d) => d.judgement)).toEqual(['NEGATIVE'])
  })

  it('refuses a rejection without a reason and an unknown enterprise', async () => {
    const importId = await importHnte([['又一家找不到的公司', '', 'GR202342000401', '2023-11-20']])
    const [item] = await pending(importId)
    const noReason = await admin.post(`/api/registers/review/${item!.id}/reject`, { reason: ' ' })
    expect(noReason.statusCode).toBe(400)
    const unknown = await admin.post(`/api/registers/review/${item!.id}/accept`, {
      enterpriseId: randomUUID(),
    })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toMatchObject({ code: 'ENTERPRISE_NOT_FOUND' })
  })

  it('exports the pending items to Excel', async () => {
    const response = await admin.get('/api/registers/review/export.xlsx')
    expect(response.statusCode).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const names = workbook.worksheets[0]!.getColumn(4).values.slice(2)
    expect(names).toContain('又一家找不到的公司')
  })

  it('lets a reader see the queue but not decide', async () => {
    const leader = await createUserAndLogin(t, admin, {
      username: 'review-leader',
      role: 'leader',
      scopeOrgUnitId: await t.orgUnitId('大冶市'),
    })
    const [item] = await pending()
    const response = await leader.post(`/api/registers/review/${item!.id}/accept`, {
      enterpriseId: TARGET.id,
    })
    expect(response.statusCode).toBe(403)
  })
})
