import { describe, expect, it } from 'vitest'
import { permissionsOf } from '@kechuang/core/accounts'
import { APP_PAGES, findPage, visiblePages } from './app-pages'

describe('visiblePages', () => {
  it('shows a 责任单位填报员 only the dashboard and the org-unit tree', () => {
    expect(visiblePages(permissionsOf('reporter')).map((p) => p.path)).toEqual(['/', '/org-units'])
  })

  it('shows an administrator every page, in menu order', () => {
    expect(visiblePages(permissionsOf('system_admin'))).toEqual(APP_PAGES)
  })

  it('shows nothing to a role without permissions', () => {
    expect(visiblePages(permissionsOf('enterprise'))).toEqual([])
  })
})

describe('findPage', () => {
  it('finds the section of a nested path and the dashboard for /', () => {
    expect(findPage('/org-units/123')?.path).toBe('/org-units')
    expect(findPage('/')?.path).toBe('/')
    expect(findPage('/nowhere')).toBeUndefined()
  })
})
