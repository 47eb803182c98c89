import type { TaskUnitProgress } from '@kechuang/core/indicators'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Progress,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { AttachmentLinks } from '../../components/attachments/attachment-links'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useIsMobile } from '../../lib/use-is-mobile'
import { indicatorKeys, planQueryOptions, tasksQueryOptions } from './indicators.api'
import { TaskProgressForm } from './task-progress-form'
import { buildTaskTableRows, responsibleUnitOptions, type TaskTableRow } from './task-table-rows'

/** 重点任务: the plan's 进度安排 by 建设任务, each responsible unit's progress, and its 责任清单 by filter. */
export function TaskListPage() {
  const { planId = '' } = useParams()
  const { can } = useAuth()
  const { message } = App.useApp()
  const isMobile = useIsMobile()
  const queryClient = useQueryClient()
  const [params, setParams] = useSearchParams()
  const unitFilter = params.get('orgUnitId') ?? undefined
  const [reporting, setReporting] = useState<TaskTableRow['task'] | null>(null)

  const { data: plan } = useQuery(planQueryOptions(planId))
  const { data: tasks, error, refetch, isLoading } = useQuery(tasksQueryOptions(planId))
  const rows = buildTaskTableRows(tasks ?? [], unitFilter)
  const canReport = can('tasks:report')
  const progressOf = (task: TaskTableRow['task']) =>
    task.progress.filter((p) => !unitFilter || p.orgUnitId === unitFilter)

  const columns: TableColumnsType<TaskTableRow> = [
    { title: t('tasks.order'), key: 'order', width: 56, render: (_, { task }) => task.order },
    {
      title: t('tasks.group'),
      key: 'group',
      width: 120,
      onCell: (row) => ({ rowSpan: row.groupRowSpan, style: { verticalAlign: 'top' } }),
      render: (_, { task }) => task.group,
    },
    {
      title: t('tasks.item'),
      key: 'item',
      render: (_, { task }) => <div style={{ minWidth: 200, maxWidth: 320 }}>{task.item}</div>,
    },
    {
      title: t('tasks.milestones'),
      key: 'milestones',
      render: (_, { task }) => (
        <Flex vertical gap={4} style={{ minWidth: 220, maxWidth: 360 }}>
          {task.milestones.map((m) => (
            <span key={m.year}>{t('tasks.milestone', { year: m.year, text: m.text })}</span>
          ))}
        </Flex>
      ),
    },
    {
      title: t('tasks.responsibleUnits'),
      key: 'responsibleUnits',
      render: (_, { task }) => (
        <div style={{ minWidth: 100, maxWidth: 180 }}>{task.responsibleUnitsText}</div>
      ),
    },
    {
      title: t('tasks.progress'),
      key: 'progress',
      render: (_, { task }) => (
        <Flex vertical gap={8} style={{ minWidth: 220 }}>
          {progressOf(task).map((p) => (
            <UnitProgress key={p.orgUnitId} progress={p} />
          ))}
        </Flex>
      ),
    },
  ]
  if (canReport)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, { task }) =>
        task.progress.length > 0 && (
          <Button type="link" size="small" onClick={() => setReporting(task)}>
            {t('tasks.report')}
          </Button>
        ),
    })

  return (
    <PageContainer title={plan ? t('tasks.pageTitle', { plan: plan.name }) : t('tasks.title')}>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Form layout={isMobile ? 'vertical' : 'inline'} style={{ marginBottom: 16 }}>
        <Form.Item label={t('tasks.unitFilter')} htmlFor="task-unit-filter" style={{ marginBottom: 0 }}>
          <Select
            id="task-unit-filter"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('tasks.unitFilterPlaceholder')}
            value={unitFilter}
            onChange={(value?: string) => setParams(value ? { orgUnitId: value } : {}, { replace: true })}
            options={responsibleUnitOptions(tasks ?? [])}
            style={{ width: isMobile ? '100%' : 280 }}
          />
        </Form.Item>
      </Form>
      {isMobile ? (
        // On a phone each task is a card: a table of six columns cannot be read at 390 px.
        <Flex vertical gap={12}>
          {rows.length === 0 && !isLoading && <Empty description={t('tasks.empty')} />}
          {rows.map(({ task }) => (
            <Card
              key={task.id}
              size="small"
              title={`${task.order}. ${task.item}`}
              extra={
                canReport &&
                task.progress.length > 0 && (
                  <Button type="link" size="small" onClick={() => setReporting(task)}>
                    {t('tasks.report')}
                  </Button>
                )
              }
            >
              <Flex vertical gap={8}>
                <Typography.Text type="secondary">{task.group}</Typography.Text>
                {task.milestones.map((m) => (
                  <span key={m.year}>{t('tasks.milestone', { year: m.year, text: m.text })}</span>
                ))}
                <Typography.Text type="secondary">
                  {t('tasks.responsibleUnitsLine', { units: task.responsibleUnitsText })}
                </Typography.Text>
                {progressOf(task).map((p) => (
                  <UnitProgress key={p.orgUnitId} progress={p} />
                ))}
              </Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Card>
          <Table<TaskTableRow>
            rowKey="key"
            size="small"
            bordered
            columns={columns}
            dataSource={rows}
            loading={isLoading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('tasks.empty')} /> }}
          />
        </Card>
      )}
      {reporting && (
        <TaskProgressForm
          task={reporting}
          orgUnitId={unitFilter}
          onClose={() => setReporting(null)}
          onSaved={() => {
            setReporting(null)
            void message.success(t('tasks.reported'))
            void queryClient.invalidateQueries({ queryKey: indicatorKeys.all })
          }}
        />
      )}
    </PageContainer>
  )
}

/** One unit's standing: its latest % done, and tags for milestone years without a report or overdue. */
function UnitProgress({ progress }: { progress: TaskUnitProgress }) {
  const joiner = t('tasks.yearsJoiner')
  const latest = progress.latest
  const { missingReportYears: missing, overdueYears: overdue } = progress
  return (
    <div>
      <Flex gap={4} wrap align="center">
        <Typography.Text strong>{progress.orgUnitName}</Typography.Text>
        {missing.length > 0 && (
          <Tooltip title={t('tasks.missing', { years: missing.join(joiner) })}>
            <Tag color="orange">{t('tasks.notReported')}</Tag>
          </Tooltip>
        )}
        {overdue.length > 0 && (
          <Tooltip title={t('tasks.overdue', { years: overdue.join(joiner) })}>
            <Tag color="red">{t('tasks.overdueTag')}</Tag>
          </Tooltip>
        )}
      </Flex>
      {latest ? (
        <>
          <Tooltip title={latest.text}>
            <div>
              <Progress percent={latest.percentDone} size="small" style={{ marginBottom: 0 }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('tasks.latest', {
                  year: latest.year,
                  percent: latest.percentDone,
                  name: latest.reportedByName,
                  at: dayjs(latest.reportedAt).format('YYYY-MM-DD'),
                })}
              </Typography.Text>
            </div>
          </Tooltip>
          <AttachmentLinks attachments={latest.attachments} />
        </>
      ) : (
        missing.length === 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('tasks.noProgress')}
          </Typography.Text>
        )
      )}
    </div>
  )
}
