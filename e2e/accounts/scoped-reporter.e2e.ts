import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { E2E_ADMIN_PASSWORD, launchBrowser, openPage, signIn } from '../support/platform'

// The journey of issue M0: an administrator sets up a 责任单位 under 大冶市 and an account for it;
// that account then sees its own subtree and nothing else.
const UNIT_NAME = '大冶市科创服务中心'
const REPORTER = 'dy-reporter'
const INITIAL_PASSWORD = 'Initial-Passw0rd!'
const NEW_PASSWORD = 'Reporter-2026-ok'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const treeTitle = (page: Page, name: string) =>
  page.locator('.ant-tree-title', { hasText: new RegExp(`^${name}$`) })
const okButton = (page: Page) => page.locator('.ant-modal-footer').getByRole('button', { name: /确\s*定/ })

async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label).click()
  await page.locator('.ant-select-item-option', { hasText: option }).first().click()
}

describe('an administrator sets up a 责任单位 and its reporter', () => {
  it('creates an org unit under 大冶市', async () => {
    const page = await openPage(browser)
    await signIn(page, baseUrl, 'admin', E2E_ADMIN_PASSWORD)
    await expect.poll(() => page.url()).toBe(`${baseUrl}/`)

    await page.goto(`${baseUrl}/org-units`)
    await treeTitle(page, '大冶市').click()
    await page.getByRole('button', { name: '新建下级机构' }).click()
    await page.getByLabel('机构名称').fill(UNIT_NAME)
    await chooseOption(page, '机构类型', '部门')
    await okButton(page).click()
    await expect.poll(() => treeTitle(page, UNIT_NAME).count()).toBe(1)

    await page.goto(`${baseUrl}/users`)
    await page.getByRole('button', { name: '新建用户' }).click()
    await page.getByLabel('用户名').fill(REPORTER)
    await page.getByLabel('姓名').fill('冶科填报员')
    await chooseOption(page, '角色', '责任单位填报员')
    await page.getByLabel('管辖范围').click()
    await page.getByLabel('管辖范围').fill('科创服务')
    await page.locator('.ant-select-tree-title', { hasText: UNIT_NAME }).click()
    await page.getByLabel('初始密码').fill(INITIAL_PASSWORD)
    await okButton(page).click()
    await expect.poll(() => page.getByRole('cell', { name: REPORTER, exact: true }).count()).toBe(1)
    await page.context().close()
  })

  it('the reporter signs in, changes the one-time password and sees only its own subtree', async () => {
    const page = await openPage(browser, { mobile: true })
    await signIn(page, baseUrl, REPORTER, INITIAL_PASSWORD)
    await expect.poll(() => page.url()).toContain('/change-password')
    await page.getByLabel('当前密码').fill(INITIAL_PASSWORD)
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD)
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD)
    await page
      .getByRole('button', { name: /修改密码|确\s*定|提\s*交/ })
      .last()
      .click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/')

    await page.goto(`${baseUrl}/org-units`)
    await expect.poll(() => treeTitle(page, UNIT_NAME).count()).toBe(1)
    expect(await treeTitle(page, '大冶市').count()).toBe(0)
    expect(await treeTitle(page, '黄石市').count()).toBe(0)
    expect(await treeTitle(page, '陈贵镇').count()).toBe(0)

    // The server, not only the page, keeps the scope: the whole list it answers is this one unit.
    const units = await page.evaluate(
      async () => (await (await fetch('/api/org-units')).json()) as { items: { name: string }[] },
    )
    expect(units.items.map((u) => u.name)).toEqual([UNIT_NAME])
    await page.context().close()
  })
})
