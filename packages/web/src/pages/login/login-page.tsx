import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { LoginInput } from '@kechuang/core/accounts'
import { useMutation } from '@tanstack/react-query'
import { Alert, Button, Form, Input } from 'antd'
import { useState } from 'react'
import { Navigate, useLocation } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { FullPageSpin } from '../../app/full-page-spin'
import { CHANGE_PASSWORD_PATH, type LoginRedirectState } from '../../app/paths'
import { login } from '../../app/session.api'
import { t } from '../../i18n/t'
import { describeError } from '../../lib/api-client'
import { clearErrorsOnChange, validateForm } from '../../lib/form-validation'
import { AuthCard } from './auth-card'

interface LoginFormValues {
  username?: string
  password?: string
}

export function LoginPage() {
  const { session, sessionError, signIn } = useAuth()
  const location = useLocation()
  const [form] = Form.useForm<LoginFormValues>()
  const [formError, setFormError] = useState<string | null>(null)
  const loginMutation = useMutation({
    mutationFn: login,
    onSuccess: signIn,
    // Wrong password, lockout, disabled account, rate limit: the server's message says which and what next.
    onError: (error) => setFormError(describeError(error)),
  })

  // Signed in (now or already): a one-time password must be changed first, else back to where they were.
  if (session) {
    const from = (location.state as LoginRedirectState | null)?.from
    const target = session.user.mustChangePassword
      ? CHANGE_PASSWORD_PATH
      : from
        ? `${from.pathname}${from.search}`
        : '/'
    return <Navigate to={target} replace />
  }

  // Still finding out whether a session exists: do not flash the form at someone already signed in.
  if (session === undefined && !sessionError) return <FullPageSpin />

  function handleFinish(values: LoginFormValues) {
    setFormError(null)
    const input = validateForm(form, LoginInput, {
      username: values.username ?? '',
      password: values.password ?? '',
    })
    if (input.success) loginMutation.mutate(input.data)
    else setFormError(input.formError)
  }

  return (
    <AuthCard title={t('auth.loginTitle')}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        requiredMark={false}
        onFinish={handleFinish}
        size="large"
      >
        <Form.Item name="username" label={t('auth.username')}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" block loading={loginMutation.isPending}>
            {t('auth.login')}
          </Button>
        </Form.Item>
      </Form>
    </AuthCard>
  )
}
