/**
 * Numbers of indicators as people read them: no float noise (0.1 + 0.2 reads 0.3), no more decimals than the
 * figures they come from, units as printed in the plans ("5 家", "8%", "0.2 个百分点").
 */

/** Decimals shown at most, for computed figures (a derived 1/3) that carry no printed precision. */
export const MAX_DISPLAY_DECIMALS = 4

export function isPercentUnit(unit: string): boolean {
  const trimmed = unit.length === 1 ? unit : unit.trim()
  return trimmed === '%' || trimmed === '％'
}

/** Beyond this many decimals a double has no exact short decimal form worth showing. */
const DECIMALS_SEARCHED = 15
const POWERS_OF_TEN = Array.from({ length: DECIMALS_SEARCHED + 1 }, (_, d) => 10 ** d)

/**
 * Decimal places of a number as JavaScript writes it in its shortest form: 0.29 → 2, 243 → 0, 1.5e-7 → 8.
 * Exact: d is the fewest places at which rounding to d places gives the same double back, which is the
 * shortest decimal that reads as this double (so 0.29 is never counted as 0.28999…). Arithmetic rather than
 * text, since status formats gaps for every cell.
 */
export function countDecimals(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0
  const magnitude = Math.abs(value)
  for (let d = 1; d <= DECIMALS_SEARCHED; d++) {
    const power = POWERS_OF_TEN[d]!
    if (Math.round(magnitude * power) / power === magnitude) return d
  }
  const [mantissa = '', exponent = '0'] = magnitude.toExponential().split('e')
  return Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - Number(exponent))
}

/**
 * The value rounded at `decimals` places (half away from zero); removes float noise when `decimals` is the
 * inputs' precision: roundToDecimals(0.1 + 0.2, 1) = 0.3. Never returns −0.
 */
export function roundToDecimals(value: number, decimals: number): number {
  const power = POWERS_OF_TEN[decimals] ?? 10 ** decimals
  const rounded = Math.round(Math.abs(value) * power) / power
  return value < 0 && rounded !== 0 ? -rounded : rounded
}

/**
 * A number as text rounded at `decimals` places, without trailing zeros or float noise. Callers choose the
 * places (the inputs' decimals, capped at MAX_DISPLAY_DECIMALS for computed figures).
 */
export function formatIndicatorNumber(value: number, decimals: number): string {
  return String(roundToDecimals(value, decimals))
}

/** A level in its unit: "248 家", "8%", "0.3 吨标准煤/万元". */
export function formatQuantity(value: number, unit: string, decimals: number): string {
  const number = formatIndicatorNumber(value, decimals)
  if (isPercentUnit(unit)) return `${number}%`
  return unit === '' ? number : `${number} ${unit}`
}

/**
 * A difference between two levels in their unit: "5 家"; for percentages "0.2 个百分点", since the gap between
 * 3.0% and 3.2% is 0.2 percentage points, not 0.2%.
 */
export function formatDifference(value: number, unit: string, decimals: number): string {
  if (isPercentUnit(unit)) return `${formatIndicatorNumber(value, decimals)} 个百分点`
  return formatQuantity(value, unit, decimals)
}

/** A ratio as a percentage with fixed decimals, as 完成率 columns print it: 1.23333 → "123.3%". */
export function formatRatioAsPercent(ratio: number, decimals = 1): string {
  return `${roundToDecimals(ratio * 100, decimals).toFixed(decimals)}%`
}
