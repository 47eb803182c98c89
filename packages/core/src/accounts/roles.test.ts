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

  it('lets a reporter enter values and task progress but not lock a period', () => {
    expect(hasPermission('reporter', 'observations:report')).toBe(true)
    expect(hasPermission('reporter', 'tasks:report')).toBe(true)
    expect(hasPermission('reporter', 'periods:lock')).toBe(false)
  })

  it('lets bureau staff and admins lock periods, and the leader only read plans', () => {
    expect(hasPermission('bureau_staff', 'periods:lock')).toBe(true)
    expect(hasPermission('bureau_admin', 'periods:lock')).toBe(true)
    expect(hasPermission('leader', 'indicators:read')).toBe(true)
    expect(hasPermission('leader', 'observations:report')).toBe(false)
    expect(hasPermission('leader', 'periods:lock')).toBe(false)
  })

  it('gives enterprise, expert and institution accounts no access to plans yet', () => {
    for (const role of ['enterprise', 'expert', 'institution'] as const)
      expect(hasPermission(role, 'indicators:read')).toBe(false)
  })

  it('lets every role self-check its figures and only the bureau run screenings', () => {
    for (const role of ROLES) expect(hasPermission(role, 'qualification:self-check')).toBe(true)
    for (const role of ROLES)
      expect(hasPermission(role, 'qualification:screen')).toBe(
        ['system_admin', 'bureau_admin', 'bureau_staff'].includes(role),
      )
  })

  it('lets enterprises and institutions publish to the marketplace and only the bureau manage it', () => {
    for (const role of ['enterprise', 'institution', 'bureau_staff'] as const)
      expect(hasPermission(role, 'marketplace:publish')).toBe(true)
    expect(hasPermission('expert', 'marketplace:publish')).toBe(false)
    for (const role of ROLES)
      expect(hasPermission(role, 'marketplace:manage')).toBe(
        ['system_admin', 'bureau_admin', 'bureau_staff'].includes(role),
      )
  })

  it('shows the 对接 pipeline and the contract registry to the bureau and its leaders only', () => {
    for (const role of ROLES)
      expect(hasPermission(role, 'marketplace:deals')).toBe(
        ['system_admin', 'bureau_admin', 'bureau_staff', 'leader'].includes(role),
      )
  })

  it('lets only administrators change how a plan is judged (path model, status thresholds)', () => {
    for (const role of ROLES)
      expect(hasPermission(role, 'plans:configure')).toBe(role === 'system_admin' || role === 'bureau_admin')
  })
})
