import { DownloadOutlined } from '@ant-design/icons'
import {
  CONDITION_STATUS_LABELS,
  QUALIFIED_LABELS,
  QUALIFIED_VALUES,
  SCREENING_CHANGES,
  SCREENING_CHANGE_LABELS,
  type QualifiedValue,
  type ScreenedCondition,
  type ScreeningChangeKind,
  type ScreeningResult,
  type ScreeningSummary,
} from '@kechuang/core/qualification'
import { useQuery } from '@tanstack/react-query'
import {
  Button,
  Checkbox,
  Flex,
  Input,
  Popover,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import { useIsMobile } from '../../lib/use-is-mobile'
import {
  changeResultFilter,
  resultStateToParams,
  type ScreeningResultState,
} from './screening-result-filters'
import { downloadScreeningResults, screeningResultsQueryOptions } from './screening-runs.api'
import { RuleSetSwitch } from './screening-summary'
import { QUALIFIED_TAG_COLORS } from './screening-verdict-colors'
import { serverPagination } from '../../components/table-pagination/server-pagination'

const NONE = t('common.none')
const CONDITION_TAG_COLORS: Record<ScreenedCondition['status'], string> = {
  fail: 'red',
  'needs-judgement': 'orange',
  'insufficient-data': 'default',
}
const OPEN_STATUSES = ['needs-judgement', 'insufficient-data'] as const

/** One page of a run's results under the filters, with the conditions that did not pass and their gaps. */
export function ScreeningResultsTable({
  summary,
  state,
  onChange,
}: {
  summary: ScreeningSummary
  state: ScreeningResultState
  onChange: (state: ScreeningResultState) => void
}) {
  const isMobile = useIsMobile()
  const handleError = useHandleError()
  const [searchText, setSearchText] = useState(state.q ?? '')
  const [isExporting, setIsExporting] = useState(false)
  const { data, error, refetch, isFetching } = useQuery(
    screeningResultsQueryOptions(summary.id, resultStateToParams(state)),
  )
  const hasPrevious = summary.previousScreeningId !== null
  const updateFilter = (change: Partial<ScreeningResultState>) => onChange(changeResultFilter(state, change))

  async function handleExport() {
    setIsExporting(true)
    try {
      await downloadScreeningResults(summary.id, resultStateToParams(state, { withPaging: false }))
    } catch (exportError) {
      handleError(exportError)
    } finally {
      setIsExporting(false)
    }
  }

  const columns: TableColumnsType<ScreeningResult> = [
    {
      title: t('qualificationScreening.columns.rank'),
      key: 'rank',
      align: 'right',
      width: 64,
      render: (_, row) => row.nearlyRank ?? NONE,
    },
    {
      title: t('qualificationScreening.columns.enterprise'),
      key: 'enterprise',
      fixed: isMobile ? undefined : 'start',
      render: (_, row) => (
        <Flex vertical gap={2} style={{ minWidth: 180 }}>
          <Link to={`/enterprises/${row.enterpriseId}`}>{row.enterpriseName}</Link>
          {row.creditCode && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.creditCode}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('qualificationScreening.columns.region'),
      key: 'region',
      render: (_, row) => row.regionName ?? NONE,
    },
    {
      title: t('qualificationScreening.columns.verdict'),
      key: 'verdict',
      render: (_, row) => (
        <Flex vertical gap={2} align="start">
          <Tag color={QUALIFIED_TAG_COLORS[row.qualified]}>{QUALIFIED_LABELS[row.qualified]}</Tag>
          {hasPrevious && row.previousQualified === null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('qualificationScreening.columns.newInRun')}
            </Typography.Text>
          )}
          {row.previousQualified !== null && row.previousQualified !== row.qualified && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('qualificationScreening.columns.previous', {
                verdict: QUALIFIED_LABELS[row.previousQualified],
              })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('qualificationScreening.columns.scoreBand'),
      key: 'scoreBand',
      align: 'right',
      // No score when the input could not be evaluated at all.
      render: (_, { scoreBand: { min, max }, problems }) =>
        problems.length > 0
          ? NONE
          : min === max
            ? t('qualificationScreening.columns.scoreValue', { score: min })
            : t('qualificationScreening.columns.scoreRange', { min, max }),
    },
    {
      title: t('qualificationScreening.columns.conditions'),
      key: 'conditions',
      render: (_, row) =>
        row.conditions.length === 0 ? (
          row.problems.length === 0 ? (
            <Typography.Text type="secondary">
              {t('qualificationScreening.columns.allPassed')}
            </Typography.Text>
          ) : (
            NONE
          )
        ) : (
          <ConditionList conditions={row.conditions} />
        ),
    },
    {
      title: t('qualificationScreening.columns.problems'),
      key: 'problems',
      render: (_, row) =>
        row.problems.length === 0 ? (
          NONE
        ) : (
          <Flex vertical gap={2} style={{ minWidth: 200, maxWidth: 360 }}>
            {row.problems.map((problem) => (
              <Typography.Text key={problem} type="warning">
                {problem}
              </Typography.Text>
            ))}
          </Flex>
        ),
    },
  ]

  return (
    <>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <RuleSetSwitch value={state.ruleSet} onChange={(ruleSet) => updateFilter({ ruleSet })} />
        <Button icon={<DownloadOutlined />} loading={isExporting} onClick={() => void handleExport()}>
          {isExporting ? t('qualificationScreening.exporting') : t('qualificationScreening.export')}
        </Button>
      </Flex>
      <div className="list-filters">
        <Input.Search
          allowClear
          placeholder={t('qualificationScreening.searchPlaceholder')}
          aria-label={t('qualificationScreening.searchLabel')}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          onSearch={(value) => updateFilter({ q: value.trim() || undefined })}
        />
        <Select<QualifiedValue>
          allowClear
          placeholder={t('qualificationScreening.qualifiedPlaceholder')}
          aria-label={t('qualificationScreening.qualifiedPlaceholder')}
          value={state.qualified}
          onChange={(qualified) => updateFilter({ qualified })}
          options={QUALIFIED_VALUES.map((value) => ({ value, label: QUALIFIED_LABELS[value] }))}
        />
        <OrgUnitTreeSelect
          allowClear
          placeholder={t('qualificationScreening.regionPlaceholder')}
          aria-label={t('qualificationScreening.region')}
          value={state.orgUnitId ?? null}
          onChange={(orgUnitId) => updateFilter({ orgUnitId })}
        />
        <Select<ScreeningChangeKind>
          allowClear
          disabled={!hasPrevious}
          placeholder={t('qualificationScreening.changePlaceholder')}
          aria-label={t('qualificationScreening.changePlaceholder')}
          value={state.change}
          onChange={(change) => updateFilter({ change })}
          options={SCREENING_CHANGES.map((value) => ({ value, label: SCREENING_CHANGE_LABELS[value] }))}
        />
        <Tooltip title={t('qualificationScreening.nearlyHint')}>
          <Checkbox
            checked={state.nearly ?? false}
            onChange={(event) => updateFilter({ nearly: event.target.checked })}
            style={{ alignSelf: 'center' }}
          >
            {t('qualificationScreening.nearlyOnly')}
          </Checkbox>
        </Tooltip>
      </div>
      <Table<ScreeningResult>
        rowKey="enterpriseId"
        size="small"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('qualificationScreening.empty') }}
        pagination={serverPagination(
          state,
          data?.total,
          (paging) => onChange({ ...state, ...paging }),
          isMobile,
        )}
      />
    </>
  )
}

/**
 * The conditions that did not pass: each failed one with its gap highlighted; those left open (需专家判断, 数据不足)
 * as one tag per status, listed on hover, so a row stays short.
 */
function ConditionList({ conditions }: { conditions: readonly ScreenedCondition[] }) {
  const failed = conditions.filter((condition) => condition.status === 'fail')
  const open = OPEN_STATUSES.map((status) => ({
    status,
    items: conditions.filter((condition) => condition.status === status),
  })).filter((group) => group.items.length > 0)
  return (
    <Flex vertical gap={4} style={{ minWidth: 260, maxWidth: 480 }}>
      {failed.map((condition) => (
        <div key={condition.id}>
          <Tag color={CONDITION_TAG_COLORS.fail}>{CONDITION_STATUS_LABELS.fail}</Tag>
          <span>{condition.text}</span>
          {condition.gap && (
            <Typography.Text type="danger" strong style={{ marginLeft: 6 }}>
              {condition.gap.text}
            </Typography.Text>
          )}
        </div>
      ))}
      {open.length > 0 && (
        <Flex gap={4} wrap>
          {open.map(({ status, items }) => (
            <Popover
              key={status}
              trigger={['hover', 'click']}
              title={CONDITION_STATUS_LABELS[status]}
              content={
                <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 420 }}>
                  {items.map((condition) => (
                    <li key={condition.id}>{condition.text}</li>
                  ))}
                </ul>
              }
            >
              <Tag color={CONDITION_TAG_COLORS[status]} style={{ cursor: 'help' }}>
                {t('qualificationScreening.columns.openConditions', {
                  label: CONDITION_STATUS_LABELS[status],
                  count: items.length,
                })}
              </Tag>
            </Popover>
          ))}
        </Flex>
      )}
    </Flex>
  )
}
