import {
  canAssignRole,
  checkPasswordStrength,
  type Role,
  type User,
  type UserCreateInput,
  type UserPage,
  type UserQuery,
  type UserUpdateInput,
  type UserWithPassword,
} from '@kechuang/core/accounts'
import { isUniqueViolation, type Database, type Executor } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import type { OrgUnitsService } from '../org-units/org-units.service'
import { accountErrors } from './accounts.errors'
import { generatePassword, hashPassword } from './password-hashing'
import { deleteSessionsOfUser } from './sessions.repository'
import {
  countUsersByRole,
  findUserInScope,
  insertUser,
  listUsersInScope,
  toUser,
  updateUser,
  type ScopedUserRow,
} from './users.repository'

export interface AccountsService {
  list(actor: Actor, query: UserQuery): Promise<UserPage>
  countByRole(actor: Actor): Promise<Record<string, number>>
  get(actor: Actor, id: string): Promise<User>
  create(actor: Actor, input: UserCreateInput): Promise<UserWithPassword>
  update(actor: Actor, id: string, input: UserUpdateInput): Promise<User>
  resetPassword(actor: Actor, id: string, password: string | undefined): Promise<UserWithPassword>
  lock(actor: Actor, id: string): Promise<User>
  unlock(actor: Actor, id: string): Promise<User>
}

/**
 * User management by administrators, always inside the administrator's own scope. Checks that call other
 * services run before the transaction: the embedded database has one connection, so a query outside an
 * open transaction would wait for it forever.
 */
export function createAccountsService({
  db,
  audit,
  orgUnits,
  now = () => new Date(),
}: {
  db: Database
  audit: AuditService
  orgUnits: Pick<OrgUnitsService, 'findInScope'>
  now?: () => Date
}): AccountsService {
  /** The target user, if the actor may manage it: inside the scope and of a role the actor may grant. */
  const requireManageable = async (tx: Executor, actor: Actor, id: string): Promise<ScopedUserRow> => {
    const user = await findUserInScope(tx, id, actor.scopePath)
    if (!user) throw accountErrors.USER_NOT_FOUND({ id })
    if (!canAssignRole(actor.role, user.role)) throw accountErrors.ROLE_NOT_ASSIGNABLE({ role: user.role })
    return user
  }
  const requireAssignable = async (actor: Actor, role: Role, scopeOrgUnitId: string) => {
    if (!canAssignRole(actor.role, role)) throw accountErrors.ROLE_NOT_ASSIGNABLE({ role })
    if (!(await orgUnits.findInScope(actor, scopeOrgUnitId)))
      throw accountErrors.SCOPE_NOT_FOUND({ scopeOrgUnitId })
  }
  const reload = async (tx: Executor, id: string) => (await findUserInScope(tx, id, '/'))!
  const record = (
    tx: Executor,
    actor: Actor,
    action: 'create' | 'update' | 'lock' | 'unlock' | 'reset_password',
    before: ScopedUserRow | null,
    after: ScopedUserRow,
  ) =>
    audit.record(tx, actor, {
      entityType: 'user',
      entityId: after.id,
      action,
      scopePath: after.scopePath,
      before: before && toUser(before, now()),
      after: toUser(after, now()),
    })

  return {
    list: (actor, query) => listUsersInScope(db, actor.scopePath, query, now()),
    countByRole: (actor) => countUsersByRole(db, actor.scopePath),

    async get(actor, id) {
      const user = await findUserInScope(db, id, actor.scopePath)
      if (!user) throw accountErrors.USER_NOT_FOUND({ id })
      return toUser(user, now())
    },

    async create(actor, input) {
      await requireAssignable(actor, input.role, input.scopeOrgUnitId)
      const temporaryPassword = input.password ? null : generatePassword()
      const password = input.password ?? temporaryPassword!
      assertStrongPassword(password, input.username)
      const passwordHash = await hashPassword(password)
      try {
        return await db.transaction(async (tx) => {
          const row = await insertUser(tx, {
            username: input.username,
            displayName: input.displayName,
            role: input.role,
            scopeOrgUnitId: input.scopeOrgUnitId,
            phone: input.phone ?? null,
            email: input.email ?? null,
            passwordHash,
            mustChangePassword: true,
          })
          const created = await reload(tx, row.id)
          await record(tx, actor, 'create', null, created)
          return { user: toUser(created, now()), temporaryPassword }
        })
      } catch (error) {
        if (isUniqueViolation(error, 'users_username_uq'))
          throw accountErrors.USERNAME_TAKEN({ username: input.username })
        throw error
      }
    },

    async update(actor, id, input) {
      const current = await requireManageable(db, actor, id)
      const changesAccess =
        (input.role !== undefined && input.role !== current.role) ||
        (input.scopeOrgUnitId !== undefined && input.scopeOrgUnitId !== current.scopeOrgUnitId)
      if (changesAccess) {
        if (id === actor.userId) throw accountErrors.CANNOT_CHANGE_SELF()
        await requireAssignable(
          actor,
          input.role ?? current.role,
          input.scopeOrgUnitId ?? current.scopeOrgUnitId,
        )
      }
      return db.transaction(async (tx) => {
        const before = await requireManageable(tx, actor, id)
        await updateUser(tx, id, input)
        // New rights take effect at the next sign-in; old sessions must not keep the old ones.
        if (changesAccess) await deleteSessionsOfUser(tx, id)
        const after = await reload(tx, id)
        await record(tx, actor, 'update', before, after)
        return toUser(after, now())
      })
    },

    async resetPassword(actor, id, password) {
      const temporaryPassword = password ? null : generatePassword()
      return db.transaction(async (tx) => {
        const before = await requireManageable(tx, actor, id)
        if (id === actor.userId)
          throw accountErrors.CANNOT_CHANGE_SELF(undefined, '请在“修改密码”中修改自己的密码')
        const newPassword = password ?? temporaryPassword!
        assertStrongPassword(newPassword, before.username)
        await updateUser(tx, id, {
          passwordHash: await hashPassword(newPassword),
          mustChangePassword: true,
          failedLoginCount: 0,
          lockedUntil: null,
        })
        await deleteSessionsOfUser(tx, id)
        const after = await reload(tx, id)
        await record(tx, actor, 'reset_password', before, after)
        return { user: toUser(after, now()), temporaryPassword }
      })
    },

    async lock(actor, id) {
      return db.transaction(async (tx) => {
        const before = await requireManageable(tx, actor, id)
        if (id === actor.userId) throw accountErrors.CANNOT_CHANGE_SELF()
        await updateUser(tx, id, { isDisabled: true })
        await deleteSessionsOfUser(tx, id)
        const after = await reload(tx, id)
        await record(tx, actor, 'lock', before, after)
        return toUser(after, now())
      })
    },

    async unlock(actor, id) {
      return db.transaction(async (tx) => {
        const before = await requireManageable(tx, actor, id)
        // Clears both the administrator's lock and an automatic lockout after wrong passwords.
        await updateUser(tx, id, { isDisabled: false, failedLoginCount: 0, lockedUntil: null })
        const after = await reload(tx, id)
        await record(tx, actor, 'unlock', before, after)
        return toUser(after, now())
      })
    },
  }
}

function assertStrongPassword(password: string, username: string): void {
  const problems = checkPasswordStrength(password, username)
  if (problems.length) throw accountErrors.PASSWORD_TOO_WEAK(problems, problems.join('；'))
}
