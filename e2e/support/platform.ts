import { chromium, type Browser, type Page } from 'playwright-core'

export const E2E_PORT = 3480
export const E2E_ADMIN_PASSWORD = 'Kechuang-E2E-2026!'

// Debian's Chromium, never a downloaded one; the flags keep it from calling out to the network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
}

/** A new page in its own context (its own cookies), in Chinese, desktop or phone sized. */
export async function openPage(browser: Browser, options: { mobile?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: options.mobile ? { width: 390, height: 844 } : { width: 1440, height: 900 },
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
  })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  return page
}

/** Signs in through the login form as a person would. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: /登\s*录/ }).click()
}
