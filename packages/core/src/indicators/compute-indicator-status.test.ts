import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeIndicatorStatus,
  computeProgressRatio,
  createIndicatorStatusEvaluator,
  type StatusIndicator,
} from './compute-indicator-status'
import { formatRatioAsPercent } from './format-indicator-number'
import { type IndicatorStatus, type Target } from './indicators.schemas'

// Indicators as printed in seed-data/plans.json (only the fields status reads).
const printed = (year: number, value: number | null, valueText = String(value)) => ({
  year,
  value,
  valueText,
  note: null,
})
const targets = (op: Target['op'], pairs: [number, number | null][]): Target[] =>
  pairs.map(([year, value]) => ({ year, op, value, valueText: value === null ? '-' : String(value) }))

/** DY-15 高新技术企业数（家）, 约束性. */
const DY_15: StatusIndicator = {
  direction: 'higher',
  nature: 'binding',
  unit: '家',
  baseline: printed(2021, 197),
  targets: targets('>=', [
    [2022, 248],
    [2023, 300],
    [2024, 350],
  ]),
}
/** DY-24 科技型中小企业数（家）, 预期性. */
const DY_24: StatusIndicator = {
  direction: 'higher',
  nature: 'expected',
  unit: '家',
  baseline: printed(2021, 342),
  targets: targets('>=', [
    [2022, 450],
    [2023, 580],
    [2024, 750],
  ]),
}
/** DY-23 万元GDP综合能耗（吨标准煤/万元）, 预期性, lower is better. */
const DY_23: StatusIndicator = {
  direction: 'lower',
  nature: 'expected',
  unit: '吨标准煤/万元',
  baseline: printed(2021, 0.31),
  targets: targets('<=', [
    [2022, 0.3],
    [2023, 0.29],
    [2024, 0.28],
  ]),
}
/** DY-17 规模以上工业企业发明专利申请数: printed "/" and "-", no numbers. */
const DY_17: StatusIndicator = {
  direction: 'higher',
  nature: 'expected',
  unit: '件',
  baseline: printed(2021, null, '/'),
  targets: targets('>=', [
    [2022, null],
    [2023, null],
    [2024, null],
  ]),
}
/** DY-20 省级以上农业产业化龙头企业数（个）: hold 35, then 36. */
const DY_20: StatusIndicator = {
  direction: 'higher',
  nature: 'expected',
  unit: '个',
  baseline: printed(2021, 35),
  targets: targets('>=', [
    [2022, 35],
    [2023, 35],
    [2024, 36],
  ]),
}
/** HS14-04 全社会研发经费投入年均增长率 (%), base 2.58 (2019 data), 2025 target "＞8"; no nature printed. */
const HS14_04: StatusIndicator = {
  direction: 'higher',
  nature: null,
  unit: '%',
  baseline: { year: 2019, value: 2.58, valueText: '2.58*', note: '2019年数据' },
  targets: [{ year: 2025, op: '>', value: 8, valueText: '＞8' }],
}
/** HS14-09 科技型中小企业入库数量（家）: base 409 (2020), 2025 target 800. */
const HS14_09: StatusIndicator = {
  direction: 'higher',
  nature: null,
  unit: '家',
  baseline: printed(2020, 409),
  targets: targets('>=', [[2025, 800]]),
}
/** 十三五 表1 prints no baseline: HS13-01 省级以上重点实验室 ≥12 (2020年实际值 8), HS13-11 国家创新型试点城市 ≥1 (0). */
const HS13_01: StatusIndicator = {
  direction: 'higher',
  nature: null,
  unit: '个',
  baseline: null,
  targets: targets('>=', [[2020, 12]]),
}
const HS13_11: StatusIndicator = { ...HS13_01, targets: targets('>=', [[2020, 1]]) }

const values = (entries: Record<number, number>) =>
  new Map(Object.entries(entries).map(([y, v]) => [Number(y), v]))
const statusOf = (
  indicator: StatusIndicator,
  year: number,
  value: number | null,
  pathModel = 'linear' as const,
) =>
  computeIndicatorStatus({
    indicator,
    pathModel,
    observations: value === null ? new Map() : values({ [year]: value }),
    year,
  })

describe('indicator status — the examples of issue 3', () => {
  it('大冶 2022 高新技术企业数 243 against 248 is not met, 差 5 家, and 滞后 for a 约束性 indicator', () => {
    const result = statusOf(DY_15, 2022, 243)
    expect(result.comparison).toMatchObject({ isMet: false, gap: 5, gapText: '差 5 家' })
    // Progress ratio (243 − 197)/(248 − 197) = 46/51 = 0.902: below 约束性 0.95, at least 0.8.
    expect(result.progressRatio).toBeCloseTo(46 / 51, 10)
    expect(result).toMatchObject({ status: 'lagging', rule: 'progress_ratio' })
    expect(result.expected!.value).toBe(248)
    expect(result.baseline).toEqual({ year: 2021, value: 197 })
    expect(result.current).toBe(243)
    expect(result.yearTarget).toMatchObject({ year: 2022, op: '>=', value: 248 })
  })

  it('科技型中小企业 555 against 450 is 已完成 at 123.3%', () => {
    const result = statusOf(DY_24, 2022, 555)
    expect(result).toMatchObject({ status: 'achieved', rule: 'year_target_met' })
    expect(result.comparison!.isMet).toBe(true)
    expect(result.comparison!.completionRatio).toBeCloseTo(1.2333, 4)
    expect(formatRatioAsPercent(result.comparison!.completionRatio!)).toBe('123.3%')
  })

  it('a ">8" target (HS14-04) with value 8 is not met, and in its target year reads 滞后, not 进度正常', () => {
    const result = statusOf(HS14_04, 2025, 8)
    expect(result.comparison).toMatchObject({ isMet: false, gap: 0, gapText: '需超过 8%' })
    expect(result.isFinalTargetMet).toBe(false)
    // (8 − 2.58)/(8 − 2.58) = 1: on the path, but the plan's time is up.
    expect(result.progressRatio).toBe(1)
    expect(result).toMatchObject({ status: 'lagging', rule: 'final_target_missed' })
  })

  it('万元GDP综合能耗 0.29 in 2022 against ≤0.30 is met', () => {
    const result = statusOf(DY_23, 2022, 0.29)
    expect(result).toMatchObject({ status: 'achieved', rule: 'year_target_met' })
    expect(result.comparison!.completionRatio).toBeCloseTo(0.3 / 0.29, 10)
  })
})

describe('indicator status — rules', () => {
  it('applies stricter thresholds to 约束性: the same 243 is 进度正常 for a 预期性 indicator', () => {
    const result = statusOf({ ...DY_15, nature: 'expected' }, 2022, 243)
    expect(result.status).toBe('on_track')
    expect(result.thresholds).toEqual({ onTrack: 0.9, lagging: 0.6 })
  })

  it('grades lower-is-better progress by how much of the expected fall happened', () => {
    // 2023: expected 0.29 from 0.31; actual 0.30 → (0.31 − 0.30)/(0.31 − 0.29) = 0.5 < 0.6 → 严重滞后.
    const result = statusOf(DY_23, 2023, 0.3)
    expect(result.progressRatio).toBeCloseTo(0.5, 10)
    expect(result.status).toBe('seriously_lagging')
    expect(result.comparison!.gapText).toBe('需再降低 0.01 吨标准煤/万元')
  })

  it('uses the plan’s path model: 620 in 2023 lags the linear path but is on the constant-growth path', () => {
    // Linear E = 643.6 → R = 211/234.6 = 0.899 < 0.9; constant growth E = 611.71 → R = 211/202.71 = 1.04.
    const linear = statusOf(HS14_09, 2023, 620, 'linear')
    const growth = computeIndicatorStatus({
      indicator: HS14_09,
      pathModel: 'constant_growth',
      observations: values({ 2023: 620 }),
      year: 2023,
    })
    expect(linear.status).toBe('lagging')
    expect(growth.status).toBe('on_track')
    expect(growth.expected!.appliedModel).toBe('constant_growth')
  })

  it('is 已完成 when the final target is met early, with no target printed for the year', () => {
    const result = statusOf(HS14_09, 2023, 810)
    expect(result).toMatchObject({
      status: 'achieved',
      rule: 'final_target_met',
      yearTarget: null,
      comparison: null,
    })
  })

  it('is 无数据 without a value for the year', () => {
    const result = statusOf(DY_15, 2023, null)
    expect(result).toMatchObject({ status: 'no_data', rule: 'no_observation', current: null })
    expect(result.expected!.value).toBe(300)
  })

  it('is 无数据 for an indicator printed without numeric targets (DY-17)', () => {
    expect(statusOf(DY_17, 2022, 120)).toMatchObject({ status: 'no_data', rule: 'no_target', current: 120 })
  })

  it('compares with the year’s target only when no baseline is printed (十三五 表1)', () => {
    // HS13-01: 8/12 = 0.667 → 滞后 (≥ 0.6); HS13-11: 0/1 = 0 → 严重滞后.
    const labs = statusOf(HS13_01, 2020, 8)
    expect(labs).toMatchObject({
      status: 'lagging',
      rule: 'completion_ratio',
      progressRatio: null,
      expected: null,
    })
    expect(labs.comparison!.gapText).toBe('差 4 个')
    expect(statusOf(HS13_11, 2020, 0)).toMatchObject({
      status: 'seriously_lagging',
      rule: 'completion_ratio',
    })
  })

  it('is 无数据 without a baseline and without a target for the year: there is nothing to judge against', () => {
    expect(statusOf(HS13_01, 2018, 6)).toMatchObject({ status: 'no_data', rule: 'no_reference' })
  })

  it('treats a fall below a level the plan only asked to hold as 严重滞后 (DY-20 holds 35)', () => {
    const result = statusOf(DY_20, 2023, 34)
    expect(result).toMatchObject({
      status: 'seriously_lagging',
      rule: 'no_progress_expected',
      progressRatio: null,
    })
  })

  it('treats holding the level as 进度正常 where the path expects no progress yet', () => {
    // Base 10, "＞10" by 2025: E = 10 in every year, so 10 in 2023 is not worse than expected.
    const hold: StatusIndicator = {
      ...HS14_09,
      baseline: printed(2020, 10),
      targets: targets('>', [[2025, 10]]),
    }
    expect(statusOf(hold, 2023, 10)).toMatchObject({ status: 'on_track', rule: 'no_progress_expected' })
  })

  it('keeps the final target as the year’s target once the plan has ended', () => {
    const result = statusOf(DY_15, 2025, 340)
    expect(result.yearTarget).toMatchObject({ year: 2024, value: 350 })
    expect(result.comparison!.gapText).toBe('差 10 家')
  })

  it('has no completion ratio for a zero target and then reads a miss as 滞后', () => {
    const zero: StatusIndicator = { ...HS13_01, targets: targets('>', [[2020, 0]]) }
    expect(statusOf(zero, 2020, 0)).toMatchObject({ status: 'lagging', rule: 'completion_ratio_undefined' })
  })

  it('accepts configured thresholds', () => {
    const result = computeIndicatorStatus({
      indicator: DY_15,
      pathModel: 'linear',
      thresholds: { binding: { onTrack: 0.9, lagging: 0.5 }, expected: { onTrack: 0.8, lagging: 0.4 } },
      observations: values({ 2022: 243 }),
      year: 2022,
    })
    expect(result.status).toBe('on_track')
  })

  it('divides differences only, so a zero baseline needs no special case', () => {
    expect(computeProgressRatio(3, 0, 4, 'higher')).toBe(0.75)
    expect(computeProgressRatio(-1, 0, 4, 'higher')).toBe(-0.25)
    expect(computeProgressRatio(5, 5, 5, 'higher')).toBeNull()
    expect(computeProgressRatio(0.3, 0.3, 0.1 + 0.2, 'higher')).toBeNull()
  })
})

describe('indicator status — properties', () => {
  const rank: Record<IndicatorStatus, number> = {
    no_data: -1,
    seriously_lagging: 0,
    lagging: 1,
    on_track: 2,
    achieved: 3,
  }
  const indicator = fc
    .record({
      direction: fc.constantFrom('higher' as const, 'lower' as const),
      nature: fc.constantFrom('binding' as const, 'expected' as const, null),
      base: fc.option(fc.integer({ min: -50, max: 500 }), { nil: null }),
      steps: fc.array(fc.integer({ min: -20, max: 80 }), { minLength: 1, maxLength: 4 }),
      op: fc.constantFrom('>=' as const, '>' as const),
    })
    .map(({ direction, nature, base, steps, op }): StatusIndicator => {
      const sign = direction === 'higher' ? 1 : -1
      let level = base ?? 100
      const printedTargets = steps.map((step, i): Target => {
        level += sign * step
        return {
          year: 2021 + i,
          op: direction === 'higher' ? op : op === '>=' ? '<=' : '<',
          value: level,
          valueText: '',
        }
      })
      return {
        direction,
        nature,
        unit: '家',
        baseline: base === null ? null : printed(2020, base),
        targets: printedTargets,
      }
    })

  it('never gives a worse status to a better value (property)', () => {
    fc.assert(
      fc.property(
        indicator,
        fc.integer({ min: 2020, max: 2026 }),
        fc.integer({ min: -100, max: 700 }),
        fc.integer({ min: 0, max: 200 }),
        (definition, year, value, improvement) => {
          const evaluate = createIndicatorStatusEvaluator(definition, { pathModel: 'linear' })
          const better = definition.direction === 'higher' ? value + improvement : value - improvement
          const before = evaluate(values({ [year]: value }), year)
          const after = evaluate(values({ [year]: better }), year)
          // 无数据 stands outside the order; only meeting a target can lift a value out of it (rule no_reference).
          if (before.status !== 'no_data')
            expect(rank[after.status]).toBeGreaterThanOrEqual(rank[before.status])
          else if (after.status !== 'no_data') expect(after.status).toBe('achieved')
        },
      ),
    )
  })

  it('is 已完成 exactly when the year’s or the final target is met (property)', () => {
    fc.assert(
      fc.property(
        indicator,
        fc.integer({ min: 2020, max: 2026 }),
        fc.integer({ min: -100, max: 700 }),
        (d, year, value) => {
          const result = computeIndicatorStatus({
            indicator: d,
            pathModel: 'linear',
            observations: values({ [year]: value }),
            year,
          })
          const met = result.comparison?.isMet === true || result.isFinalTargetMet === true
          expect(result.status === 'achieved').toBe(met)
        },
      ),
    )
  })
})
