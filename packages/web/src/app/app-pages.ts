import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EditOutlined,
  ExperimentOutlined,
  BulbOutlined,
  CalendarOutlined,
  FileDoneOutlined,
  NodeIndexOutlined,
  SolutionOutlined,
  UserOutlined,
  FileSearchOutlined,
  FundOutlined,
  ImportOutlined,
  RiseOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import type { Permission } from '@kechuang/core/accounts'
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import { matchPath } from 'react-router'
import type { MessageKey } from '../i18n/t'

export interface AppPage {
  /** Route path inside the shell; also the menu key. */
  path: string
  labelKey: MessageKey
  icon: ComponentType
  /** Needed to see the menu entry and open the page. */
  permission: Permission
  component: LazyExoticComponent<ComponentType>
  /** The menu group the entry sits in (指标监测); consecutive pages of one group share a submenu. */
  groupKey?: MessageKey
  /** A page opened from another one (a plan's detail) has no menu entry; it highlights this one instead. */
  menuPath?: string
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
    path: '/plans',
    labelKey: 'menu.plans',
    icon: FundOutlined,
    permission: 'indicators:read',
    groupKey: 'menu.indicators',
    component: lazy(() =>
      import('../pages/indicators/plan-list-page').then((m) => ({ default: m.PlanListPage })),
    ),
  },
  {
    path: '/entry',
    labelKey: 'menu.dataEntry',
    icon: EditOutlined,
    permission: 'observations:report',
    groupKey: 'menu.indicators',
    component: lazy(() =>
      import('../pages/indicators/default-plan-redirect').then((m) => ({ default: m.DefaultPlanRedirect })),
    ),
  },
  {
    path: '/tasks',
    labelKey: 'menu.tasks',
    icon: ScheduleOutlined,
    permission: 'indicators:read',
    groupKey: 'menu.indicators',
    component: lazy(() =>
      import('../pages/indicators/default-plan-redirect').then((m) => ({ default: m.DefaultPlanRedirect })),
    ),
  },
  {
    path: '/composite-index',
    labelKey: 'menu.compositeIndex',
    icon: BarChartOutlined,
    permission: 'indicators:read',
    groupKey: 'menu.indicators',
    component: lazy(() =>
      import('../pages/indicators/default-plan-redirect').then((m) => ({ default: m.DefaultPlanRedirect })),
    ),
  },
  {
    path: '/plans/:planId',
    labelKey: 'menu.plans',
    icon: FundOutlined,
    permission: 'indicators:read',
    menuPath: '/plans',
    component: lazy(() => import('../pages/indicators/plan-page').then((m) => ({ default: m.PlanPage }))),
  },
  {
    path: '/plans/:planId/entry',
    labelKey: 'menu.dataEntry',
    icon: EditOutlined,
    permission: 'observations:report',
    menuPath: '/entry',
    component: lazy(() =>
      import('../pages/indicators/data-entry-page').then((m) => ({ default: m.DataEntryPage })),
    ),
  },
  {
    path: '/plans/:planId/tasks',
    labelKey: 'menu.tasks',
    icon: ScheduleOutlined,
    permission: 'indicators:read',
    menuPath: '/tasks',
    component: lazy(() =>
      import('../pages/indicators/task-list-page').then((m) => ({ default: m.TaskListPage })),
    ),
  },
  {
    path: '/plans/:planId/composite-index',
    labelKey: 'menu.compositeIndex',
    icon: BarChartOutlined,
    permission: 'indicators:read',
    menuPath: '/composite-index',
    component: lazy(() =>
      import('../pages/indicators/composite-index-page').then((m) => ({ default: m.CompositeIndexPage })),
    ),
  },
  {
    path: '/enterprises',
    labelKey: 'menu.enterprises',
    icon: BankOutlined,
    permission: 'registers:read',
    groupKey: 'menu.registers',
    component: lazy(() =>
      import('../pages/registers/enterprise-list-page').then((m) => ({ default: m.EnterpriseListPage })),
    ),
  },
  {
    path: '/enterprises/:id',
    labelKey: 'menu.enterprises',
    icon: BankOutlined,
    permission: 'registers:read',
    menuPath: '/enterprises',
    component: lazy(() =>
      import('../pages/registers/enterprise-profile-page').then((m) => ({
        default: m.EnterpriseProfilePage,
      })),
    ),
  },
  {
    path: '/register-imports',
    labelKey: 'menu.registerImports',
    icon: ImportOutlined,
    permission: 'registers:write',
    groupKey: 'menu.registers',
    component: lazy(() =>
      import('../pages/registers/import-wizard-page').then((m) => ({ default: m.ImportWizardPage })),
    ),
  },
  {
    path: '/register-review',
    labelKey: 'menu.registerReview',
    icon: AuditOutlined,
    permission: 'registers:write',
    groupKey: 'menu.registers',
    component: lazy(() =>
      import('../pages/registers/review-queue-page').then((m) => ({ default: m.ReviewQueuePage })),
    ),
  },
  {
    path: '/libraries',
    labelKey: 'menu.libraries',
    icon: DatabaseOutlined,
    permission: 'registers:read',
    groupKey: 'menu.registers',
    component: lazy(() =>
      import('../pages/registers/library-page').then((m) => ({ default: m.LibraryPage })),
    ),
  },
  {
    path: '/ladder',
    labelKey: 'menu.ladder',
    icon: RiseOutlined,
    permission: 'registers:read',
    groupKey: 'menu.registers',
    component: lazy(() => import('../pages/registers/ladder-page').then((m) => ({ default: m.LadderPage }))),
  },
  {
    path: '/qualification/screenings',
    labelKey: 'menu.qualificationScreenings',
    icon: FileSearchOutlined,
    permission: 'registers:read',
    groupKey: 'menu.qualification',
    component: lazy(() =>
      import('../pages/qualification/screening-page').then((m) => ({ default: m.ScreeningPage })),
    ),
  },
  {
    path: '/qualification/self-check',
    labelKey: 'menu.qualificationSelfCheck',
    icon: ExperimentOutlined,
    permission: 'qualification:self-check',
    groupKey: 'menu.qualification',
    component: lazy(() =>
      import('../pages/qualification/self-check-page').then((m) => ({ default: m.SelfCheckPage })),
    ),
  },
  {
    path: '/marketplace/needs',
    labelKey: 'menu.techNeeds',
    icon: SolutionOutlined,
    permission: 'marketplace:read',
    groupKey: 'menu.marketplace',
    component: lazy(() =>
      import('../pages/marketplace/tech-need-list-page').then((m) => ({ default: m.TechNeedListPage })),
    ),
  },
  {
    path: '/marketplace/results',
    labelKey: 'menu.techResults',
    icon: BulbOutlined,
    permission: 'marketplace:read',
    groupKey: 'menu.marketplace',
    component: lazy(() =>
      import('../pages/marketplace/tech-result-list-page').then((m) => ({ default: m.TechResultListPage })),
    ),
  },
  {
    path: '/marketplace/experts',
    labelKey: 'menu.experts',
    icon: UserOutlined,
    permission: 'marketplace:read',
    groupKey: 'menu.marketplace',
    component: lazy(() =>
      import('../pages/marketplace/expert-list-page').then((m) => ({ default: m.ExpertListPage })),
    ),
  },
  {
    path: '/marketplace/engagements',
    labelKey: 'menu.engagements',
    icon: NodeIndexOutlined,
    permission: 'marketplace:deals',
    groupKey: 'menu.marketplace',
    component: lazy(() =>
      import('../pages/marketplace/engagement-board-page').then((m) => ({ default: m.EngagementBoardPage })),
    ),
  },
  {
    path: '/marketplace/events',
    labelKey: 'menu.techEvents',
    icon: CalendarOutlined,
    permission: 'marketplace:deals',
    groupKey: 'menu.marketplace',
    component: lazy(() =>
      import('../pages/marketplace/tech-event-list-page').then((m) => ({ default: m.TechEventListPage })),
    ),
  },
  {
    path: '/marketplace/contracts',
    labelKey: 'menu.techContracts',
    icon: FileDoneOutlined,
    permission: 'marketplace:deals',
    groupKey: 'menu.marketplace',
    component: lazy(() =>
      import('../pages/marketplace/tech-contract-page').then((m) => ({ default: m.TechContractPage })),
    ),
  },
  {
    path: '/marketplace/needs/:id',
    labelKey: 'menu.techNeeds',
    icon: SolutionOutlined,
    permission: 'marketplace:read',
    menuPath: '/marketplace/needs',
    component: lazy(() =>
      import('../pages/marketplace/tech-need-detail-page').then((m) => ({ default: m.TechNeedDetailPage })),
    ),
  },
  {
    path: '/marketplace/results/:id',
    labelKey: 'menu.techResults',
    icon: BulbOutlined,
    permission: 'marketplace:read',
    menuPath: '/marketplace/results',
    component: lazy(() =>
      import('../pages/marketplace/tech-result-detail-page').then((m) => ({
        default: m.TechResultDetailPage,
      })),
    ),
  },
  {
    path: '/marketplace/experts/:id',
    labelKey: 'menu.experts',
    icon: UserOutlined,
    permission: 'marketplace:read',
    menuPath: '/marketplace/experts',
    component: lazy(() =>
      import('../pages/marketplace/expert-detail-page').then((m) => ({ default: m.ExpertDetailPage })),
    ),
  },
  {
    path: '/marketplace/events/:id',
    labelKey: 'menu.techEvents',
    icon: CalendarOutlined,
    permission: 'marketplace:deals',
    menuPath: '/marketplace/events',
    component: lazy(() =>
      import('../pages/marketplace/tech-event-detail-page').then((m) => ({ default: m.TechEventDetailPage })),
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

/**
 * The page showing `pathname`: the page whose route matches ('/plans/x/entry' → '/plans/:planId/entry'),
 * else the one whose section contains it ('/org-units/x' → '/org-units').
 */
export function findPage(pathname: string, pages: readonly AppPage[] = APP_PAGES): AppPage | undefined {
  const matched = pages.find((page) => matchPath(page.path, pathname))
  if (matched) return matched
  const section = `/${pathname.split('/')[1] ?? ''}`
  return pages.find((page) => page.path === section)
}

/**
 * Where "/" leads a user who may not open the dashboard (an enterprise user): the first menu page they may
 * open, or null when there is none.
 */
export function firstOpenablePath(permissions: readonly Permission[], pages: readonly AppPage[] = APP_PAGES) {
  return (
    visiblePages(permissions, pages).find((page) => !page.menuPath && !page.path.includes(':'))?.path ?? null
  )
}

export type MenuEntry =
  { kind: 'page'; page: AppPage } | { kind: 'group'; labelKey: MessageKey; pages: AppPage[] }

/** The menu: pages that have an entry, in order, with each group's pages gathered under the group. */
export function buildMenuEntries(pages: readonly AppPage[]): MenuEntry[] {
  const entries: MenuEntry[] = []
  for (const page of pages) {
    if (page.menuPath) continue
    const last = entries.at(-1)
    if (!page.groupKey) entries.push({ kind: 'page', page })
    else if (last?.kind === 'group' && last.labelKey === page.groupKey) last.pages.push(page)
    else entries.push({ kind: 'group', labelKey: page.groupKey, pages: [page] })
  }
  return entries
}
