import {
  LADDER_STEPS_TOP_DOWN,
  LADDER_STEP_LABELS,
  LADDER_YEARS_MAX,
  type LadderFlow,
  type LadderStep,
} from '@kechuang/core/registers'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Col, Empty, Flex, Row, Select, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useSession } from '../../app/auth-provider'
import { Chart } from '../../components/chart/chart'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import {
  ladderCountRows,
  ladderSankeyOption,
  ladderStepLabel,
  ladderTrendOption,
  regionBreakdownRows,
  sortFlows,
  summarizeMovement,
  type LadderCountRow,
  type RegionBreakdownRow,
} from './ladder-chart-options'
import { LadderEnterprisesDrawer, type LadderCell } from './ladder-enterprises-drawer'
import { ladderCountsQueryOptions, ladderMovementQueryOptions } from './ladder-steps.api'

// The last full year is the default end; five years back is the default start.
const lastFullYear = new Date().getFullYear() - 1
const DEFAULT_SPAN_YEARS = 5
const yearOptions = Array.from({ length: 20 }, (_, i) => lastFullYear + 1 - i).map((year) => ({
  value: year,
  label: String(year),
}))

/** 梯次培育: counts per step × year for a region, its breakdown by child region, and the movement between years. */
export function LadderPage() {
  const session = useSession()
  const [orgUnitId, setOrgUnitId] = useState<string>(session.user.scopeOrgUnitId)
  const [fromYear, setFromYear] = useState(lastFullYear - DEFAULT_SPAN_YEARS + 1)
  const [toYear, setToYear] = useState(lastFullYear)
  const [movementYears, setMovementYears] = useState({ from: lastFullYear - 1, to: lastFullYear })
  const [cell, setCell] = useState<LadderCell | null>(null)

  const counts = useQuery(ladderCountsQueryOptions({ orgUnitId, fromYear, toYear }))
  const movement = useQuery(
    ladderMovementQueryOptions({ orgUnitId, fromYear: movementYears.from, toYear: movementYears.to }),
  )
  const region = counts.data?.region
  const [breakdownYear, setBreakdownYear] = useState<number | null>(null)
  const shownBreakdownYear = breakdownYear ?? toYear

  const open = (year: number, step: LadderStep, unit = region) =>
    unit && setCell({ orgUnitId: unit.id, regionName: unit.name, year, step })
  const countButton = (count: number, onClick: () => void) =>
    count === 0 ? (
      <Typography.Text type="secondary">0</Typography.Text>
    ) : (
      <Button type="link" size="small" onClick={onClick} style={{ padding: 0 }}>
        {count}
      </Button>
    )

  const years = counts.data?.years ?? []
  const countColumns: TableColumnsType<LadderCountRow> = [
    { title: t('libraries.ladder.step'), dataIndex: 'label', key: 'label', fixed: 'start' },
    ...years.map((year) => ({
      title: String(year),
      key: String(year),
      align: 'right' as const,
      render: (_: unknown, row: LadderCountRow) => {
        const count = row.byYear[year] ?? 0
        return row.step === 'total' ? count : countButton(count, () => open(year, row.step as LadderStep))
      },
    })),
  ]
  const breakdownColumns: TableColumnsType<RegionBreakdownRow> = [
    { title: t('libraries.region'), dataIndex: 'orgUnitName', key: 'name', fixed: 'start' },
    ...LADDER_STEPS_TOP_DOWN.map((step) => ({
      title: LADDER_STEP_LABELS[step],
      key: step,
      align: 'right' as const,
      render: (_: unknown, row: RegionBreakdownRow) =>
        countButton(row.byStep[step], () =>
          open(shownBreakdownYear, step, { id: row.orgUnitId, name: row.orgUnitName }),
        ),
    })),
    { title: t('libraries.ladder.total'), dataIndex: 'total', key: 'total', align: 'right' },
  ]
  const flowColumns: TableColumnsType<LadderFlow> = [
    {
      title: t('libraries.ladder.flowFrom', { year: movementYears.from }),
      key: 'from',
      render: (_, flow) => ladderStepLabel(flow.from),
    },
    {
      title: t('libraries.ladder.flowTo', { year: movementYears.to }),
      key: 'to',
      render: (_, flow) => ladderStepLabel(flow.to),
    },
    {
      title: t('libraries.ladder.count'),
      key: 'count',
      align: 'right',
      render: (_, flow) =>
        countButton(flow.count, () => {
          if (!movement.data) return
          const { region: unit } = movement.data
          // A flow into 未在梯次 is listed by its starting step, the others by where they arrived.
          setCell(
            flow.to === 'none'
              ? {
                  orgUnitId: unit.id,
                  regionName: unit.name,
                  year: movementYears.from,
                  step: flow.from,
                  compare: { year: movementYears.to, step: 'none' },
                }
              : {
                  orgUnitId: unit.id,
                  regionName: unit.name,
                  year: movementYears.to,
                  step: flow.to,
                  compare: { year: movementYears.from, step: flow.from },
                },
          )
        }),
    },
  ]
  const summary = movement.data ? summarizeMovement(movement.data.flows) : null

  return (
    <PageContainer title={t('libraries.ladder.title')}>
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <OrgUnitTreeSelect
            aria-label={t('libraries.ladder.region')}
            value={orgUnitId}
            onChange={(id) => id && setOrgUnitId(id)}
            style={{ minWidth: 220 }}
          />
          <Select<number>
            aria-label={t('libraries.ladder.fromYear')}
            value={fromYear}
            onChange={(year) => {
              setFromYear(year)
              if (toYear < year || toYear - year >= LADDER_YEARS_MAX) setToYear(year)
            }}
            options={yearOptions}
          />
          <span>—</span>
          <Select<number>
            aria-label={t('libraries.ladder.toYear')}
            value={toYear}
            onChange={(year) => {
              setToYear(year)
              if (fromYear > year || year - fromYear >= LADDER_YEARS_MAX) setFromYear(year)
            }}
            options={yearOptions}
          />
        </Flex>
      </Card>
      {counts.error && <QueryError error={counts.error} onRetry={() => void counts.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('libraries.ladder.countsTitle')} loading={!counts.data}>
            {counts.data && (
              <Table<LadderCountRow>
                rowKey="step"
                size="small"
                columns={countColumns}
                dataSource={ladderCountRows(counts.data)}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('libraries.ladder.trendTitle')} loading={!counts.data}>
            {counts.data && <Chart option={ladderTrendOption(counts.data)} height={320} />}
          </Card>
        </Col>
        <Col span={24}>
          <Card
            title={t('libraries.ladder.byRegionTitle', { year: shownBreakdownYear })}
            extra={
              <Select<number>
                size="small"
                value={shownBreakdownYear}
                onChange={setBreakdownYear}
                options={years.map((year) => ({ value: year, label: String(year) }))}
              />
            }
            loading={!counts.data}
          >
            {counts.data && (
              <Table<RegionBreakdownRow>
                rowKey="orgUnitId"
                size="small"
                columns={breakdownColumns}
                dataSource={regionBreakdownRows(counts.data, shownBreakdownYear)}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card
            title={t('libraries.ladder.movementTitle')}
            extra={
              <Flex gap={8} align="center">
                <span>{t('libraries.ladder.movementFrom')}</span>
                <Select<number>
                  size="small"
                  value={movementYears.from}
                  onChange={(from) => setMovementYears((y) => ({ from, to: Math.max(y.to, from + 1) }))}
                  options={yearOptions.slice(1)}
                />
                <span>{t('libraries.ladder.movementTo')}</span>
                <Select<number>
                  size="small"
                  value={movementYears.to}
                  onChange={(to) => setMovementYears((y) => ({ to, from: Math.min(y.from, to - 1) }))}
                  options={yearOptions}
                />
              </Flex>
            }
          >
            {movement.error && <QueryError error={movement.error} onRetry={() => void movement.refetch()} />}
            {summary && (
              <Typography.Paragraph>{t('libraries.ladder.summary', { ...summary })}</Typography.Paragraph>
            )}
            {movement.data && movement.data.flows.length === 0 && (
              <Empty description={t('libraries.ladder.noMovement')} />
            )}
            {movement.data && movement.data.flows.length > 0 && (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={14}>
                  <Chart option={ladderSankeyOption(movement.data)} height={420} />
                </Col>
                <Col xs={24} xl={10}>
                  <Table<LadderFlow>
                    rowKey={(flow) => `${flow.from}>${flow.to}`}
                    size="small"
                    columns={flowColumns}
                    dataSource={sortFlows(movement.data.flows)}
                    pagination={false}
                  />
                </Col>
              </Row>
            )}
          </Card>
        </Col>
      </Row>
      {cell && <LadderEnterprisesDrawer cell={cell} onClose={() => setCell(null)} />}
    </PageContainer>
  )
}
