import { type NormalisationMethod } from './composite-index.schemas'
import { type Direction } from './indicators.schemas'

/**
 * Normalisation of one indicator's values (all org units × all years of the window, NaN where missing) onto a
 * common scale, direction-aware so that a higher normalised value is always better. Missing values stay NaN.
 */

/** EIS: values beyond mean ± 3 SD are outliers when finding min and max. */
export const OUTLIER_STANDARD_DEVIATIONS = 3

/** The figures a normalisation used, published with the result. */
export interface NormalisationParameters {
  /** Values present (not NaN). */
  count: number
  mean: number
  /** Sample standard deviation (n − 1), as R's sd() used by COINr; 0 for fewer than two values. */
  standardDeviation: number
  /** Bounds used by min–max (outliers excluded) or distance to target (all values); after √ if applied. */
  min: number
  max: number
  outlierCount: number
  target: number | null
}

export interface NormalisedValues {
  values: Float64Array
  parameters: NormalisationParameters
}

export interface NormaliseOptions {
  direction: Direction
  /** Take a sign-preserving √ of values (and target) first (EIS, for skewed per-capita counts). */
  sqrtTransform?: boolean
}

/**
 * Min–max as in the EIS recipe (LEARN-FROM M1): (x − min)/(max − min), or (max − x)/(max − min) when lower is
 * better, with min and max taken over every value given (pass all units and all years of the window, so years
 * compare). With `trimOutliers` (default true) values beyond mean ± 3 SD are ignored when finding min and max and
 * then clamped to 0 or 1. When all (kept) values are equal every value scores 0.5, neither best nor worst;
 * outliers above or below that single value score 1 or 0.
 */
export function normaliseMinMax(
  values: ArrayLike<number>,
  options: NormaliseOptions & { trimOutliers?: boolean },
): NormalisedValues {
  const x = transform(values, options.sqrtTransform)
  const stats = describe(x)
  const trim = (options.trimOutliers ?? true) && stats.standardDeviation > 0
  const low = trim ? stats.mean - OUTLIER_STANDARD_DEVIATIONS * stats.standardDeviation : -Infinity
  const high = trim ? stats.mean + OUTLIER_STANDARD_DEVIATIONS * stats.standardDeviation : Infinity
  let min = Infinity
  let max = -Infinity
  let outlierCount = 0
  for (const v of x) {
    if (Number.isNaN(v)) continue
    if (v < low || v > high) outlierCount++
    else {
      if (v < min) min = v
      if (v > max) max = v
    }
  }
  const range = max - min
  const higherIsBetter = options.direction === 'higher'
  const out = new Float64Array(x.length)
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    let n: number
    if (Number.isNaN(v)) n = NaN
    else if (v >= max) n = range > 0 || v > max ? 1 : 0.5
    else if (v <= min) n = 0
    else n = (v - min) / range
    out[i] = higherIsBetter || Number.isNaN(n) ? n : 1 - n
  }
  return { values: out, parameters: { ...stats, min, max, outlierCount, target: null } }
}

/**
 * Z-score: d·(x − mean)/SD with d = −1 when lower is better; mean and sample SD over every value given (all units
 * and years of the window). 0 for every value when the SD is 0.
 */
export function normaliseZScore(values: ArrayLike<number>, options: NormaliseOptions): NormalisedValues {
  const x = transform(values, options.sqrtTransform)
  const stats = describe(x)
  const sign = options.direction === 'higher' ? 1 : -1
  const sd = stats.standardDeviation
  const out = new Float64Array(x.length)
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    out[i] = Number.isNaN(v) ? NaN : sd > 0 ? (sign * (v - stats.mean)) / sd : 0
  }
  return { values: out, parameters: { ...stats, ...bounds(x), outlierCount: 0, target: null } }
}

/**
 * Distance to target as COINr's n_dist2targ (LEARN-FROM M1): (x − x_min)/(target − x_min) when higher is
 * better, (x_max − x)/(x_max − target) when lower is better; 1 = on target, above 1 = beyond it unless `capAtOne`
 * (COINr cap_max, default false). When the target is no better than the worst value (the denominator is 0 or
 * negative), every value already meets it and scores 1.
 */
export function normaliseDistanceToTarget(
  values: ArrayLike<number>,
  options: NormaliseOptions & { target: number; capAtOne?: boolean },
): NormalisedValues {
  const x = transform(values, options.sqrtTransform)
  const target = options.sqrtTransform ? signedSqrt(options.target) : options.target
  const { min, max } = bounds(x)
  const higherIsBetter = options.direction === 'higher'
  const reference = higherIsBetter ? min : max
  const span = higherIsBetter ? target - min : max - target
  const out = new Float64Array(x.length)
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    if (Number.isNaN(v)) out[i] = NaN
    else {
      const n = span > 0 ? (higherIsBetter ? v - reference : reference - v) / span : 1
      out[i] = options.capAtOne ? Math.min(1, n) : n
    }
  }
  return { values: out, parameters: { ...describe(x), min, max, outlierCount: 0, target } }
}

export interface NormalisationSpec extends NormaliseOptions {
  method: NormalisationMethod
  trimOutliers?: boolean
  capAtOne?: boolean
  target?: number | null
}

/** Normalises by the method named in a recipe; distance to target needs `target`. */
export function normaliseValues(values: ArrayLike<number>, spec: NormalisationSpec): NormalisedValues {
  switch (spec.method) {
    case 'min_max':
      return normaliseMinMax(values, spec)
    case 'z_score':
      return normaliseZScore(values, spec)
    case 'distance_to_target':
      if (typeof spec.target !== 'number') throw new RangeError('distance to target needs a target value')
      return normaliseDistanceToTarget(values, { ...spec, target: spec.target })
  }
}

function signedSqrt(v: number): number {
  return Math.sign(v) * Math.sqrt(Math.abs(v))
}

function transform(values: ArrayLike<number>, sqrt: boolean | undefined): Float64Array {
  const out = Float64Array.from(values)
  if (sqrt) for (let i = 0; i < out.length; i++) out[i] = signedSqrt(out[i]!)
  return out
}

function describe(x: Float64Array): { count: number; mean: number; standardDeviation: number } {
  let count = 0
  let sum = 0
  for (const v of x) {
    if (Number.isNaN(v)) continue
    count++
    sum += v
  }
  const mean = count > 0 ? sum / count : NaN
  let squares = 0
  for (const v of x) if (!Number.isNaN(v)) squares += (v - mean) ** 2
  return { count, mean, standardDeviation: count > 1 ? Math.sqrt(squares / (count - 1)) : 0 }
}

function bounds(x: Float64Array): { min: number; max: number } {
  let min = Infinity
  let max = -Infinity
  for (const v of x) {
    if (Number.isNaN(v)) continue
    if (v < min) min = v
    if (v > max) max = v
  }
  return { min, max }
}
