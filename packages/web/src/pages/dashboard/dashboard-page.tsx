import { ApartmentOutlined, HistoryOutlined, TeamOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Card, Col, Empty, Row, Skeleton, Statistic } from 'antd'
import type { EChartsOption } from 'echarts'
import type { ReactNode } from 'react'
import { Chart } from '../../components/chart/chart'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { useAuth } from '../../app/auth-provider'
import { t } from '../../i18n/t'
import { PlanDashboardSection } from '../indicators/plan-dashboard-section'
import { dashboardSummaryQueryOptions } from './dashboard.api'
import { orgUnitTypeChartOption, orgUnitTypeRows } from './org-unit-type-chart-option'
import { userRoleChartOption, userRoleRows } from './user-role-chart-option'

/** 驾驶舱: the figures of the user's scope. Later modules add their cards and charts below. */
export function DashboardPage() {
  const { can } = useAuth()
  const { data: summary, error, refetch, isLoading } = useQuery(dashboardSummaryQueryOptions)

  const figures: { title: string; value: number | undefined; icon: ReactNode }[] = [
    { title: t('dashboard.orgUnitCount'), value: summary?.orgUnitCount, icon: <ApartmentOutlined /> },
    { title: t('dashboard.userCount'), value: summary?.userCount, icon: <TeamOutlined /> },
    { title: t('dashboard.recentAuditCount'), value: summary?.recentAuditCount, icon: <HistoryOutlined /> },
  ]

  return (
    <PageContainer title={t('dashboard.title')}>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Row gutter={[16, 16]}>
        {figures.map(({ title, value, icon }) => (
          <Col xs={24} sm={8} key={title}>
            <Card>
              <Statistic title={title} value={value ?? '-'} prefix={icon} loading={isLoading} />
            </Card>
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('dashboard.orgUnitsByType')}
            isLoading={isLoading}
            option={
              summary && orgUnitTypeRows(summary.orgUnitCountsByType).length > 0
                ? orgUnitTypeChartOption(summary.orgUnitCountsByType)
                : undefined
            }
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('dashboard.usersByRole')}
            isLoading={isLoading}
            option={
              summary && userRoleRows(summary.userCountsByRole).length > 0
                ? userRoleChartOption(summary.userCountsByRole)
                : undefined
            }
          />
        </Col>
      </Row>
      {can('indicators:read') && <PlanDashboardSection />}
    </PageContainer>
  )
}

/** A chart in a card; `option` undefined means there is nothing to draw. */
function ChartCard({
  title,
  isLoading,
  option,
}: {
  title: string
  isLoading: boolean
  option: EChartsOption | undefined
}) {
  return (
    <Card title={title}>
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : option ? (
        <Chart option={option} />
      ) : (
        <Empty description={t('dashboard.noData')} style={{ height: 268, paddingTop: 60 }} />
      )}
    </Card>
  )
}
