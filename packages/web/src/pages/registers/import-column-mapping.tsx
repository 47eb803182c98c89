import { IMPORT_COLUMNS, type RegisterImport } from '@kechuang/core/registers'
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { t } from '../../i18n/t'

interface MappingRow {
  key: string
  header: string
  isRequired: boolean
}

/**
 * 列映射: one Select per column of the list type, preset from the server's auto-match (official header, alternate
 * names, or the mapping last used for this list type). Applying a changed mapping re-checks every row.
 */
export function ImportColumnMapping({
  batch,
  isApplying,
  onApply,
  onNext,
}: {
  batch: RegisterImport
  isApplying: boolean
  onApply: (mapping: Record<string, string | null>) => void
  onNext: () => void
}) {
  const [mapping, setMapping] = useState<Record<string, string | null>>(batch.mapping)
  const isChanged = IMPORT_COLUMNS[batch.listType].some(
    (c) => (mapping[c.key] ?? null) !== (batch.mapping[c.key] ?? null),
  )
  const rows: MappingRow[] = IMPORT_COLUMNS[batch.listType].map((c) => ({
    key: c.key,
    header: c.header,
    isRequired: c.isRequired,
  }))
  const options = batch.headers.map((header) => ({ value: header, label: header }))
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('registerImports.mappingHint')}</Typography.Text>
      {batch.missingColumns.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('registerImports.missingColumns', { columns: batch.missingColumns.join('、') })}
        />
      )}
      <Table<MappingRow>
        size="small"
        rowKey="key"
        pagination={false}
        aria-label={t('registerImports.stepMapping')}
        dataSource={rows}
        columns={[
          {
            title: t('registerImports.column'),
            key: 'column',
            render: (_, row) => (
              <Space>
                {row.header}
                {row.isRequired && <Tag color="red">{t('registerImports.required')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('registerImports.fileHeader'),
            key: 'fileHeader',
            render: (_, row) => (
              <Select
                style={{ minWidth: 240 }}
                allowClear
                aria-label={row.header}
                data-testid={`import-mapping-${row.key}`}
                placeholder={t('registerImports.notInFile')}
                value={mapping[row.key] ?? undefined}
                options={options}
                onChange={(value: string | undefined) =>
                  setMapping((m) => ({ ...m, [row.key]: value ?? null }))
                }
              />
            ),
          },
        ]}
      />
      <Space>
        <Button disabled={!isChanged} loading={isApplying} onClick={() => onApply(mapping)}>
          {t('registerImports.applyMapping')}
        </Button>
        <Button type="primary" disabled={isChanged} onClick={onNext} data-testid="import-to-preview">
          {t('registerImports.toPreview')}
        </Button>
      </Space>
    </Space>
  )
}
