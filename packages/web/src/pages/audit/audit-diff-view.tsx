import { ROLE_LABELS, type Role } from '@kechuang/core/accounts'
import type { AuditEntry } from '@kechuang/core/audit'
import { ORG_UNIT_TYPE_LABELS, type OrgUnitType } from '@kechuang/core/org-units'
import { Table, Typography } from 'antd'
import { t, tOptional } from '../../i18n/t'
import { diffAuditValues, type AuditFieldDiff } from './diff-audit-values'

/** Before and after of one audit entry side by side, changed fields highlighted. */
export function AuditDiffView({ entry }: { entry: AuditEntry }) {
  const rows = diffAuditValues(entry.before, entry.after)
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
  const changedCount = rows.filter((row) => row.isChanged).length
  const format = (field: string | null, value: unknown) => formatAuditValue(entry.entityType, field, value)

  return (
    <div className="audit-diff">
      {entry.before !== null && entry.after !== null && (
        <Typography.Text type="secondary">{t('audit.changedCount', { count: changedCount })}</Typography.Text>
      )}
      <Table<AuditFieldDiff>
        size="small"
        bordered
        pagination={false}
        rowKey={(row) => row.field ?? ''}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => (row.isChanged ? 'audit-diff-changed' : '')}
        columns={[
          {
            title: t('audit.field'),
            key: 'field',
            width: 160,
            render: (_, row) =>
              row.field === null ? (
                t('audit.wholeValue')
              ) : (
                <span title={row.field}>{tOptional(`audit.fields.${row.field}`) ?? row.field}</span>
              ),
          },
          { title: t('audit.before'), key: 'before', render: (_, row) => format(row.field, row.before) },
          { title: t('audit.after'), key: 'after', render: (_, row) => format(row.field, row.after) },
        ]}
      />
    </div>
  )
}

// Codes people do not read (reporter, township) shown by their Chinese labels; other values as logged.
function formatAuditValue(entityType: string, field: string | null, value: unknown) {
  if (value === undefined || value === null)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
  if (typeof value === 'string') {
    if (field === 'role' && Object.hasOwn(ROLE_LABELS, value)) return ROLE_LABELS[value as Role]
    if (entityType === 'org_unit' && field === 'type' && Object.hasOwn(ORG_UNIT_TYPE_LABELS, value)) {
      return ORG_UNIT_TYPE_LABELS[value as OrgUnitType]
    }
    return <span className="audit-diff-text">{value}</span>
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.join('、') || t('common.none')
  if (typeof value === 'number') return String(value)
  return <pre className="audit-diff-json">{JSON.stringify(value, null, 2)}</pre>
}
