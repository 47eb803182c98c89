import type { CompositeIndexResponse } from '@kechuang/core/indicators'
import { Card, Table, Typography, type TableColumnsType } from 'antd'
import { t } from '../../i18n/t'
import { formatScore, formatWeightPercent } from './composite-index-chart-options'
import { AhpConsistency } from './composite-index-weighting-editor'
import { formatIndicatorValue } from './plan-table-rows'

interface ParameterRow {
  code: string
  name: string
  direction: 'higher' | 'lower'
  weight: number
  parameters: CompositeIndexResponse['normalisation'][number]['parameters'] | undefined
  entropy: number | undefined
  divergence: number | undefined
}

const NONE = t('common.none')
const value = (x: number | null | undefined) => formatIndicatorValue(x) ?? NONE

/** 方法说明: the recipe of the ranking beside it — normalisation and its figures, weights, aggregation. */
export function CompositeIndexMethodCard({ result }: { result: CompositeIndexResponse }) {
  const { recipe, method } = result
  const normalisation = recipe.normalisation.method
  const isEntropy = recipe.weighting.method === 'entropy' && result.entropy !== null
  const rows: ParameterRow[] = recipe.indicators.map((indicator, k) => ({
    code: indicator.code,
    name: result.indicators.find((i) => i.code === indicator.code)?.name ?? indicator.code,
    direction: indicator.direction,
    weight: result.weights[k]?.weight ?? 0,
    parameters: result.normalisation.find((n) => n.code === indicator.code)?.parameters,
    entropy: result.entropy?.entropies[k],
    divergence: result.entropy?.divergences[k],
  }))
  const from = result.windowYears[0]
  const to = result.windowYears.at(-1)

  const columns: TableColumnsType<ParameterRow> = [
    {
      title: t('compositeIndex.indicator'),
      key: 'name',
      render: (_, row) => (
        <div style={{ minWidth: 100, maxWidth: 150 }}>
          {`${row.code} ${row.name}`}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('compositeIndex.directionAndCount', {
              direction:
                row.direction === 'higher'
                  ? t('compositeIndex.higherIsBetter')
                  : t('compositeIndex.lowerIsBetter'),
              count: row.parameters?.count ?? 0,
            })}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('compositeIndex.weight'),
      key: 'weight',
      align: 'right',
      render: (_, row) => formatWeightPercent(row.weight),
    },
    ...(isEntropy
      ? [
          scoreColumn(t('compositeIndex.entropy'), 'entropy', (row) => row.entropy),
          scoreColumn(t('compositeIndex.divergence'), 'divergence', (row) => row.divergence),
        ]
      : []),
    ...(normalisation === 'z_score'
      ? [
          numberColumn(t('compositeIndex.mean'), 'mean', (row) => row.parameters?.mean),
          numberColumn(
            t('compositeIndex.standardDeviation'),
            'sd',
            (row) => row.parameters?.standardDeviation,
          ),
        ]
      : [
          numberColumn(t('compositeIndex.min'), 'min', (row) => row.parameters?.min),
          numberColumn(t('compositeIndex.max'), 'max', (row) => row.parameters?.max),
        ]),
    ...(normalisation === 'min_max'
      ? [
          {
            title: t('compositeIndex.outliers'),
            key: 'outliers',
            align: 'right' as const,
            render: (_: unknown, row: ParameterRow) => row.parameters?.outlierCount ?? NONE,
          },
        ]
      : []),
    ...(normalisation === 'distance_to_target'
      ? [numberColumn(t('compositeIndex.target'), 'target', (row) => row.parameters?.target)]
      : []),
  ]

  const paragraph = (text: string) => (
    <Typography.Paragraph style={{ marginBottom: 8 }}>{text}</Typography.Paragraph>
  )
  return (
    <Card title={t('compositeIndex.method')} size="small">
      <Typography.Text strong>
        {t('compositeIndex.methodNormalisation', { label: method.normalisationLabel })}
      </Typography.Text>
      {paragraph(
        normalisation === 'min_max'
          ? t('compositeIndex.methodMinMax')
          : normalisation === 'z_score'
            ? t('compositeIndex.methodZScore')
            : t('compositeIndex.methodDistanceToTarget'),
      )}
      {from !== undefined && to !== undefined && paragraph(t('compositeIndex.methodWindow', { from, to }))}
      <Typography.Text strong>
        {t('compositeIndex.methodWeighting', { label: method.weightingLabel })}
      </Typography.Text>
      {paragraph(
        isEntropy
          ? t('compositeIndex.methodEntropy')
          : recipe.weighting.method === 'manual'
            ? t('compositeIndex.methodManual')
            : recipe.weighting.method === 'ahp'
              ? t('compositeIndex.methodAhp')
              : t('compositeIndex.methodEqual', { count: recipe.indicators.length }),
      )}
      {result.ahp && (
        <div style={{ marginBottom: 8 }}>
          <AhpConsistency ahp={result.ahp} />
        </div>
      )}
      <Typography.Text strong>
        {t('compositeIndex.methodAggregation', { label: method.aggregationLabel })}
      </Typography.Text>
      {paragraph(
        method.aggregation === 'topsis'
          ? t('compositeIndex.methodTopsis')
          : t('compositeIndex.methodWeightedMean'),
      )}
      <Typography.Paragraph type="secondary">{t('compositeIndex.methodRecomputed')}</Typography.Paragraph>
      <Typography.Text strong>{t('compositeIndex.parameters')}</Typography.Text>
      <Table<ParameterRow>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        style={{ marginTop: 8 }}
      />
    </Card>
  )
}

function numberColumn(
  title: string,
  key: string,
  pick: (row: ParameterRow) => number | null | undefined,
): TableColumnsType<ParameterRow>[number] {
  return { title, key, align: 'right', render: (_, row) => value(pick(row)) }
}

function scoreColumn(
  title: string,
  key: string,
  pick: (row: ParameterRow) => number | undefined,
): TableColumnsType<ParameterRow>[number] {
  return { title, key, align: 'right', render: (_, row) => formatScore(pick(row)) }
}
