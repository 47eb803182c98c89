import {
  ceilToScaledInteger,
  compare,
  floorToScaledInteger,
  formatScaledInteger,
  fractionFromNumber,
  type Fraction,
  roundToScaledInteger,
  roundToScaledNumber,
} from './exact-fraction'

// Display rules of spec §0.2: percentages half-up to 2 decimals for display only; when the rounded figure would
// equal a threshold the exact value misses (or exceeds), up to 6 decimals ("3.999967%", never "4.00% < 4%").
// Formatting runs for every figure of every verdict, so the common cases use integer maths on numbers.
const DISPLAY_DECIMALS = 2
const PRECISE_DECIMALS = 6
const HUNDRED = 100n
const PRECISE_SCALE = 1_000_000n

function stripTrailingZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

/** Hundredths as text: 1234567 → "12345.67"; `trimmed` drops trailing zeros ("12345.6", "12345"). */
function hundredthsText(hundredths: number, trimmed: boolean): string {
  const magnitude = Math.abs(hundredths)
  const whole = Math.floor(magnitude / 100)
  const decimals = magnitude % 100
  const sign = hundredths < 0 ? '-' : ''
  if (!trimmed) return `${sign}${whole}.${decimals < 10 ? '0' : ''}${decimals}`
  if (decimals === 0) return `${sign}${whole}`
  return decimals % 10 === 0
    ? `${sign}${whole}.${decimals / 10}`
    : `${sign}${whole}.${decimals < 10 ? '0' : ''}${decimals}`
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER)

function scaledText(scaled: bigint, trimmed: boolean): string {
  if (scaled <= MAX_SAFE && scaled >= MIN_SAFE) {
    return hundredthsText(Number(scaled), trimmed)
  }
  const text = formatScaledInteger(scaled, DISPLAY_DECIMALS)
  return trimmed ? stripTrailingZeros(text) : text
}

// A threshold as a percentage scaled to 2 and to 6 decimals (null when it has more decimals); thresholds are a
// few constants of the rule sets, so this is computed once per threshold.
interface ScaledThreshold {
  display: bigint | null
  /** `display` as a number, for the fast path (null when it has more decimals). */
  displayNumber: number | null
  precise: bigint | null
}
const scaledThresholds = new WeakMap<Fraction, ScaledThreshold>()
function scaledAt(threshold: Fraction, scale: bigint): bigint | null {
  const numerator = threshold.n * HUNDRED * scale
  return numerator % threshold.d === 0n ? numerator / threshold.d : null
}
function scaledThreshold(threshold: Fraction): ScaledThreshold {
  let scaled = scaledThresholds.get(threshold)
  if (scaled === undefined) {
    const display = scaledAt(threshold, HUNDRED)
    scaled = {
      display,
      displayNumber: display === null ? null : Number(display),
      precise: scaledAt(threshold, PRECISE_SCALE),
    }
    scaledThresholds.set(threshold, scaled)
  }
  return scaled
}

/** True when a threshold prints as these hundredths of a percent (then the figure may need more decimals). */
function printsAsThreshold(hundredths: number, thresholds: readonly Fraction[]): boolean {
  for (const threshold of thresholds) if (thresholdHundredths(threshold) === hundredths) return true
  return false
}

const SMALL_PART = 2 ** 30
/** A threshold in hundredths of a percent (0.04 → 400), null when it has more decimals. */
function thresholdHundredths(threshold: Fraction): number | null {
  const n = Number(threshold.n)
  const d = Number(threshold.d)
  // Thresholds are short decimals: exact in doubles, no cache lookup needed.
  if (Math.abs(n) < SMALL_PART && d < SMALL_PART) {
    const scaled = n * 10_000
    return scaled % d === 0 ? scaled / d : null
  }
  return scaledThreshold(threshold).displayNumber
}

/**
 * A ratio as a percentage without the "%" sign ("4.77"). `thresholds` are the ratios the figure is compared
 * with (0.04 for "≥ 4%"); the figure never prints as a threshold it is not equal to.
 */
export function formatPercent(ratio: Fraction, thresholds: readonly Fraction[] = []): string {
  // Fast path: rounded in doubles, and no threshold prints the same, so the 2-decimal figure cannot mislead.
  const hundredths = roundToScaledNumber(ratio, DISPLAY_DECIMALS + 2)
  if (hundredths !== null && !printsAsThreshold(hundredths, thresholds))
    return hundredthsText(hundredths, false)
  const percent = { n: ratio.n * HUNDRED, d: ratio.d }
  const rounded = roundToScaledInteger(percent, DISPLAY_DECIMALS)
  // Misleading: the rounded figure prints a threshold that the exact value is not equal to.
  const misleading = thresholds.filter(
    (t) => scaledThreshold(t).display === rounded && compare(ratio, t) !== 0,
  )
  if (misleading.length === 0) return scaledText(rounded, false)
  const precise = roundToScaledInteger(percent, PRECISE_DECIMALS)
  if (!misleading.some((t) => scaledThreshold(t).precise === precise)) {
    return stripTrailingZeros(formatScaledInteger(precise, PRECISE_DECIMALS))
  }
  // Even 6 decimals round onto the threshold: cut towards the side the exact value is on.
  const isBelow = compare(ratio, misleading[0]!) < 0
  const cut = isBelow
    ? floorToScaledInteger(percent, PRECISE_DECIMALS)
    : ceilToScaledInteger(percent, PRECISE_DECIMALS)
  return formatScaledInteger(cut, PRECISE_DECIMALS)
}

/** A figure as entered (万元 or 人): "5000", "3967.5", "20000.01". */
export function formatFigure(value: number): string {
  // Figures with at most two decimals (all money): integer maths, no double-to-text conversion.
  const hundredths = Math.round(value * 100)
  if (Number.isSafeInteger(hundredths) && hundredths / 100 === value) return hundredthsText(hundredths, true)
  const text = String(value)
  if (!text.includes('e')) return text
  return stripTrailingZeros(formatScaledInteger(roundToScaledInteger(fractionFromNumber(value), 6), 6))
}

/** An exact sum or difference of entered figures, to at most 2 decimals ("12800", "10417.5"). */
export function formatExact(value: Fraction): string {
  const hundredths = roundToScaledNumber(value, DISPLAY_DECIMALS)
  if (hundredths !== null) return hundredthsText(hundredths, true)
  return scaledText(roundToScaledInteger(value, DISPLAY_DECIMALS), true)
}

/** Gap rule (§2.8): rounded up to the display unit 0.01. Money gaps print two decimals ("30.00"). */
export function ceilToHundredths(value: Fraction): { amount: number; text: string } {
  const scaled = ceilToScaledInteger(value, DISPLAY_DECIMALS)
  return { amount: Number(scaled) / 100, text: scaledText(scaled, false) }
}

/** A head-count gap, rounded up to 0.01 人, printed without trailing zeros ("1", "0.5", "2.34"). */
export function ceilHeadcount(value: Fraction): { amount: number; text: string } {
  const scaled = ceilToScaledInteger(value, DISPLAY_DECIMALS)
  return { amount: Number(scaled) / 100, text: scaledText(scaled, true) }
}
