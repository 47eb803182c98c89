import {
  CONDITION_STATUS_LABELS,
  QUALIFIED_LABELS,
  RULE_SET_LABELS,
  qualifiedValueOf,
  type VerdictResponse,
} from '@kechuang/core/qualification'
import { Alert, Card, Flex, List, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { t } from '../../i18n/t'
import { useIsMobile } from '../../lib/use-is-mobile'
import { QUALIFIED_TAG_COLORS } from './screening-verdict-colors'
import {
  CONDITION_STATUS_COLORS,
  ROUTE_STATUS_COLORS,
  describeMissingField,
  reviewReasons,
  routeName,
} from './verdict-labels'

type Condition = VerdictResponse['conditions'][number]
type Indicator = VerdictResponse['indicators'][number]
type Route = NonNullable<VerdictResponse['routes']>[number]

const ALERT_TYPES = { qualified: 'success', failed: 'error', 'needs-review': 'warning' } as const

/**
 * One verdict of the rule engine (spec §0.5) as the user reads it: the conclusion with its score band, then every
 * condition with its figures, threshold and gap, the scored items and (科技型中小企业) the direct routes. Only shows
 * what the engine computed; no rule is repeated here.
 */
export function VerdictView({
  verdict,
  assumptions = [],
}: {
  verdict: VerdictResponse
  /** What the data did not say and was read a certain way (e.g. a register's missing figures). */
  assumptions?: readonly string[]
}) {
  const qualified = qualifiedValueOf(verdict.qualified)
  const reasons = qualified === 'needs-review' ? reviewReasons(verdict) : []
  const { min, max } = verdict.scoreBand
  const score =
    verdict.score !== undefined
      ? t('qualification.verdict.score', { score: verdict.score })
      : t('qualification.verdict.scoreBand', { min, max })
  const route =
    verdict.route === null
      ? null
      : verdict.route === 'score'
        ? t('qualification.verdict.routeByScore')
        : routeName(verdict.route)

  return (
    <Flex vertical gap={16} data-testid="verdict-view">
      <Alert
        type={ALERT_TYPES[qualified]}
        showIcon
        title={
          <Space wrap size={[8, 4]}>
            <Typography.Text strong>{RULE_SET_LABELS[verdict.ruleSet]}</Typography.Text>
            <Tag color={QUALIFIED_TAG_COLORS[qualified]} data-testid="verdict-tag">
              {QUALIFIED_LABELS[qualified]}
              {reasons.length > 0 && `（${reasons.join('、')}）`}
            </Tag>
            <Typography.Text>{score}</Typography.Text>
            {route && (
              <Typography.Text type="secondary">
                {t('qualification.verdict.route', { route })}
              </Typography.Text>
            )}
          </Space>
        }
        description={verdict.summary.zh}
      />
      {assumptions.length > 0 && (
        <Alert
          type="info"
          title={t('qualification.verdict.assumptions')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {assumptions.map((assumption) => (
                <li key={assumption}>{assumption}</li>
              ))}
            </ul>
          }
        />
      )}
      <ConditionList conditions={verdict.conditions} />
      <IndicatorList indicators={verdict.indicators} />
      {verdict.routes && verdict.routes.length > 0 && <RouteList routes={verdict.routes} />}
    </Flex>
  )
}

function StatusTag({ status }: { status: Condition['status'] }) {
  return <Tag color={CONDITION_STATUS_COLORS[status]}>{CONDITION_STATUS_LABELS[status]}</Tag>
}

/** The explanation, the gap highlighted, and the fields whose absence left the condition open. */
function ConditionText({ condition }: { condition: Condition }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text>{condition.explanation.zh}</Typography.Text>
      {condition.gap && (
        <Typography.Text type="danger" strong data-testid="condition-gap">
          {t('qualification.verdict.gap')}：{condition.gap.text}
        </Typography.Text>
      )}
      {condition.missingFields && condition.missingFields.length > 0 && (
        <Typography.Text type="warning">
          {t('qualification.verdict.missing', {
            fields: condition.missingFields.map(describeMissingField).join('、'),
          })}
        </Typography.Text>
      )}
    </Flex>
  )
}

function ConditionTitle({ condition }: { condition: Condition }) {
  return (
    <Flex vertical>
      <Typography.Text>{condition.basis}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {condition.id}
      </Typography.Text>
    </Flex>
  )
}

function ConditionList({ conditions }: { conditions: readonly Condition[] }) {
  const isMobile = useIsMobile()
  const title = t('qualification.verdict.conditions')
  if (isMobile) {
    return (
      <Card size="small" title={title}>
        <List
          dataSource={conditions}
          rowKey="id"
          renderItem={(condition) => (
            <List.Item data-testid={`condition-${condition.id}`}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" align="start" gap={8}>
                  <ConditionTitle condition={condition} />
                  <StatusTag status={condition.status} />
                </Flex>
                {(condition.value ?? condition.threshold) && (
                  <Typography.Text type="secondary">
                    {t('qualification.verdict.value')} {dash(condition.value)} ·{' '}
                    {t('qualification.verdict.threshold')} {dash(condition.threshold)}
                  </Typography.Text>
                )}
                <ConditionText condition={condition} />
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    )
  }
  const columns: ColumnsType<Condition> = [
    {
      title: t('qualification.verdict.condition'),
      key: 'condition',
      width: 220,
      render: (_, condition) => <ConditionTitle condition={condition} />,
    },
    {
      title: t('qualification.verdict.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: Condition['status']) => <StatusTag status={status} />,
    },
    { title: t('qualification.verdict.value'), dataIndex: 'value', width: 110, render: dash },
    { title: t('qualification.verdict.threshold'), dataIndex: 'threshold', width: 180, render: dash },
    {
      title: t('qualification.verdict.explanation'),
      key: 'explanation',
      render: (_, condition) => <ConditionText condition={condition} />,
    },
  ]
  return (
    <Card size="small" title={title} styles={{ body: { padding: 0 } }}>
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={conditions}
        pagination={false}
        onRow={(condition) => ({ 'data-testid': `condition-${condition.id}` }) as object}
      />
    </Card>
  )
}

function dash(value: string | undefined) {
  return value ?? t('common.none')
}

function IndicatorList({ indicators }: { indicators: readonly Indicator[] }) {
  if (indicators.length === 0) return null
  return (
    <Card size="small" title={t('qualification.verdict.indicators')}>
      <List
        dataSource={indicators}
        rowKey="id"
        renderItem={(indicator) => (
          <List.Item>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" wrap gap={8}>
                <Typography.Text strong>{indicator.label}</Typography.Text>
                <Space size={4}>
                  {indicator.tier && <Tag>{indicator.tier}</Tag>}
                  <Tag color={indicator.judgement ? 'orange' : 'blue'}>
                    {t('qualification.verdict.points', {
                      band:
                        indicator.band.min === indicator.band.max
                          ? indicator.band.min
                          : `${indicator.band.min}–${indicator.band.max}`,
                    })}
                  </Tag>
                </Space>
              </Flex>
              <Typography.Text type="secondary">{indicator.explanation.zh}</Typography.Text>
              {indicator.gap && (
                <Typography.Text type="warning">
                  {t('qualification.verdict.nextTier', { gap: indicator.gap.text })}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  )
}

function RouteList({ routes }: { routes: readonly Route[] }) {
  return (
    <Card size="small" title={t('qualification.verdict.routes')}>
      <List
        dataSource={routes}
        rowKey="id"
        renderItem={(route) => (
          <List.Item>
            <Flex vertical gap={4}>
              <Space>
                <Typography.Text strong>{routeName(route.id)}</Typography.Text>
                <Tag color={ROUTE_STATUS_COLORS[route.status]}>
                  {t(`qualification.verdict.routeStatus.${route.status}`)}
                </Tag>
              </Space>
              <Typography.Text type="secondary">{route.explanation.zh}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  )
}
