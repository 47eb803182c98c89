import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'
import { SELF_CHECK_UPLOAD_MAX_BYTES } from './self-check.errors'
import { SELF_CHECK_SHEETS } from './self-check.workbook'

// The real app on a fresh seeded database. Workbooks are downloaded, filled with ExcelJS as a user's Excel would
// be, and uploaded again; saved checks belong to their user alone.
let t: TestApp
let enterprise: TestClient
let otherEnterprise: TestClient
let admin: TestClient
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  const dayeId = await t.orgUnitId('大冶市')
  enterprise = await createUserAndLogin(t, admin, {
    username: 'ent-a',
    role: 'enterprise',
    scopeOrgUnitId: dayeId,
  })
  otherEnterprise = await createUserAndLogin(t, admin, {
    username: 'ent-b',
    role: 'enterprise',
    scopeOrgUnitId: dayeId,
  })
})
afterAll(() => t.close())

const TSME = {
  evaluationDate: '2025-05-10',
  dataYear: 2024,
  residentEnterprise: true,
  accountingSound: true,
  taxCollectionMethod: 'audit',
  employeeCount: 100,
  techStaffCount: 9,
  salesRevenueWanYuan: 2000,
  totalAssetsWanYuan: 2000,
  rdExpenseWanYuan: 110,
  costExpenseTotalWanYuan: 1900,
  industryRestrictedOrEliminated: false,
  industryExcludedFromRdSuperDeduction: false,
  majorIncidentOrMisconduct: false,
  onAbnormalOrSeriousDishonestList: false,
  ipList: [{ type: 'invention', valid: true, relatedToMainProducts: true, disputed: false }],
}

async function counts() {
  const [row] = await queryRows<{ checks: number; audit: number }>(
    t.database.db,
    sql`select (select count(*) from qualification_self_checks)::int as checks,
               (select count(*) from audit_log)::int as audit`,
  )
  return row!
}

async function downloadTemplate(ruleSet: string): Promise<ExcelJS.Workbook> {
  const response = await enterprise.get(`/api/qualification/self-check/template.xlsx?ruleSet=${ruleSet}`)
  expect(response.statusCode).toBe(200)
  expect(response.headers['content-disposition']).toContain('filename*=UTF-8')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
  return workbook
}

function upload(client: TestClient, content: Buffer, fileName = '自测.xlsx') {
  const boundary = '----kechuang-self-check'
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return client.request({
    method: 'POST',
    url: '/api/qualification/self-check/upload',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  })
}

/** Writes `values` into the 数值 column of 基本信息, found by the field key in column E. */
function fillBasics(workbook: ExcelJS.Workbook, values: Record<string, ExcelJS.CellValue>) {
  const sheet = workbook.getWorksheet(SELF_CHECK_SHEETS.basics)!
  sheet.eachRow((row) => {
    const key = row.getCell(5).text
    if (Object.hasOwn(values, key)) row.getCell(2).value = values[key]!
  })
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('the self-check template', () => {
  it('lists every TSME field with its Chinese label and unit, and a dropdown for 是/否/不确定', async () => {
    const workbook = await downloadTemplate('tsme-2022')
    const sheet = workbook.getWorksheet(SELF_CHECK_SHEETS.basics)!
    const rows: Record<string, { label: string; unit: string; cell: ExcelJS.Cell }> = {}
    sheet.eachRow((row, n) => {
      if (n > 4)
        rows[row.getCell(5).text] = {
          label: row.getCell(1).text,
          unit: row.getCell(3).text,
          cell: row.getCell(2),
        }
    })
    expect(rows.employeeCount).toMatchObject({ label: '职工总数', unit: '人' })
    expect(rows.rdExpenseWanYuan).toMatchObject({ label: '研发费用总额', unit: '万元' })
    expect(rows.residentEnterprise!.cell.dataValidation.formulae).toEqual(['"是,否,不确定"'])
    expect(workbook.getWorksheet('知识产权清单')!.getRow(3).getCell(1).text).toBe('类型')
    expect(workbook.getWorksheet('高新技术企业证书')).toBeDefined()
  })

  it('gives 高企 a sheet of three fiscal years and an IP sheet with status and acquisition dropdowns', async () => {
    const workbook = await downloadTemplate('hnte-2016')
    const years = workbook.getWorksheet(SELF_CHECK_SHEETS.fiscalYears)!
    expect(years.getRow(4).values).toEqual(expect.arrayContaining(['第一年', '第二年', '第三年']))
    const ip = workbook.getWorksheet('知识产权清单')!
    expect(ip.getRow(3).values).toEqual(expect.arrayContaining(['状态', '获得方式']))
    expect(ip.getCell('D4').dataValidation.formulae?.[0]).toContain('自主研发')
  })

  it('refuses a rule set that does not exist', async () => {
    const response = await enterprise.get('/api/qualification/self-check/template.xlsx?ruleSet=abc')
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toContain('评价规则集应为')
  })
})

describe('uploading a filled template', () => {
  it('reads the TSME figures into the rule input, warns about unreadable cells and stores nothing', async () => {
    const before = await counts()
    const workbook = await downloadTemplate('tsme-2022')
    fillBasics(workbook, {
      evaluationDate: '2025-05-10',
      dataYear: 2024,
      residentEnterprise: '是',
      accountingSound: '不确定',
      taxCollectionMethod: '查账征收',
      employeeCount: 100,
      techStaffCount: '很多',
      salesRevenueWanYuan: '2,000.5',
      industryRestrictedOrEliminated: '否',
    })
    const ip = workbook.getWorksheet('知识产权清单')!
    ip.getRow(4).values = ['发明专利', '是', '是', '否']
    ip.getRow(5).values = ['实用新型专利', '是']
    const response = await upload(enterprise, await toBuffer(workbook))
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.ruleSet).toBe('tsme-2022')
    expect(body.input).toEqual({
      evaluationDate: '2025-05-10',
      dataYear: 2024,
      residentEnterprise: true,
      accountingSound: null,
      taxCollectionMethod: 'audit',
      employeeCount: 100,
      salesRevenueWanYuan: 2000.5,
      industryRestrictedOrEliminated: false,
      ipList: [{ type: 'invention', valid: true, relatedToMainProducts: true, disputed: false }],
    })
    expect(body.warnings).toEqual([
      { cell: '基本信息!B11', message: '“科技人员数”应为数字（人），文件中为“很多”' },
      { cell: '知识产权清单!C5', message: '请填写“与主要产品相关”，该行未读取' },
      { cell: '知识产权清单!D5', message: '请填写“有争议或纠纷”，该行未读取' },
    ])
    expect(await counts()).toEqual(before)
  })

  it('reads the 高企 fiscal years, leaving out a year without figures', async () => {
    const workbook = await downloadTemplate('hnte-2016')
    fillBasics(workbook, {
      applicationDate: '2025-07-01',
      registrationDate: new Date('2023-02-15T00:00:00Z'),
    })
    const years = workbook.getWorksheet(SELF_CHECK_SHEETS.fiscalYears)!
    const rowOf = (key: string) => {
      let found = 0
      years.eachRow((row, n) => {
        if (row.getCell(6).text === key) found = n
      })
      return years.getRow(found)
    }
    rowOf('year').getCell(3).value = 2022
    rowOf('year').getCell(4).value = 2023
    rowOf('year').getCell(5).value = 2024
    rowOf('salesRevenueWanYuan').getCell(4).value = 900
    rowOf('salesRevenueWanYuan').getCell(5).value = 1260
    rowOf('netAssetsYearEndWanYuan').getCell(5).value = -300
    const response = await upload(enterprise, await toBuffer(workbook))
    expect(response.statusCode).toBe(200)
    expect(response.json().warnings).toEqual([])
    expect(response.json().input).toMatchObject({
      applicationDate: '2025-07-01',
      registrationDate: '2023-02-15',
      fiscalYears: [
        { year: 2023, salesRevenueWanYuan: 900 },
        { year: 2024, salesRevenueWanYuan: 1260, netAssetsYearEndWanYuan: -300 },
      ],
      ipList: [],
    })
  })

  it('refuses a file that is not an Excel workbook with a Chinese message', async () => {
    const response = await upload(enterprise, Buffer.from('PK\u0003\u0004 this is not really a zip'))
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({
      code: 'NOT_A_SPREADSHEET',
      message: expect.stringContaining('无法读取'),
    })
  })

  it('refuses a workbook that is not the self-check template', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Sheet1').getCell('A1').value = '职工总数'
    const response = await upload(enterprise, await toBuffer(workbook))
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('NOT_A_TEMPLATE')
  })

  it('refuses a file above the size cap with 413', async () => {
    const response = await upload(enterprise, Buffer.alloc(SELF_CHECK_UPLOAD_MAX_BYTES + 1024, 1))
    expect(response.statusCode).toBe(413)
    expect(response.json().message).toContain('文件过大')
  })

  it('asks for a file when the request has none', async () => {
    const response = await enterprise.post('/api/qualification/self-check/upload', {})
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('UPLOAD_MISSING')
  })
})

describe('saved self-checks', () => {
  it('stores a check only when asked, with its verdict word and summary, audited', async () => {
    const before = await counts()
    const response = await enterprise.post('/api/qualification/self-checks', {
      ruleSet: 'tsme-2022',
      name: ' 2025 年自测 ',
      input: TSME,
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({
      ruleSet: 'tsme-2022',
      name: '2025 年自测',
      input: TSME,
      qualified: 'failed',
      summary: expect.stringContaining('需再增加科技人员 1 人'),
    })
    expect(await counts()).toEqual({ checks: before.checks + 1, audit: before.audit + 1 })
  })

  it('refuses to save figures the rule set rejects, storing nothing', async () => {
    const before = await counts()
    const response = await enterprise.post('/api/qualification/self-checks', {
      ruleSet: 'tsme-2022',
      name: '错误数据',
      input: { ...TSME, techStaffCount: 101 },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().details).toEqual([
      {
        path: 'techStaffCount',
        message: '科技人员数（techStaffCount） 101 人不能大于职工总数（employeeCount） 100 人',
      },
    ])
    expect(await counts()).toEqual(before)
  })

  it('refuses an empty name', async () => {
    const response = await enterprise.post('/api/qualification/self-checks', {
      ruleSet: 'tsme-2022',
      name: '  ',
      input: TSME,
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toContain('名称不能为空')
  })

  it("lists only the user's own checks and lets nobody else delete them", async () => {
    const mine = (await enterprise.get('/api/qualification/self-checks')).json().items
    expect(mine).toHaveLength(1)
    expect((await otherEnterprise.get('/api/qualification/self-checks')).json().items).toEqual([])
    expect((await admin.get('/api/qualification/self-checks')).json().items).toEqual([])

    const foreign = await otherEnterprise.delete(`/api/qualification/self-checks/${mine[0].id}`)
    expect(foreign.statusCode).toBe(404)
    expect(foreign.json()).toMatchObject({ code: 'SELF_CHECK_NOT_FOUND', message: '自测记录不存在或已删除' })

    expect((await enterprise.delete(`/api/qualification/self-checks/${mine[0].id}`)).statusCode).toBe(204)
    expect((await enterprise.get('/api/qualification/self-checks')).json().items).toEqual([])
    expect((await enterprise.delete(`/api/qualification/self-checks/${mine[0].id}`)).statusCode).toBe(404)
  })

  it('refuses an id that is not a uuid', async () => {
    const response = await enterprise.delete('/api/qualification/self-checks/abc')
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toContain('自测记录编号')
  })
})
