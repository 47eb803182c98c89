import {
  MAX_DISPLAY_DECIMALS,
  countDecimals,
  formatIndicatorNumber,
  type IndicatorStatusRow,
  type IndicatorView,
  type Observation,
  type Target,
} from '@kechuang/core/indicators'

export interface PlanTableRow {
  key: string
  indicator: IndicatorView
  /** The category cell spans its indicators: the first row of a category carries the count, the rest 0. */
  categoryRowSpan: number
  /** The current value of the year shown, if any. */
  actual: Observation | undefined
  /** Status for the year shown, once the status endpoint has answered. */
  status: IndicatorStatusRow | undefined
}

/**
 * Indicators in the plan's printed order → table rows with the category merged over its indicators, as the
 * plans print them (一级指标 in the first column). Categories are kept together even if orders interleave.
 */
export function buildPlanTableRows(
  indicators: readonly IndicatorView[],
  year: number,
  statusRows: readonly IndicatorStatusRow[] = [],
): PlanTableRow[] {
  const statusById = new Map(statusRows.map((row) => [row.indicatorId, row]))
  const categories: string[] = []
  const byCategory = new Map<string, IndicatorView[]>()
  for (const indicator of [...indicators].sort((a, b) => a.order - b.order)) {
    const list = byCategory.get(indicator.category)
    if (list) list.push(indicator)
    else {
      categories.push(indicator.category)
      byCategory.set(indicator.category, [indicator])
    }
  }
  return categories.flatMap((category) => {
    const list = byCategory.get(category) ?? []
    return list.map((indicator, index) => ({
      key: indicator.id,
      indicator,
      categoryRowSpan: index === 0 ? list.length : 0,
      actual: indicator.actuals.find((o) => o.year === year),
      status: statusById.get(indicator.id),
    }))
  })
}

/** Every year some indicator has a target for, in order: the plan table's target columns. */
export function targetYears(indicators: readonly Pick<IndicatorView, 'targets'>[]): number[] {
  return [...new Set(indicators.flatMap((i) => i.targets.map((target) => target.year)))].sort((a, b) => a - b)
}

/** A target as the plan prints it ("＞8", "0.29"); the operator ≥ is implied where the plan prints none. */
export function printedTarget(targets: readonly Target[], year: number): string | undefined {
  return targets.find((target) => target.year === year)?.valueText
}

/** A value as people read it: as many decimals as it carries (0.29, 243), without float noise. */
export function formatIndicatorValue(value: number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined
  return formatIndicatorNumber(value, Math.min(countDecimals(value), MAX_DISPLAY_DECIMALS))
}
