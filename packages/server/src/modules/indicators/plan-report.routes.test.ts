import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'
import { DOCX_CONTENT_TYPE } from './plan-report.routes'

// The real app on a fresh seeded database; the .docx is opened as the zip it is and its XML read.
let t: TestApp
let admin: TestClient
let townReporter: TestClient
let dayeId: string
let otherTownId: string
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  dayeId = await t.orgUnitId('大冶市')
  otherTownId = await t.orgUnitId('陈贵镇')
  townReporter = await createUserAndLogin(t, admin, {
    username: 'hdq-reporter',
    role: 'reporter',
    scopeOrgUnitId: await t.orgUnitId('还地桥镇'),
  })
})
afterAll(() => t.close())

async function openReport(url: string) {
  const response = await admin.get(url)
  expect(response.statusCode, response.body).toBe(200)
  expect(response.headers['content-type']).toBe(DOCX_CONTENT_TYPE)
  const zip = await JSZip.loadAsync(response.rawPayload)
  const xml = await zip.file('word/document.xml')!.async('string')
  // Each table row as the texts of its cells.
  const rows = xml
    .split('<w:tr>')
    .slice(1)
    .map((tr) =>
      tr
        .split('</w:tr>')[0]!
        .split('<w:tc>')
        .slice(1)
        .map((tc) => [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    )
  const images = Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name))
  return { xml, rows, images, zip, response }
}

describe('评估 report (.docx)', () => {
  it('has the title, summary, indicator table with status, lagging gaps, charts and tasks by unit', async () => {
    const { xml, rows, images, zip, response } = await openReport(
      `/api/plans/daye-2022-2024/report.docx?orgUnitId=${dayeId}&year=2022`,
    )
    expect(String(response.headers['content-disposition'])).toContain(
      encodeURIComponent('大冶市-2022年中期评估报告.docx'),
    )
    expect(xml).toContain('大冶市创新型县（市）建设三年工作方案（2022—2024年）中期评估报告')
    expect(xml).toMatch(/本规划共列指标 26 项。按 2022 年数据评估：已完成 \d+ 项/)
    // The plan's worked examples: 高新技术企业数 243 against 248, 科技型中小企业数 555 against 450.
    expect(rows).toContainEqual([
      '15',
      '创新绩效',
      '高新技术企业数',
      '家',
      '约束性',
      '248',
      '243',
      '98.0%',
      '滞后',
    ])
    expect(rows).toContainEqual(['高新技术企业数', '家', '243', '248', '差 5 家', '滞后'])
    expect(rows.find((r) => r[2] === '科技型中小企业数')).toEqual(
      expect.arrayContaining(['555', '123.3%', '已完成']),
    )
    expect(images.length).toBeGreaterThanOrEqual(2)
    const png = await zip.file(images[0]!)!.async('nodebuffer')
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(xml).toContain('四、重点任务进展（按责任单位）')
    expect(rows[rows.findIndex((r) => r[0] === '责任单位') + 1]).toHaveLength(6)
  })

  it('says 总结评估 in the plan’s last year and notes a plan without tasks', async () => {
    const { xml } = await openReport('/api/plans/huangshi-13th/report.docx?year=2020')
    expect(xml).toContain('黄石市“十三五”科技创新主要指标完成情况总结评估报告')
    expect(xml).toContain('本规划未列重点任务进度安排。')
  })

  it('is scope-checked and refuses a year outside the plan', async () => {
    const outside = await townReporter.get(
      `/api/plans/daye-2022-2024/report.docx?orgUnitId=${otherTownId}&year=2022`,
    )
    expect(outside.statusCode).toBe(404)
    expect(outside.json().code).toBe('ORG_UNIT_NOT_FOUND')
    const late = await admin.get('/api/plans/daye-2022-2024/report.docx?year=2031')
    expect(late.statusCode).toBe(422)
    expect(late.json()).toMatchObject({ code: 'YEAR_OUTSIDE_PLAN', message: expect.stringMatching(/2031/) })
  })
})
