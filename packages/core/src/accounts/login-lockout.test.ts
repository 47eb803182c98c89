import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  LOCKOUT_MINUTES,
  LOGIN_MAX_FAILURES,
  isLockedOut,
  minutesUntilUnlock,
  registerFailedLogin,
  type LoginFailureState,
} from './login-lockout'

const fresh: LoginFailureState = { failedLoginCount: 0, lockedUntil: null }
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 21, 8, 0) + minutes * 60_000)

function failTimes(times: number, start = fresh, when = at(0)): LoginFailureState {
  let state = start
  for (let i = 0; i < times; i++) state = registerFailedLogin(state, when)
  return state
}

describe('login lockout', () => {
  it(`locks the account on the ${LOGIN_MAX_FAILURES}th consecutive failure, for ${LOCKOUT_MINUTES} minutes`, () => {
    const before = failTimes(LOGIN_MAX_FAILURES - 1)
    expect(isLockedOut(before, at(0))).toBe(false)
    const locked = registerFailedLogin(before, at(0))
    expect(isLockedOut(locked, at(0))).toBe(true)
    expect(isLockedOut(locked, at(LOCKOUT_MINUTES - 0.01))).toBe(true)
    expect(isLockedOut(locked, at(LOCKOUT_MINUTES))).toBe(false)
    expect(minutesUntilUnlock(locked, at(0))).toBe(LOCKOUT_MINUTES)
  })

  it('starts counting again after a lockout has run out', () => {
    const locked = failTimes(LOGIN_MAX_FAILURES)
    const after = registerFailedLogin(locked, at(LOCKOUT_MINUTES + 1))
    expect(after).toEqual({ failedLoginCount: 1, lockedUntil: null })
  })

  it('is never locked with fewer failures than the maximum (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: LOGIN_MAX_FAILURES - 1 }), (n) => {
        expect(isLockedOut(failTimes(n), at(0))).toBe(false)
      }),
    )
  })
})
