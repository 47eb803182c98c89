import type { CompositeIndexResponse, CompositeUnitResult } from '@kechuang/core/indicators'
import type { EChartsOption } from 'echarts'
import { t } from '../../i18n/t'

/** Scores, normalised values and contributions are shown with this many decimals. */
export const SCORE_DECIMALS = 3

export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? t('common.none') : value.toFixed(SCORE_DECIMALS)
}

/** A weight (0–1) as a percentage with one decimal: 0.1667 → "16.7%". */
export function formatWeightPercent(weight: number): string {
  return `${(weight * 100).toFixed(1)}%`
}

/** The categories (一级指标) of the ranked indicators, in recipe order. */
export function compositeCategories(response: Pick<CompositeIndexResponse, 'weights'>): string[] {
  return [...new Set(response.weights.map((w) => w.category))]
}

/**
 * A unit's contribution per category: the sum of its indicators' contributions (w_i × normalised_i over the
 * weights of the indicators it has). With the weighted mean these add up to the score; null where the unit
 * has no value in the category.
 */
export function categoryContributions(
  unit: Pick<CompositeUnitResult, 'contributions'>,
  response: Pick<CompositeIndexResponse, 'weights'>,
): { category: string; contribution: number | null }[] {
  const categoryOf = new Map(response.weights.map((w) => [w.code, w.category]))
  return compositeCategories(response).map((category) => {
    const parts = unit.contributions.filter(
      (c) => categoryOf.get(c.code) === category && c.contribution !== null,
    )
    return {
      category,
      contribution: parts.length === 0 ? null : parts.reduce((sum, c) => sum + (c.contribution ?? 0), 0),
    }
  })
}

/**
 * Whether the bars can be stacked by category: only a weighted mean adds its contributions up to the score
 * (TOPSIS closeness does not), and only non-negative parts stack readably (z-scores can be negative).
 */
export function canStackByCategory(response: Pick<CompositeIndexResponse, 'recipe' | 'units'>): boolean {
  return (
    response.recipe.aggregation === 'weighted_mean' &&
    response.units.every((unit) => unit.contributions.every((c) => (c.contribution ?? 0) >= 0))
  )
}

// Bars and their labels read as the table does.
const round = (value: number | null) => (value === null ? null : Number(value.toFixed(SCORE_DECIMALS)))

/**
 * The ranking as horizontal bars, best at the top; stacked by category contribution when they add up to the
 * score (canStackByCategory), else one bar of the score per unit. Units without a score are left out.
 */
export function compositeScoreChartOption(
  response: Pick<CompositeIndexResponse, 'recipe' | 'units' | 'weights'>,
): EChartsOption {
  const units = response.units.filter((unit) => unit.score !== null).reverse()
  const isStacked = canStackByCategory(response)
  const series: EChartsOption['series'] = isStacked
    ? compositeCategories(response).map((category) => ({
        type: 'bar' as const,
        name: category,
        stack: 'score',
        barMaxWidth: 20,
        data: units.map(
          (unit) =>
            round(
              categoryContributions(unit, response).find((c) => c.category === category)?.contribution ??
                null,
            ) ?? 0,
        ),
      }))
    : [
        {
          type: 'bar' as const,
          name: t('compositeIndex.score'),
          barMaxWidth: 20,
          label: { show: true, position: 'right' },
          data: units.map((unit) => round(unit.score)),
        },
      ]
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: isStacked ? { bottom: 0, type: 'scroll' } : { show: false },
    grid: { left: 8, right: 48, top: 8, bottom: isStacked ? 32 : 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: units.map((unit) => unit.orgUnitName), axisTick: { show: false } },
    series,
  }
}
