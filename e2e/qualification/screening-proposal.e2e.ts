import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { E2E_ADMIN_PASSWORD, launchBrowser, openPage, signIn } from '../support/platform'

// Issue M3: the bureau screens its enterprises and turns the 高企 ranking into a 高企后备库 member. Staff import the
// yearly figures (with 成立日期) of an enterprise that meets every 高企 figure but has no IP yet, start a screening
// on the 资格筛查 page, find the enterprise among the proposals with its reason, accept it, and see it in the
// 高企后备库 as a manual addition carrying that reason.
const ENTERPRISE = '大冶市筛查示范新材料有限公司'
const REGION_CODE = '420281'
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
function creditCode(organizationCode: string): string {
  const first17 = `91${REGION_CODE}${organizationCode}`
  const sum = [...first17].reduce((s, char, i) => s + CODE_ALPHABET.indexOf(char) * CODE_WEIGHTS[i]!, 0)
  return `${first17}${CODE_ALPHABET[(31 - (sum % 31)) % 31]!}`
}
// Three years of figures that pass 高企's 科技人员, 研发费用, 境内研发 and 高新收入 conditions; no IP is registered,
// so the screening finds it two conditions away (知识产权 and the innovation score), not yet in the 后备库 by rule.
const HEADER = [
  '企业名称',
  '信用代码',
  '年度',
  '成立日期',
  '职工总数',
  '科技人员',
  '销售收入',
  '总收入',
  '研发费用',
  '境内研发费用',
  '净资产',
  '高新技术产品收入',
  '资产总额',
]
const YEARS = [
  ['2022', '80', '15', '3000', '3100', '180', '170', '1500', '2000', '2500'],
  ['2023', '85', '16', '3600', '3700', '220', '210', '1800', '2500', '2800'],
  ['2024', '90', '18', '4200', '4300', '260', '250', '2100', '3000', '3200'],
]

const baseUrl = inject('baseUrl')
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await openPage(browser)
  await signIn(page, baseUrl, 'admin', E2E_ADMIN_PASSWORD)
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
})
afterAll(async () => {
  await browser?.close()
})

async function csrfToken(): Promise<string> {
  const session = await page.request.get(`${baseUrl}/api/auth/me`)
  return ((await session.json()) as { csrfToken: string }).csrfToken
}

/** The enterprise's row in the proposals tab (the results tab stays in the page once opened). */
const proposalRow = () =>
  page
    .getByRole('tabpanel', { name: /高企后备库建议/ })
    .getByRole('row')
    .filter({ hasText: ENTERPRISE })

describe('staff screen the register and accept a 高企后备库 proposal', () => {
  it('imports the yearly figures of an enterprise', async () => {
    const code = creditCode('MA4DYK7P2')
    const rows = YEARS.map(([year, ...rest]) => [ENTERPRISE, code, year!, '2016-04-18', ...rest])
    const csv = [HEADER, ...rows].map((r) => r.join(',')).join('\n')
    const headers = { 'x-csrf-token': await csrfToken() }
    const upload = await page.request.post(`${baseUrl}/api/registers/imports?listType=enterprise_years`, {
      headers,
      multipart: { file: { name: '企业年度数据.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) } },
    })
    expect(upload.status(), await upload.text()).toBe(202)
    const { id } = (await upload.json()) as { id: string }
    let status = 'processing'
    for (let i = 0; i < 200 && status === 'processing'; i++) {
      await page.waitForTimeout(100)
      status = (
        (await (await page.request.get(`${baseUrl}/api/registers/imports/${id}`)).json()) as {
          status: string
        }
      ).status
    }
    const commit = await page.request.post(`${baseUrl}/api/registers/imports/${id}/commit`, { headers })
    expect(commit.status(), await commit.text()).toBe(200)
  })

  it('starts a screening and sees the enterprise proposed with its reason', async () => {
    await page.goto(`${baseUrl}/qualification/screenings`)
    await page.getByRole('button', { name: '发起筛查' }).first().click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: '发起筛查' }).click()
    // The run completes in the background; the page turns to its results by itself.
    await expect.poll(() => page.getByText('筛查结果').count(), { timeout: 60_000 }).toBeGreaterThan(0)
    await page.getByRole('tab', { name: /高企后备库建议/ }).click()
    const row = proposalRow()
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1)
    const reason = (await row.textContent()) ?? ''
    expect(reason).toMatch(/高企预评价排名第 \d+：/)
    expect(reason).toContain('知识产权')
  })

  it('accepts the proposal; the enterprise is in the 高企后备库 with the reason', async () => {
    const row = proposalRow()
    await row.getByRole('button', { name: /采\s*纳/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('采纳理由（可选）').fill('企业有申报意愿，拟申请发明专利')
    await dialog.getByRole('button', { name: /采\s*纳/ }).click()
    await expect.poll(() => page.getByText(`已将「${ENTERPRISE}」加入高企后备库`).count()).toBeGreaterThan(0)
    // Decided, it leaves the 待处理 list the tab opens on.
    await expect.poll(() => row.count()).toBe(0)

    const members = (await (
      await page.request.get(
        `${baseUrl}/api/registers/libraries/hnte_reserve/members?q=${encodeURIComponent('筛查示范')}`,
      )
    ).json()) as { items: { name: string; curation: { reason: string } | null }[] }
    expect(members.items).toHaveLength(1)
    expect(members.items[0]!.name).toBe(ENTERPRISE)
    expect(members.items[0]!.curation?.reason).toBe('企业有申报意愿，拟申请发明专利')
  })
})
