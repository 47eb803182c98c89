import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  computeCreditCodeCheckCharacter,
  normalizeEnterpriseName,
  REGISTER_IMPORT_MAX_BYTES,
} from '@kechuang/core/registers'
import { queryRows, tables } from '@kechuang/db'
import { createTestApp, type TestApp, type TestClient } from '../../test-helpers/index'

// The real app on a fresh seeded PGlite; lists are built with ExcelJS (or as CSV text) as a bureau's file would be,
// enterprises of the register are inserted directly as factories.
let t: TestApp
let admin: TestClient

const code = (first17: string) => first17 + computeCreditCodeCheckCharacter(first17)
const HONGTAI = { name: '大冶市宏泰新材料有限公司', code: code('91420281MA4K0HT01') }
const XINHUA = { name: '黄石鑫华轮毂有限公司', code: code('91420200MA4K0XH01') }
const NEWCO = { name: '大冶市新起点电子科技有限公司', code: code('91420281MA4K0NW01') }
const UNMATCHED = '阳新县从未登记过的精密仪器有限公司'
const enterpriseIds: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  const dayeId = await t.orgUnitId('大冶市')
  for (const [key, e, region] of [
    ['hongtai', HONGTAI, '420281'],
    ['xinhua', XINHUA, '420200'],
  ] as const) {
    const id = randomUUID()
    enterpriseIds[key] = id
    await t.database.db.insert(tables.enterprises).values({
      id,
      canonicalId: id,
      creditCode: e.code,
      name: e.name,
      nameKey: normalizeEnterpriseName(e.name).key,
      regionCode: region,
      regionOrgUnitId: key === 'hongtai' ? dayeId : null,
      source: { kind: 'manual' },
    })
  }
})
afterAll(() => t.close())

const HNTE_HEADERS = ['序号', '企业名称', '统一社会信用代码', '证书编号', '发证日期', '所属地区']

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('名单')
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function multipart(fileName: string, content: Buffer, contentType: string) {
  const boundary = '----kechuang-register-import'
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\n` +
          `Content-Type: ${contentType}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

async function upload(
  listType: string,
  fileName: string,
  content: Buffer,
  contentType = 'application/octet-stream',
) {
  return admin.request({
    method: 'POST',
    url: `/api/registers/imports?listType=${listType}`,
    ...multipart(fileName, content, contentType),
  })
}

type ImportView = {
  id: string
  status: string
  errorRowCount: number
  outcomeCounts: Record<string, number>
  missingColumns: string[]
  mapping: Record<string, string | null>
  summary: Record<string, number> | null
  processedRows: number
}

async function waitUntilRead(importId: string): Promise<ImportView> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const response = await admin.get(`/api/registers/imports/${importId}`)
    const body = response.json() as ImportView
    if (body.status !== 'processing') return body
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('import never finished reading')
}

async function uploadAndRead(listType: string, fileName: string, content: Buffer) {
  const response = await upload(listType, fileName, content)
  expect(response.statusCode, response.body).toBe(202)
  return waitUntilRead((response.json() as { id: string }).id)
}

const REGISTER_TABLES = [
  'enterprises',
  'qualifications',
  'intellectual_property',
  'platforms',
  'platform_participants',
  'enterprise_years',
  'register_review_items',
  'register_link_decisions',
] as const

async function registerCounts() {
  const [row] = await queryRows<Record<(typeof REGISTER_TABLES)[number], number>>(
    t.database.db,
    sql.raw(
      `select ${REGISTER_TABLES.map((name) => `(select count(*)::int from ${name}) as ${name}`).join(', ')}`,
    ),
  )
  return row!
}

type RowView = {
  rowNumber: number
  errors: { column: string; message: string }[]
  outcome: string | null
  enterpriseId: string | null
}
async function rowsOf(importId: string, filter = 'all'): Promise<RowView[]> {
  const response = await admin.get(`/api/registers/imports/${importId}/rows?filter=${filter}&pageSize=200`)
  expect(response.statusCode, response.body).toBe(200)
  return (response.json() as { items: RowView[] }).items
}

describe('高企名单: upload → preview → fix → commit', () => {
  let importId: string
  const wrongCheck = NEWCO.code.slice(0, 17) + (NEWCO.code[17] === '1' ? '2' : '1')

  it('previews each row with its checks and link outcome', async () => {
    const file = await xlsxOf([
      HNTE_HEADERS,
      [1, HONGTAI.name, HONGTAI.code, 'GR202342000101', new Date(Date.UTC(2023, 10, 20)), '大冶市'],
      [2, NEWCO.name, wrongCheck, 'GR202342000102', '2023-11-20', '大冶市'],
      [3, UNMATCHED, '', 'GR202342000103', '2023/11/20', ''],
      [4, '黄石某公司', '', 'GR202342000101', '2023-11-20', '火星市'],
    ])
    const read = await uploadAndRead('hnte', '2023年高企名单.xlsx', file)
    importId = read.id
    expect(read).toMatchObject({ status: 'ready', errorRowCount: 2, missingColumns: [], processedRows: 4 })
    const rows = await rowsOf(importId)
    expect(rows.map((r) => [r.rowNumber, r.outcome])).toEqual([
      [2, 'linked'],
      [3, null],
      [4, 'review'],
      [5, null],
    ])
    expect(rows[0]!.enterpriseId).toBe(enterpriseIds.hongtai)
    expect(rows[1]!.errors).toEqual([
      { column: 'creditCode', message: expect.stringContaining(`应为“${NEWCO.code[17]}”`) },
    ])
    expect(rows[3]!.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('火星市'),
      '与第 2 行重复，同一条记录只能出现一次',
    ])
    expect((await rowsOf(importId, 'errors')).map((r) => r.rowNumber)).toEqual([3, 5])
  })

  it('refuses to commit while a row has an error, and writes nothing', async () => {
    const before = await registerCounts()
    const response = await admin.post(`/api/registers/imports/${importId}/commit`)
    expect(response.statusCode).toBe(422)
    expect(response.json()).toMatchObject({
      code: 'IMPORT_HAS_ERRORS',
      message: expect.stringContaining('2 行有错误'),
    })
    expect(await registerCounts()).toEqual(before)
  })

  it('exports the errors to Excel', async () => {
    const response = await admin.get(`/api/registers/imports/${importId}/errors.xlsx`)
    expect(response.statusCode).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.rowCount).toBe(3)
    expect(String(sheet.getRow(2).getCell(8).value)).toContain('统一社会信用代码：')
  })

  it('re-checks a row fixed inline and clears the duplicate it caused', async () => {
    const fixed = await admin.patch(`/api/registers/imports/${importId}/rows/3`, {
      values: { creditCode: NEWCO.code },
    })
    expect(fixed.statusCode, fixed.body).toBe(200)
    expect(fixed.json()).toMatchObject({ errors: [], outcome: 'new' })
    const stillWrong = await admin.patch(`/api/registers/imports/${importId}/rows/5`, {
      values: { region: '大冶市' },
    })
    expect(stillWrong.json()).toMatchObject({
      errors: [{ message: '与第 2 行重复，同一条记录只能出现一次' }],
    })
    const cleared = await admin.patch(`/api/registers/imports/${importId}/rows/5`, {
      values: {
        certificateNumber: 'GR202342000104',
        creditCode: code('91420281MA4K0QT01'),
        name: '大冶市启泰机械有限公司',
      },
    })
    expect(cleared.json()).toMatchObject({ errors: [], outcome: 'new' })
  })

  it('refuses a fix of a column the list does not have', async () => {
    const response = await admin.patch(`/api/registers/imports/${importId}/rows/3`, {
      values: { salary: '1' },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ code: 'UNKNOWN_COLUMN' })
  })

  it('commits all rows in one transaction: creates, links and queues, with a summary and an audit entry', async () => {
    const before = await registerCounts()
    const response = await admin.post(`/api/registers/imports/${importId}/commit`)
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toMatchObject({
      status: 'committed',
      summary: { created: 2, linked: 1, queued: 1, updated: 0, unchanged: 0 },
    })
    const after = await registerCounts()
    expect(after.enterprises - before.enterprises).toBe(2)
    expect(after.qualifications - before.qualifications).toBe(3)
    expect(after.register_review_items - before.register_review_items).toBe(1)
    const [audit] = await queryRows<{ count: number }>(
      t.database.db,
      sql`select count(*)::int as count from audit_log where entity_type = 'register_import' and entity_id = ${importId}`,
    )
    expect(audit!.count).toBe(1)
    const again = await admin.post(`/api/registers/imports/${importId}/commit`)
    expect(again.statusCode).toBe(409)
  })

  it('leaves an unchanged list unchanged when imported again', async () => {
    const file = await xlsxOf([
      HNTE_HEADERS,
      [1, HONGTAI.name, HONGTAI.code, 'GR202342000101', '2023-11-20', '大冶市'],
    ])
    const read = await uploadAndRead('hnte', '再次导入.xlsx', file)
    const committed = await admin.post(`/api/registers/imports/${read.id}/commit`)
    expect(committed.json()).toMatchObject({ summary: { unchanged: 1, created: 0, linked: 0, updated: 0 } })
  })
})

describe('all or nothing', () => {
  it('writes nothing when one row of many is wrong', async () => {
    const rows: unknown[][] = [HNTE_HEADERS]
    for (let i = 0; i < 30; i++)
      rows.push([
        i + 1,
        `大冶市批量测试${i}号材料有限公司`,
        code(`91420281MA4K1${String(i).padStart(3, '0')}X`),
        `GR20234200${2000 + i}`,
        '2023-11-20',
        '大冶市',
      ])
    rows.push([31, '大冶市有错企业有限公司', '', 'GR202342009999', '2023-13-40', '大冶市'])
    const before = await registerCounts()
    const read = await uploadAndRead('hnte', '有一行错误.xlsx', await xlsxOf(rows))
    expect(read.errorRowCount).toBe(1)
    expect((await admin.post(`/api/registers/imports/${read.id}/commit`)).statusCode).toBe(422)
    expect(await registerCounts()).toEqual(before)
  })
})

describe('CSV saved by Excel on Chinese Windows', () => {
  it('reads a GB 18030 file as well as UTF-8', async () => {
    // 企业名称,证书编号,发证日期,所属地区 / 大冶市宏泰新材料有限公司,GR202342000901,2023/11/20,大冶市 in GB 18030.
    const gb18030 = Buffer.from(
      'c6f3d2b5c3fbb3c62cd6a4cae9b1e0bac52cb7a2d6a4c8d5c6da2ccbf9caf4b5d8c7f80d0ab4f3d2b1cad0baeacca9d0c2b2c4c1cfd3d0' +
        'cfdeb9abcbbe2c47523230323334323030303930312c323032332f31312f32302cb4f3d2b1cad00d0a',
      'hex',
    )
    const read = await uploadAndRead('hnte', '高企名单.csv', gb18030)
    expect(read).toMatchObject({ status: 'ready', errorRowCount: 0, missingColumns: [] })
    const [row] = await rowsOf(read.id)
    expect(row).toMatchObject({ outcome: 'linked', enterpriseId: enterpriseIds.hongtai })
  })
})

describe('other list types', () => {
  const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8')
  const commit = async (importId: string) => {
    const response = await admin.post(`/api/registers/imports/${importId}/commit`)
    expect(response.statusCode, response.body).toBe(200)
    return (response.json() as { summary: Record<string, number> }).summary
  }

  it('imports yearly figures, keeping figures a later list leaves empty', async () => {
    const first = await uploadAndRead(
      'enterprise_years',
      '年度数据.csv',
      csv([
        ['企业名称', '信用代码', '年度', '职工总数', '科技人员', '研发费用'],
        [HONGTAI.name, HONGTAI.code, '2024', '120', '30', '"1,500.5"'],
      ]),
    )
    expect(first).toMatchObject({ errorRowCount: 0, outcomeCounts: { linked: 1 } })
    expect(await commit(first.id)).toMatchObject({ linked: 1 })
    const second = await uploadAndRead(
      'enterprise_years',
      '年度数据补充.csv',
      csv([
        ['企业名称', '信用代码', '年度', '职工总数', '研发费用'],
        [HONGTAI.name, HONGTAI.code, '2024', '125', ''],
      ]),
    )
    expect(await commit(second.id)).toMatchObject({ updated: 1 })
    const [year] = await queryRows<{ employee_count: number; tech_staff_count: number; rd_expense: number }>(
      t.database.db,
      sql`select employee_count, tech_staff_count, rd_expense from enterprise_years
          where enterprise_id = ${enterpriseIds.hongtai} and year = 2024`,
    )
    expect(year).toEqual({ employee_count: 125, tech_staff_count: 30, rd_expense: 1500.5 })
  })

  it('takes the 成立日期 of a yearly list onto the enterprise, and refuses one that is not a date', async () => {
    const bad = await uploadAndRead(
      'enterprise_years',
      '年度数据-成立日期.csv',
      csv([
        ['企业名称', '信用代码', '年度', '成立日期', '职工总数'],
        [HONGTAI.name, HONGTAI.code, '2023', '去年春天', '110'],
      ]),
    )
    expect(bad.errorRowCount).toBe(1)
    const good = await uploadAndRead(
      'enterprise_years',
      '年度数据-成立日期.csv',
      csv([
        ['企业名称', '信用代码', '年度', '成立日期', '职工总数'],
        [HONGTAI.name, HONGTAI.code, '2023', '2012-08-15', '110'],
      ]),
    )
    expect(good.errorRowCount).toBe(0)
    await commit(good.id)
    const [enterprise] = await queryRows<{ founded_on: string }>(
      t.database.db,
      sql`select founded_on::text as founded_on from enterprises where id = ${enterpriseIds.hongtai}`,
    )
    expect(enterprise).toEqual({ founded_on: '2012-08-15' })
  })

  it('attaches a patent to its 专利权人 and records a platform with its host', async () => {
    const patents = await uploadAndRead(
      'patents',
      '专利.csv',
      csv([
        ['专利号', '专利名称', '专利类型', '申请日', '授权日', '法律状态', '专利权人'],
        ['ZL202310000001.X', '一种高强度合金', '发明', '2023-01-05', '2024-03-01', '有效', HONGTAI.name],
      ]),
    )
    expect(patents.outcomeCounts.linked).toBe(1)
    expect(await commit(patents.id)).toMatchObject({ linked: 1 })
    const [ip] = await queryRows<{ type: string; ip_class: string; enterprise_id: string }>(
      t.database.db,
      sql`select type, ip_class, enterprise_id from intellectual_property where number = 'ZL202310000001.X'`,
    )
    expect(ip).toEqual({ type: 'invention', ip_class: 'I', enterprise_id: enterpriseIds.hongtai })

    const platforms = await uploadAndRead(
      'platforms',
      '平台.csv',
      csv([
        ['平台名称', '平台类型', '级别', '依托单位', '认定日期'],
        ['宏泰新材料省级企业技术中心', '省级企业技术中心', '省级', HONGTAI.name, '2022-06-01'],
      ]),
    )
    expect(await commit(platforms.id)).toMatchObject({ linked: 1 })
    const [host] = await queryRows<{ type: string; enterprise_id: string }>(
      t.database.db,
      sql`select p.type, pp.enterprise_id from platforms p join platform_participants pp on pp.platform_id = p.id
          where p.name = '宏泰新材料省级企业技术中心'`,
    )
    expect(host).toEqual({ type: 'enterprise_technology_center', enterprise_id: enterpriseIds.hongtai })
  })
})

describe('refused files', () => {
  it('refuses a file that is not a spreadsheet, whatever its name', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    const response = await upload('hnte', '名单.xlsx', png)
    expect(response.statusCode).toBe(422)
    expect(response.json()).toMatchObject({
      code: 'NOT_A_SPREADSHEET',
      message: expect.stringContaining('不是 Excel'),
    })
  })

  it('refuses an old .xls and says how to save it', async () => {
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ])
    const response = await upload('hnte', '名单.xls', xls)
    expect(response.json()).toMatchObject({
      code: 'OLD_EXCEL_FORMAT',
      message: expect.stringContaining('另存为'),
    })
  })

  it('refuses a file above the size cap', async () => {
    const big = Buffer.alloc(REGISTER_IMPORT_MAX_BYTES + 1024, 0x41)
    const response = await upload('hnte', '超大名单.csv', big, 'text/csv')
    expect(response.statusCode).toBe(413)
    expect(response.json()).toMatchObject({
      code: 'UPLOAD_TOO_LARGE',
      message: expect.stringContaining('30 MB'),
    })
  })

  it('refuses an unknown list type', async () => {
    const response = await upload('salaries', 'a.csv', Buffer.from('a,b\n1,2\n'))
    expect(response.statusCode).toBe(400)
  })
})

describe('column mapping', () => {
  const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n'), 'utf8')
  const headers = ['单位全称', '证书编号', '发证日期']

  it('leaves an unknown header unmapped, takes the user mapping and remembers it for the list type', async () => {
    const first = await uploadAndRead(
      'hnte',
      '映射.csv',
      csv([headers, [HONGTAI.name, 'GR202342000101', '2023-11-20']]),
    )
    expect(first).toMatchObject({ missingColumns: ['企业名称'], errorRowCount: 1 })
    const mapped = await admin.request({
      method: 'PATCH',
      url: `/api/registers/imports/${first.id}/mapping`,
      payload: { mapping: { ...first.mapping, name: '单位全称' } },
    })
    expect(mapped.statusCode, mapped.body).toBe(200)
    expect(await waitUntilRead(first.id)).toMatchObject({ errorRowCount: 0, missingColumns: [] })
    expect((await admin.get('/api/registers/imports/mappings/hnte')).json()).toMatchObject({
      mapping: { name: '单位全称' },
    })
    const second = await uploadAndRead(
      'hnte',
      '映射2.csv',
      csv([headers, ['大冶市别的公司', 'GR202342000555', '2023-11-20']]),
    )
    expect(second.mapping.name).toBe('单位全称')
  })

  it('refuses a mapping to a header that is not in the file', async () => {
    const read = await uploadAndRead('hnte', '映射3.csv', csv([headers, [HONGTAI.name, 'X1', '2023-11-20']]))
    const response = await admin.request({
      method: 'PATCH',
      url: `/api/registers/imports/${read.id}/mapping`,
      payload: { mapping: { name: '不存在' } },
    })
    expect(response.json()).toMatchObject({ code: 'HEADER_NOT_IN_FILE' })
  })
})

describe('permissions and scope', () => {
  it('refuses an anonymous upload', async () => {
    const response = await t.anonymous().request({
      method: 'POST',
      url: '/api/registers/imports?listType=hnte',
      ...multipart('a.csv', Buffer.from('a\n'), 'text/csv'),
    })
    expect(response.statusCode).toBe(401)
  })

  it('answers an unknown batch as missing', async () => {
    const response = await admin.get(`/api/registers/imports/${randomUUID()}`)
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({ code: 'IMPORT_NOT_FOUND' })
  })
})
