import { PlayCircleOutlined } from '@ant-design/icons'
import { SCREENING_STATUS_LABELS, type Screening, type ScreeningStatus } from '@kechuang/core/qualification'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Descriptions, Empty, Progress, Select, Tabs, Tag, Typography } from 'antd'
import { useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { FullPageSpin } from '../../app/full-page-spin'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { ProposalList } from './proposal-list'
import { screeningProgressPercent } from './screening-progress'
import {
  DEFAULT_RESULT_STATE,
  resultStateFromSearch,
  withResultState,
  type ScreeningResultState,
} from './screening-result-filters'
import { ScreeningResultsTable } from './screening-results-table'
import { screeningDurationText, screeningRunLabel, screeningScopeText } from './screening-run-text'
import { screeningRunsQueryOptions, screeningSummaryQueryOptions } from './screening-runs.api'
import { ScreeningStartModal } from './screening-start-modal'
import { ScreeningSummary, type ShowResults } from './screening-summary'

type Tab = 'results' | 'proposals'
const STATUS_COLORS: Record<ScreeningStatus, string> = {
  running: 'processing',
  completed: 'green',
  failed: 'red',
}

/**
 * 资格筛查: start a run over the caller's scope (or a region / industry), follow its progress, then read its counts
 * by verdict and region, its moves since the previous run, its results and its 高企后备库 proposals. The run, the tab
 * and the results' filters are kept in the address (`?screening=…&tab=…&ruleSet=…`).
 */
export function ScreeningPage() {
  const { can } = useAuth()
  const canScreen = can('qualification:screen')
  const [search, setSearch] = useSearchParams()
  const [isStarting, setIsStarting] = useState(false)
  const tabsRef = useRef<HTMLDivElement>(null)
  const runs = useQuery(screeningRunsQueryOptions)
  const selectedId = search.get('screening') ?? runs.data?.items[0]?.id
  const summary = useQuery({
    ...screeningSummaryQueryOptions(selectedId ?? ''),
    enabled: selectedId !== undefined,
  })
  const resultState = resultStateFromSearch(search)
  const tab: Tab = search.get('tab') === 'proposals' ? 'proposals' : 'results'

  const selectRun = (id: string) => setSearch({ screening: id })
  const changeTab = (next: Tab) => {
    const params = new URLSearchParams(search)
    params.set('tab', next)
    setSearch(params)
  }
  const updateResults = (state: ScreeningResultState) => setSearch(withResultState(search, state))
  const showResults: ShowResults = (filter) => {
    const base = new URLSearchParams({ screening: selectedId ?? '', tab: 'results' })
    setSearch(withResultState(base, { ...DEFAULT_RESULT_STATE, ...filter }))
    tabsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })
  }

  const startButton = canScreen && (
    <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setIsStarting(true)}>
      {t('qualificationScreening.start')}
    </Button>
  )

  if (runs.error) return <QueryError error={runs.error} onRetry={() => void runs.refetch()} />
  if (!runs.data) return <FullPageSpin />
  // Until its summary arrives, a run is shown as the selector lists it (a run just started: 筛查中).
  const run = summary.data
  const shownRun = run ?? runs.data.items.find((r) => r.id === selectedId)

  return (
    <PageContainer title={t('qualificationScreening.title')} extra={startButton}>
      {selectedId === undefined ? (
        <Card>
          <Empty
            description={
              <>
                <div>{t('qualificationScreening.noRuns')}</div>
                <Typography.Text type="secondary">
                  {t(
                    canScreen
                      ? 'qualificationScreening.noRunsHint'
                      : 'qualificationScreening.noRunsNoPermission',
                  )}
                </Typography.Text>
              </>
            }
          >
            {startButton}
          </Empty>
        </Card>
      ) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Select<string>
              aria-label={t('qualificationScreening.run')}
              value={selectedId}
              onChange={selectRun}
              options={runOptions(runs.data.items, run)}
              style={{ width: '100%', maxWidth: 640 }}
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 16px' }}>
              {t('qualificationScreening.runsKeptHint')}
            </Typography.Paragraph>
            {summary.error && <QueryError error={summary.error} onRetry={() => void summary.refetch()} />}
            {shownRun && <RunDetails run={shownRun} />}
          </Card>
          {run?.status === 'completed' && (
            <>
              <ScreeningSummary
                summary={run}
                ruleSet={resultState.ruleSet}
                onRuleSetChange={(ruleSet) => updateResults({ ...resultState, ruleSet, page: 1 })}
                onShowResults={showResults}
              />
              <Card ref={tabsRef}>
                <Tabs
                  activeKey={tab}
                  onChange={(key) => changeTab(key as Tab)}
                  items={[
                    {
                      key: 'results',
                      label: t('qualificationScreening.resultsTab'),
                      children: (
                        // Remounted when the search changes from outside (a figure of the summary), so the
                        // search box shows it.
                        <ScreeningResultsTable
                          key={`${run.id}:${resultState.q ?? ''}`}
                          summary={run}
                          state={resultState}
                          onChange={updateResults}
                        />
                      ),
                    },
                    {
                      key: 'proposals',
                      label:
                        run.proposals.pending > 0
                          ? t('qualificationScreening.proposalsTabPending', { count: run.proposals.pending })
                          : t('qualificationScreening.proposalsTab'),
                      children: <ProposalList key={run.id} summary={run} canDecide={canScreen} />,
                    },
                  ]}
                />
              </Card>
            </>
          )}
        </>
      )}
      {isStarting && (
        <ScreeningStartModal
          onStarted={(started) => {
            setIsStarting(false)
            selectRun(started.id)
          }}
          onClose={() => setIsStarting(false)}
        />
      )}
    </PageContainer>
  )
}

/** The runs of the selector, latest first; a run opened by its address but older than the list is added. */
function runOptions(runs: readonly Screening[], selected: Screening | undefined) {
  const all = selected && !runs.some((r) => r.id === selected.id) ? [selected, ...runs] : runs
  return all.map((r) => ({ value: r.id, label: screeningRunLabel(r) }))
}

function RunDetails({ run }: { run: Screening }) {
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'status',
            label: t('qualificationScreening.status'),
            children: <Tag color={STATUS_COLORS[run.status]}>{SCREENING_STATUS_LABELS[run.status]}</Tag>,
          },
          {
            key: 'evaluationDate',
            label: t('qualificationScreening.evaluationDate'),
            children: run.evaluationDate,
          },
          { key: 'scope', label: t('qualificationScreening.scope'), children: screeningScopeText(run) },
          { key: 'startedBy', label: t('qualificationScreening.startedBy'), children: run.startedBy },
          {
            key: 'startedAt',
            label: t('qualificationScreening.startedAt'),
            children: new Date(run.startedAt).toLocaleString('zh-CN'),
          },
          {
            key: 'duration',
            label: t('qualificationScreening.duration'),
            children: screeningDurationText(run) ?? t('common.none'),
          },
          {
            key: 'count',
            label: t('qualificationScreening.enterpriseCount'),
            // 0 while the server is still counting a running run's enterprises.
            children:
              run.status === 'running' && run.enterpriseCount === 0 ? t('common.none') : run.enterpriseCount,
          },
        ]}
      />
      {run.status === 'running' && (
        <div style={{ marginTop: 12 }} data-testid="screening-progress">
          <Progress percent={screeningProgressPercent(run)} status="active" />
          <Typography.Text type="secondary">
            {run.enterpriseCount > 0
              ? t('qualificationScreening.progress', {
                  processed: run.processedCount,
                  total: run.enterpriseCount,
                })
              : t('qualificationScreening.counting')}
          </Typography.Text>
        </div>
      )}
      {run.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={
            run.error
              ? t('qualificationScreening.failed', { error: run.error })
              : t('qualificationScreening.failedUnknown')
          }
        />
      )}
    </>
  )
}
