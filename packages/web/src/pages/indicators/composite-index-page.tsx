import { EditOutlined } from '@ant-design/icons'
import {
  AHP_ITEMS_MIN,
  AHP_MATRIX_MAX_SIZE,
  NORMALISATION_METHODS,
  NORMALISATION_METHOD_LABELS,
  WEIGHTING_METHOD_LABELS,
  type CompositeIndexRequestWeighting,
  type CompositeIndexResponse,
  type CompositeUnitResult,
  type NormalisationMethod,
  type PlanDetail,
} from '@kechuang/core/indicators'
import { useQuery } from '@tanstack/react-query'
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Row,
  Select,
  Switch,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd'
import { useState, type CSSProperties } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { FullPageSpin } from '../../app/full-page-spin'
import { Chart } from '../../components/chart/chart'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { ApiError } from '../../lib/api-client'
import { useIsMobile } from '../../lib/use-is-mobile'
import {
  categoryContributions,
  compositeCategories,
  compositeScoreChartOption,
  formatScore,
  formatWeightPercent,
} from './composite-index-chart-options'
import { CompositeIndexMethodCard } from './composite-index-method-card'
import { compareWithPreviousYear, formatScoreChange, type RankChange } from './composite-index-rank-change'
import { buildPairwiseMatrix, manualWeightsOf } from './composite-index-weighting'
import { AhpMatrixEditor, ManualWeightsEditor } from './composite-index-weighting-editor'
import { compositeIndexQueryOptions, type CompositeIndexView } from './composite-index.api'
import { planQueryOptions } from './indicators.api'
import { defaultPlanYear, planYears } from './pick-default-plan'
import { PlanContextBar, usePlanSearchParams } from './plan-context-bar'
import { formatIndicatorValue } from './plan-table-rows'

const WEIGHTINGS = ['equal', 'entropy', 'manual', 'ahp'] as const
type ChosenWeighting = (typeof WEIGHTINGS)[number]

/** 综合指数排名: the child units of a unit ranked by a composite index, with the recipe and every contribution. */
export function CompositeIndexPage() {
  const { planId = '' } = useParams()
  const context = usePlanSearchParams()
  const { data: plan, error, refetch } = useQuery(planQueryOptions(planId, context.orgUnitId))
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!plan) return <FullPageSpin />
  return <RankingView plan={plan} year={context.year} onContextChange={context.update} />
}

function RankingView({
  plan,
  year,
  onContextChange,
}: {
  plan: PlanDetail
  year: number | undefined
  onContextChange: (change: { orgUnitId?: string; year?: number }) => void
}) {
  const isMobile = useIsMobile()
  const { can } = useAuth()
  const recipe = useRecipeSearchParams()
  const parent = plan.valuesOrgUnit
  // Manual weights and AHP judgements live on the page (not the address); the ranking is keyed on them.
  const [manualWeights, setManualWeights] = useState<Record<string, number | null>>({})
  const [judgements, setJudgements] = useState<Record<string, number>>({})
  const chosenCodes = recipe.view.indicatorCodes ?? []
  const chosenIndicators = chosenCodes.map((code) => ({
    code,
    name: plan.indicators.find((i) => i.code === code)?.name ?? code,
  }))
  const { weighting, blockedReason } = buildWeighting(
    recipe.view.weighting,
    chosenCodes,
    manualWeights,
    judgements,
  )
  const view: CompositeIndexView = { orgUnitId: parent.id, year, ...recipe.view, weighting }
  const { data, error, refetch, isFetching, isPlaceholderData } = useQuery({
    ...compositeIndexQueryOptions(plan.id, view),
    enabled: blockedReason === undefined,
  })
  // The same recipe one year earlier, for "why did our rank change"; its failure only hides the comparison.
  const previousYear = data && data.windowYears.includes(data.year - 1) ? data.year - 1 : undefined
  const previous = useQuery({
    ...compositeIndexQueryOptions(plan.id, { ...view, year: previousYear }),
    enabled: previousYear !== undefined && !isPlaceholderData && blockedReason === undefined,
  })
  const changes =
    data &&
    previous.data &&
    !isPlaceholderData &&
    !previous.isPlaceholderData &&
    previous.data.year === previousYear
      ? compareWithPreviousYear(data, previous.data)
      : undefined
  const isNothingToRank =
    (error instanceof ApiError && error.code === 'NOTHING_TO_RANK') ||
    (!error && data !== undefined && data.units.every((unit) => unit.score === null))
  const result = error || blockedReason ? undefined : data

  return (
    <PageContainer title={t('compositeIndex.pageTitle', { plan: plan.name })}>
      <PlanContextBar
        regionOrgUnitId={plan.regionOrgUnitId}
        orgUnitId={parent.id}
        year={year ?? result?.year ?? defaultPlanYear(plan)}
        years={planYears(plan)}
        onChange={onContextChange}
        unitLabel={t('compositeIndex.parentUnit')}
        yearLabel={t('compositeIndex.year')}
      />
      <Form layout={isMobile ? 'vertical' : 'inline'} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('compositeIndex.normalisation')} htmlFor="composite-normalisation">
          <Select<NormalisationMethod>
            id="composite-normalisation"
            value={recipe.view.normalisation}
            onChange={(normalisation) => recipe.update({ normalisation })}
            options={NORMALISATION_METHODS.map((m) => ({ value: m, label: NORMALISATION_METHOD_LABELS[m] }))}
            style={{ width: isMobile ? '100%' : 240 }}
          />
        </Form.Item>
        <Form.Item label={t('compositeIndex.weighting')} htmlFor="composite-weighting">
          <Select<ChosenWeighting>
            id="composite-weighting"
            value={recipe.view.weighting}
            onChange={(chosen) =>
              recipe.update({
                weighting: chosen,
                // Manual and AHP weigh named indicators: start from those of the ranking shown.
                ...(chosen !== 'equal' && chosen !== 'entropy' && !recipe.view.indicatorCodes && result
                  ? {
                      indicators: result.indicators
                        .map((i) => i.code)
                        .slice(0, chosen === 'ahp' ? AHP_MATRIX_MAX_SIZE : undefined)
                        .join(','),
                    }
                  : {}),
              })
            }
            options={WEIGHTINGS.map((w) => ({ value: w, label: WEIGHTING_METHOD_LABELS[w] }))}
            style={{ width: isMobile ? '100%' : 170 }}
          />
        </Form.Item>
        <Form.Item
          label={<Tooltip title={t('compositeIndex.topsisHint')}>{t('compositeIndex.topsis')}</Tooltip>}
        >
          <Switch
            aria-label={t('compositeIndex.topsis')}
            checked={recipe.view.isTopsis}
            onChange={(isTopsis) => recipe.update({ topsis: isTopsis ? 'true' : undefined })}
          />
        </Form.Item>
        <Form.Item label={t('compositeIndex.indicators')} htmlFor="composite-indicators">
          <Select<string[]>
            id="composite-indicators"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('compositeIndex.indicatorsPlaceholder')}
            value={[...(recipe.view.indicatorCodes ?? result?.indicators.map((i) => i.code) ?? [])]}
            onChange={(codes) => recipe.update({ indicators: codes.length ? codes.join(',') : undefined })}
            options={plan.indicators.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))}
            style={{ width: isMobile ? '100%' : 360 }}
          />
        </Form.Item>
      </Form>

      {recipe.view.weighting === 'manual' && chosenIndicators.length > 0 && (
        <ManualWeightsEditor
          indicators={chosenIndicators}
          entered={manualWeights}
          onChange={setManualWeights}
        />
      )}
      {recipe.view.weighting === 'ahp' && chosenIndicators.length >= AHP_ITEMS_MIN && (
        <AhpMatrixEditor
          indicators={chosenIndicators.slice(0, AHP_MATRIX_MAX_SIZE)}
          judgements={judgements}
          onChange={setJudgements}
          ahp={result?.recipe.weighting.method === 'ahp' ? result.ahp : undefined}
        />
      )}
      {blockedReason && <Alert type="info" showIcon title={blockedReason} style={{ marginBottom: 16 }} />}
      {result?.warnings.map((warning) => (
        <Alert key={warning} type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />
      ))}
      {error && !isNothingToRank && <QueryError error={error} onRetry={() => void refetch()} />}
      {isNothingToRank && (
        <Card>
          <Empty
            description={
              <Typography.Paragraph style={{ maxWidth: 560, margin: '0 auto' }}>
                {t('compositeIndex.empty', { unit: parent.name })}
                <br />
                <Typography.Text type="secondary">
                  {t('compositeIndex.emptyHint', { plan: plan.name })}
                </Typography.Text>
              </Typography.Paragraph>
            }
          >
            {can('observations:report') && (
              <Link to={`/plans/${plan.id}/entry`}>
                <Button type="primary" icon={<EditOutlined />}>
                  {t('compositeIndex.toEntry')}
                </Button>
              </Link>
            )}
          </Empty>
        </Card>
      )}
      {!isNothingToRank && !result && !error && !blockedReason && <FullPageSpin />}
      {!isNothingToRank && result && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Card
              title={t('compositeIndex.ranking', { unit: parent.name, year: result.year })}
              style={{ opacity: isFetching ? 0.6 : 1 }}
            >
              <Chart
                option={compositeScoreChartOption(result)}
                height={Math.max(200, result.units.filter((u) => u.score !== null).length * 36 + 60)}
              />
              <RankingTable result={result} changes={changes} />
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <CompositeIndexMethodCard result={result} />
          </Col>
        </Row>
      )}
    </PageContainer>
  )
}

function RankingTable({
  result,
  changes,
}: {
  result: CompositeIndexResponse
  changes: Map<string, RankChange> | undefined
}) {
  const categories = compositeCategories(result)
  const previousYear = result.year - 1
  const columns: TableColumnsType<CompositeUnitResult> = [
    {
      title: t('compositeIndex.rank'),
      key: 'rank',
      width: 64,
      align: 'center',
      render: (_, unit) => unit.rank ?? t('common.none'),
    },
    { title: t('compositeIndex.unit'), key: 'unit', render: (_, unit) => unit.orgUnitName },
    {
      title: t('compositeIndex.score'),
      key: 'score',
      align: 'right',
      render: (_, unit) =>
        unit.score === null ? (
          <Typography.Text type="secondary">{t('compositeIndex.noScore')}</Typography.Text>
        ) : (
          <Typography.Text strong>{formatScore(unit.score)}</Typography.Text>
        ),
    },
    ...(changes
      ? [
          {
            title: (
              <Tooltip title={t('compositeIndex.rankChangeHint', { year: previousYear })}>
                {t('compositeIndex.rankChange', { year: previousYear })}
              </Tooltip>
            ),
            key: 'rankChange',
            align: 'center' as const,
            render: (_: unknown, unit: CompositeUnitResult) => (
              <RankChangeText change={changes.get(unit.orgUnitId)} />
            ),
          },
        ]
      : []),
    ...categories.map((category) => ({
      title: category,
      key: `category-${category}`,
      align: 'right' as const,
      render: (_: unknown, unit: CompositeUnitResult) =>
        formatScore(unit.categoryScores.find((c) => c.category === category)?.score),
    })),
  ]
  return (
    <Table<CompositeUnitResult>
      rowKey="orgUnitId"
      size="small"
      columns={columns}
      dataSource={result.units}
      pagination={false}
      scroll={{ x: 'max-content' }}
      style={{ marginTop: 16 }}
      expandable={{
        expandedRowRender: (unit) => (
          <ContributionTable result={result} unit={unit} change={changes?.get(unit.orgUnitId)} />
        ),
        rowExpandable: (unit) => unit.score !== null,
      }}
    />
  )
}

interface ContributionRow {
  key: string
  label: string
  unit: string
  category: string
  value: number | null
  normalised: number | null
  weight: number | null
  contribution: number | null
  contributionChange: number | null
  isTotal?: boolean
}

/** One unit's indicators: raw value, normalised value, weight and contribution; the total is the score. */
function ContributionTable({
  result,
  unit,
  change,
}: {
  result: CompositeIndexResponse
  unit: CompositeUnitResult
  change: RankChange | undefined
}) {
  const isMobile = useIsMobile()
  const categoryOf = new Map(result.weights.map((w) => [w.code, w.category]))
  const rows: ContributionRow[] = unit.contributions.map((c) => {
    const indicator = result.indicators.find((i) => i.code === c.code)
    return {
      key: c.code,
      label: `${c.code} ${indicator?.name ?? ''}`,
      unit: indicator?.unit ?? '',
      category: categoryOf.get(c.code) ?? '',
      ...c,
      contributionChange: change?.contributionChanges.find((x) => x.code === c.code)?.change ?? null,
    }
  })
  const isTopsis = result.recipe.aggregation === 'topsis'
  const hasMissing = unit.contributions.some((c) => c.contribution === null)
  const total: ContributionRow = {
    key: 'total',
    label: isTopsis ? t('compositeIndex.contributionSum') : t('compositeIndex.total'),
    unit: '',
    category: '',
    value: null,
    normalised: null,
    weight: null,
    contribution: isTopsis
      ? categoryContributions(unit, result).reduce((sum, c) => sum + (c.contribution ?? 0), 0)
      : unit.score,
    contributionChange: isTopsis ? null : (change?.scoreChange ?? null),
    isTotal: true,
  }
  const none = t('common.none')
  const columns: TableColumnsType<ContributionRow> = [
    {
      title: t('compositeIndex.indicator'),
      key: 'label',
      render: (_, row) =>
        row.isTotal ? (
          <Typography.Text strong>{row.label}</Typography.Text>
        ) : (
          <div style={{ minWidth: 140, maxWidth: isMobile ? 160 : 280 }}>
            {row.label}
            <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>
              {row.category}
            </Typography.Text>
          </div>
        ),
    },
    {
      title: t('compositeIndex.rawValue'),
      key: 'value',
      align: 'right',
      render: (_, row) =>
        row.isTotal ? '' : row.value === null ? none : `${formatIndicatorValue(row.value)} ${row.unit}`,
    },
    {
      title: t('compositeIndex.normalised'),
      key: 'normalised',
      align: 'right',
      render: (_, row) => (row.isTotal ? '' : formatScore(row.normalised)),
    },
    {
      title: t('compositeIndex.weight'),
      key: 'weight',
      align: 'right',
      render: (_, row) => (row.weight === null ? '' : formatWeightPercent(row.weight)),
    },
    {
      title: t('compositeIndex.contribution'),
      key: 'contribution',
      align: 'right',
      render: (_, row) =>
        row.isTotal ? (
          <Typography.Text strong>{formatScore(row.contribution)}</Typography.Text>
        ) : (
          formatScore(row.contribution)
        ),
    },
  ]
  const hasChanges = !isTopsis && change?.contributionChanges.some((c) => c.change !== null)
  if (change && hasChanges)
    columns.push({
      title: t('compositeIndex.contributionChange', { year: change.previousYear }),
      key: 'contributionChange',
      align: 'right',
      render: (_, row) =>
        row.contributionChange === null ? none : formatScoreChange(row.contributionChange),
    })
  // On a phone the expanded row is as wide as the scrolled table; keep its sentences within the screen.
  const noteStyle = { fontSize: 12, maxWidth: isMobile ? 'calc(100vw - 96px)' : undefined }
  return (
    <div>
      {change && <ChangeSummary result={result} change={change} style={noteStyle} />}
      {isTopsis && (
        <Typography.Paragraph type="secondary" style={noteStyle}>
          {t('compositeIndex.topsisContributionNote')}
        </Typography.Paragraph>
      )}
      <Table<ContributionRow>
        rowKey="key"
        size="small"
        bordered
        columns={columns}
        dataSource={[...rows, total]}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {hasMissing && (
        <Typography.Paragraph type="secondary" style={{ ...noteStyle, marginTop: 8, marginBottom: 0 }}>
          {t('compositeIndex.missingValueNote')}
        </Typography.Paragraph>
      )}
    </div>
  )
}

function RankChangeText({ change }: { change: RankChange | undefined }) {
  if (change?.rankChange === null || change?.rankChange === undefined) return t('common.none')
  const places = change.rankChange
  if (places === 0) return <Typography.Text type="secondary">{t('compositeIndex.rankSame')}</Typography.Text>
  return (
    <Typography.Text type={places > 0 ? 'success' : 'danger'}>
      {places > 0
        ? t('compositeIndex.rankUp', { count: places })
        : t('compositeIndex.rankDown', { count: -places })}
    </Typography.Text>
  )
}

/** One sentence: score and rank against last year, and the indicator that moved the score most. */
function ChangeSummary({
  result,
  change,
  style,
}: {
  result: CompositeIndexResponse
  change: RankChange
  style: CSSProperties
}) {
  const { rankChange, scoreChange, previousYear } = change
  const largest = change.contributionChanges.find((c) => c.change !== null)
  const name = largest && result.indicators.find((i) => i.code === largest.code)?.name
  const rank =
    rankChange === null
      ? t('compositeIndex.changeSummaryUnranked')
      : rankChange > 0
        ? t('compositeIndex.changeSummaryUp', { count: rankChange })
        : rankChange < 0
          ? t('compositeIndex.changeSummaryDown', { count: -rankChange })
          : t('compositeIndex.changeSummarySame')
  return (
    <Typography.Paragraph style={style}>
      {scoreChange === null
        ? rank
        : t('compositeIndex.changeSummary', {
            year: previousYear,
            score: formatScoreChange(scoreChange),
            rank,
          })}
      {largest?.change !== null &&
        largest?.change !== undefined &&
        t('compositeIndex.changeLargest', {
          indicator: `${largest.code} ${name ?? ''}`.trim(),
          change: formatScoreChange(largest.change),
        })}
    </Typography.Paragraph>
  )
}

/**
 * The weighting to send, or why none can be sent yet: manual weights need chosen indicators (not all 0),
 * AHP needs AHP_ITEMS_MIN to AHP_MATRIX_MAX_SIZE of them.
 */
function buildWeighting(
  method: ChosenWeighting,
  codes: readonly string[],
  manualWeights: Readonly<Record<string, number | null>>,
  judgements: Readonly<Record<string, number>>,
): { weighting: CompositeIndexRequestWeighting; blockedReason?: string } {
  if (method === 'manual') {
    const weights = manualWeightsOf(codes, manualWeights)
    const blockedReason =
      codes.length === 0
        ? t('compositeIndex.chooseIndicatorsForManual')
        : Object.values(weights).some((w) => w > 0)
          ? undefined
          : t('compositeIndex.manualWeightsAllZero')
    return { weighting: { method, weights }, blockedReason }
  }
  if (method === 'ahp') {
    const items = codes.slice(0, AHP_MATRIX_MAX_SIZE)
    const blockedReason =
      codes.length < AHP_ITEMS_MIN || codes.length > AHP_MATRIX_MAX_SIZE
        ? t('compositeIndex.chooseIndicatorsForAhp', { min: AHP_ITEMS_MIN, max: AHP_MATRIX_MAX_SIZE })
        : undefined
    return { weighting: { method, items, matrix: buildPairwiseMatrix(items, judgements) }, blockedReason }
  }
  return { weighting: { method } }
}

/** The recipe options, kept in the address (?normalisation=…&weighting=…&topsis=true&indicators=…). */
function useRecipeSearchParams(): {
  view: Required<Pick<CompositeIndexView, 'normalisation' | 'isTopsis'>> &
    Pick<CompositeIndexView, 'indicatorCodes'> & { weighting: ChosenWeighting }
  update(change: Record<string, string | undefined>): void
} {
  const [params, setParams] = useSearchParams()
  const normalisation = params.get('normalisation')
  const weighting = params.get('weighting')
  const indicators = params.get('indicators')
  return {
    view: {
      normalisation: NORMALISATION_METHODS.find((m) => m === normalisation) ?? 'min_max',
      weighting: WEIGHTINGS.find((w) => w === weighting) ?? 'equal',
      isTopsis: params.get('topsis') === 'true',
      indicatorCodes: indicators ? indicators.split(',').filter(Boolean) : undefined,
    },
    update(change) {
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          for (const [key, value] of Object.entries(change)) {
            if (value === undefined) next.delete(key)
            else next.set(key, value)
          }
          return next
        },
        { replace: true },
      )
    },
  }
}
