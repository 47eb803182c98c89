import { Button, Result } from 'antd'
import { useRouteError } from 'react-router'
import { t } from '../i18n/t'

// Shown when a page fails to render or its code cannot be loaded (e.g. after an upgrade of the server).
export function RouteError() {
  const error = useRouteError()
  console.error(error)
  return (
    <Result
      status="error"
      title={t('app.pageLoadFailed')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      }
    />
  )
}
