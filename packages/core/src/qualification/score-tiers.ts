import { compare, fraction, type Fraction } from './exact-fraction'

/** One row of an official tier table: "ratio ≥ atLeast" (lower bound inclusive) gives `points` (§0.3). */
export interface RatioTier {
  tier: string
  atLeast: Fraction
  points: number
}

/** A tier table from percentages, best tier first; the last row is the "X以下" tier (atLeast 0). */
export function ratioTiers(
  rows: readonly (readonly [tier: string, atLeastPercent: number, points: number])[],
) {
  return rows.map(([tier, atLeastPercent, points]) => ({
    tier,
    atLeast: fraction(atLeastPercent, 100),
    points,
  }))
}

/** The tier a ratio falls in, compared exactly: the first row whose lower bound it reaches. */
export function findRatioTier(ratio: Fraction, tiers: readonly RatioTier[]): RatioTier {
  return tiers.find((row) => compare(ratio, row.atLeast) >= 0) ?? tiers[tiers.length - 1]!
}

/** The next better tier than `current` in a best-first table, or null at the top. */
export function nextRatioTier(current: RatioTier, tiers: readonly RatioTier[]): RatioTier | null {
  const index = tiers.indexOf(current)
  return index > 0 ? tiers[index - 1]! : null
}

/** A threshold ratio as the percentage the rules print ("30", "4", "0.5"); thresholds are short decimals. */
export function thresholdPercentText(value: Fraction): string {
  return String(Number(value.n * 100n) / Number(value.d))
}
