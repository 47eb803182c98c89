import {
  AHP_CONSISTENCY_RATIO_LIMIT,
  AHP_MATRIX_MAX_SIZE,
  type CompositeIndexResponse,
} from '@kechuang/core/indicators'
import { Card, InputNumber, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { t } from '../../i18n/t'
import { formatWeightPercent } from './composite-index-chart-options'
import {
  SAATY_OPTIONS,
  buildPairwiseMatrix,
  formatSaatyValue,
  judgementKey,
  manualWeightsOf,
  normaliseWeights,
} from './composite-index-weighting'

interface IndicatorLabel {
  code: string
  name: string
}

/** 手动赋权: one weight per chosen indicator, with its share of the total (the server rescales to sum 1). */
export function ManualWeightsEditor({
  indicators,
  entered,
  onChange,
}: {
  indicators: readonly IndicatorLabel[]
  entered: Readonly<Record<string, number | null>>
  onChange: (entered: Record<string, number | null>) => void
}) {
  const weights = manualWeightsOf(
    indicators.map((i) => i.code),
    entered,
  )
  const shares = normaliseWeights(weights)
  const columns: TableColumnsType<IndicatorLabel> = [
    { title: t('compositeIndex.indicator'), key: 'name', render: (_, i) => `${i.code} ${i.name}` },
    {
      title: t('compositeIndex.enteredWeight'),
      key: 'entered',
      render: (_, i) => (
        <InputNumber<number>
          aria-label={t('compositeIndex.enteredWeightOf', { indicator: i.code })}
          min={0}
          value={weights[i.code]}
          onChange={(value) => onChange({ ...entered, [i.code]: value })}
          style={{ width: 120 }}
        />
      ),
    },
    {
      title: t('compositeIndex.normalisedWeight'),
      key: 'share',
      align: 'right',
      render: (_, i) => formatWeightPercent(shares[i.code] ?? 0),
    },
  ]
  return (
    <Card size="small" title={t('compositeIndex.manualTitle')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('compositeIndex.manualHint')}</Typography.Paragraph>
      <Table<IndicatorLabel>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={[...indicators]}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  )
}

/**
 * 层次分析法: the pairwise judgement matrix of the chosen indicators. The upper triangle is chosen on Saaty's
 * scale, the lower triangle shows the reciprocals; the consistency check comes from the server's answer.
 */
export function AhpMatrixEditor({
  indicators,
  judgements,
  onChange,
  ahp,
}: {
  indicators: readonly IndicatorLabel[]
  judgements: Readonly<Record<string, number>>
  onChange: (judgements: Record<string, number>) => void
  /** The consistency check of the matrix last computed, when the ranking shown used AHP. */
  ahp: CompositeIndexResponse['ahp'] | undefined
}) {
  const codes = indicators.map((i) => i.code)
  const matrix = buildPairwiseMatrix(codes, judgements)
  const columns: TableColumnsType<IndicatorLabel> = [
    {
      title: t('compositeIndex.ahpRowHeader'),
      key: 'row',
      fixed: 'left',
      render: (_, row) => <Typography.Text strong>{row.code}</Typography.Text>,
    },
    ...indicators.map((column, j) => ({
      title: column.code,
      key: column.code,
      align: 'center' as const,
      render: (_: unknown, row: IndicatorLabel, i: number) => {
        const value = matrix[i]![j]!
        if (i < j)
          return (
            <Select<number>
              aria-label={t('compositeIndex.ahpJudgementOf', { row: row.code, column: column.code })}
              value={value}
              options={SAATY_OPTIONS}
              onChange={(chosen) =>
                onChange({ ...judgements, [judgementKey(row.code, column.code)]: chosen })
              }
              style={{ width: 76 }}
            />
          )
        return (
          <Typography.Text type={i === j ? undefined : 'secondary'}>
            {formatSaatyValue(value)}
          </Typography.Text>
        )
      },
    })),
  ]
  return (
    <Card size="small" title={t('compositeIndex.ahpTitle')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        {t('compositeIndex.ahpHint', { max: AHP_MATRIX_MAX_SIZE })}
      </Typography.Paragraph>
      <Table<IndicatorLabel>
        rowKey="code"
        size="small"
        bordered
        columns={columns}
        dataSource={[...indicators]}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {indicators.map((i) => `${i.code} ${i.name}`).join('；')}
      </Typography.Paragraph>
      {ahp && <AhpConsistency ahp={ahp} />}
    </Card>
  )
}

/** CR and 一致性检验通过/未通过, from the server's answer. */
export function AhpConsistency({ ahp }: { ahp: NonNullable<CompositeIndexResponse['ahp']> }) {
  return (
    <Space wrap>
      <Typography.Text>
        {t('compositeIndex.ahpFigures', {
          lambdaMax: ahp.lambdaMax.toFixed(4),
          ci: ahp.consistencyIndex.toFixed(4),
          ri: ahp.randomIndex.toFixed(2),
          cr: ahp.consistencyRatio.toFixed(4),
        })}
      </Typography.Text>
      <Tag color={ahp.isConsistent ? 'success' : 'error'}>
        {t(ahp.isConsistent ? 'compositeIndex.ahpConsistent' : 'compositeIndex.ahpInconsistent', {
          limit: AHP_CONSISTENCY_RATIO_LIMIT,
        })}
      </Tag>
    </Space>
  )
}
