import { SAATY_SCALE_VALUES } from '@kechuang/core/indicators'

/**
 * Pure helpers of the manual and AHP weight editors on the composite-index page. AHP judgements are kept by
 * indicator pair, so adding or removing an indicator keeps the judgements already made on the others.
 */

/** A value on Saaty's scale as people write it: 3 → "3", 1/3 → "1/3", 0.2 (typed) → "1/5". */
export function formatSaatyValue(value: number): string {
  if (value >= 1) return String(Math.round(value * 100) / 100)
  const denominator = 1 / value
  const rounded = Math.round(denominator)
  return Math.abs(denominator - rounded) < 1e-6 ? `1/${rounded}` : value.toFixed(3)
}

/** The choices of one judgement, 1/9 … 9, labelled as people write them. */
export const SAATY_OPTIONS = SAATY_SCALE_VALUES.map((value) => ({
  value,
  label: formatSaatyValue(value),
}))

/** Key of the judgement "how much more important is `rowCode` than `columnCode`" (the upper triangle). */
export function judgementKey(rowCode: string, columnCode: string): string {
  return `${rowCode}|${columnCode}`
}

/**
 * The full reciprocal matrix from the upper-triangle judgements: a_ii = 1, a_ij the judgement (1 when not
 * made yet), a_ji = 1 / a_ij.
 */
export function buildPairwiseMatrix(
  codes: readonly string[],
  judgements: Readonly<Record<string, number>>,
): number[][] {
  return codes.map((rowCode, i) =>
    codes.map((columnCode, j) => {
      if (i === j) return 1
      if (i < j) return judgements[judgementKey(rowCode, columnCode)] ?? 1
      return 1 / (judgements[judgementKey(columnCode, rowCode)] ?? 1)
    }),
  )
}

/** The weight entered for each code (1 when none), for the POST body. */
export function manualWeightsOf(
  codes: readonly string[],
  entered: Readonly<Record<string, number | null | undefined>>,
): Record<string, number> {
  return Object.fromEntries(codes.map((code) => [code, entered[code] ?? 1]))
}

/** Each weight's share of the total, as the server rescales them; all 0 when the total is not positive. */
export function normaliseWeights(weights: Readonly<Record<string, number>>): Record<string, number> {
  const total = Object.values(weights).reduce((sum, w) => sum + w, 0)
  return Object.fromEntries(Object.entries(weights).map(([code, w]) => [code, total > 0 ? w / total : 0]))
}
