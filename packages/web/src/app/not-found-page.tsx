import { Button, Result } from 'antd'
import { Link } from 'react-router'
import { t } from '../i18n/t'

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      subTitle={t('app.notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  )
}
