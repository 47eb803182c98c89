import {
  IMPORT_COLUMNS,
  type ImportRowFilter,
  type ImportRowView,
  type RegisterImport,
} from '@kechuang/core/registers'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Input, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import { IMPORT_PAGE_SIZE, fixImportRow, importKeys, importRowsQueryOptions } from './import-lists.api'

const OUTCOME_TAGS = {
  linked: { color: 'green', key: 'registerImports.outcomeLinked' },
  review: { color: 'orange', key: 'registerImports.outcomeReview' },
  new: { color: 'blue', key: 'registerImports.outcomeNew' },
} as const

/** A cell of the preview: its text, highlighted with its errors when it has any; a click opens it for a fix. */
function PreviewCell({
  row,
  columnKey,
  header,
  onSave,
}: {
  row: ImportRowView
  columnKey: string
  header: string
  onSave: (text: string) => void
}) {
  const [isEditing, setIsEditing] = useState(false)
  const text = row.values[columnKey] ?? ''
  const errors = row.errors.filter((e) => e.column === columnKey)
  const label = t('registerImports.cellLabel', { row: row.rowNumber, column: header })
  if (isEditing) {
    const save = (value: string) => {
      setIsEditing(false)
      if (value !== text) onSave(value)
    }
    return (
      <Input
        size="small"
        autoFocus
        aria-label={label}
        defaultValue={text}
        onPressEnter={(event) => save(event.currentTarget.value)}
        onBlur={(event) => save(event.currentTarget.value)}
        onKeyDown={(event) => event.key === 'Escape' && setIsEditing(false)}
      />
    )
  }
  const hasError = errors.length > 0
  return (
    <div
      role="button"
      tabIndex={0}
      aria-label={label}
      data-testid={`import-cell-${row.rowNumber}-${columnKey}`}
      data-has-error={hasError ? 'true' : undefined}
      onClick={() => setIsEditing(true)}
      onKeyDown={(event) => event.key === 'Enter' && setIsEditing(true)}
      style={{
        cursor: 'text',
        minHeight: 22,
        padding: '0 4px',
        background: hasError ? '#fff1f0' : undefined,
        border: hasError ? '1px solid #ff4d4f' : '1px solid transparent',
        borderRadius: 4,
      }}
    >
      {text || '\u00a0'}
      {errors.map((e) => (
        <Typography.Text key={e.message} type="danger" style={{ display: 'block', fontSize: 12 }}>
          {e.message}
        </Typography.Text>
      ))}
    </div>
  )
}

/**
 * The preview of a batch: filters by check and link outcome, every column of the list type, error cells in red
 * with their message; a bad cell is fixed in place and the row checked and linked again at once.
 */
export function ImportPreviewTable({ batch }: { batch: RegisterImport }) {
  const { message } = App.useApp()
  const handleError = useHandleError()
  const queryClient = useQueryClient()
  const [filter, setFilter] = useState<ImportRowFilter>('all')
  const [page, setPage] = useState(1)
  const rows = useQuery(importRowsQueryOptions(batch.id, filter, page))
  const fix = useMutation({
    mutationFn: ({ rowNumber, values }: { rowNumber: number; values: Record<string, string> }) =>
      fixImportRow(batch.id, rowNumber, values),
    onSuccess: async (row) => {
      void message.success(t('registerImports.fixSaved', { row: row.rowNumber }))
      await queryClient.invalidateQueries({ queryKey: importKeys.all })
    },
    onError: handleError,
  })

  const total =
    batch.outcomeCounts.linked + batch.outcomeCounts.review + batch.outcomeCounts.new + batch.errorRowCount
  const filters: { value: ImportRowFilter; label: string }[] = [
    { value: 'all', label: t('registerImports.filterAll', { count: total }) },
    { value: 'errors', label: t('registerImports.filterErrors', { count: batch.errorRowCount }) },
    { value: 'review', label: t('registerImports.filterReview', { count: batch.outcomeCounts.review }) },
    { value: 'new', label: t('registerImports.filterNew', { count: batch.outcomeCounts.new }) },
    { value: 'linked', label: t('registerImports.filterLinked', { count: batch.outcomeCounts.linked }) },
  ]

  const columns: ColumnsType<ImportRowView> = [
    {
      title: t('registerImports.rowNumber'),
      dataIndex: 'rowNumber',
      key: 'rowNumber',
      width: 64,
      fixed: 'left',
    },
    ...IMPORT_COLUMNS[batch.listType]
      .filter((column) => batch.mapping[column.key] || column.isRequired)
      .map((column) => ({
        title: column.header,
        key: column.key,
        width: 180,
        render: (_: unknown, row: ImportRowView) => (
          <PreviewCell
            row={row}
            columnKey={column.key}
            header={column.header}
            onSave={(text) => fix.mutate({ rowNumber: row.rowNumber, values: { [column.key]: text } })}
          />
        ),
      })),
    {
      title: t('registerImports.outcome'),
      key: 'outcome',
      width: 220,
      fixed: 'right',
      render: (_, row) => {
        if (!row.outcome) return <Tag color="red">{t('registerImports.outcomeInvalid')}</Tag>
        const tag = OUTCOME_TAGS[row.outcome]
        return (
          <Space size={4} wrap>
            <Tag color={tag.color} data-testid={`import-outcome-${row.rowNumber}`}>
              {t(tag.key)}
            </Tag>
            {row.enterpriseName && <Typography.Text>{row.enterpriseName}</Typography.Text>}
            {row.outcome === 'review' && row.candidates.length > 0 && (
              <Tooltip
                title={row.candidates
                  .map((c) => `${c.name}（${Math.round(c.probability * 100)}%）`)
                  .join('；')}
              >
                <Typography.Text type="secondary">
                  {t('registerImports.candidates', { count: row.candidates.length })}
                </Typography.Text>
              </Tooltip>
            )}
          </Space>
        )
      },
    },
  ]

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Radio.Group
        optionType="button"
        value={filter}
        options={filters}
        aria-label={t('registerImports.outcome')}
        onChange={(event) => {
          setFilter(event.target.value as ImportRowFilter)
          setPage(1)
        }}
      />
      <Typography.Text type="secondary">{t('registerImports.editHint')}</Typography.Text>
      <Table<ImportRowView>
        size="small"
        rowKey="rowNumber"
        aria-label={t('registerImports.stepPreview')}
        loading={rows.isFetching || fix.isPending}
        dataSource={rows.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: IMPORT_PAGE_SIZE,
          total: rows.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
      />
    </Space>
  )
}
