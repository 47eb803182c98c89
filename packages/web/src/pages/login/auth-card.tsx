import { Card, Flex } from 'antd'
import type { ReactNode } from 'react'
import { AppLogo } from '../../app/app-logo'
import { t } from '../../i18n/t'

/** The centred card of the pages outside the shell (登录, 修改密码), under the platform's name. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Flex vertical align="center" justify="center" className="auth-page">
      <Flex align="center" gap={12} className="auth-brand">
        <AppLogo size={44} />
        <div>
          <div className="auth-brand-title">{t('app.title')}</div>
          <div className="auth-brand-subtitle">{t('app.subtitle')}</div>
        </div>
      </Flex>
      <Card className="auth-card" title={title}>
        {children}
      </Card>
      <footer className="auth-footer">{t('auth.loginFooter')}</footer>
    </Flex>
  )
}
