import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import {
  LOCKOUT_MINUTES,
  LOGIN_MAX_FAILURES,
  checkPasswordStrength,
  isLockedOut,
  minutesUntilUnlock,
  permissionsOf,
  registerFailedLogin,
  type ChangePasswordInput,
  type LoginInput,
  type SessionInfo,
} from '@kechuang/core/accounts'
import { commonErrors } from '@kechuang/core/errors'
import type { Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import { accountErrors } from './accounts.errors'
import { burnPasswordCheck, hashPassword, verifyPassword } from './password-hashing'
import {
  deleteExpiredSessions,
  deleteOtherSessionsOfUser,
  deleteSession,
  findSession,
  insertSession,
  touchSession,
} from './sessions.repository'
import {
  findUserByUsername,
  findUserInScope,
  toUser,
  updateUser,
  type ScopedUserRow,
} from './users.repository'

export interface SessionSettings {
  idleMinutes: number
  maxHours: number
}

export interface ClientInfo {
  ip: string | null
  userAgent: string | null
}

/** A resolved session: the actor, the session's CSRF token and whether the password must change first. */
export interface ActiveSession {
  sessionId: string
  csrfToken: string
  actor: Actor
  mustChangePassword: boolean
}

export interface AuthService {
  login(input: LoginInput, client: ClientInfo): Promise<{ token: string; info: SessionInfo }>
  logout(session: ActiveSession): Promise<void>
  /** The session behind a cookie token; throws UNAUTHENTICATED / SESSION_EXPIRED. */
  resolve(token: string | undefined, ip: string | null): Promise<ActiveSession>
  sessionInfo(session: ActiveSession): Promise<SessionInfo>
  changePassword(session: ActiveSession, input: ChangePasswordInput): Promise<SessionInfo>
  isCsrfTokenValid(session: ActiveSession, token: string | undefined): boolean
}

// Writing last_seen_at on every request would turn reads into writes; a minute's precision is enough.
const TOUCH_INTERVAL_MS = 60_000

export function createAuthService({
  db,
  audit,
  settings,
  now = () => new Date(),
}: {
  db: Database
  audit: AuditService
  settings: SessionSettings
  now?: () => Date
}): AuthService {
  const idleMs = settings.idleMinutes * 60_000

  const toActor = (user: ScopedUserRow, ip: string | null): Actor => ({
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scopeOrgUnitId: user.scopeOrgUnitId,
    scopePath: user.scopePath,
    ip,
  })

  const infoOf = (user: ScopedUserRow, csrfToken: string): SessionInfo => ({
    user: toUser(user, now()),
    permissions: permissionsOf(user.role),
    csrfToken,
    idleTimeoutMinutes: settings.idleMinutes,
  })

  return {
    async login(input, client) {
      const username = input.username.toLowerCase()
      const at = now()
      // Failed attempts are recorded even though the login itself fails, so they commit on their own.
      const outcome = await db.transaction(async (tx) => {
        const user = await findUserByUsername(tx, username, { forUpdate: true })
        if (!user) {
          await burnPasswordCheck(input.password)
          await audit.record(
            tx,
            { userId: null, name: username, ip: client.ip },
            {
              entityType: 'session',
              entityId: null,
              action: 'login_failed',
              scopePath: null,
              after: { username, reason: 'unknown_user' },
            },
          )
          return { error: accountErrors.INVALID_CREDENTIALS() }
        }
        const lockState = { failedLoginCount: user.failedLoginCount, lockedUntil: user.lockedUntil }
        if (isLockedOut(lockState, at)) {
          return { error: lockedError(minutesUntilUnlock(lockState, at)) }
        }
        if (!(await verifyPassword(user.passwordHash, input.password))) {
          const next = registerFailedLogin(lockState, at)
          await updateUser(tx, user.id, next)
          const failureActor = {
            userId: user.id,
            name: `${user.displayName}（${user.username}）`,
            ip: client.ip,
          }
          await audit.record(tx, failureActor, {
            entityType: 'user',
            entityId: user.id,
            action: 'login_failed',
            scopePath: user.scopePath,
            after: { failedLoginCount: next.failedLoginCount, lockedUntil: next.lockedUntil },
          })
          if (isLockedOut(next, at)) {
            await audit.record(tx, failureActor, {
              entityType: 'user',
              entityId: user.id,
              action: 'lock',
              scopePath: user.scopePath,
              after: { reason: `连续 ${LOGIN_MAX_FAILURES} 次密码错误`, lockedUntil: next.lockedUntil },
            })
            return { error: lockedError(LOCKOUT_MINUTES) }
          }
          const left = LOGIN_MAX_FAILURES - next.failedLoginCount
          return {
            error: accountErrors.INVALID_CREDENTIALS(
              { attemptsLeft: left },
              `用户名或密码错误，再错 ${left} 次账号将被锁定 ${LOCKOUT_MINUTES} 分钟`,
            ),
          }
        }
        if (user.isDisabled) return { error: accountErrors.ACCOUNT_DISABLED() }

        const token = randomBytes(32).toString('base64url')
        const csrfToken = randomBytes(32).toString('base64url')
        await insertSession(tx, {
          id: hashToken(token),
          userId: user.id,
          csrfToken,
          createdAt: at,
          lastSeenAt: at,
          expiresAt: new Date(at.getTime() + settings.maxHours * 3_600_000),
          ip: client.ip,
          userAgent: client.userAgent?.slice(0, 500) ?? null,
        })
        const updated = await updateUser(tx, user.id, {
          failedLoginCount: 0,
          lockedUntil: null,
          lastLoginAt: at,
        })
        await audit.record(tx, toActor(user, client.ip), {
          entityType: 'session',
          entityId: user.id,
          action: 'login',
          scopePath: user.scopePath,
          after: { userAgent: client.userAgent },
        })
        await deleteExpiredSessions(tx, at, new Date(at.getTime() - idleMs))
        return { token, info: infoOf({ ...user, ...updated }, csrfToken) }
      })
      if ('error' in outcome) throw outcome.error
      return outcome
    },

    async logout(session) {
      await db.transaction(async (tx) => {
        await deleteSession(tx, session.sessionId)
        await audit.record(tx, session.actor, {
          entityType: 'session',
          entityId: session.actor.userId,
          action: 'logout',
          scopePath: session.actor.scopePath,
        })
      })
    },

    async resolve(token, ip) {
      if (!token) throw commonErrors.UNAUTHENTICATED()
      const session = await findSession(db, hashToken(token))
      if (!session) throw commonErrors.UNAUTHENTICATED()
      const at = now()
      if (
        session.expiresAt.getTime() <= at.getTime() ||
        at.getTime() - session.lastSeenAt.getTime() > idleMs
      ) {
        await deleteSession(db, session.id)
        throw commonErrors.SESSION_EXPIRED()
      }
      const user = await findUserInScope(db, session.userId, '/')
      if (!user || user.isDisabled) {
        await deleteSession(db, session.id)
        throw commonErrors.UNAUTHENTICATED()
      }
      if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS)
        await touchSession(db, session.id, at)
      return {
        sessionId: session.id,
        csrfToken: session.csrfToken,
        actor: toActor(user, ip),
        mustChangePassword: user.mustChangePassword,
      }
    },

    async sessionInfo(session) {
      const user = await findUserInScope(db, session.actor.userId!, '/')
      if (!user) throw commonErrors.UNAUTHENTICATED()
      return infoOf(user, session.csrfToken)
    },

    async changePassword(session, input) {
      const { actor } = session
      return db.transaction(async (tx) => {
        const user = await findUserInScope(tx, actor.userId!, '/')
        if (!user) throw commonErrors.UNAUTHENTICATED()
        if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
          throw accountErrors.CURRENT_PASSWORD_WRONG()
        const problems = checkPasswordStrength(input.newPassword, user.username)
        if (problems.length) throw accountErrors.PASSWORD_TOO_WEAK(problems, problems.join('；'))
        if (input.currentPassword === input.newPassword) throw accountErrors.PASSWORD_UNCHANGED()
        const updated = await updateUser(tx, user.id, {
          passwordHash: await hashPassword(input.newPassword),
          mustChangePassword: false,
          passwordChangedAt: now(),
        })
        // Other browsers signed in with the old password are signed out.
        await deleteOtherSessionsOfUser(tx, user.id, session.sessionId)
        await audit.record(tx, actor, {
          entityType: 'user',
          entityId: user.id,
          action: 'change_password',
          scopePath: user.scopePath,
        })
        return infoOf({ ...user, ...updated }, session.csrfToken)
      })
    },

    isCsrfTokenValid(session, token) {
      if (!token) return false
      const expected = Buffer.from(session.csrfToken)
      const given = Buffer.from(token)
      return expected.length === given.length && timingSafeEqual(expected, given)
    },
  }
}

function lockedError(minutes: number) {
  return accountErrors.ACCOUNT_LOCKED(
    { minutes },
    `密码错误次数过多，账号已被锁定，请 ${minutes} 分钟后再试或联系管理员解锁`,
  )
}

/** Sessions are stored under the SHA-256 of their token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
