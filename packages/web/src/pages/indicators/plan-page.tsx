import { EditOutlined, ScheduleOutlined } from '@ant-design/icons'
import { INDICATOR_NATURE_LABELS, formatRatioAsPercent, type PlanDetail } from '@kechuang/core/indicators'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import { Link, useParams } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { FullPageSpin } from '../../app/full-page-spin'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { orgUnitsQueryOptions } from '../org-units/org-units.api'
import { t } from '../../i18n/t'
import { IndicatorStatusTag } from './indicator-status-tag'
import { planQueryOptions, planStatusQueryOptions } from './indicators.api'
import { PlanContextBar, usePlanSearchParams } from './plan-context-bar'
import { PlanDownloadButtons } from './plan-download-buttons'
import { PlanSettingsButton } from './plan-settings-button'
import {
  buildPlanTableRows,
  formatIndicatorValue,
  printedTarget,
  targetYears,
  type PlanTableRow,
} from './plan-table-rows'
import { defaultPlanYear, planYears } from './pick-default-plan'

const NONE = t('common.none')

/** A plan's indicator table in its printed layout, with one unit's values and status for one year. */
export function PlanPage() {
  const { planId = '' } = useParams()
  const context = usePlanSearchParams()
  const { data: plan, error, refetch } = useQuery(planQueryOptions(planId, context.orgUnitId))
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!plan) return <FullPageSpin />
  return <PlanView plan={plan} year={context.year ?? defaultPlanYear(plan)} onChange={context.update} />
}

function PlanView({
  plan,
  year,
  onChange,
}: {
  plan: PlanDetail
  year: number
  onChange: (change: { orgUnitId?: string; year?: number }) => void
}) {
  const { can } = useAuth()
  const orgUnitId = plan.valuesOrgUnit.id
  const {
    data: status,
    error: statusError,
    refetch: refetchStatus,
  } = useQuery(planStatusQueryOptions(plan.id, { orgUnitId, year }))
  const statusRows = status?.orgUnit.id === orgUnitId && status.year === year ? status.rows : []
  const rows = buildPlanTableRows(plan.indicators, year, statusRows)
  const years = targetYears(plan.indicators)
  const isLocked = plan.lockedYears.includes(year)
  // Settings are for administrators whose scope holds the plan's region (the list is the user's subtree).
  const mayConfigure = can('plans:configure')
  const { data: unitsInScope } = useQuery({ ...orgUnitsQueryOptions, enabled: mayConfigure })
  const canConfigure = mayConfigure && (unitsInScope?.some((u) => u.id === plan.regionOrgUnitId) ?? false)
  const search = `?orgUnitId=${orgUnitId}&year=${year}`

  const columns: TableColumnsType<PlanTableRow> = [
    {
      title: t('plans.category'),
      key: 'category',
      fixed: 'start',
      width: 96,
      onCell: (row) => ({ rowSpan: row.categoryRowSpan }),
      render: (_, row) => row.indicator.category,
    },
    {
      title: t('plans.indicatorName'),
      key: 'name',
      width: 240,
      render: (_, { indicator }) => (
        <Flex vertical gap={2}>
          <span>{indicator.name}</span>
          {indicator.formula && (
            <Tooltip title={t('plans.derivedHint')}>
              <Tag style={{ width: 'fit-content' }}>{t('plans.derived')}</Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    { title: t('plans.unit'), key: 'unit', render: (_, { indicator }) => indicator.unit || NONE },
    {
      title: t('plans.nature'),
      key: 'nature',
      render: (_, { indicator }) => (indicator.nature ? INDICATOR_NATURE_LABELS[indicator.nature] : NONE),
    },
    {
      title: t('plans.baseline'),
      key: 'baseline',
      render: (_, { indicator: { baseline } }) =>
        baseline ? (
          <Flex vertical>
            <span>{baseline.valueText}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {baseline.note ?? t('plans.baselineYear', { year: baseline.year })}
            </Typography.Text>
          </Flex>
        ) : (
          NONE
        ),
    },
    ...years.map((targetYear) => ({
      title: t('plans.targetYear', { year: targetYear }),
      key: `target-${targetYear}`,
      align: 'right' as const,
      render: (_: unknown, { indicator }: PlanTableRow) =>
        printedTarget(indicator.targets, targetYear) ?? NONE,
    })),
    {
      title: t('plans.actual'),
      key: 'actual',
      align: 'right',
      render: (_, row) => {
        const value = row.actual?.value ?? row.status?.value
        const printed = row.indicator.printedActual
        if (value === undefined || value === null)
          return printed?.year === year ? (
            <Tooltip title={t('plans.printedActual')}>{printed.valueText}</Tooltip>
          ) : (
            NONE
          )
        return formatIndicatorValue(value)
      },
    },
    {
      title: t('plans.completion'),
      key: 'completion',
      align: 'right',
      render: (_, row) =>
        row.status?.completionRatio === null || row.status?.completionRatio === undefined
          ? NONE
          : formatRatioAsPercent(row.status.completionRatio),
    },
    {
      title: t('plans.status'),
      key: 'status',
      render: (_, row) => (row.status ? <IndicatorStatusTag row={row.status} /> : NONE),
    },
    {
      title: t('plans.gap'),
      key: 'gap',
      render: (_, row) => row.status?.gapText ?? NONE,
    },
  ]

  return (
    <PageContainer
      title={plan.name}
      extra={
        <Flex gap={8} wrap>
          {can('observations:report') && (
            <Link to={`/plans/${plan.id}/entry${search}`}>
              <Button icon={<EditOutlined />}>{t('plans.toEntry')}</Button>
            </Link>
          )}
          {plan.taskCount > 0 && (
            <Link to={`/plans/${plan.id}/tasks`}>
              <Button icon={<ScheduleOutlined />}>{t('plans.toTasks')}</Button>
            </Link>
          )}
          <PlanDownloadButtons planId={plan.id} query={{ orgUnitId, year }} kinds={['table', 'report']} />
          {canConfigure && <PlanSettingsButton plan={plan} />}
        </Flex>
      }
    >
      {statusError && <QueryError error={statusError} onRetry={() => void refetchStatus()} />}
      <PlanContextBar
        regionOrgUnitId={plan.regionOrgUnitId}
        orgUnitId={orgUnitId}
        year={year}
        years={planYears(plan)}
        onChange={onChange}
      />
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <span>{t('plans.valuesOf', { unit: plan.valuesOrgUnit.name, year })}</span>
            {isLocked && <Tag color="purple">{t('plans.locked')}</Tag>}
          </Flex>
        }
      >
        <Table<PlanTableRow>
          rowKey="key"
          size="small"
          bordered
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
        {plan.notes.length > 0 && (
          <div style={{ marginTop: 12 }}>
            {plan.notes.map((note) => (
              <Typography.Paragraph key={note} type="secondary" style={{ marginBottom: 4 }}>
                {note}
              </Typography.Paragraph>
            ))}
          </div>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t('plans.source', { title: plan.source.title })}
        </Typography.Paragraph>
      </Card>
    </PageContainer>
  )
}
