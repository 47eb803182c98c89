import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildExpectedPath, expectedValueAt, type ExpectedPath } from './expected-path'
import { type Target } from './indicators.schemas'

const target = (year: number, value: number | null): Target => ({
  year,
  op: '>=',
  value,
  valueText: value === null ? '-' : String(value),
})

// DY-15 高新技术企业数 (plans.json): 2021 数据 197, targets 248 / 300 / 350 for 2022–2024.
const daye15 = buildExpectedPath(
  { year: 2021, value: 197 },
  [target(2022, 248), target(2023, 300), target(2024, 350)],
  'linear',
)!
// HS14-09 科技型中小企业入库数量: 2020 基数 409, 2025 target 800.
const huangshi09 = (model: 'linear' | 'constant_growth') =>
  buildExpectedPath({ year: 2020, value: 409 }, [target(2025, 800)], model)!

describe('expected path', () => {
  it('goes through every printed yearly target (Daye 2022, 2023, 2024)', () => {
    expect(expectedValueAt(daye15, 2021)!.value).toBe(197)
    expect(expectedValueAt(daye15, 2022)!.value).toBe(248)
    expect(expectedValueAt(daye15, 2023)!.value).toBe(300)
    expect(expectedValueAt(daye15, 2024)!.value).toBe(350)
  })

  it('interpolates linearly between baseline and target: E_t = b + (T − b)(t − t0)/(tT − t0)', () => {
    // 409 + (800 − 409) × (2023 − 2020)/(2025 − 2020) = 409 + 391 × 0.6 = 643.6
    const expected = expectedValueAt(huangshi09('linear'), 2023)!
    expect(expected.value).toBeCloseTo(643.6, 10)
    expect(expected).toMatchObject({ appliedModel: 'linear', fallbackReason: null })
    expect(expected.from).toEqual({ year: 2020, value: 409 })
    expect(expected.to).toEqual({ year: 2025, value: 800 })
  })

  it('grows at a constant rate on the constant-growth path: E_t = b·(T/b)^((t − t0)/(tT − t0))', () => {
    // 409 × (800/409)^0.6 = 409 × 1.95599^0.6 = 409 × e^(0.6 × 0.670897) = 409 × 1.495616 ≈ 611.71
    const expected = expectedValueAt(huangshi09('constant_growth'), 2023)!
    expect(expected.value).toBeCloseTo(409 * (800 / 409) ** 0.6, 9)
    expect(expected.value).toBeCloseTo(611.71, 2)
    expect(expected.appliedModel).toBe('constant_growth')
  })

  it('falls back to linear, and says so, where constant growth is undefined (HS14-13 base −2.1)', () => {
    const path = buildExpectedPath({ year: 2020, value: -2.1 }, [target(2025, 12)], 'constant_growth')!
    const expected = expectedValueAt(path, 2023)!
    // −2.1 + (12 − (−2.1)) × 3/5 = −2.1 + 8.46 = 6.36
    expect(expected.value).toBeCloseTo(6.36, 10)
    expect(expected).toMatchObject({ appliedModel: 'linear', fallbackReason: 'non_positive_value' })
  })

  it('expects nothing before the baseline year and the final target after the plan ends', () => {
    expect(expectedValueAt(daye15, 2020)).toBeNull()
    expect(expectedValueAt(daye15, 2026)!.value).toBe(350)
  })

  it('has no path without a baseline value or without a numeric target (DY-17 prints "/" and "-")', () => {
    expect(buildExpectedPath(null, [target(2020, 12)], 'linear')).toBeNull()
    expect(buildExpectedPath({ year: 2021, value: null }, [target(2022, 5)], 'linear')).toBeNull()
    expect(
      buildExpectedPath({ year: 2021, value: 3 }, [target(2022, null), target(2023, null)], 'linear'),
    ).toBeNull()
  })

  it('skips targets printed without a number and orders the rest by year', () => {
    const path = buildExpectedPath(
      { year: 2021, value: 1 },
      [target(2024, 4), target(2022, null), target(2023, 3)],
      'linear',
    )!
    expect(path.points).toEqual([
      { year: 2021, value: 1 },
      { year: 2023, value: 3 },
      { year: 2024, value: 4 },
    ])
  })

  const positive = fc.integer({ min: 1, max: 1_000_000 })
  const segment = fc.record({ base: positive, goal: positive, span: fc.integer({ min: 1, max: 10 }) })

  it('stays between the two printed points it joins, on both models (property)', () => {
    fc.assert(
      fc.property(
        segment,
        fc.constantFrom('linear', 'constant_growth' as const),
        ({ base, goal, span }, model) => {
          const path: ExpectedPath = buildExpectedPath(
            { year: 2020, value: base },
            [target(2020 + span, goal)],
            model,
          )!
          for (let year = 2020; year <= 2020 + span; year++) {
            const value = expectedValueAt(path, year)!.value
            expect(value).toBeGreaterThanOrEqual(Math.min(base, goal) - 1e-9)
            expect(value).toBeLessThanOrEqual(Math.max(base, goal) + 1e-9)
          }
        },
      ),
    )
  })

  it('expects no more on the constant-growth path than on the linear one, as growth compounds (property)', () => {
    fc.assert(
      fc.property(segment, ({ base, goal, span }) => {
        const linear = buildExpectedPath({ year: 2020, value: base }, [target(2020 + span, goal)], 'linear')!
        const growth = buildExpectedPath(
          { year: 2020, value: base },
          [target(2020 + span, goal)],
          'constant_growth',
        )!
        for (let year = 2020; year <= 2020 + span; year++) {
          expect(expectedValueAt(growth, year)!.value).toBeLessThanOrEqual(
            expectedValueAt(linear, year)!.value + 1e-6,
          )
        }
      }),
    )
  })
})
