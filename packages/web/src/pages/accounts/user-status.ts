import type { User, UserQuery } from '@kechuang/core/accounts'
import type { MessageKey } from '../../i18n/t'

export type UserStatus = NonNullable<UserQuery['status']>

export const USER_STATUSES: readonly UserStatus[] = ['active', 'locked', 'disabled']

export const USER_STATUS_LABEL_KEYS: Record<UserStatus, MessageKey> = {
  active: 'users.statusActive',
  locked: 'users.statusLocked',
  disabled: 'users.statusDisabled',
}

export const USER_STATUS_COLORS: Record<UserStatus, string> = {
  active: 'success',
  locked: 'warning',
  disabled: 'default',
}

/**
 * 停用 (disabled by an administrator) outranks 锁定 (the automatic lockout after too many wrong passwords,
 * which the server reports only while it lasts); both are ended by 启用/解锁.
 */
export function userStatus(user: Pick<User, 'isDisabled' | 'lockedUntil'>): UserStatus {
  if (user.isDisabled) return 'disabled'
  if (user.lockedUntil !== null) return 'locked'
  return 'active'
}
