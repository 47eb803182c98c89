import { describe, expect, it } from 'vitest'
import { permissionsOf } from '@kechuang/core/accounts'
import { APP_PAGES, buildMenuEntries, findPage, firstOpenablePath, visiblePages } from './app-pages'

describe('visiblePages', () => {
  it('shows a 责任单位填报员 the dashboard, the plans with their entry and tasks, and the org-unit tree', () => {
    expect(visiblePages(permissionsOf('reporter')).map((p) => p.path)).toEqual([
      '/',
      '/plans',
      '/entry',
      '/tasks',
      '/composite-index',
      '/plans/:planId',
      '/plans/:planId/entry',
      '/plans/:planId/tasks',
      '/plans/:planId/composite-index',
      '/qualification/self-check',
      '/org-units',
    ])
  })

  it('hides data entry from a read-only leader', () => {
    expect(visiblePages(permissionsOf('leader')).map((p) => p.path)).not.toContain('/plans/:planId/entry')
  })

  it('shows an administrator every page, in menu order', () => {
    expect(visiblePages(permissionsOf('system_admin'))).toEqual(APP_PAGES)
  })

  it('shows an enterprise user the self-check and the 成果转化 marketplace', () => {
    expect(visiblePages(permissionsOf('enterprise')).map((p) => p.path)).toEqual([
      '/qualification/self-check',
      '/marketplace/needs',
      '/marketplace/results',
      '/marketplace/experts',
      '/marketplace/needs/:id',
      '/marketplace/results/:id',
      '/marketplace/experts/:id',
    ])
  })
})

describe('firstOpenablePath', () => {
  it('leads a role without the dashboard to its first menu page, and nobody to a detail page', () => {
    expect(firstOpenablePath(permissionsOf('enterprise'))).toBe('/qualification/self-check')
    expect(firstOpenablePath(permissionsOf('reporter'))).toBe('/')
    expect(firstOpenablePath([])).toBeNull()
    expect(firstOpenablePath(['indicators:read'])).toBe('/plans')
  })
})

describe('findPage', () => {
  it('finds the section of a nested path and the dashboard for /', () => {
    expect(findPage('/org-units/123')?.path).toBe('/org-units')
    expect(findPage('/')?.path).toBe('/')
    expect(findPage('/nowhere')).toBeUndefined()
  })

  it("finds a plan's pages by their routes, each lighting its menu entry", () => {
    expect(findPage('/plans/daye-2022-2024')?.menuPath).toBe('/plans')
    expect(findPage('/plans/daye-2022-2024/entry')?.menuPath).toBe('/entry')
    expect(findPage('/plans/daye-2022-2024/tasks')?.menuPath).toBe('/tasks')
    expect(findPage('/plans/daye-2022-2024/composite-index')?.menuPath).toBe('/composite-index')
  })
})

describe('buildMenuEntries', () => {
  it('gathers 规划指标, 数据填报, 重点任务 and 综合指数排名 under 指标监测 and leaves detail pages out', () => {
    const entries = buildMenuEntries(APP_PAGES)
    expect(entries.map((e) => (e.kind === 'page' ? e.page.path : e.labelKey))).toEqual([
      '/',
      'menu.indicators',
      'menu.registers',
      'menu.qualification',
      'menu.marketplace',
      '/org-units',
      '/users',
      '/audit',
    ])
    const group = entries[1]
    expect(group?.kind === 'group' && group.pages.map((p) => p.path)).toEqual([
      '/plans',
      '/entry',
      '/tasks',
      '/composite-index',
    ])
  })

  it('gathers 技术需求, 科技成果, 专家库 and the 对接 / 活动 / 合同 pages under 成果转化', () => {
    const group = buildMenuEntries(APP_PAGES).find(
      (e) => e.kind === 'group' && e.labelKey === 'menu.marketplace',
    )
    expect(group?.kind === 'group' && group.pages.map((p) => p.path)).toEqual([
      '/marketplace/needs',
      '/marketplace/results',
      '/marketplace/experts',
      '/marketplace/engagements',
      '/marketplace/events',
      '/marketplace/contracts',
    ])
  })

  it('keeps the 对接 pages from enterprise users, who may read the marketplace only', () => {
    const paths = visiblePages(permissionsOf('enterprise')).map((p) => p.path)
    expect(paths).not.toContain('/marketplace/engagements')
    expect(paths).not.toContain('/marketplace/contracts')
  })
})
