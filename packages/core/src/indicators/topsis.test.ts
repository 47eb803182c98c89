import { describe, expect, it } from 'vitest'
import { computeTopsisCloseness } from './topsis'

describe('TOPSIS closeness', () => {
  it('measures each unit’s closeness to the ideal (hand-computed)', () => {
    // Weights (0.6, 0.4). Weighted values: A (0.6, 0.4), B (0, 0.2), C (0.3, 0).
    // Ideal (0.6, 0.4), anti-ideal (0, 0).
    // A: D+ = 0, D− = √(0.36 + 0.16) = 0.72111 → C = 1.
    // B: D+ = √(0.36 + 0.04) = 0.63246, D− = 0.2 → C = 0.2/0.83246 = 0.24025.
    // C: D+ = √(0.09 + 0.16) = 0.5, D− = 0.3 → C = 0.3/0.8 = 0.375.
    const result = computeTopsisCloseness(
      [
        [1, 1],
        [0, 0.5],
        [0.5, 0],
      ],
      [0.6, 0.4],
    )
    expect(result.ideal).toEqual([0.6, 0.4])
    expect(result.antiIdeal).toEqual([0, 0])
    result.closeness.forEach((c, i) => expect(c).toBeCloseTo([1, 0.24025, 0.375][i]!, 5))
  })

  it('measures a unit only over the indicators it has', () => {
    // Unit B lacks the first indicator: D+ = |0.5 × 0 − 0.5 × 1| = 0.5, D− = 0 → C = 0.
    const result = computeTopsisCloseness(
      [
        [1, 1],
        [NaN, 0],
      ],
      [0.5, 0.5],
    )
    expect(result.closeness).toEqual([1, 0])
  })

  it('has no closeness when every unit is alike, or for a unit without values', () => {
    expect(computeTopsisCloseness([[0.5], [0.5]], [1]).closeness).toEqual([null, null])
    expect(computeTopsisCloseness([[1], [NaN], [0]], [1]).closeness).toEqual([1, null, 0])
  })
})
