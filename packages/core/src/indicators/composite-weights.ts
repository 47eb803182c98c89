/**
 * Weights of the indicators in a composite index, each summing to 1: equal, manual (rescaled), AHP from a
 * pairwise comparison matrix, and entropy (熵权法) from how much the units differ on each indicator.
 */

/** Equal weights 1/n. */
export function computeEqualWeights(count: number): number[] {
  return Array.from({ length: count }, () => 1 / count)
}

/** Manual weights rescaled to sum to 1 (the UI may enter 30/30/40 or 0.3/0.3/0.4 alike). */
export function rescaleWeights(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0)
  if (!(total > 0) || weights.some((w) => w < 0))
    throw new RangeError('weights must be non-negative and not all 0')
  return weights.map((w) => w / total)
}

/**
 * Saaty's random consistency index RI by matrix order n (Saaty 1980; index = n, orders 1 and 2 are always
 * consistent). Orders above 10 have no agreed RI, and Saaty advises at most 7 ± 2 items per comparison.
 */
export const SAATY_RANDOM_INDEX: readonly number[] = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]
export const AHP_MATRIX_MAX_SIZE = SAATY_RANDOM_INDEX.length - 1
/** A consistency ratio at or above 0.1 means the judgements contradict each other too much (Saaty). */
export const AHP_CONSISTENCY_RATIO_LIMIT = 0.1

const POWER_ITERATION_MAX_STEPS = 1000
const POWER_ITERATION_TOLERANCE = 1e-12

export interface AhpWeights {
  /** The principal eigenvector of the matrix, scaled to sum to 1. */
  weights: number[]
  /** The principal eigenvalue λmax (= n for a perfectly consistent matrix). */
  lambdaMax: number
  /** CI = (λmax − n)/(n − 1). */
  consistencyIndex: number
  /** Saaty's RI for this n. */
  randomIndex: number
  /** CR = CI / RI; 0 for n ≤ 2. */
  consistencyRatio: number
  /** CR < AHP_CONSISTENCY_RATIO_LIMIT. */
  isConsistent: boolean
}

/**
 * AHP weights from a reciprocal pairwise comparison matrix (a_ij = how much more important i is than j, on
 * Saaty's 1–9 scale; a_ji = 1/a_ij): the principal eigenvector found by power iteration (it converges for
 * positive matrices, Perron–Frobenius), λmax = mean of (A·w)_i / w_i, CI and CR as above. An inconsistent matrix
 * still gets its weights; `isConsistent` false tells the UI to ask for revised judgements.
 * Validate entry with PairwiseComparisonMatrix; this throws a RangeError for a matrix that is not square or larger
 * than AHP_MATRIX_MAX_SIZE.
 */
export function computeAhpWeights(matrix: readonly (readonly number[])[]): AhpWeights {
  const n = matrix.length
  if (n === 0 || n > AHP_MATRIX_MAX_SIZE || matrix.some((row) => row.length !== n)) {
    throw new RangeError(`AHP needs a square matrix of order 1 to ${AHP_MATRIX_MAX_SIZE}`)
  }
  let weights = computeEqualWeights(n)
  for (let step = 0; step < POWER_ITERATION_MAX_STEPS; step++) {
    const next = multiply(matrix, weights)
    const total = next.reduce((sum, v) => sum + v, 0)
    const scaled = next.map((v) => v / total)
    const change = Math.max(...scaled.map((v, i) => Math.abs(v - weights[i]!)))
    weights = scaled
    if (change < POWER_ITERATION_TOLERANCE) break
  }
  const product = multiply(matrix, weights)
  const lambdaMax = product.reduce((sum, v, i) => sum + v / weights[i]!, 0) / n
  const consistencyIndex = n > 1 ? (lambdaMax - n) / (n - 1) : 0
  const randomIndex = SAATY_RANDOM_INDEX[n]!
  const consistencyRatio = randomIndex > 0 ? consistencyIndex / randomIndex : 0
  return {
    weights,
    lambdaMax,
    consistencyIndex,
    randomIndex,
    consistencyRatio,
    isConsistent: consistencyRatio < AHP_CONSISTENCY_RATIO_LIMIT,
  }
}

function multiply(matrix: readonly (readonly number[])[], vector: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((sum, a, j) => sum + a * vector[j]!, 0))
}

export interface EntropyWeights {
  weights: number[]
  /** e_j in [0, 1]: 1 when all units are alike on indicator j (it tells nothing apart). */
  entropies: number[]
  /** d_j = 1 − e_j, the information of indicator j; weights are d_j / Σ d. */
  divergences: number[]
}

/**
 * Entropy weights (熵权法) from one column of non-negative values per indicator (one value per org unit, NaN
 * where missing; pass min–max normalised values so that direction is already applied):
 * p_ij = x_ij / Σ_i x_ij, e_j = −(1/ln m) Σ_i p_ij ln p_ij (with 0·ln 0 = 0, m = units with a value),
 * d_j = 1 − e_j, w_j = d_j / Σ_k d_k. An indicator whose values are all 0, or with fewer than two values, has
 * e_j = 1 (no information). When no indicator carries information the weights are equal. Negative values are
 * refused with a RangeError: the method is defined for non-negative data only.
 */
export function computeEntropyWeights(columns: readonly ArrayLike<number>[]): EntropyWeights {
  const entropies = columns.map(columnEntropy)
  const divergences = entropies.map((e) => 1 - e)
  const total = divergences.reduce((sum, d) => sum + d, 0)
  const weights = total > 0 ? divergences.map((d) => d / total) : computeEqualWeights(columns.length)
  return { weights, entropies, divergences }
}

function columnEntropy(column: ArrayLike<number>): number {
  let count = 0
  let total = 0
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!
    if (Number.isNaN(v)) continue
    if (v < 0) throw new RangeError('entropy weights need non-negative values')
    count++
    total += v
  }
  if (count < 2 || total === 0) return 1
  let sum = 0
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!
    if (Number.isNaN(v) || v === 0) continue
    const p = v / total
    sum += p * Math.log(p)
  }
  // Clamp float noise: e is in [0, 1] by construction.
  return Math.min(1, Math.max(0, -sum / Math.log(count)))
}
