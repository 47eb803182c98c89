import type { IndicatorStatusRow } from '@kechuang/core/indicators'
import { useQuery } from '@tanstack/react-query'
import {
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { Chart } from '../../components/chart/chart'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useIsMobile } from '../../lib/use-is-mobile'
import { IndicatorStatusTag } from './indicator-status-tag'
import { planDashboardQueryOptions, planQueryOptions, planStatusQueryOptions } from './indicators.api'
import {
  completionGaugeChartOption,
  indicatorTrendChartOption,
  orgUnitComparisonChartOption,
  pickGaugeRows,
  pickTrend,
  statusDistributionChartOption,
  unitTaskProgressChartOption,
} from './plan-dashboard-chart-options'
import { formatIndicatorValue } from './plan-table-rows'
import { defaultPlanYear } from './pick-default-plan'
import { useDefaultPlan } from './use-default-plan'

/** 驾驶舱's plan part: one plan and year at a glance — status, key completions, lags, trends, tasks. */
export function PlanDashboardSection() {
  const isMobile = useIsMobile()
  const { plans, defaultPlan, error, refetch } = useDefaultPlan()
  const [choice, setChoice] = useState<{ planId?: string; year?: number; indicatorId?: string }>({})
  const plan = plans?.find((p) => p.id === choice.planId) ?? defaultPlan
  // The plan's values tell which year to open on (see defaultPlanYear).
  const { data: detail } = useQuery({ ...planQueryOptions(plan?.id ?? ''), enabled: Boolean(plan) })

  if (error) return <QueryError error={error} onRetry={refetch} />
  if (!plans) return <Skeleton active />
  if (!plan) return null

  if (!detail || detail.id !== plan.id) return <Skeleton active />
  const year = choice.year ?? defaultPlanYear(detail)
  const years = Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i)

  return (
    <Card
      title={t('indicatorDashboard.title')}
      extra={<Link to={`/plans/${plan.id}?year=${year}`}>{t('indicatorDashboard.openPlan')}</Link>}
      style={{ marginTop: 16 }}
    >
      <Form layout={isMobile ? 'vertical' : 'inline'} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item
          label={t('indicatorDashboard.plan')}
          htmlFor="dashboard-plan"
          style={{ marginBottom: isMobile ? 8 : 0 }}
        >
          <Select
            id="dashboard-plan"
            value={plan.id}
            onChange={(planId: string) => setChoice({ planId })}
            options={plans.map((p) => ({ value: p.id, label: p.name }))}
            style={{ width: isMobile ? '100%' : 420 }}
          />
        </Form.Item>
        <Form.Item label={t('indicatorDashboard.year')} htmlFor="dashboard-year" style={{ marginBottom: 0 }}>
          <Select<number>
            id="dashboard-year"
            value={year}
            onChange={(value) => setChoice((current) => ({ ...current, planId: plan.id, year: value }))}
            options={years.map((y) => ({ value: y, label: t('plans.yearOption', { year: y }) }))}
            style={{ width: isMobile ? '100%' : 120 }}
          />
        </Form.Item>
      </Form>
      <PlanFigures
        key={`${plan.id}-${year}`}
        planId={plan.id}
        year={year}
        indicatorId={choice.indicatorId}
        onIndicatorChange={(indicatorId) =>
          setChoice((current) => ({ ...current, planId: plan.id, year, indicatorId }))
        }
      />
    </Card>
  )
}

function PlanFigures({
  planId,
  year,
  indicatorId,
  onIndicatorChange,
}: {
  planId: string
  year: number
  indicatorId: string | undefined
  onIndicatorChange: (indicatorId: string) => void
}) {
  const dashboard = useQuery(planDashboardQueryOptions(planId, { year, indicatorId }))
  const status = useQuery(planStatusQueryOptions(planId, { year }))
  const data = dashboard.data
  if (dashboard.error) return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
  if (!data) return <Skeleton active paragraph={{ rows: 8 }} />

  const trend = pickTrend(data, indicatorId)
  const gauges = pickGaugeRows(status.data?.rows ?? [])
  const atRisk = data.counts.lagging + data.counts.seriously_lagging
  // Child units without any value for the indicator make an empty chart; leave it out then.
  const comparison = data.comparison?.units.some((u) => u.value !== null) ? data.comparison : null

  const laggingColumns: TableColumnsType<IndicatorStatusRow> = [
    { title: t('plans.indicatorName'), dataIndex: 'name', key: 'name' },
    { title: t('plans.status'), key: 'status', render: (_, row) => <IndicatorStatusTag row={row} /> },
    {
      title: t('plans.actual'),
      key: 'value',
      align: 'right',
      render: (_, row) => formatIndicatorValue(row.value) ?? t('common.none'),
    },
    {
      title: t('indicatorDashboard.target'),
      key: 'target',
      align: 'right',
      render: (_, row) => row.target?.valueText ?? t('common.none'),
    },
    { title: t('plans.gap'), key: 'gap', render: (_, row) => row.gapText ?? t('common.none') },
  ]

  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Statistic title={t('indicatorDashboard.indicatorCount')} value={data.indicatorCount} />
      </Col>
      <Col xs={12} md={6}>
        <Statistic
          title={t('indicatorDashboard.lagging')}
          value={atRisk}
          styles={{ content: { color: atRisk > 0 ? '#fa8c16' : undefined } }}
        />
      </Col>
      <Col xs={12} md={6}>
        <Statistic
          title={t('indicatorDashboard.bindingAtRisk')}
          value={data.bindingAtRisk.length}
          styles={{ content: { color: data.bindingAtRisk.length > 0 ? '#f5222d' : undefined } }}
        />
      </Col>
      <Col xs={12} md={6}>
        <Statistic
          title={t('plans.orgUnit')}
          value={data.orgUnit.name}
          styles={{ content: { fontSize: 18 } }}
        />
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('indicatorDashboard.statusDistribution')}>
          <Chart option={statusDistributionChartOption(data.counts)} height={280} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('indicatorDashboard.gauges')}>
          {gauges.length === 0 ? (
            <Empty description={t('dashboard.noData')} style={{ height: 248, paddingTop: 60 }} />
          ) : (
            <Row gutter={[8, 8]}>
              {gauges.map((row) => (
                <Col xs={12} md={6} key={row.indicatorId}>
                  <Chart option={completionGaugeChartOption(row)} height={150} />
                  <Typography.Paragraph
                    ellipsis={{ rows: 2, tooltip: row.name }}
                    style={{ textAlign: 'center', fontSize: 12, marginBottom: 0 }}
                  >
                    {row.name}
                  </Typography.Paragraph>
                </Col>
              ))}
            </Row>
          )}
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={t('indicatorDashboard.lagging')}>
          <Table<IndicatorStatusRow>
            rowKey="indicatorId"
            size="small"
            columns={laggingColumns}
            dataSource={data.lagging}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('indicatorDashboard.noLagging') }}
          />
        </Card>
      </Col>
      {trend && (
        <Col xs={24} lg={comparison ? 14 : 24}>
          <Card
            size="small"
            title={t('indicatorDashboard.trend')}
            extra={
              <Select
                aria-label={t('indicatorDashboard.trendIndicator')}
                value={trend.indicatorId}
                onChange={onIndicatorChange}
                showSearch={{ optionFilterProp: 'label' }}
                options={data.trends.map((item) => ({ value: item.indicatorId, label: item.name }))}
                style={{ width: 200 }}
                popupMatchSelectWidth={false}
              />
            }
          >
            <Chart option={indicatorTrendChartOption(trend)} height={300} />
          </Card>
        </Col>
      )}
      {comparison && (
        <Col xs={24} lg={10}>
          <Card size="small" title={t('indicatorDashboard.comparison', { name: comparison.name })}>
            <Chart
              option={orgUnitComparisonChartOption(comparison)}
              height={Math.max(300, comparison.units.length * 28)}
            />
          </Card>
        </Col>
      )}
      {data.taskProgress.length > 0 && (
        <Col xs={24}>
          <Card size="small" title={t('indicatorDashboard.taskProgress')}>
            <Flex vertical>
              <Chart
                option={unitTaskProgressChartOption(data.taskProgress)}
                height={Math.max(240, data.taskProgress.length * 28 + 60)}
              />
            </Flex>
          </Card>
        </Col>
      )}
    </Row>
  )
}
