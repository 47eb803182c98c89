import { describe, expect, it } from 'vitest'
import { ROLES, canAssignRole, hasPermission } from './roles'

describe('roles', () => {
  it('lets a bureau admin grant every role but system admin', () => {
    for (const role of ROLES) expect(canAssignRole('bureau_admin', role)).toBe(role !== 'system_admin')
  })

  it('lets nobody but administrators manage accounts', () => {
    for (const actor of ROLES.filter((r) => r !== 'system_admin' && r !== 'bureau_admin')) {
      for (const role of ROLES) expect(canAssignRole(actor, role)).toBe(false)
    }
  })

  it('gives the read-only leader no write permission', () => {
    expect(hasPermission('leader', 'org-units:write')).toBe(false)
    expect(hasPermission('leader', 'users:write')).toBe(false)
    expect(hasPermission('leader', 'dashboard:read')).toBe(true)
  })
})
