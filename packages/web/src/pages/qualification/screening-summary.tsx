import {
  QUALIFIED_LABELS,
  QUALIFIED_VALUES,
  RULE_SET_IDS,
  RULE_SET_LABELS,
  SCREENING_CHANGE_LABELS,
  type QualifiedValue,
  type RuleSetId,
  type ScreeningSummary as Summary,
} from '@kechuang/core/qualification'
import { Button, Card, Col, Flex, Row, Segmented, Table, Typography, type TableColumnsType } from 'antd'
import { t } from '../../i18n/t'
import { changeKindCounts, netVerdictChanges, verdictDeltaText } from './screening-changes'
import type { ScreeningResultState } from './screening-result-filters'
import { regionVerdictRows, verdictCountsOf, type RegionVerdictRow } from './screening-summary-rows'
import { QUALIFIED_TEXT_COLORS } from './screening-verdict-colors'

/** Filters the results table: a figure of the summary opens the enterprises it counts. */
export type ShowResults = (filter: Partial<ScreeningResultState> & { ruleSet: RuleSetId }) => void

/** A completed run: counts per verdict of each rule set, moves since the previous run, and counts by region. */
export function ScreeningSummary({
  summary,
  ruleSet,
  onRuleSetChange,
  onShowResults,
}: {
  summary: Summary
  ruleSet: RuleSetId
  onRuleSetChange: (ruleSet: RuleSetId) => void
  onShowResults: ShowResults
}) {
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {RULE_SET_IDS.map((id) => (
          <Col key={id} xs={24} lg={12}>
            <RuleSetCountsCard summary={summary} ruleSet={id} onShowResults={onShowResults} />
          </Col>
        ))}
      </Row>
      <Card title={t('qualificationScreening.byRegionTitle')} style={{ marginBottom: 16 }}>
        <div style={{ marginBottom: 12 }}>
          <RuleSetSwitch value={ruleSet} onChange={onRuleSetChange} />
        </div>
        <RegionTable summary={summary} ruleSet={ruleSet} onShowResults={onShowResults} />
      </Card>
    </>
  )
}

/** 科技型中小企业 / 高新技术企业, as the results and the region table use it. */
export function RuleSetSwitch({
  value,
  onChange,
}: {
  value: RuleSetId
  onChange: (ruleSet: RuleSetId) => void
}) {
  return (
    <Segmented<RuleSetId>
      value={value}
      onChange={onChange}
      options={RULE_SET_IDS.map((id) => ({ value: id, label: RULE_SET_LABELS[id] }))}
    />
  )
}

const FIGURE_STYLE = { padding: 0, height: 'auto', fontSize: 24, lineHeight: 1.4 } as const

function CountButton({ count, onClick }: { count: number; onClick: () => void }) {
  if (count === 0) return <Typography.Text type="secondary">0</Typography.Text>
  return (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={onClick}>
      {count}
    </Button>
  )
}

function RuleSetCountsCard({
  summary,
  ruleSet,
  onShowResults,
}: {
  summary: Summary
  ruleSet: RuleSetId
  onShowResults: ShowResults
}) {
  const counts = verdictCountsOf(summary.counts, ruleSet)
  const deltas = netVerdictChanges(summary.changes, ruleSet)
  const kinds = changeKindCounts(summary.changes, ruleSet)
  return (
    <Card title={RULE_SET_LABELS[ruleSet]} size="small" style={{ height: '100%' }}>
      <Flex gap={24} wrap>
        {QUALIFIED_VALUES.map((qualified) => (
          <Flex key={qualified} vertical>
            <Typography.Text type="secondary">{QUALIFIED_LABELS[qualified]}</Typography.Text>
            <Button
              type="link"
              disabled={counts[qualified] === 0}
              style={{ ...FIGURE_STYLE, color: QUALIFIED_TEXT_COLORS[qualified] }}
              onClick={() => onShowResults({ ruleSet, qualified })}
            >
              {counts[qualified]}
            </Button>
          </Flex>
        ))}
        <Flex vertical>
          <Typography.Text type="secondary">{t('qualificationScreening.total')}</Typography.Text>
          <span style={FIGURE_STYLE}>{counts.total}</span>
        </Flex>
      </Flex>
      <div style={{ marginTop: 12 }}>
        {!summary.previousScreeningId ? (
          <Typography.Text type="secondary">{t('qualificationScreening.firstRun')}</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            <Typography.Text>
              {deltas.length === 0
                ? t('qualificationScreening.noChange')
                : t('qualificationScreening.changeSince', { changes: verdictDeltaText(deltas) })}
            </Typography.Text>
            {kinds.length > 0 && (
              <Flex gap={12} wrap>
                {kinds.map(({ change, count }) => (
                  <Button
                    key={change}
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => onShowResults({ ruleSet, change })}
                  >
                    {t('qualificationScreening.changeKind', {
                      label: SCREENING_CHANGE_LABELS[change],
                      count,
                    })}
                  </Button>
                ))}
              </Flex>
            )}
          </Flex>
        )}
      </div>
    </Card>
  )
}

function RegionTable({
  summary,
  ruleSet,
  onShowResults,
}: {
  summary: Summary
  ruleSet: RuleSetId
  onShowResults: ShowResults
}) {
  const rows = regionVerdictRows(summary.byRegion, ruleSet, t('qualificationScreening.total'))
  // A region's figure opens its enterprises; the unknown region and the total row are not a region filter.
  const show = (row: RegionVerdictRow, qualified?: QualifiedValue) =>
    onShowResults({
      ruleSet,
      ...(row.orgUnitId ? { orgUnitId: row.orgUnitId } : {}),
      ...(qualified ? { qualified } : {}),
    })
  const countCell = (row: RegionVerdictRow, qualified?: QualifiedValue) => {
    const count = qualified ? row.counts[qualified] : row.counts.total
    return row.orgUnitId ? <CountButton count={count} onClick={() => show(row, qualified)} /> : count
  }
  const columns: TableColumnsType<RegionVerdictRow> = [
    {
      title: t('qualificationScreening.regionColumn'),
      key: 'region',
      fixed: 'start',
      render: (_, row) => (row.key === 'total' ? <strong>{row.orgUnitName}</strong> : row.orgUnitName),
    },
    ...QUALIFIED_VALUES.map((qualified) => ({
      title: QUALIFIED_LABELS[qualified],
      key: qualified,
      align: 'right' as const,
      render: (_: unknown, row: RegionVerdictRow) => countCell(row, qualified),
    })),
    {
      title: t('qualificationScreening.total'),
      key: 'total',
      align: 'right',
      render: (_, row) => countCell(row),
    },
  ]
  return (
    <Table<RegionVerdictRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('qualificationScreening.empty') }}
    />
  )
}
