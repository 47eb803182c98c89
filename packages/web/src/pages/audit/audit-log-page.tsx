import {
  AUDIT_ACTIONS,
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  type AuditAction,
  type AuditEntry,
} from '@kechuang/core/audit'
import { PAGE_SIZE_DEFAULT } from '@kechuang/core/pagination'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, DatePicker, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useIsMobile } from '../../lib/use-is-mobile'
import { auditQueryOptions, type AuditListQuery } from './audit.api'
import { AuditDiffView } from './audit-diff-view'
import { auditEntityName } from './audit-entity-name'
import { serverPagination } from '../../components/table-pagination/server-pagination'

interface AuditFilterValues {
  entityType?: string
  action?: AuditAction
  actor?: string
  range?: [Dayjs | null, Dayjs | null] | null
}

type Filters = Omit<AuditListQuery, 'page' | 'pageSize'>

const ACTION_COLORS: Partial<Record<AuditAction, string>> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  move: 'purple',
  lock: 'orange',
  unlock: 'cyan',
  login_failed: 'volcano',
}

/** 审计日志: who changed what and when, filterable, each entry's before/after one click away. */
export function AuditLogPage() {
  const isMobile = useIsMobile()
  const [form] = Form.useForm<AuditFilterValues>()
  const [filters, setFilters] = useState<Filters>({})
  const [paging, setPaging] = useState({ page: 1, pageSize: PAGE_SIZE_DEFAULT })
  const { data, error, refetch, isFetching } = useQuery(auditQueryOptions({ ...filters, ...paging }))

  function handleFinish(values: AuditFilterValues) {
    const [from, to] = values.range ?? []
    setFilters({
      entityType: values.entityType,
      action: values.action,
      actor: values.actor?.trim() || undefined,
      // dayjs formats as ISO 8601 with the local offset (2026-11-21T08:00:00+08:00), as the API expects.
      from: from?.format(),
      to: to?.format(),
    })
    setPaging((current) => ({ ...current, page: 1 }))
  }

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.occurredAt'),
      key: 'occurredAt',
      render: (_, entry) => dayjs(entry.occurredAt).format('YYYY-MM-DD HH:mm:ss'),
    },
    { title: t('audit.actor'), dataIndex: 'actorName', key: 'actor' },
    { title: t('audit.ip'), key: 'ip', render: (_, entry) => entry.ip ?? t('common.none') },
    {
      title: t('audit.entityType'),
      key: 'entityType',
      render: (_, entry) => AUDIT_ENTITY_LABELS[entry.entityType] ?? entry.entityType,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, entry) => (
        <span title={entry.entityId ?? undefined}>{auditEntityName(entry) ?? t('common.none')}</span>
      ),
    },
    {
      title: t('audit.action'),
      key: 'action',
      render: (_, entry) => (
        <Tag color={ACTION_COLORS[entry.action]}>{AUDIT_ACTION_LABELS[entry.action]}</Tag>
      ),
    },
  ]

  return (
    <PageContainer title={t('audit.title')}>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Card>
        <Form
          form={form}
          layout={isMobile ? 'vertical' : 'inline'}
          onFinish={handleFinish}
          className="audit-filters"
        >
          <Form.Item name="entityType" label={t('audit.entityType')}>
            <Select
              allowClear
              placeholder={t('audit.allEntityTypes')}
              options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
              style={{ width: isMobile ? '100%' : 140 }}
            />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <Select
              allowClear
              placeholder={t('audit.allActions')}
              options={AUDIT_ACTIONS.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] }))}
              style={{ width: isMobile ? '100%' : 140 }}
            />
          </Form.Item>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input
              allowClear
              placeholder={t('audit.actorPlaceholder')}
              style={{ width: isMobile ? '100%' : 160 }}
            />
          </Form.Item>
          <Form.Item name="range" label={t('audit.timeRange')}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              allowEmpty={[true, true]}
              style={{ width: isMobile ? '100%' : 340 }}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              style={{ marginLeft: 8 }}
              onClick={() => {
                form.resetFields()
                handleFinish({})
              }}
            >
              {t('common.reset')}
            </Button>
          </Form.Item>
        </Form>
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (entry) => <AuditDiffView entry={entry} />,
            rowExpandable: (entry) => entry.before !== null || entry.after !== null,
          }}
          pagination={serverPagination(paging, data?.total, setPaging)}
        />
      </Card>
    </PageContainer>
  )
}
