import type { PlanSummary } from '@kechuang/core/indicators'
import { useQuery } from '@tanstack/react-query'
import { Card, Flex, Table, Typography, type TableColumnsType } from 'antd'
import { Link } from 'react-router'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useIsMobile } from '../../lib/use-is-mobile'
import { plansQueryOptions } from './indicators.api'

/** 规划指标: the plans visible from the user's scope (their region's and those above it). */
export function PlanListPage() {
  // On a phone the plan's region, years and size go under its name instead of in columns.
  const isMobile = useIsMobile()
  const { data: plans, error, refetch, isLoading } = useQuery(plansQueryOptions)

  const columns: TableColumnsType<PlanSummary> = [
    {
      title: t('plans.name'),
      key: 'name',
      render: (_, plan) => (
        <Flex vertical>
          <Link to={`/plans/${plan.id}`}>{plan.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {isMobile
              ? t('plans.summaryLine', {
                  region: plan.regionName,
                  years: t('plans.yearRange', { from: plan.startYear, to: plan.endYear }),
                  count: plan.indicatorCount,
                })
              : plan.source.title}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('plans.region'), dataIndex: 'regionName', key: 'region', responsive: ['md'] },
    {
      title: t('plans.years'),
      key: 'years',
      responsive: ['md'],
      render: (_, plan) => t('plans.yearRange', { from: plan.startYear, to: plan.endYear }),
    },
    {
      title: t('plans.indicatorCount'),
      dataIndex: 'indicatorCount',
      key: 'indicatorCount',
      align: 'right',
      responsive: ['md'],
    },
    {
      title: t('plans.taskCount'),
      dataIndex: 'taskCount',
      key: 'taskCount',
      align: 'right',
      responsive: ['md'],
    },
  ]

  return (
    <PageContainer title={t('plans.title')}>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Card>
        <Table<PlanSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={plans}
          loading={isLoading}
          pagination={false}
          scroll={isMobile ? undefined : { x: 'max-content' }}
          locale={{ emptyText: t('plans.noPlans') }}
        />
      </Card>
    </PageContainer>
  )
}
