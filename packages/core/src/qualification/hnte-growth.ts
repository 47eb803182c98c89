import {
  add,
  compare,
  divide,
  fraction,
  fractionFromNumber,
  type Fraction,
  isNegative,
  isZero,
  multiply,
  subtract,
} from './exact-fraction'
import { formatFigure, formatPercent } from './format-qualification-numbers'
import { type Band, type Bilingual, lazyBilingual } from './qualification-verdict'

/**
 * 企业成长性 (195号 三(七)4, spec §3.4.4): 净资产增长率 and 销售收入增长率 from the year-end / yearly figures of the
 * assessment window, with the official zero rules, young enterprises (I-HNTE-YOUNG), "按后两年计算"
 * (I-HNTE-LATER2) and negative net assets (I-HNTE-NEG). All comparisons are exact.
 */
export const GROWTH_TIERS = [
  { tier: 'A', atLeast: fraction(35, 100), band: { min: 9, max: 10 } },
  { tier: 'B', atLeast: fraction(25, 100), band: { min: 7, max: 8 } },
  { tier: 'C', atLeast: fraction(15, 100), band: { min: 5, max: 6 } },
  { tier: 'D', atLeast: fraction(5, 100), band: { min: 3, max: 4 } },
] as const
// Below D: "＞0" is tier E, "≤0" tier F (the only strict bound of the table).
const TIER_E = { tier: 'E', band: { min: 1, max: 2 } } as const
const TIER_F = { tier: 'F', band: { min: 0, max: 0 } } as const
const GROWTH_MAX = 10
const DISPLAY_THRESHOLDS = [...GROWTH_TIERS.map((t) => t.atLeast), fraction(0)]
const TWO = fraction(2)
const ONE = fraction(1)

export function growthTier(rate: Fraction): { tier: string; band: Band } {
  const row = GROWTH_TIERS.find((t) => compare(rate, t.atLeast) >= 0)
  if (row !== undefined) return row
  return compare(rate, fraction(0)) > 0 ? TIER_E : TIER_F
}

type GrowthRule = 'formula' | 'first-zero' | 'second-zero'

interface GrowthComputation {
  rule: GrowthRule
  /** null when the rate is undefined (second value 0 → 0 points). */
  rate: Fraction | null
  tier: string
  band: Band
}

/** The formula a computation applied, with the figures as printed (v₁, v₂, v₃). */
function growthFormula(rule: GrowthRule, texts: readonly string[]): string {
  const [t1, t2, t3] = texts
  if (rule === 'second-zero') return '第二年末为0'
  return rule === 'first-zero' ? `${t3}/${t2}−1` : `½×(${t2}/${t1}+${t3}/${t2})−1`
}

/** Steps 2–4 of §3.4.4 on one series (v₁, v₂, v₃). */
export function computeGrowth(values: readonly [Fraction, Fraction, Fraction]): GrowthComputation {
  const [v1, v2, v3] = values
  if (isZero(v2)) return { rule: 'second-zero', rate: null, tier: TIER_F.tier, band: TIER_F.band }
  if (isZero(v1)) {
    const rate = subtract(divide(v3, v2), ONE)
    const { tier, band } = growthTier(rate)
    return { rule: 'first-zero', rate, tier, band }
  }
  // ½·(v₂/v₁ + v₃/v₂) − 1 = (v₂² + v₁·v₃ − 2·v₁·v₂) / (2·v₁·v₂), as one fraction.
  const rate = divide(
    subtract(add(multiply(v2, v2), multiply(v1, v3)), multiply(TWO, multiply(v1, v2))),
    multiply(TWO, multiply(v1, v2)),
  )
  const { tier, band } = growthTier(rate)
  return { rule: 'formula', rate, tier, band }
}

/** The rate as printed ("12.50%"), or the zero rule's "按0分计算". */
function rateText(c: GrowthComputation): string {
  return c.rate === null ? '按0分计算' : `${formatPercent(c.rate, DISPLAY_THRESHOLDS)}%`
}

/** One reading of a series: "净资产增长率 = ½×(…)−1 = 12.50%，C档 5–6 分". */
function describeGrowth(label: string, c: GrowthComputation, texts: readonly string[], rate: string): string {
  const tierText = `${c.tier}档 ${c.band.min === c.band.max ? c.band.min : `${c.band.min}–${c.band.max}`} 分`
  if (c.rule === 'second-zero') return `第二年末${label}为0，按0分计算，${tierText}`
  const prefix = c.rule === 'first-zero' ? `第一年末${label}为0，按后两年计算：` : ''
  return `${prefix}${label}增长率 = ${growthFormula(c.rule, texts)} = ${rate}，${tierText}`
}

export interface GrowthItem {
  band: Band
  tier?: string
  value?: string
  /** Fields (paths) whose absence leaves the band 0–10. */
  missingFields: string[]
  interpretations: string[]
  explanation: Bilingual
}

const ORDINALS = ['第一年末', '第二年末', '第三年末'] as const

/** One figure of a growth series: its value (`null` = unknown), input path, year and Chinese label for messages. */
export interface GrowthFigure {
  value: number | null | undefined
  path: string
  year: number
  label: string
}

/** One growth item from the window's figures, oldest first (1–3 years); `label` is "净资产" or "销售收入". */
export function scoreGrowth(label: '净资产' | '销售收入', figures: readonly GrowthFigure[]): GrowthItem {
  const absent = figures.filter((f) => f.value == null)
  const missingFields = absent.map((f) => f.path)
  if (absent.length > 0) {
    return {
      band: { min: 0, max: GROWTH_MAX },
      missingFields,
      interpretations: [],
      explanation: lazyBilingual(() => ({
        zh: `数据不足：缺少${absent.map((f) => `${f.year} 年${f.label}（${f.path}）`).join('、')}；${label}增长率 0–${GROWTH_MAX} 分。`,
        en: `Insufficient data (${missingFields.join(', ')}): ${label} growth 0–${GROWTH_MAX}.`,
      })),
    }
  }
  const interpretations: string[] = []
  const years = figures.length
  // I-HNTE-YOUNG: a year in which the enterprise did not exist has a year-end value of 0.
  const padded: number[] = []
  for (let i = years; i < 3; i++) padded.push(0)
  for (const figure of figures) padded.push(figure.value as number)
  if (years < 3) interpretations.push('I-HNTE-YOUNG')
  const exact = padded.map(fractionFromNumber) as [Fraction, Fraction, Fraction]
  const youngPrefix = years < 3 ? `实际经营 ${years} 年（此前年末${label}视为0），` : ''
  const literal = computeGrowth(exact)
  if (literal.rule === 'first-zero') interpretations.push('I-HNTE-LATER2')

  const negativeAt: number[] = []
  for (let i = 0; i < exact.length; i++) if (isNegative(exact[i]!)) negativeAt.push(i)
  const literalRate = rateText(literal)
  if (negativeAt.length === 0) {
    return {
      band: literal.band,
      tier: literal.tier,
      value: literal.rate === null ? undefined : literalRate,
      missingFields: [],
      interpretations,
      explanation: lazyBilingual(() => ({
        zh: `${youngPrefix}${describeGrowth(label, literal, padded.map(formatFigure), literalRate)}。`,
        en: `${label} growth: rule ${literal.rule}, tier ${literal.tier}.`,
      })),
    }
  }
  // I-HNTE-NEG: the rules cover "为0" and "增长率为负", not a negative base. Take the union of the formula with
  // the actual values and the practitioners' "负值按0计算".
  interpretations.push('I-HNTE-NEG')
  const zeroed = exact.map((v) => (isNegative(v) ? fraction(0) : v)) as [Fraction, Fraction, Fraction]
  const asZero = computeGrowth(zeroed)
  if (asZero.rule === 'first-zero' && !interpretations.includes('I-HNTE-LATER2'))
    interpretations.push('I-HNTE-LATER2')
  const band = {
    min: Math.min(literal.band.min, asZero.band.min),
    max: Math.max(literal.band.max, asZero.band.max),
  }
  const asZeroRate = rateText(asZero)
  return {
    band,
    tier: literal.tier === asZero.tier ? literal.tier : undefined,
    value: `${literalRate}／${asZeroRate}`,
    missingFields: [],
    interpretations: interpretations.sort(),
    explanation: lazyBilingual(() => {
      const texts = padded.map(formatFigure)
      const zeroedTexts = texts.map((text, i) => (isNegative(exact[i]!) ? '0' : text))
      const where = negativeAt.map((i) => ORDINALS[i]).join('、')
      return {
        zh: `${youngPrefix}${where}${label}为负：官方未规定，按原式 ${literalRate}（${describeGrowth(label, literal, texts, literalRate)}）／按负值视为0 ${asZeroRate}（${describeGrowth(label, asZero, zeroedTexts, asZeroRate)}），取区间 ${band.min}–${band.max} 分。`,
        en: `Negative ${label}: union of the literal formula and negative-as-zero, ${band.min}–${band.max}.`,
      }
    }),
  }
}
