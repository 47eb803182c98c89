import { Flex, Typography } from 'antd'
import type { ReactNode } from 'react'

/** The frame of a page inside the shell: its title, the page's main actions, then the content. */
export function PageContainer({
  title,
  extra,
  children,
}: {
  title: ReactNode
  extra?: ReactNode
  children: ReactNode
}) {
  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </div>
  )
}
