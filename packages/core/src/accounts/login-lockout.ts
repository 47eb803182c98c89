export const LOGIN_MAX_FAILURES = 5
export const LOCKOUT_MINUTES = 15

export interface LoginFailureState {
  failedLoginCount: number
  lockedUntil: Date | null
}

/** Whether an automatic lockout is in force at `now`. */
export function isLockedOut(state: LoginFailureState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime()
}

/**
 * The state after one more wrong password. The fifth consecutive failure locks the account for
 * LOCKOUT_MINUTES; the counter restarts after a lockout has run out.
 */
export function registerFailedLogin(state: LoginFailureState, now: Date): LoginFailureState {
  const expired = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime()
  const failedLoginCount = (expired ? 0 : state.failedLoginCount) + 1
  if (failedLoginCount >= LOGIN_MAX_FAILURES) {
    return { failedLoginCount, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }
  }
  return { failedLoginCount, lockedUntil: expired ? null : state.lockedUntil }
}

/** Minutes (rounded up) until a lockout ends, for the message shown at login. */
export function minutesUntilUnlock(state: LoginFailureState, now: Date): number {
  if (!state.lockedUntil) return 0
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000))
}
