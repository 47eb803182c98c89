import type { Permission } from '@kechuang/core/accounts'
import { Result } from 'antd'
import type { ReactNode } from 'react'
import { t } from '../i18n/t'
import { useAuth } from './auth-provider'

/** Shows the page only to roles with `permission`; the API checks it again on every request. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth()
  if (can(permission)) return children
  return <Result status="403" title={t('app.forbidden')} subTitle={t('app.forbiddenHint')} />
}
