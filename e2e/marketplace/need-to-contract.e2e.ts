import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { E2E_ADMIN_PASSWORD, launchBrowser, openPage, signIn } from '../support/platform'

// Issue M5: an enterprise in 大冶市 posts a need about 锂电池正极材料; its 推荐 panel lists a university's result with
// the shared terms marked; the bureau's staff start a 对接 from there, follow it on the board and register the
// 技术合同; the 技术合同成交额 computed for 大冶市 in the contract's year (DY-19, 万元) rises by the contract amount,
// and 采用 saves it as the indicator's value.
const PLAN = 'daye-2022-2024'
// Not the plan's latest year with values: the dashboard opens on that one, and report-by-excel reads 2023 there.
const YEAR = 2022
const AMOUNT = 156.5
const PASSWORD = 'Marketplace-E2E-2026!'
const RESULT_TITLE = '高镍三元锂电池正极材料低成本制备技术'
const NEED_TITLE = '动力锂电池正极材料性能提升技术需求'

const baseUrl = inject('baseUrl')
let browser: Browser
let admin: { page: Page; csrfToken: string }

beforeAll(async () => {
  browser = await launchBrowser()
  const page = await openPage(browser)
  const login = await page.request.post(`${baseUrl}/api/auth/login`, {
    data: { username: 'admin', password: E2E_ADMIN_PASSWORD },
  })
  admin = { page, csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken }
})
afterAll(async () => {
  await browser?.close()
})

async function unitId(name: string): Promise<string> {
  const units = (await (await admin.page.request.get(`${baseUrl}/api/org-units`)).json()) as {
    items: { id: string; name: string }[]
  }
  return units.items.find((u) => u.name === name)!.id
}

/** An account made by the admin, its first password already changed (that screen is another journey's). */
async function account(username: string, displayName: string, role: string, unitName: string) {
  const initial = 'Initial-Passw0rd!'
  const created = await admin.page.request.post(`${baseUrl}/api/users`, {
    headers: { 'x-csrf-token': admin.csrfToken },
    data: { username, displayName, role, scopeOrgUnitId: await unitId(unitName), password: initial },
  })
  expect(created.status()).toBe(201)
  const page = await openPage(browser)
  const login = await page.request.post(`${baseUrl}/api/auth/login`, {
    data: { username, password: initial },
  })
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const changed = await page.request.post(`${baseUrl}/api/auth/change-password`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { currentPassword: initial, newPassword: PASSWORD },
  })
  expect(changed.status()).toBe(200)
  await page.context().close()
}

async function signedIn(username: string): Promise<Page> {
  const page = await openPage(browser)
  await signIn(page, baseUrl, username, PASSWORD)
  await expect.poll(() => new URL(page.url()).pathname).not.toBe('/login')
  return page
}

/** The 技术合同成交额 row's computed value on the 数据填报 page of 大冶市 for YEAR ("技术合同登记计算值：156.5（…）"). */
async function computedContractAmount(page: Page): Promise<number> {
  await page.goto(`${baseUrl}/plans/${PLAN}/entry?year=${YEAR}`)
  const row = page.getByRole('row').filter({ hasText: '技术市场成交合同额' })
  await expect.poll(() => row.getByText(/技术合同登记计算值/).count()).toBe(1)
  const text = (await row.getByText(/技术合同登记计算值/).textContent()) ?? ''
  const match = /技术合同登记计算值：([\d,.]+)/.exec(text)
  expect(match, text).not.toBeNull()
  return Number(match![1]!.replaceAll(',', ''))
}

let needUrl = ''

describe('from a posted need to a registered 技术合同 and the 技术合同成交额 indicator', () => {
  it('the admin opens accounts; a university publishes a result, with an unrelated one beside it', async () => {
    await account('univ-battery', '湖北理工学院', 'institution', '黄石市')
    await account('ent-battery', '大冶某新能源材料有限公司', 'enterprise', '大冶市')
    await account('staff-daye', '大冶市科技局', 'bureau_staff', '大冶市')

    const page = await openPage(browser)
    const login = await page.request.post(`${baseUrl}/api/auth/login`, {
      data: { username: 'univ-battery', password: PASSWORD },
    })
    const { csrfToken } = (await login.json()) as { csrfToken: string }
    const publish = (data: Record<string, unknown>) =>
      page.request.post(`${baseUrl}/api/marketplace/results`, {
        headers: { 'x-csrf-token': csrfToken },
        data,
      })
    const result = await publish({
      title: RESULT_TITLE,
      abstract: '采用共沉淀与掺杂包覆工艺制备高镍三元正极材料，提升锂电池能量密度与循环寿命，已完成中试。',
      keywords: ['正极材料', '锂电池', '高镍三元'],
      industry: '新能源',
      maturity: 'pilot',
      ownerName: '湖北理工学院',
      transferMode: 'license',
      priceWanYuan: 200,
    })
    expect(result.status()).toBe(201)
    const unrelated = await publish({
      title: '高强高导铜合金带材连续挤压技术',
      abstract: '铜合金带材连续挤压与在线退火，提高导电率与强度。',
      keywords: ['铜合金', '连续挤压'],
      industry: '新材料',
      maturity: 'industrial',
      ownerName: '湖北理工学院',
      transferMode: 'transfer',
    })
    expect(unrelated.status()).toBe(201)
    await page.context().close()
  })

  it('the enterprise posts its need and sees the matching result with the shared terms marked', async () => {
    const page = await signedIn('ent-battery')
    await page.goto(`${baseUrl}/marketplace/needs`)
    await page.getByRole('button', { name: '发布需求' }).click()
    const form = page.getByRole('dialog').last()
    await form.getByLabel('需求名称').fill(NEED_TITLE)
    await form
      .getByLabel('需求描述')
      .fill('我公司生产动力锂电池，需要提升正极材料的能量密度和循环寿命，寻求高镍正极材料制备工艺合作。')
    await form.getByLabel('关键词').fill('锂电池正极材料')
    await form.getByLabel('关键词').press('Enter')
    await form.getByLabel('产业领域').fill('新能源')
    await form.getByLabel('需求企业').fill('大冶某新能源材料有限公司')
    await form
      .getByRole('button', { name: /确\s*定/ })
      .last()
      .click()
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/marketplace\/needs\/[0-9a-f-]{36}$/)
    needUrl = page.url()

    const item = page.getByTestId('recommendation-item').filter({ hasText: RESULT_TITLE })
    await expect.poll(() => item.count()).toBe(1)
    const marked = await item.locator('mark').allTextContents()
    // The need's keyword 锂电池正极材料 is one term of the dictionary, marked whole.
    expect(marked.some((term) => term.includes('正极材料'))).toBe(true)
    expect(marked.some((term) => term.includes('锂电池'))).toBe(true)
    // The copper alloy result shares nothing and is not recommended first, if at all.
    const first = page.getByTestId('recommendation-item').first()
    expect(await first.textContent()).toContain(RESULT_TITLE)
    await page.context().close()
  })

  it('staff start a 对接, register the contract from the board, and 技术合同成交额 rises by its amount', async () => {
    const page = await signedIn('staff-daye')
    const before = await computedContractAmount(page)

    await page.goto(needUrl)
    const item = page.getByTestId('recommendation-item').filter({ hasText: RESULT_TITLE })
    await item.getByRole('button', { name: '发起对接' }).click()
    await expect.poll(() => page.getByText(/已发起对接/).count()).toBeGreaterThan(0)

    await page.goto(`${baseUrl}/marketplace/engagements`)
    await page.getByText(NEED_TITLE).first().click()
    const drawer = page.getByRole('dialog').last()
    await drawer.getByRole('button', { name: '登记技术合同' }).click()
    const form = page.getByRole('dialog').last()
    await form.getByLabel('登记编号').fill('42020122000156')
    await form.getByLabel('合同名称').fill('高镍三元正极材料技术许可合同')
    await form.getByLabel('合同类型').click()
    await page
      .locator('.ant-select-dropdown')
      .last()
      .locator('.ant-select-item-option')
      .filter({ hasText: /^技术许可$/ })
      .click()
    await form.getByLabel('成交金额（万元）').fill(String(AMOUNT))
    await form.getByLabel('签订日期').fill(`${YEAR}-06-18`)
    await form.getByLabel('签订日期').press('Enter')
    await form
      .getByRole('button', { name: /确\s*定/ })
      .last()
      .click()
    await expect.poll(() => page.getByText(/已登记合同/).count()).toBeGreaterThan(0)

    const contractColumn = page.getByRole('region', { name: '已签合同' })
    await expect.poll(() => contractColumn.getByText(NEED_TITLE).count()).toBe(1)

    const after = await computedContractAmount(page)
    expect(after).toBeCloseTo(before + AMOUNT, 4)

    // 采用 saves the computed value as DY-19's value for 大冶市 and the year.
    await page.getByRole('button', { name: '技术市场成交合同额 采用' }).click()
    await expect.poll(() => page.getByText(/已采用技术合同登记计算值/).count()).toBeGreaterThan(0)
    const observations = await page.request.get(`${baseUrl}/api/plans/${PLAN}/observations?year=${YEAR}`)
    const saved = (
      (await observations.json()) as { items: { indicatorCode: string; value: number }[] }
    ).items.find((o) => o.indicatorCode === 'DY-19')
    expect(saved?.value).toBeCloseTo(after, 4)
    await page.context().close()
  })
})
