import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEMPLATE_UPLOAD_MAX_BYTES } from '@kechuang/core/indicators'
import { queryRows } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'
import { XLSX_CONTENT_TYPE } from './indicator-workbooks.routes'

// The real app on a fresh seeded database; files are built and read with ExcelJS, as a user's Excel would.
let t: TestApp
let admin: TestClient
let dayeStaff: TestClient
let townReporter: TestClient
let leader: TestClient
let dayeId: string
let townId: string
let otherTownId: string
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  dayeId = await t.orgUnitId('大冶市')
  townId = await t.orgUnitId('还地桥镇')
  otherTownId = await t.orgUnitId('陈贵镇')
  dayeStaff = await createUserAndLogin(t, admin, {
    username: 'daye-staff',
    role: 'bureau_staff',
    scopeOrgUnitId: dayeId,
  })
  townReporter = await createUserAndLogin(t, admin, {
    username: 'hdq-reporter',
    displayName: '还地桥填报员',
    role: 'reporter',
    scopeOrgUnitId: townId,
  })
  leader = await createUserAndLogin(t, admin, {
    username: 'daye-leader',
    role: 'leader',
    scopeOrgUnitId: dayeId,
  })
})
afterAll(() => t.close())

const DAYE = '/api/plans/daye-2022-2024'
const HEADER_ROW = 6
type ImportBody = {
  code: string
  message: string
  details?: { errors: { row: number; column: string; message: string }[] }
}

async function counts() {
  const rows = await queryRows<{ observations: number; audit_log: number }>(
    t.database.db,
    sql`select (select count(*) from observations)::int as observations,
               (select count(*) from audit_log)::int as audit_log`,
  )
  return rows[0]!
}

async function downloadTemplate(client: TestClient, orgUnitId: string, year: number) {
  const response = await client.get(`${DAYE}/template?orgUnitId=${orgUnitId}&year=${year}`)
  expect(response.statusCode, response.body).toBe(200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
  return { workbook, sheet: workbook.getWorksheet('填报')!, response }
}

function rowOf(sheet: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
    if (sheet.getRow(r).getCell(1).value === code) return sheet.getRow(r)
  }
  throw new Error(`no row for ${code}`)
}

function fill(sheet: ExcelJS.Worksheet, code: string, value: unknown, source = '还地桥镇统计站（2023年）') {
  const row = rowOf(sheet, code)
  row.getCell('F').value = value as ExcelJS.CellValue
  row.getCell('G').value = source
  return row.number
}

async function upload(client: TestClient, file: Buffer | ArrayBuffer, fileName = '填报.xlsx') {
  const boundary = '----kechuang-test-boundary'
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\n` +
        `Content-Type: ${XLSX_CONTENT_TYPE}\r\n\r\n`,
    ),
    Buffer.from(file as ArrayBuffer),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return client.request({
    method: 'POST',
    url: `${DAYE}/import`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  })
}

/** Uploads, expects a 422 row list and checks that no table changed. */
async function expectRowErrors(client: TestClient, workbook: ExcelJS.Workbook) {
  const before = await counts()
  const response = await upload(client, await workbook.xlsx.writeBuffer())
  const body = response.json() as ImportBody
  expect(response.statusCode, response.body).toBe(422)
  expect(body.code).toBe('IMPORT_REJECTED')
  expect(body.message).toMatch(/未导入任何数据/)
  expect(await counts()).toEqual(before)
  return body.details!.errors
}

describe('entry template download', () => {
  it('has the plan, unit and year in its header block and hidden sheet, and one row per indicator', async () => {
    const { workbook, sheet, response } = await downloadTemplate(townReporter, townId, 2023)
    expect(response.headers['content-type']).toBe(XLSX_CONTENT_TYPE)
    expect(String(response.headers['content-disposition'])).toContain(
      encodeURIComponent('还地桥镇-2023年-填报模板.xlsx'),
    )
    expect(sheet.getCell('B2').value).toBe('大冶市创新型县（市）建设三年工作方案（2022—2024年）')
    expect(sheet.getCell('B3').value).toBe('还地桥镇')
    expect(sheet.getCell('B4').value).toBe(2023)
    const meta = workbook.getWorksheet('模板信息')!
    expect(meta.state).toBe('hidden')
    expect([meta.getCell('A1').value, meta.getCell('A2').value, meta.getCell('A3').value]).toEqual([
      'daye-2022-2024',
      townId,
      2023,
    ])
    expect(sheet.getRow(HEADER_ROW).values).toEqual([
      undefined,
      '指标编码',
      '类别',
      '指标名称',
      '单位',
      '目标值',
      '数值',
      '数据来源',
      '备注',
    ])
    expect(sheet.rowCount - HEADER_ROW).toBe(26)
    const hnte = rowOf(sheet, 'DY-15')
    expect(hnte.getCell('D').value).toBe('家')
    expect(hnte.getCell('E').value).toBe('300')
    expect(hnte.getCell('F').dataValidation).toMatchObject({ type: 'decimal', showErrorMessage: true })
    expect(hnte.getCell('F').protection).toMatchObject({ locked: false })
    expect(rowOf(sheet, 'DY-23').getCell('E').value).toBe('≤0.29')
    expect(rowOf(sheet, 'DY-23').getCell('F').numFmt).toBe('0.00##')
  })

  it('prefills the unit’s current values: Daye’s 高新技术企业数 243 in 2022', async () => {
    const { sheet } = await downloadTemplate(dayeStaff, dayeId, 2022)
    expect(rowOf(sheet, 'DY-15').getCell('F').value).toBe(243)
  })

  it('refuses a unit outside the reader’s scope and a year outside the plan', async () => {
    const outside = await townReporter.get(`${DAYE}/template?orgUnitId=${otherTownId}&year=2023`)
    expect(outside.statusCode).toBe(404)
    expect(outside.json().code).toBe('ORG_UNIT_NOT_FOUND')
    const late = await townReporter.get(`${DAYE}/template?orgUnitId=${townId}&year=2030`)
    expect(late.statusCode).toBe(422)
    expect(late.json()).toMatchObject({ code: 'YEAR_OUTSIDE_PLAN', message: expect.stringMatching(/2030/) })
  })
})

describe('entry template upload', () => {
  it('saves the filled rows as imported revisions with an audit row each, and re-uploading changes nothing', async () => {
    const { workbook, sheet } = await downloadTemplate(townReporter, townId, 2023)
    const row = fill(sheet, 'DY-24', 18)
    fill(sheet, 'DY-15', '12')
    const file = await workbook.xlsx.writeBuffer()
    const before = await counts()
    const response = await upload(townReporter, file)
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toMatchObject({ created: 2, updated: 0, unchanged: 0 })
    expect(response.json().rows).toContainEqual({ row, indicatorCode: 'DY-24', outcome: 'created' })
    expect(await counts()).toEqual({ observations: before.observations + 2, audit_log: before.audit_log + 2 })
    const saved = (await townReporter.get(`${DAYE}/observations?orgUnitId=${townId}&year=2023`)).json()
    expect(saved.items).toContainEqual(
      expect.objectContaining({ indicatorCode: 'DY-24', value: 18, kind: 'imported', revision: 1 }),
    )

    const after = await counts()
    const again = await upload(townReporter, file)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
    expect(await counts()).toEqual(after)

    // The next template carries the saved values, so uploading it untouched changes nothing either.
    const { workbook: next } = await downloadTemplate(townReporter, townId, 2023)
    const third = await upload(townReporter, await next.xlsx.writeBuffer())
    expect(third.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
    expect(await counts()).toEqual(after)

    rowOf(next.getWorksheet('填报')!, 'DY-24').getCell('F').value = 19
    const changed = await upload(townReporter, await next.xlsx.writeBuffer())
    expect(changed.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
  })

  it('writes nothing when one row of several is bad, and lists that row', async () => {
    const { workbook, sheet } = await downloadTemplate(townReporter, townId, 2024)
    fill(sheet, 'DY-24', 20)
    const bad = fill(sheet, 'DY-15', '二十')
    const percent = fill(sheet, 'DY-25', 0.385)
    rowOf(sheet, 'DY-25').getCell('F').numFmt = '0.0%'
    const errors = await expectRowErrors(townReporter, workbook)
    expect(errors).toEqual([
      { row: bad, column: 'F', message: '“数值”应为数字，文件中为“二十”' },
      { row: percent, column: 'F', message: '“数值”请填写百分数的数字部分（如 12.5），不要带 % 号' },
    ])
  })

  it('lists a wrong unit, a missing source and a duplicate row', async () => {
    const { workbook, sheet } = await downloadTemplate(townReporter, townId, 2024)
    const wrongUnit = fill(sheet, 'DY-24', 20)
    rowOf(sheet, 'DY-24').getCell('D').value = '个'
    const noSource = fill(sheet, 'DY-15', 30, '')
    const last = sheet.rowCount + 1
    sheet.getRow(last).values = ['DY-24', '', '', '家', '', 21, '重复的一行', '']
    const errors = await expectRowErrors(townReporter, workbook)
    expect(errors).toEqual([
      { row: noSource, column: 'G', message: '数据来源不能为空' },
      {
        row: wrongUnit,
        column: 'D',
        message: expect.stringMatching(/^单位应为“家”.*文件中为“个”$/),
      },
      { row: last, column: 'A', message: `指标 DY-24 重复：第 ${wrongUnit} 行已填写该指标` },
    ])
  })

  it('refuses changed or missing column headers', async () => {
    const { workbook, sheet } = await downloadTemplate(townReporter, townId, 2024)
    fill(sheet, 'DY-24', 20)
    sheet.getRow(HEADER_ROW).getCell('F').value = '实际值'
    sheet.getRow(HEADER_ROW).getCell('H').value = null
    const errors = await expectRowErrors(townReporter, workbook)
    expect(errors).toEqual([
      { row: HEADER_ROW, column: 'F', message: '表头应为“数值”，文件中为“实际值”；请勿改动模板的列' },
      { row: HEADER_ROW, column: 'H', message: '表头应为“备注”，文件中为“”；请勿改动模板的列' },
    ])
  })

  it('refuses a year changed in the header and a year outside the plan', async () => {
    const { workbook, sheet } = await downloadTemplate(townReporter, townId, 2024)
    fill(sheet, 'DY-24', 20)
    sheet.getCell('B4').value = 2025
    expect(await expectRowErrors(townReporter, workbook)).toEqual([
      {
        row: 4,
        column: 'B',
        message: expect.stringMatching(/^年份应为 2024（模板下载时选定），文件中为“2025”/),
      },
    ])
    sheet.getCell('B4').value = 2030
    workbook.getWorksheet('模板信息')!.getCell('A3').value = 2030
    expect(await expectRowErrors(townReporter, workbook)).toEqual([
      { row: 4, column: 'B', message: '年份 2030 不在本规划的年份范围内（2021—2024 年）' },
    ])
  })

  it('refuses a template of a unit outside the uploader’s scope', async () => {
    const { workbook, sheet } = await downloadTemplate(dayeStaff, otherTownId, 2024)
    fill(sheet, 'DY-24', 20)
    expect(await expectRowErrors(townReporter, workbook)).toEqual([
      { row: 3, column: 'B', message: '组织机构不存在或不在您的管辖范围内' },
    ])
  })

  it('refuses a locked period, and accepts the same file once unlocked', async () => {
    const { workbook, sheet } = await downloadTemplate(townReporter, townId, 2022)
    fill(sheet, 'DY-24', 16)
    const locked = await dayeStaff.post(`${DAYE}/locks`, { orgUnitId: dayeId, year: 2022 })
    expect(locked.statusCode).toBe(201)
    expect(await expectRowErrors(townReporter, workbook)).toEqual([
      { row: 4, column: 'B', message: expect.stringMatching(/^大冶市 2022 年的数据已锁定/) },
    ])
    await dayeStaff.delete(`${DAYE}/locks/${dayeId}/2022`)
    const response = await upload(townReporter, await workbook.xlsx.writeBuffer())
    expect(response.json()).toMatchObject({ created: 1 })
  })

  it('refuses a value for a derived indicator and an unknown code', async () => {
    await t.database.db.execute(
      sql`update indicators set formula = ${JSON.stringify({ kind: 'growth_rate', of: 'DY-01' })}::jsonb
          where code = 'DY-02'`,
    )
    try {
      const { workbook, sheet } = await downloadTemplate(townReporter, townId, 2024)
      expect(() => rowOf(sheet, 'DY-02')).toThrow()
      const derived = sheet.rowCount + 1
      sheet.getRow(derived).values = ['DY-02', '', '', '%', '', 5, '统计局', '']
      sheet.getRow(derived + 1).values = ['DY-99', '', '', '家', '', 5, '统计局', '']
      expect(await expectRowErrors(townReporter, workbook)).toEqual([
        {
          row: derived,
          column: 'A',
          message: expect.stringMatching(/^该指标由公式计算得出，不能直接填报/),
        },
        { row: derived + 1, column: 'A', message: '本规划没有编码为“DY-99”的指标' },
      ])
    } finally {
      await t.database.db.execute(sql`update indicators set formula = null where code = 'DY-02'`)
    }
  })

  it('recomputes derived indicators from imported values, and refuses values feeding a formula cycle', async () => {
    const setFormula = (code: string, formula: object | null) =>
      t.database.db.execute(
        sql`update indicators set formula = ${formula === null ? null : JSON.stringify(formula)}::jsonb
            where code = ${code}`,
      )
    await setFormula('DY-02', { kind: 'growth_rate', of: 'DY-01' })
    try {
      for (const [year, value] of [
        [2022, 100],
        [2023, 110],
      ] as const) {
        const { workbook, sheet } = await downloadTemplate(dayeStaff, otherTownId, year)
        fill(sheet, 'DY-01', value, '陈贵镇财政所')
        expect((await upload(dayeStaff, await workbook.xlsx.writeBuffer())).statusCode).toBe(200)
      }
      const values = (await dayeStaff.get(`${DAYE}/observations?orgUnitId=${otherTownId}&year=2023`)).json()
      expect(values.items).toContainEqual(
        expect.objectContaining({ indicatorCode: 'DY-02', kind: 'computed', value: expect.closeTo(10, 9) }),
      )

      await setFormula('DY-02', { kind: 'ratio', numerator: 'DY-01', denominator: 'DY-03', factor: 100 })
      await setFormula('DY-03', { kind: 'growth_rate', of: 'DY-02' })
      const { workbook, sheet } = await downloadTemplate(dayeStaff, otherTownId, 2024)
      const row = fill(sheet, 'DY-01', 120, '陈贵镇财政所')
      expect(await expectRowErrors(dayeStaff, workbook)).toEqual([
        { row, column: 'A', message: expect.stringMatching(/^派生指标公式存在循环引用：/) },
      ])
    } finally {
      await setFormula('DY-02', null)
      await setFormula('DY-03', null)
    }
  })

  it('answers a file that is not a spreadsheet, or not a template, with a clear message', async () => {
    const before = await counts()
    const text = await upload(townReporter, Buffer.from('编码,数值\nDY-24,18\n'), '填报.csv')
    expect(text.statusCode).toBe(422)
    expect(text.json()).toEqual({
      code: 'NOT_A_SPREADSHEET',
      message: '上传的文件不是有效的 Excel 文件（.xlsx），请用下载的模板填写后上传',
    })
    const plain = new ExcelJS.Workbook()
    plain.addWorksheet('Sheet1').getCell('A1').value = 'DY-24'
    const other = await upload(townReporter, await plain.xlsx.writeBuffer())
    expect(other.json()).toMatchObject({
      code: 'NOT_A_TEMPLATE',
      message: expect.stringMatching(/重新下载模板/),
    })
    const empty = await townReporter.post(`${DAYE}/import`, {})
    expect(empty.statusCode).toBe(400)
    expect(empty.json().code).toBe('UPLOAD_MISSING')
    const huge = await upload(townReporter, Buffer.alloc(TEMPLATE_UPLOAD_MAX_BYTES + 1))
    expect(huge.statusCode).toBe(413)
    expect(huge.json()).toMatchObject({ code: 'UPLOAD_TOO_LARGE', message: '文件过大，不能超过 2 MB' })
    expect(await counts()).toEqual(before)
  })

  it('is for reporters: a leader may download but not upload', async () => {
    const { workbook } = await downloadTemplate(leader, dayeId, 2024)
    const response = await upload(leader, await workbook.xlsx.writeBuffer())
    expect(response.statusCode).toBe(403)
  })
})

describe('plan table export', () => {
  it('lays the plan out as printed, with categories merged and the year’s actuals and status', async () => {
    const response = await admin.get(`${DAYE}/table.xlsx?orgUnitId=${dayeId}&year=2022`)
    expect(response.statusCode, response.body).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getCell('A1').value).toBe('大冶市创新型县（市）建设三年目标')
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '指标类型',
      '指标名称',
      '单位',
      '属性',
      '2021年（基期）',
      '2022年目标',
      '2023年目标',
      '2024年目标',
      '2022年实际值',
      '状态',
      '差距',
    ])
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    // 创新投入 is the first category: its cell spans its indicators' rows.
    const firstCategoryRows = [...Array(sheet.rowCount - 3).keys()]
      .map((i) => sheet.getRow(4 + i))
      .filter((row) => row.getCell('B').value === '创新投入')
    expect(firstCategoryRows.length).toBeGreaterThan(1)
    expect(sheet.getCell('B5').isMerged).toBe(true)
    expect(sheet.getCell('B5').master.address).toBe('B4')

    const row = (code: string) => {
      const order = Number(code.slice(3))
      return sheet.getRow(3 + order)
    }
    const hnte = row('DY-15')
    expect(hnte.getCell('C').value).toBe('高新技术企业数')
    expect(hnte.getCell('G').value).toBe('248')
    expect(hnte.getCell('J').value).toBe(243)
    expect(hnte.getCell('L').value).toBe('差 5 家')
    expect(hnte.getCell('K').value).toBe('滞后')
    expect(row('DY-23').getCell('G').value).toBe('0.3')
    expect(row('DY-17').getCell('G').value).toBe('-')
  })

  it('is scope-checked like the plan page', async () => {
    const response = await townReporter.get(`${DAYE}/table.xlsx?orgUnitId=${otherTownId}&year=2022`)
    expect(response.statusCode).toBe(404)
  })
})
