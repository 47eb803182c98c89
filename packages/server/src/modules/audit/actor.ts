import type { Role } from '@kechuang/core/accounts'

/**
 * Who is acting, as every service sees it: the signed-in user with the path of its data scope, or the
 * system itself (seed, CLI). Services never read the request directly.
 */
export interface Actor {
  userId: string | null
  username: string
  displayName: string
  role: Role
  scopeOrgUnitId: string
  /** Materialised path of the scope unit; all data the actor may see has a path starting with it. */
  scopePath: string
  ip: string | null
}
