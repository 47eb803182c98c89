import { Drawer, Flex, Layout, Menu, Result } from 'antd'
import { Suspense, useState } from 'react'
import { Link, Outlet, useLocation } from 'react-router'
import { t } from '../i18n/t'
import { useIsMobile } from '../lib/use-is-mobile'
import { APP_PAGES, buildMenuEntries, findPage, visiblePages, type AppPage } from './app-pages'
import { AppHeader } from './app-header'
import { useSession } from './auth-provider'
import { FullPageSpin } from './full-page-spin'

/** The shell around every signed-in page: header, side menu (a drawer on phones) and the page itself. */
export function AppLayout() {
  const session = useSession()
  const location = useLocation()
  const isMobile = useIsMobile()
  const [isDrawerOpen, setDrawerOpen] = useState(false)
  const [isCollapsed, setCollapsed] = useState(false)

  const pages = visiblePages(session.permissions, APP_PAGES)
  const current = findPage(location.pathname, pages)
  const menuEntries = buildMenuEntries(pages)
  const toItem = ({ path, labelKey, icon: Icon }: AppPage) => ({
    key: path,
    icon: <Icon />,
    label: <Link to={path}>{t(labelKey)}</Link>,
  })
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={current ? [current.menuPath ?? current.path] : []}
      defaultOpenKeys={menuEntries.flatMap((entry) => (entry.kind === 'group' ? [entry.labelKey] : []))}
      items={menuEntries.map((entry) => {
        if (entry.kind === 'page') return toItem(entry.page)
        const [first] = entry.pages
        const GroupIcon = first?.icon
        return {
          key: entry.labelKey,
          icon: GroupIcon ? <GroupIcon /> : undefined,
          label: t(entry.labelKey),
          children: entry.pages.map(toItem),
        }
      })}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  )

  return (
    <Layout className="app-layout">
      <AppHeader isMobile={isMobile} onOpenMenu={() => setDrawerOpen(true)} />
      <Layout>
        {!isMobile && (
          <Layout.Sider
            theme="light"
            width={208}
            collapsible
            collapsed={isCollapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            className="app-sider"
          >
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          {pages.length === 0 ? (
            <Result status="info" title={t('app.noModules')} />
          ) : (
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          )}
        </Layout.Content>
      </Layout>
      {isMobile && (
        <Drawer
          placement="left"
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={
            <Flex vertical>
              <span>{t('app.title')}</span>
              <span className="app-drawer-subtitle">{t('app.subtitle')}</span>
            </Flex>
          }
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
    </Layout>
  )
}
