import { Alert, Modal, Typography } from 'antd'
import { t } from '../../i18n/t'

/** Shows a password the server generated; it cannot be retrieved again once this is closed. */
export function OneTimePasswordModal({
  username,
  password,
  onClose,
}: {
  username: string
  password: string
  onClose: () => void
}) {
  return (
    <Modal
      open
      title={t('users.oneTimePasswordTitle')}
      okText={t('common.ok')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      <Typography.Paragraph>{t('users.oneTimePasswordIntro', { username })}</Typography.Paragraph>
      <Typography.Paragraph
        className="one-time-password"
        copyable={{ text: password, tooltips: [t('users.copyPassword'), t('users.copied')] }}
      >
        <span data-testid="one-time-password">{password}</span>
      </Typography.Paragraph>
      <Alert type="warning" showIcon title={t('users.oneTimePasswordWarning')} />
    </Modal>
  )
}
