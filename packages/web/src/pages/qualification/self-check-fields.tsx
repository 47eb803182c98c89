import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  FLAG_LABELS,
  type SelfCheckField,
  type SelfCheckLayout,
  type SelfCheckList,
} from '@kechuang/core/qualification'
import {
  Button,
  Card,
  Col,
  Collapse,
  DatePicker,
  Flex,
  Form,
  InputNumber,
  Row,
  Select,
  Table,
  Typography,
} from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { t } from '../../i18n/t'

// The inputs of the self-check form, one per field of the rule set's layout (core SELF_CHECK_LAYOUTS). Names
// follow the rule input (`employeeCount`, ['fiscalYears', 0, 'year'], ['ipList', 2, 'type']), so the problems the
// API reports by path land on their field.

const FLAG_OPTIONS = [
  { value: 'true', label: FLAG_LABELS.true },
  { value: 'false', label: FLAG_LABELS.false },
  { value: 'unknown', label: FLAG_LABELS.unknown },
]
const BOOLEAN_OPTIONS = FLAG_OPTIONS.slice(0, 2)

/**
 * The control of one field, by its kind; `ariaLabel` names it where no form label shows. Form.Item injects `id`,
 * `value` and `onChange`, which go on to the control.
 */
function FieldControl({
  field,
  ariaLabel,
  ...injected
}: {
  field: SelfCheckField
  ariaLabel?: string
  id?: string
  value?: never
  onChange?: never
}) {
  const common = { ...injected, 'aria-label': ariaLabel, style: { width: '100%' } }
  switch (field.kind) {
    case 'date':
      return <DatePicker {...common} placeholder="YYYY-MM-DD" />
    case 'flag':
      return (
        <Select
          {...common}
          allowClear
          options={FLAG_OPTIONS}
          placeholder={t('qualification.selfCheck.flagPlaceholder')}
        />
      )
    case 'boolean':
      return (
        <Select
          {...common}
          options={BOOLEAN_OPTIONS}
          placeholder={t('qualification.selfCheck.flagPlaceholder')}
        />
      )
    case 'choice':
      return (
        <Select
          {...common}
          allowClear={!field.required}
          options={field.options?.map((o) => ({ value: o.value, label: o.label }))}
          placeholder={t('qualification.selfCheck.flagPlaceholder')}
          popupMatchSelectWidth={false}
        />
      )
    default:
      // No precision: a figure is sent as typed, and the API names a figure with too many decimals.
      return <InputNumber<number> {...common} suffix={field.unit} step={field.kind === 'ratio' ? 0.01 : 1} />
  }
}

export function SelfCheckFields({ layout }: { layout: SelfCheckLayout }) {
  const main = layout.lists.filter((list) => !list.isRouteEvidence)
  const routes = layout.lists.filter((list) => list.isRouteEvidence)
  return (
    <>
      <Card size="small" title={t('qualification.selfCheck.basics')}>
        <Row gutter={16}>
          {layout.fields.map((field) => (
            <Col key={field.key} xs={24} md={12} xl={8}>
              <Form.Item name={field.key} label={field.label} tooltip={field.hint} required={field.required}>
                <FieldControl field={field} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
      {layout.fiscalYearFields && <FiscalYearsTable fields={layout.fiscalYearFields} />}
      {main.map((list) => (
        <Card key={list.key} size="small" title={list.label}>
          <Typography.Paragraph type="secondary">{t('qualification.selfCheck.ipHint')}</Typography.Paragraph>
          <ListTable list={list} />
        </Card>
      ))}
      {routes.length > 0 && (
        <Collapse
          items={[
            {
              key: 'routes',
              label: t('qualification.selfCheck.routeEvidence'),
              children: (
                <>
                  <Typography.Paragraph type="secondary">
                    {t('qualification.selfCheck.routeEvidenceHint')}
                  </Typography.Paragraph>
                  {routes.map((list) => (
                    <div key={list.key} style={{ marginBottom: 16 }}>
                      <Typography.Text strong>{list.label}</Typography.Text>
                      <ListTable list={list} />
                    </div>
                  ))}
                </>
              ),
            },
          ]}
        />
      )}
    </>
  )
}

/** 高企 fiscal years as the Excel template has them: a row per figure, a column per year (1–3), oldest first. */
function FiscalYearsTable({ fields }: { fields: readonly SelfCheckField[] }) {
  return (
    <Card size="small" title={t('qualification.selfCheck.fiscalYears')}>
      <Typography.Paragraph type="secondary">
        {t('qualification.selfCheck.fiscalYearsHint')}
      </Typography.Paragraph>
      <Form.List name="fiscalYears">
        {(years, { add, remove }) => {
          const columns: ColumnsType<SelfCheckField> = [
            {
              title: '',
              key: 'label',
              width: 150,
              fixed: 'left',
              render: (_, field) => (
                <Flex vertical>
                  <Typography.Text>{field.label}</Typography.Text>
                  {field.hint && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {field.hint}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            ...years.map((year, index) => ({
              key: year.key,
              width: 150,
              title: (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t('qualification.selfCheck.removeRow')} ${index + 1}`}
                  onClick={() => remove(year.name)}
                >
                  {t('qualification.selfCheck.removeRow')}
                </Button>
              ),
              render: (_: unknown, field: SelfCheckField) => (
                <Form.Item name={[year.name, field.key]} style={{ margin: 0 }}>
                  <FieldControl field={field} ariaLabel={`${field.label} ${index + 1}`} />
                </Form.Item>
              ),
            })),
          ]
          return (
            <>
              <Table
                size="small"
                rowKey="key"
                columns={columns}
                dataSource={[...fields]}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
              {years.length < 3 && (
                <Button style={{ marginTop: 8 }} icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('qualification.selfCheck.addFiscalYear')}
                </Button>
              )}
            </>
          )
        }}
      </Form.List>
    </Card>
  )
}

/** An editable list (IP items, certificates …): a row per item, a column per property. */
function ListTable({ list }: { list: SelfCheckList }) {
  return (
    <Form.List name={list.key}>
      {(items, { add, remove }) => {
        const columns: ColumnsType<(typeof items)[number]> = [
          ...list.columns.map((column) => ({
            key: column.key,
            title: column.label,
            width: column.kind === 'choice' ? 190 : 130,
            render: (_: unknown, item: (typeof items)[number]) => (
              <Form.Item name={[item.name, column.key]} style={{ margin: 0 }}>
                <FieldControl field={column} ariaLabel={`${list.label} ${item.name + 1} ${column.label}`} />
              </Form.Item>
            ),
          })),
          {
            key: 'actions',
            width: 70,
            render: (_: unknown, item: (typeof items)[number]) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('qualification.selfCheck.removeRow')} ${item.name + 1}`}
                onClick={() => remove(item.name)}
              />
            ),
          },
        ]
        return (
          <>
            <Table
              size="small"
              rowKey="key"
              columns={columns}
              dataSource={items}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('qualification.selfCheck.emptyList') }}
            />
            <Button style={{ marginTop: 8 }} icon={<PlusOutlined />} onClick={() => add(newItem(list))}>
              {t('qualification.selfCheck.addRow')}
            </Button>
          </>
        )
      }}
    </Form.List>
  )
}

/** A new IP row starts as the common case (valid, related, undisputed / granted, own, self-developed). */
function newItem(list: SelfCheckList): Record<string, string> {
  const item: Record<string, string> = {}
  for (const column of list.columns) {
    if (column.kind === 'choice' && column.required && column.options?.[0])
      item[column.key] = column.options[0].value
  }
  if (list.key !== 'ipList') return item
  return {
    ...item,
    ...Object.fromEntries(
      list.columns
        .filter((c) => c.kind === 'boolean')
        .map((c) => [
          c.key,
          c.key === 'disputed' || c.key === 'usedInPriorHnteApplication' ? 'false' : 'true',
        ]),
    ),
  }
}
