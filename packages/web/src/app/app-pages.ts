import { ApartmentOutlined, AuditOutlined, DashboardOutlined, TeamOutlined } from '@ant-design/icons'
import type { Permission } from '@kechuang/core/accounts'
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { MessageKey } from '../i18n/t'

export interface AppPage {
  /** Route path inside the shell; also the menu key. */
  path: string
  labelKey: MessageKey
  icon: ComponentType
  /** Needed to see the menu entry and open the page. */
  permission: Permission
  component: LazyExoticComponent<ComponentType>
}

// The pages of the app shell, in menu order: one entry gives a module its route and its menu item.
// Pages load on first visit, so the login page does not carry them.
export const APP_PAGES: readonly AppPage[] = [
  {
    path: '/',
    labelKey: 'menu.dashboard',
    icon: DashboardOutlined,
    permission: 'dashboard:read',
    component: lazy(() =>
      import('../pages/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })),
    ),
  },
  {
    path: '/org-units',
    labelKey: 'menu.orgUnits',
    icon: ApartmentOutlined,
    permission: 'org-units:read',
    component: lazy(() =>
      import('../pages/org-units/org-units-page').then((m) => ({ default: m.OrgUnitsPage })),
    ),
  },
  {
    path: '/users',
    labelKey: 'menu.users',
    icon: TeamOutlined,
    permission: 'users:read',
    component: lazy(() =>
      import('../pages/accounts/user-list-page').then((m) => ({ default: m.UserListPage })),
    ),
  },
  {
    path: '/audit',
    labelKey: 'menu.audit',
    icon: AuditOutlined,
    permission: 'audit:read',
    component: lazy(() => import('../pages/audit/audit-log-page').then((m) => ({ default: m.AuditLogPage }))),
  },
]

/** The pages a user with `permissions` may open, in menu order. */
export function visiblePages(
  permissions: readonly Permission[],
  pages: readonly AppPage[] = APP_PAGES,
): AppPage[] {
  return pages.filter((page) => permissions.includes(page.permission))
}

/** The page whose section contains `pathname` ('/org-units/x' → '/org-units'). */
export function findPage(pathname: string, pages: readonly AppPage[] = APP_PAGES): AppPage | undefined {
  const section = `/${pathname.split('/')[1] ?? ''}`
  return pages.find((page) => page.path === section)
}
