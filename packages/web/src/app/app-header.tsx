import { ApartmentOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons'
import { ROLE_LABELS } from '@kechuang/core/accounts'
import { App, Button, Dropdown, Layout, Space, Tag } from 'antd'
import { Link, useNavigate } from 'react-router'
import { t } from '../i18n/t'
import { useHandleError } from '../lib/handle-error'
import { AppLogo } from './app-logo'
import { useAuth, useSession } from './auth-provider'
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from './paths'

/** Brand on the left; who is signed in, with what role and scope, and the account actions on the right. */
export function AppHeader({ isMobile, onOpenMenu }: { isMobile: boolean; onOpenMenu: () => void }) {
  const { user } = useSession()
  const { signOut } = useAuth()
  const { message } = App.useApp()
  const handleError = useHandleError()
  const navigate = useNavigate()

  async function handleLogout() {
    try {
      await signOut()
      void message.success(t('auth.loggedOut'))
    } catch (error) {
      handleError(error)
    }
    // Without `from`: the next person to sign in starts at the home page, not at the last user's page.
    await navigate(LOGIN_PATH, { replace: true })
  }

  const roleLabel = ROLE_LABELS[user.role]
  return (
    <Layout.Header className="app-header">
      {isMobile && (
        <Button
          type="text"
          className="app-header-button"
          icon={<MenuOutlined />}
          aria-label={t('app.openMenu')}
          onClick={onOpenMenu}
        />
      )}
      <Link to="/" className="app-brand">
        <AppLogo size={isMobile ? 24 : 30} />
        <span className="app-brand-title">{t('app.title')}</span>
        {!isMobile && <span className="app-brand-subtitle">{t('app.subtitle')}</span>}
      </Link>
      <div className="app-header-spacer" />
      {isMobile ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              {
                key: 'who',
                disabled: true,
                label: `${user.displayName} · ${roleLabel}`,
                extra: user.scopeOrgUnitName,
              },
              { type: 'divider' },
              { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
              { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout') },
            ],
            onClick: ({ key }) => {
              if (key === 'password') void navigate(CHANGE_PASSWORD_PATH)
              if (key === 'logout') void handleLogout()
            },
          }}
        >
          <Button
            type="text"
            className="app-header-button"
            icon={<UserOutlined />}
            aria-label={t('app.userMenu')}
          >
            <span className="app-header-name">{user.displayName}</span>
          </Button>
        </Dropdown>
      ) : (
        <Space size="middle" className="app-header-user">
          <span>
            <UserOutlined /> {user.displayName}
          </span>
          <Tag color="blue" variant="filled" className="app-header-tag">
            {roleLabel}
          </Tag>
          <span title={user.scopeOrgUnitName}>
            <ApartmentOutlined /> {user.scopeOrgUnitName}
          </span>
          <Link to={CHANGE_PASSWORD_PATH} className="app-header-link">
            <KeyOutlined /> {t('auth.changePassword')}
          </Link>
          <Button
            type="text"
            className="app-header-button"
            icon={<LogoutOutlined />}
            onClick={() => void handleLogout()}
          >
            {t('auth.logout')}
          </Button>
        </Space>
      )}
    </Layout.Header>
  )
}
