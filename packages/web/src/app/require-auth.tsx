import { Button, Result } from 'antd'
import { Navigate, Outlet, useLocation } from 'react-router'
import { t } from '../i18n/t'
import { describeError } from '../lib/api-client'
import { useAuth } from './auth-provider'
import { FullPageSpin } from './full-page-spin'
import { CHANGE_PASSWORD_PATH, LOGIN_PATH, type LoginRedirectState } from './paths'

/**
 * Routes below need a session: without one, go to the login page and come back afterwards. A user who
 * must change a one-time password can reach nothing but the change-password page (the API refuses
 * everything else with PASSWORD_CHANGE_REQUIRED anyway).
 */
export function RequireAuth() {
  const { session, sessionError, retrySession } = useAuth()
  const location = useLocation()

  if (session === undefined) {
    if (!sessionError) return <FullPageSpin />
    return (
      <Result
        status="error"
        title={describeError(sessionError)}
        extra={<Button onClick={retrySession}>{t('common.retry')}</Button>}
      />
    )
  }
  if (session === null) {
    const state: LoginRedirectState = { from: { pathname: location.pathname, search: location.search } }
    return <Navigate to={LOGIN_PATH} replace state={state} />
  }
  if (session.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />
  }
  return <Outlet />
}
