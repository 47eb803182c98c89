/**
 * TOPSIS (逼近理想解排序法): how close each org unit is to the ideal solution, on values already normalised so
 * that higher is better.
 */

export interface TopsisCloseness {
  /** Per org unit, C = D− / (D+ + D−) in [0, 1]; 1 = the ideal itself. Null without values, or when D+ = D− = 0. */
  closeness: (number | null)[]
  /** Per indicator, the best weighted value of any unit (the positive ideal). */
  ideal: number[]
  /** Per indicator, the worst weighted value (the negative ideal). */
  antiIdeal: number[]
}

/**
 * TOPSIS on a units × indicators matrix of normalised values (NaN where missing) with weights summing to 1:
 * v_ij = w_j·x_ij; ideal A+_j = max_i v_ij, anti-ideal A−_j = min_i v_ij; D+_i and D−_i the Euclidean distances
 * to them over the indicators unit i has; C_i = D−_i / (D+_i + D−_i). The normalisation of the recipe replaces
 * classic TOPSIS's vector normalisation, so ranks agree in method with the weighted mean beside them.
 * When every unit has the same values D+ = D− = 0 and closeness is null (no unit is better than another).
 */
export function computeTopsisCloseness(
  rows: readonly ArrayLike<number>[],
  weights: readonly number[],
): TopsisCloseness {
  const ideal = weights.map(() => -Infinity)
  const antiIdeal = weights.map(() => Infinity)
  for (const row of rows) {
    weights.forEach((w, j) => {
      const v = w * row[j]!
      if (Number.isNaN(v)) return
      if (v > ideal[j]!) ideal[j] = v
      if (v < antiIdeal[j]!) antiIdeal[j] = v
    })
  }
  const closeness = rows.map((row) => {
    let toIdeal = 0
    let toAntiIdeal = 0
    let present = 0
    weights.forEach((w, j) => {
      const v = w * row[j]!
      if (Number.isNaN(v)) return
      present++
      toIdeal += (v - ideal[j]!) ** 2
      toAntiIdeal += (v - antiIdeal[j]!) ** 2
    })
    const dPlus = Math.sqrt(toIdeal)
    const dMinus = Math.sqrt(toAntiIdeal)
    return present === 0 || dPlus + dMinus === 0 ? null : dMinus / (dPlus + dMinus)
  })
  return { closeness, ideal, antiIdeal }
}
