import { QueryClientProvider } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd'
import zhCNLocale from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { useState, type ReactNode } from 'react'
import { AuthProvider } from './auth-provider'
import { createQueryClient } from './query-client'

dayjs.locale('zh-cn')

// A sober government blue; everything else stays Ant Design's default.
const theme: ThemeConfig = {
  token: { colorPrimary: '#1f5fbf', borderRadius: 6 },
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  return (
    // autoInsertSpace off: two-character buttons read 登录 / 确定, not 登 录 / 确 定.
    <ConfigProvider locale={zhCNLocale} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>{children}</AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  )
}
