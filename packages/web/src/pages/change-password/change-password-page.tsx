import { ChangePasswordInput, PASSWORD_RULE_TEXT, checkPasswordStrength } from '@kechuang/core/accounts'
import { useMutation } from '@tanstack/react-query'
import { Alert, App, Button, Flex, Form, Input } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { useAuth, useSession } from '../../app/auth-provider'
import { LOGIN_PATH } from '../../app/paths'
import { changePassword } from '../../app/session.api'
import { t } from '../../i18n/t'
import { clearErrorsOnChange, showServerErrors, validateForm } from '../../lib/form-validation'
import { useHandleError } from '../../lib/handle-error'
import { AuthCard } from '../login/auth-card'

interface ChangePasswordFormValues {
  currentPassword?: string
  newPassword?: string
  confirmPassword?: string
}

// Server codes that belong to one field of this form.
const FIELD_BY_CODE = {
  CURRENT_PASSWORD_WRONG: 'currentPassword',
  PASSWORD_TOO_WEAK: 'newPassword',
  PASSWORD_UNCHANGED: 'newPassword',
}

export function ChangePasswordPage() {
  const session = useSession()
  const { signIn, signOut } = useAuth()
  const { message } = App.useApp()
  const handleError = useHandleError()
  const navigate = useNavigate()
  const [form] = Form.useForm<ChangePasswordFormValues>()
  const [formError, setFormError] = useState<string | null>(null)
  const isForced = session.user.mustChangePassword

  const changeMutation = useMutation({
    mutationFn: changePassword,
    onSuccess: async (next) => {
      signIn(next)
      void message.success(t('auth.passwordChanged'))
      await navigate('/', { replace: true })
    },
    onError: (error) => setFormError(showServerErrors(form, error, FIELD_BY_CODE)),
  })

  function handleFinish(values: ChangePasswordFormValues) {
    setFormError(null)
    const input = validateForm(form, ChangePasswordInput, {
      currentPassword: values.currentPassword ?? '',
      newPassword: values.newPassword ?? '',
    })
    if (input.success) changeMutation.mutate(input.data)
    else setFormError(input.formError)
  }

  async function handleLogout() {
    try {
      await signOut()
    } catch (error) {
      handleError(error)
    }
    await navigate(LOGIN_PATH, { replace: true })
  }

  return (
    <AuthCard title={t('auth.changePassword')}>
      {isForced && (
        <Alert type="warning" showIcon title={t('auth.mustChangePassword')} style={{ marginBottom: 16 }} />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={handleFinish}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} required>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          required
          extra={PASSWORD_RULE_TEXT}
          rules={[
            {
              // The same rules as the server (core password-policy), including "must not contain the username".
              validator: async (_rule, value?: string) => {
                if (!value) return
                const problems = checkPasswordStrength(value, session.user.username)
                if (problems.length > 0) throw new Error(problems.join('；'))
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          required
          dependencies={['newPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value?: string) => {
                if (value !== getFieldValue('newPassword')) throw new Error(t('auth.passwordMismatch'))
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Flex gap={12} align="center" justify="space-between" wrap>
          <Button type="primary" htmlType="submit" loading={changeMutation.isPending}>
            {t('common.ok')}
          </Button>
          <Flex gap={4}>
            {!isForced && (
              <Button type="link" onClick={() => void navigate('/')}>
                {t('app.backHome')}
              </Button>
            )}
            <Button type="link" onClick={() => void handleLogout()}>
              {t('auth.logout')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </AuthCard>
  )
}
