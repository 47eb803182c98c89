import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { E2E_ADMIN_PASSWORD, launchBrowser, openPage, signIn } from '../support/platform'

// Issue M1 scope 3: the bureau changes how a plan is judged. Daye's seeded 2022 高新技术企业数 (约束性) is 243
// against 248 from a baseline of 197, a progress ratio of 0.902: 滞后 under the binding 进度正常线 of 95%,
// 进度正常 once the bureau lowers that line to 90%.
const PLAN = 'daye-2022-2024'
const INDICATOR = '高新技术企业数'

const baseUrl = inject('baseUrl')
const WAIT = { timeout: 15_000 }
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the bureau sets a plan’s status thresholds', () => {
  it('lowers the binding 进度正常线 and sees 高新技术企业数 turn from 滞后 to 进度正常', async () => {
    const page = await openPage(browser)
    await signIn(page, baseUrl, 'admin', E2E_ADMIN_PASSWORD)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/')
    await page.goto(`${baseUrl}/plans/${PLAN}?year=2022`)
    const row = page.getByRole('row').filter({ hasText: INDICATOR })
    await expect.poll(() => row.innerText(), WAIT).toMatch(/\s滞后\s/)

    await page.getByRole('button', { name: /设\s*置/ }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.getByText('进度比 ≥ 95% 为进度正常').count(), WAIT).toBeGreaterThan(0)
    // The binding (约束性) lines come first, as in the core's INDICATOR_NATURES.
    const bindingOnTrack = dialog.getByLabel('进度正常线').first()
    await bindingOnTrack.fill('85')
    await dialog.getByRole('button', { name: /确\s*定/ }).click()
    await expect
      .poll(() => dialog.getByText('约束性指标的进度正常线（85%）不能低于预期性指标的（90%）').count(), WAIT)
      .toBe(1)

    await bindingOnTrack.fill('90')
    await dialog.getByRole('button', { name: /确\s*定/ }).click()
    await expect.poll(() => page.getByRole('dialog').count(), WAIT).toBe(0)
    await expect.poll(() => row.innerText(), WAIT).toMatch(/\s进度正常\s/)
    await page.context().close()
  })
})
