import { describe, expect, it } from 'vitest'
import { userStatus } from './user-status'

describe('userStatus', () => {
  it('is 正常 for an enabled account without a lockout', () => {
    expect(userStatus({ isDisabled: false, lockedUntil: null })).toBe('active')
  })

  it('is 锁定 while an automatic lockout lasts', () => {
    expect(userStatus({ isDisabled: false, lockedUntil: '2026-11-21T20:20:00.000Z' })).toBe('locked')
  })

  it('is 停用 for a disabled account, even while it is also locked out', () => {
    expect(userStatus({ isDisabled: true, lockedUntil: '2026-11-21T20:20:00.000Z' })).toBe('disabled')
  })
})
