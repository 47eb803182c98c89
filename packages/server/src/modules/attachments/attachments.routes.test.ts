import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ATTACHMENT_MAX_BYTES } from '@kechuang/core/attachments'
import { queryRows } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'

// The real app on a fresh seeded PGlite; files go through real multipart requests.
let t: TestApp
let admin: TestClient
let dayeStaff: TestClient
let techBureau: TestClient
let townReporter: TestClient
let yangxinReporter: TestClient
let techBureauId: string
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  techBureauId = await t.orgUnitId('市科技局')
  dayeStaff = await createUserAndLogin(t, admin, {
    username: 'daye-staff',
    role: 'bureau_staff',
    scopeOrgUnitId: await t.orgUnitId('大冶市'),
  })
  techBureau = await createUserAndLogin(t, admin, {
    username: 'kjj-reporter',
    role: 'reporter',
    scopeOrgUnitId: techBureauId,
  })
  townReporter = await createUserAndLogin(t, admin, {
    username: 'hdq-reporter',
    role: 'reporter',
    scopeOrgUnitId: await t.orgUnitId('还地桥镇'),
  })
  yangxinReporter = await createUserAndLogin(t, admin, {
    username: 'yx-reporter',
    role: 'reporter',
    scopeOrgUnitId: await t.orgUnitId('阳新县'),
  })
})
afterAll(() => t.close())

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(Array.from({ length: 248 }, (_, i) => i)),
])
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')

async function upload(client: TestClient, content: Buffer, fileName: string) {
  const boundary = '----kechuang-attachment-boundary'
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return client.request({
    method: 'POST',
    url: '/api/attachments',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  })
}

async function uploadId(client: TestClient, content: Buffer, fileName: string): Promise<string> {
  const response = await upload(client, content, fileName)
  expect(response.statusCode, response.body).toBe(201)
  return (response.json() as { id: string }).id
}

const report = (attachmentIds: string[], overrides: Record<string, unknown> = {}) => ({
  orgUnitId: techBureauId,
  year: 2023,
  text: '完成关键核心技术攻关 3 项，验收材料见附件',
  percentDone: 60,
  attachmentIds,
  ...overrides,
})

async function counts() {
  const rows = await queryRows<Record<string, number>>(
    t.database.db,
    sql`select (select count(*) from attachments)::int as attachments,
               (select count(*) from attachments where owner_id is not null)::int as linked,
               (select count(*) from task_progress_reports)::int as reports,
               (select count(*) from audit_log)::int as audit_log`,
  )
  return rows[0]!
}

async function expectRejected(
  send: () => Promise<{ statusCode: number; json(): unknown; body: string }>,
  status: number,
  code: string,
  message: RegExp,
) {
  const before = await counts()
  const response = await send()
  expect(response.statusCode, response.body).toBe(status)
  const body = response.json() as { code: string; message: string }
  expect(body.code).toBe(code)
  expect(body.message).toMatch(message)
  expect(await counts()).toEqual(before)
}

describe('uploading, linking and downloading an attachment', () => {
  it('stores an upload, links it to a progress report and serves the same bytes to readers in scope', async () => {
    const uploaded = await upload(techBureau, PNG, '攻关现场照片.png')
    expect(uploaded.statusCode, uploaded.body).toBe(201)
    const attachment = uploaded.json() as { id: string; fileName: string; sizeBytes: number }
    expect(attachment).toMatchObject({ fileName: '攻关现场照片.png', sizeBytes: PNG.length })
    const [stored] = await queryRows<{ sha256: string; media_type: string; owner_id: string | null }>(
      t.database.db,
      sql`select sha256, media_type, owner_id from attachments where id = ${attachment.id}`,
    )
    expect(stored).toEqual({
      sha256: createHash('sha256').update(PNG).digest('hex'),
      media_type: 'image/png',
      owner_id: null,
    })

    const saved = await techBureau.post('/api/tasks/DY-T04/progress', report([attachment.id]))
    expect(saved.statusCode, saved.body).toBe(201)
    const summary = { id: attachment.id, fileName: '攻关现场照片.png', sizeBytes: PNG.length }
    expect(saved.json().attachments).toEqual([summary])

    // Listed with the report, in the history and in the task list's latest report.
    const history = (await dayeStaff.get('/api/tasks/DY-T04/progress')).json().items
    expect(history[0].attachments).toEqual([summary])
    const tasks = (await techBureau.get('/api/plans/daye-2022-2024/tasks')).json().items
    const t04 = tasks.find((task: { id: string }) => task.id === 'DY-T04')
    expect(t04.progress[0].latest.attachments).toEqual([summary])

    const download = await dayeStaff.get(`/api/attachments/${attachment.id}`)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('image/png')
    expect(download.headers['x-content-type-options']).toBe('nosniff')
    expect(String(download.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('攻关现场照片.png')}`,
    )
    expect(Buffer.compare(download.rawPayload, PNG)).toBe(0)

    // Upload and link are both in the audit log.
    const audit = (await admin.get(`/api/audit?entityType=attachment&entityId=${attachment.id}`)).json().items
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update'])
    expect(audit.find((e: { action: string }) => e.action === 'update').after).toMatchObject({
      ownerType: 'task_progress_report',
      ownerId: saved.json().id,
    })
  })

  it('reports without attachments as before, with an empty list', async () => {
    const { attachmentIds: _omitted, ...withoutAttachments } = report([])
    const saved = await techBureau.post('/api/tasks/DY-T04/progress', { ...withoutAttachments, year: 2022 })
    expect(saved.statusCode, saved.body).toBe(201)
    expect(saved.json().attachments).toEqual([])
  })

  it('lets only the uploader download a file not yet linked', async () => {
    const id = await uploadId(techBureau, PDF, '验收报告.pdf')
    const own = await techBureau.get(`/api/attachments/${id}`)
    expect(own.statusCode).toBe(200)
    expect(own.headers['content-type']).toBe('application/pdf')
    const other = await dayeStaff.get(`/api/attachments/${id}`)
    expect(other.statusCode).toBe(404)
    expect(other.json()).toMatchObject({
      code: 'ATTACHMENT_NOT_FOUND',
      message: '附件不存在或不在您的管辖范围内',
    })
  })
})

describe('attachments refused', () => {
  it('refuses a file above the limit with 413 and a Chinese message, storing nothing', async () => {
    await expectRejected(
      () => upload(techBureau, Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES)]), '大文件.pdf'),
      413,
      'ATTACHMENT_TOO_LARGE',
      new RegExp(`附件过大，不能超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`),
    )
  })

  it('refuses a type outside the list, and an allowed extension whose bytes are something else', async () => {
    const program = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00])
    await expectRejected(
      () => upload(techBureau, program, '安装程序.exe'),
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      /不支持该文件类型.*\.pdf/,
    )
    await expectRejected(
      () => upload(techBureau, program, '伪装.pdf'),
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      /文件内容须与扩展名一致/,
    )
  })

  it('refuses an empty file and a request without a file', async () => {
    await expectRejected(
      () => upload(techBureau, Buffer.alloc(0), '空.pdf'),
      422,
      'ATTACHMENT_EMPTY',
      /空文件/,
    )
    await expectRejected(
      () => techBureau.post('/api/attachments', { file: 'x' }),
      400,
      'UPLOAD_MISSING',
      /请选择要上传的附件/,
    )
  })

  it('refuses to link another user’s upload, and saves no report', async () => {
    const othersId = await uploadId(townReporter, PDF, '镇里的材料.pdf')
    const ownId = await uploadId(techBureau, PDF, '自己的材料.pdf')
    await expectRejected(
      () => techBureau.post('/api/tasks/DY-T04/progress', report([ownId, othersId])),
      422,
      'ATTACHMENT_NOT_LINKABLE',
      /不是您本人上传的/,
    )
    // The own upload stayed unlinked and can still be used.
    const saved = await techBureau.post('/api/tasks/DY-T04/progress', report([ownId]))
    expect(saved.statusCode, saved.body).toBe(201)
  })

  it('refuses to link an attachment a second time', async () => {
    const id = await uploadId(techBureau, PDF, '只用一次.pdf')
    expect((await techBureau.post('/api/tasks/DY-T04/progress', report([id]))).statusCode).toBe(201)
    await expectRejected(
      () => techBureau.post('/api/tasks/DY-T04/progress', report([id])),
      422,
      'ATTACHMENT_NOT_LINKABLE',
      /已被使用/,
    )
  })

  it('refuses more attachments than a report may carry, and duplicates', async () => {
    const ids = Array.from({ length: 11 }, () => crypto.randomUUID())
    await expectRejected(
      () => techBureau.post('/api/tasks/DY-T04/progress', report(ids)),
      400,
      'VALIDATION_FAILED',
      /./,
    )
    const id = crypto.randomUUID()
    await expectRejected(
      () => techBureau.post('/api/tasks/DY-T04/progress', report([id, id])),
      400,
      'VALIDATION_FAILED',
      /./,
    )
  })

  it('answers a download outside the reader’s scope like a missing file (404)', async () => {
    const id = await uploadId(techBureau, PDF, '科技局材料.pdf')
    expect((await techBureau.post('/api/tasks/DY-T04/progress', report([id]))).statusCode).toBe(201)
    expect((await dayeStaff.get(`/api/attachments/${id}`)).statusCode).toBe(200)
    for (const outsider of [yangxinReporter, townReporter]) {
      const response = await outsider.get(`/api/attachments/${id}`)
      expect(response.statusCode).toBe(404)
      expect(response.json()).toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' })
    }
    expect((await techBureau.get(`/api/attachments/${crypto.randomUUID()}`)).statusCode).toBe(404)
  })

  it('requires a signed-in user', async () => {
    expect((await upload(t.anonymous(), PDF, 'a.pdf')).statusCode).toBe(401)
  })
})
