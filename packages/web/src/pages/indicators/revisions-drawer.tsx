import { OBSERVATION_KIND_LABELS, type Observation } from '@kechuang/core/indicators'
import { useQuery } from '@tanstack/react-query'
import { Drawer, Table, Tag, type TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useIsMobile } from '../../lib/use-is-mobile'
import { revisionsQueryOptions } from './indicators.api'
import { formatIndicatorValue } from './plan-table-rows'

/** 修改记录: every revision of one indicator × unit × year, newest first (who, when, value, source). */
export function RevisionsDrawer({
  observationId,
  indicatorName,
  onClose,
}: {
  observationId: string
  indicatorName: string
  onClose: () => void
}) {
  const isMobile = useIsMobile()
  const { data, error, refetch, isLoading } = useQuery(revisionsQueryOptions(observationId))
  const columns: TableColumnsType<Observation> = [
    {
      title: t('entry.revision'),
      key: 'revision',
      render: (_, o) => (
        <>
          {o.revision}
          {o.supersededAt === null && (
            <Tag color="blue" style={{ marginInlineStart: 6 }}>
              {t('entry.current_')}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('plans.actual'),
      key: 'value',
      align: 'right',
      render: (_, o) => formatIndicatorValue(o.value),
    },
    { title: t('entry.source'), dataIndex: 'source', key: 'source' },
    { title: t('entry.note'), key: 'note', render: (_, o) => o.note ?? t('common.none') },
    { title: t('entry.kind'), key: 'kind', render: (_, o) => OBSERVATION_KIND_LABELS[o.kind] },
    { title: t('entry.enteredBy'), dataIndex: 'enteredByName', key: 'enteredBy' },
    {
      title: t('entry.enteredAt'),
      key: 'enteredAt',
      render: (_, o) => dayjs(o.enteredAt).format('YYYY-MM-DD HH:mm'),
    },
  ]
  return (
    <Drawer
      open
      title={t('entry.revisionsTitle', { name: indicatorName })}
      size={isMobile ? '100%' : 720}
      onClose={onClose}
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Table<Observation>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data}
        loading={isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('entry.noRevisions') }}
      />
    </Drawer>
  )
}
