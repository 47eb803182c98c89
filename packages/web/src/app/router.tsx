import { lazy, Suspense } from 'react'
import { createBrowserRouter, Outlet } from 'react-router'
import { APP_PAGES } from './app-pages'
import { FullPageSpin } from './full-page-spin'
import { NotFoundPage } from './not-found-page'
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from './paths'
import { RequireAuth } from './require-auth'
import { RequirePermission } from './require-permission'
import { RouteError } from './route-error'

// Everything but the guards loads on demand, so the login page stays light.
const LoginPage = lazy(() => import('../pages/login/login-page').then((m) => ({ default: m.LoginPage })))
const ChangePasswordPage = lazy(() =>
  import('../pages/change-password/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
)
const AppLayout = lazy(() => import('./app-layout').then((m) => ({ default: m.AppLayout })))

function SuspenseOutlet() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Outlet />
    </Suspense>
  )
}

export const router = createBrowserRouter([
  {
    element: <SuspenseOutlet />,
    errorElement: <RouteError />,
    children: [
      { path: LOGIN_PATH, element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
          {
            element: <AppLayout />,
            children: [
              ...APP_PAGES.map(({ path, permission, component: Page }) => ({
                path,
                element: (
                  <RequirePermission permission={permission} isHome={path === '/'}>
                    <Page />
                  </RequirePermission>
                ),
              })),
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
])
