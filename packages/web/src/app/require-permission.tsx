import type { Permission } from '@kechuang/core/accounts'
import { Result } from 'antd'
import type { ReactNode } from 'react'
import { Navigate } from 'react-router'
import { t } from '../i18n/t'
import { firstOpenablePath } from './app-pages'
import { useAuth } from './auth-provider'

/**
 * Shows the page only to roles with `permission`; the API checks it again on every request. The home route
 * (`isHome`) sends a role without the dashboard to the first page it may open instead of a 403, so an
 * enterprise user lands on its self-check after signing in.
 */
export function RequirePermission({
  permission,
  isHome = false,
  children,
}: {
  permission: Permission
  isHome?: boolean
  children: ReactNode
}) {
  const { can, session } = useAuth()
  if (can(permission)) return children
  const home = isHome && session ? firstOpenablePath(session.permissions) : null
  if (home) return <Navigate to={home} replace />
  return <Result status="403" title={t('app.forbidden')} subTitle={t('app.forbiddenHint')} />
}
