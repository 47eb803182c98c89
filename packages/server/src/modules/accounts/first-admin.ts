import { asc, isNull } from 'drizzle-orm'
import { checkPasswordStrength, type Role } from '@kechuang/core/accounts'
import { tables, type Database } from '@kechuang/db'
import type { AuditService } from '../audit/audit.service'
import { generatePassword, hashPassword } from './password-hashing'
import { countUsers, insertUser } from './users.repository'

export interface AdminCredentials {
  username: string
  /** Null when the password came from the operator (env or CLI) and need not be shown. */
  oneTimePassword: string | null
}

export const FIRST_ADMIN_USERNAME = 'admin'

/**
 * Creates a system administrator scoped to the root of the org-unit tree. With a password given, it is
 * used as is (it must still meet the complexity rules); without one, a one-time password is generated
 * that has to be changed at first login.
 */
export async function createAdmin(
  db: Database,
  audit: AuditService,
  options: { username: string; displayName?: string; password?: string | undefined; role?: Role },
): Promise<AdminCredentials> {
  const generated = options.password ? null : generatePassword()
  const password = options.password ?? generated!
  const problems = checkPasswordStrength(password, options.username)
  if (problems.length) throw new Error(`管理员密码不符合要求：${problems.join('；')}`)
  const passwordHash = await hashPassword(password)
  await db.transaction(async (tx) => {
    const roots = await tx
      .select()
      .from(tables.orgUnits)
      .where(isNull(tables.orgUnits.parentId))
      .orderBy(asc(tables.orgUnits.createdAt))
      .limit(1)
    const root = roots[0]
    if (!root) throw new Error('组织机构为空：请先执行 seed 初始化数据')
    const user = await insertUser(tx, {
      username: options.username.toLowerCase(),
      displayName: options.displayName ?? '系统管理员',
      role: options.role ?? 'system_admin',
      scopeOrgUnitId: root.id,
      passwordHash,
      mustChangePassword: generated !== null,
      passwordChangedAt: generated ? null : new Date(),
    })
    await audit.record(
      tx,
      { userId: null, name: '系统', ip: null },
      {
        entityType: 'user',
        entityId: user.id,
        action: 'create',
        scopePath: root.path,
        after: { username: user.username, role: user.role, scopeOrgUnitId: root.id },
      },
    )
  })
  return { username: options.username.toLowerCase(), oneTimePassword: generated }
}

/** On a first start (no users at all) creates `admin`; otherwise does nothing and returns null. */
export async function ensureFirstAdmin(
  db: Database,
  audit: AuditService,
  password: string | undefined,
): Promise<AdminCredentials | null> {
  if ((await countUsers(db)) > 0) return null
  return createAdmin(db, audit, { username: FIRST_ADMIN_USERNAME, password })
}
