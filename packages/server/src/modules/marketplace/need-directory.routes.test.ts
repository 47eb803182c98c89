import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TechNeed } from '@kechuang/core/marketplace'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'
import { XLSX_CONTENT_TYPE } from '../indicators/indicator-workbooks.routes'
import { DOCX_CONTENT_TYPE } from '../indicators/plan-report.routes'
import { createTestRegion } from '../registers/libraries.factories'

// The 《企业科技需求目录》 downloads on a fresh seeded database: the 63 plan-derived needs (created when seeding, so
// in the current year) grouped by 产业领域, plus needs published here.

let t: TestApp
let admin: TestClient
let publisher: TestClient
let reader: TestClient
let town: { id: string; path: string }
const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
const DIRECTORY = '/api/marketplace/needs/directory'

const PLAN_COUNTS: [string, number][] = [
  ['新材料', 13],
  ['电子信息', 9],
  ['智能装备', 8],
  ['生命健康', 11],
  ['节能环保', 7],
  ['新能源汽车', 4],
  ['现代服装', 4],
  ['工业互联网', 4],
  // Others by pinyin: fang, lin, zhi.
  ['纺织服装', 1],
  ['临空相关产业', 1],
  ['智能装备制造', 1],
]

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  town = await createTestRegion(t, admin, '大冶市', '需求目录测试镇')
  publisher = await createUserAndLogin(t, admin, {
    username: 'dir-enterprise',
    role: 'enterprise',
    scopeOrgUnitId: town.id,
  })
  reader = await createUserAndLogin(t, admin, {
    username: 'dir-enterprise-2',
    role: 'enterprise',
    scopeOrgUnitId: await t.orgUnitId('陈贵镇'),
  })
  const response = await publisher.post('/api/marketplace/needs', {
    title: '=1+1 <b>低温烧结</b>银浆',
    description: '第一行\n第二行 <script>alert(1)</script>',
    keywords: ['银浆', '低温烧结'],
    industry: '电子信息',
    enterpriseName: '乙电子有限公司',
    contactName: '李工',
    contactPhone: '13900001111',
  })
  expect(response.statusCode, response.body).toBe(201)
  expect((response.json() as TechNeed).regionOrgUnitId).toBe(town.id)
})
afterAll(() => t.close())

async function download(client: TestClient, url: string, contentType: string) {
  const response = await client.get(url)
  expect(response.statusCode, response.body).toBe(200)
  expect(response.headers['content-type']).toBe(contentType)
  return response
}

async function openWorkbook(client: TestClient, query: string) {
  const response = await download(client, `${DIRECTORY}.xlsx${query}`, XLSX_CONTENT_TYPE)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
  return { workbook, response }
}

const cellTexts = (sheet: ExcelJS.Worksheet) =>
  sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map((v) => String(v ?? '')) : []))

async function documentXml(client: TestClient, query: string) {
  const response = await download(client, `${DIRECTORY}.docx${query}`, DOCX_CONTENT_TYPE)
  const zip = await JSZip.loadAsync(response.rawPayload)
  return { xml: await zip.file('word/document.xml')!.async('string'), response }
}

describe('需求目录 (.xlsx)', () => {
  it('has a 汇总 sheet and one sheet per industry in the plans’ order, numbered within each', async () => {
    const { workbook, response } = await openWorkbook(admin, `?year=${year}`)
    expect(String(response.headers['content-disposition'])).toContain(
      encodeURIComponent(`企业科技需求目录_${year}.xlsx`),
    )
    const expected = PLAN_COUNTS.map(([industry, n]): [string, number] => [
      industry,
      industry === '电子信息' ? n + 1 : n,
    ])
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', ...expected.map(([name]) => name)])
    for (const [name, count] of expected) {
      const sheet = workbook.getWorksheet(name)!
      expect(sheet.actualRowCount, name).toBe(count + 1)
      expect(sheet.getRow(1).getCell(2).value).toBe('需求名称')
      expect(sheet.getColumn(1).values.slice(2)).toEqual(Array.from({ length: count }, (_, i) => i + 1))
    }
    const summary = workbook.getWorksheet('汇总')!
    expect(summary.getCell('A1').value).toBe(`${year} 年企业科技需求目录`)
    expect(summary.getRow(4).values).toEqual([undefined, 1, '新材料', 13])
    expect(cellTexts(summary)).toContain('合计')
    const planNeed = workbook
      .getWorksheet('新材料')!
      .getSheetValues()
      .find((row) => Array.isArray(row) && row[2] === '高品质特殊钢关键技术需求') as unknown[]
    expect(planNeed).toBeDefined()
    expect(planNeed[6]).toBe('面议')
    expect(String(planNeed[11])).toMatch(/^规划方向/)
  })

  it('keeps text as typed and masks the phone unless the reader may manage or edit the need', async () => {
    const row = async (client: TestClient) => {
      const { workbook } = await openWorkbook(client, `?orgUnitId=${town.id}`)
      const sheet = workbook.getWorksheet('电子信息')!
      expect(sheet.actualRowCount).toBe(2)
      return sheet.getRow(2)
    }
    const seen = await row(reader)
    expect(seen.getCell(2).value).toBe('=1+1 <b>低温烧结</b>银浆')
    expect(seen.getCell(2).type).toBe(ExcelJS.ValueType.String)
    expect(seen.getCell(4).value).toBe('第一行\n第二行 <script>alert(1)</script>')
    expect(seen.getCell(8).value).toBe('李工 139****1111')
    expect((await row(admin)).getCell(8).value).toBe('李工 13900001111')
  })

  it('gives a valid workbook saying 无 for an empty selection', async () => {
    const { workbook } = await openWorkbook(admin, '?year=2001&status=closed')
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总'])
    expect(cellTexts(workbook.getWorksheet('汇总')!)).toContain('无')
  })
})

describe('需求目录 (.docx)', () => {
  it('has the title, scope, industry headings with counts and the needs as text', async () => {
    const { xml, response } = await documentXml(reader, `?year=${year}&status=open`)
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK')
    expect(String(response.headers['content-disposition'])).toContain(
      encodeURIComponent(`企业科技需求目录_${year}.docx`),
    )
    expect(xml).toContain(`${year} 年企业科技需求目录`)
    expect(xml).toContain('状态：征集中')
    expect(xml).toContain('一、新材料（13 项）')
    expect(xml).toContain('二、电子信息（10 项）')
    expect(xml.indexOf('一、新材料')).toBeLessThan(xml.indexOf('二、电子信息'))
    expect(xml).toMatch(/>1\. [^<]+关键技术需求</)
    expect(xml).toMatch(/>\d+\. 高品质特殊钢关键技术需求</)
    expect(xml).toContain('【规划方向】')
    expect(xml).toContain('面议')
    // Escaped as text, never markup; the phone masked for this reader.
    expect(xml).toContain('=1+1 &lt;b&gt;低温烧结&lt;/b&gt;银浆')
    expect(xml).not.toContain('<script>')
    expect(xml).toContain('139****1111')
    expect(xml).not.toContain('13900001111')
  })

  it('says 无 for an empty selection', async () => {
    const { xml } = await documentXml(admin, '?year=2001')
    expect(xml).toContain('2001 年企业科技需求目录')
    expect(xml).toContain('无（没有符合条件的技术需求）')
  })
})

describe('需求目录: bad queries', () => {
  it.each([
    ['year=1800', /年份不能早于 2000/],
    ['year=abc', /年份/],
    ['status=unknown', /需求状态不正确/],
    ['orgUnitId=x', /地区格式不正确/],
    ['foo=1', /不支持的查询参数：foo/],
  ])('refuses %s with 400 and a Chinese message', async (query, message) => {
    for (const extension of ['docx', 'xlsx']) {
      const response = await admin.get(`${DIRECTORY}.${extension}?${query}`)
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(message),
      })
    }
  })

  it('answers an unknown region with 404', async () => {
    const response = await admin.get(`${DIRECTORY}.xlsx?orgUnitId=00000000-0000-4000-8000-000000000000`)
    expect(response.statusCode).toBe(404)
    expect(response.json().code).toBe('REGION_NOT_FOUND')
  })
})
