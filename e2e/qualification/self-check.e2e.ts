import type { APIRequestContext, Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { E2E_ADMIN_PASSWORD, launchBrowser, openPage, signIn } from '../support/platform'

// Issue M3: an enterprise user checks itself. It types its figures for 科技型中小企业, sees the failed condition
// 科技人员指标得分不得为0分 with its gap ("需再增加科技人员 1 人"), changes the figure and sees it pass — and nothing
// was stored: no saved self-check, no new audit entry. The figures are spec §2.9 W-T2 (100 职工, 9 科技人员).
const ENTERPRISE = 'ent-self-check'
const INITIAL_PASSWORD = 'Initial-Passw0rd!'
const NEW_PASSWORD = 'Enterprise-2026-ok'
const FIGURES = {
  职工总数: '100',
  科技人员数: '9',
  年销售收入: '2000',
  资产总额: '2000',
  研发费用总额: '110',
  成本费用支出总额: '1900',
}
const FLAGS = {
  居民企业: '是',
  会计核算健全: '是',
  企业所得税征收方式: '查账征收',
  属于限制类或淘汰类行业: '否',
  属于不适用研发费用加计扣除政策的行业: '否',
  重大事故或严重失信行为: '否',
  列入经营异常名录或严重违法失信企业名单: '否',
}
const TECH_STAFF_CONDITION = 'condition-TSME-C5-tech-staff-nonzero'

const baseUrl = inject('baseUrl')
let browser: Browser
let admin: { page: Page; csrfToken: string }

beforeAll(async () => {
  browser = await launchBrowser()
  // One admin session for the whole file: its own login is audited once, before anything is counted.
  const page = await openPage(browser)
  const login = await page.request.post(`${baseUrl}/api/auth/login`, {
    data: { username: 'admin', password: E2E_ADMIN_PASSWORD },
  })
  admin = { page, csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken }
})
afterAll(async () => {
  await browser?.close()
})

async function auditTotal(request: APIRequestContext): Promise<number> {
  const response = await request.get(`${baseUrl}/api/audit?pageSize=1`)
  expect(response.status()).toBe(200)
  return ((await response.json()) as { total: number }).total
}

/** Picks an option of a select opened for the first time: its dropdown is the newest one on the page. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click()
  await page
    .locator('.ant-select-dropdown')
    .last()
    .locator('.ant-select-item-option')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .click()
}

const evaluateButton = (page: Page) => page.getByRole('button', { name: /评\s*价/ })
const verdictTag = (page: Page) => page.getByTestId('verdict-tag').textContent()
const techStaffRow = (page: Page) => page.getByTestId(TECH_STAFF_CONDITION).textContent()

describe('an enterprise checks itself without storing anything', () => {
  it('the admin gives the enterprise an account', async () => {
    const units = (await (await admin.page.request.get(`${baseUrl}/api/org-units`)).json()) as {
      items: { id: string; name: string }[]
    }
    const created = await admin.page.request.post(`${baseUrl}/api/users`, {
      headers: { 'x-csrf-token': admin.csrfToken },
      data: {
        username: ENTERPRISE,
        displayName: '大冶某科技公司',
        role: 'enterprise',
        scopeOrgUnitId: units.items.find((u) => u.name === '大冶市')!.id,
        password: INITIAL_PASSWORD,
      },
    })
    expect(created.status()).toBe(201)
  })

  it('types its figures, sees the failed 科技人员 condition with its gap, adds one person and passes', async () => {
    const page = await openPage(browser)
    await signIn(page, baseUrl, ENTERPRISE, INITIAL_PASSWORD)
    await expect.poll(() => page.url()).toContain('/change-password')
    await page.getByLabel('当前密码').fill(INITIAL_PASSWORD)
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD)
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD)
    await page
      .getByRole('button', { name: /确\s*定|修改密码/ })
      .last()
      .click()
    // No dashboard for an enterprise: home leads to the self-check, its only page.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/qualification/self-check')
    await expect.poll(() => page.getByRole('heading', { name: '资格自测' }).count()).toBe(1)

    const auditBefore = await auditTotal(admin.page.request)

    for (const [label, value] of Object.entries(FIGURES))
      await page.getByLabel(label, { exact: true }).fill(value)
    for (const [label, option] of Object.entries(FLAGS)) await choose(page, label, option)
    await page.getByRole('button', { name: '添加一行' }).first().click()

    // A 科技人员 count above 职工总数 is refused, with the message on the field.
    await page.getByLabel('科技人员数', { exact: true }).fill('120')
    await evaluateButton(page).click()
    await expect
      .poll(() =>
        page.getByText('科技人员数（techStaffCount） 120 人不能大于职工总数（employeeCount） 100 人').count(),
      )
      .toBeGreaterThan(0)

    await page.getByLabel('科技人员数', { exact: true }).fill('9')
    await evaluateButton(page).click()
    await expect.poll(() => verdictTag(page)).toBe('不符合')
    await expect.poll(() => techStaffRow(page)).toContain('不满足')
    expect(await techStaffRow(page)).toContain('需再增加科技人员 1 人（职工总数不变）')

    await page.getByLabel('科技人员数', { exact: true }).fill('10')
    await evaluateButton(page).click()
    await expect.poll(() => verdictTag(page)).toBe('符合')
    expect(await techStaffRow(page)).toContain('满足')
    expect(await techStaffRow(page)).not.toContain('需再增加')
    expect(await page.getByText('综合得分 74 分').count()).toBeGreaterThan(0)

    // Nothing was stored: no saved check, and the audit log has no new entry.
    const saved = await page.request.get(`${baseUrl}/api/qualification/self-checks`)
    expect(((await saved.json()) as { items: unknown[] }).items).toEqual([])
    expect(await auditTotal(admin.page.request)).toBe(auditBefore)
    await page.context().close()
  })
})
