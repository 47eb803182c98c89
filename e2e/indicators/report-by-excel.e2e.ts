import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { E2E_ADMIN_PASSWORD, launchBrowser, openPage, signIn } from '../support/platform'

// Issue M1: a 责任单位 reporter fills the Excel template, meets a row error, fixes it, and the value shows on
// the dashboard; the admin downloads the Excel table and the Word report, and both carry the value.
const PLAN = 'daye-2022-2024'
const YEAR = 2023
const REPORTER = 'dy-stats'
const INITIAL_PASSWORD = 'Initial-Passw0rd!'
const NEW_PASSWORD = 'Reporter-2026-ok'
// DY-13 县级以上科技特派员数: 555 against the 2023 target of 570 → not met, 差 15 人.
const REPORTED = { code: 'DY-13', name: '县级以上科技特派员数', value: 555, gap: '差 15 人' }
const BAD_ROW = { code: 'DY-08', text: '很多', fixed: 70 }

const baseUrl = inject('baseUrl')
const workDir = mkdtempSync(join(tmpdir(), 'kc-e2e-excel-'))
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Fills the downloaded template: the reported value, and the second row as given (bad or fixed). */
async function fillTemplate(template: Buffer, secondValue: string | number, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(template as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet('填报')!
  const header = sheet.getRow(6).values as string[]
  const column = (name: string) => header.indexOf(name)
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= 6) return
    const code = row.getCell(column('指标编码')).text
    if (code === REPORTED.code) row.getCell(column('数值')).value = REPORTED.value
    else if (code === BAD_ROW.code) row.getCell(column('数值')).value = secondValue
    else return
    row.getCell(column('数据来源')).value = '2023年大冶市科技局统计'
  })
  await workbook.xlsx.writeFile(file)
}

async function uploadTemplate(page: Page, file: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(file)
}

describe('a reporter fills the indicator template in Excel', () => {
  it('the admin gives the statistics office of 大冶市 an account', async () => {
    const page = await openPage(browser)
    const login = await page.request.post(`${baseUrl}/api/auth/login`, {
      data: { username: 'admin', password: E2E_ADMIN_PASSWORD },
    })
    const { csrfToken } = (await login.json()) as { csrfToken: string }
    const units = (await (await page.request.get(`${baseUrl}/api/org-units`)).json()) as {
      items: { id: string; name: string }[]
    }
    const daye = units.items.find((u) => u.name === '大冶市')!
    const created = await page.request.post(`${baseUrl}/api/users`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        username: REPORTER,
        displayName: '大冶统计员',
        role: 'reporter',
        scopeOrgUnitId: daye.id,
        password: INITIAL_PASSWORD,
      },
    })
    expect(created.status()).toBe(201)
    await page.context().close()
  })

  it('uploads a template with one bad row, sees the row error, fixes it and sees the value on the dashboard', async () => {
    const page = await openPage(browser)
    await signIn(page, baseUrl, REPORTER, INITIAL_PASSWORD)
    await expect.poll(() => page.url()).toContain('/change-password')
    await page.getByLabel('当前密码').fill(INITIAL_PASSWORD)
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD)
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD)
    await page
      .getByRole('button', { name: /确\s*定|修改密码/ })
      .last()
      .click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/')

    await page.goto(`${baseUrl}/plans/${PLAN}/entry?year=${YEAR}`)
    const downloadPromise = page.waitForEvent('download')
    await page.getByRole('link', { name: '下载填报模板' }).first().click()
    const template = readFileSync(await (await downloadPromise).path())

    const badFile = join(workDir, 'bad.xlsx')
    await fillTemplate(template, BAD_ROW.text, badFile)
    await uploadTemplate(page, badFile)
    await expect
      .poll(() => page.getByText(`“数值”应为数字，文件中为“${BAD_ROW.text}”`).count())
      .toBeGreaterThan(0)

    const goodFile = join(workDir, 'good.xlsx')
    await fillTemplate(template, BAD_ROW.fixed, goodFile)
    await uploadTemplate(page, goodFile)
    await expect.poll(() => page.getByText(`“数值”应为数字`).count()).toBe(0)

    await page.goto(`${baseUrl}/`)
    await expect.poll(() => page.getByText(REPORTED.gap).count(), { timeout: 20_000 }).toBeGreaterThan(0)
    await page.context().close()
  })

  it('the admin downloads the Excel table and the Word report, both with the reported value', async () => {
    const page = await openPage(browser)
    await signIn(page, baseUrl, 'admin', E2E_ADMIN_PASSWORD)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/')
    await page.goto(`${baseUrl}/plans/${PLAN}?year=${YEAR}`)

    const tableDownload = page.waitForEvent('download')
    await page.getByRole('link', { name: '导出指标表(Excel)' }).first().click()
    const table = new ExcelJS.Workbook()
    await table.xlsx.readFile(await (await tableDownload).path())
    const cells: string[] = []
    table.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)))
    expect(cells).toContain(REPORTED.name)
    expect(cells).toContain(String(REPORTED.value))
    expect(cells).toContain(REPORTED.gap)

    const reportDownload = page.waitForEvent('download')
    await page.getByRole('link', { name: '下载中期评估报告(Word)' }).first().click()
    const zip = await JSZip.loadAsync(readFileSync(await (await reportDownload).path()))
    const documentXml = await zip.file('word/document.xml')!.async('string')
    const text = documentXml.replace(/<[^>]+>/g, '')
    expect(text).toContain('大冶市创新型县（市）建设三年工作方案')
    expect(text).toContain(REPORTED.name)
    expect(text).toContain(REPORTED.gap)
    expect(
      Object.keys(zip.files).some((name) => name.startsWith('word/media/') && name.endsWith('.png')),
    ).toBe(true)
    await page.context().close()
  })
})
