import { Alert, Button } from 'antd'
import { t } from '../../i18n/t'
import { describeError } from '../../lib/api-client'

/** A list or figure that could not be loaded: the server's reason and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={describeError(error) ?? t('common.loadFailed')}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  )
}
