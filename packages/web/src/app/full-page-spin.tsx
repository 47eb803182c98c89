import { Flex, Spin } from 'antd'
import { t } from '../i18n/t'

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  )
}
