import {
  compare,
  divide,
  fraction,
  fractionFromNumber,
  type Fraction,
  isZero,
  multiply,
  subtract,
} from './exact-fraction'
import { ceilHeadcount, ceilToHundredths, formatFigure, formatPercent } from './format-qualification-numbers'
import {
  describeExcludedIp,
  type ExcludedIp,
  ipClassOf,
  reasonsForUncountedType,
} from './intellectual-property'
import { addDays, addYears, yearOf } from './qualification-dates'
import { FIELD_LABELS, nameField, type QualificationField, type TsmeInput } from './qualification.schemas'
import {
  addBands,
  bandText,
  singleInput,
  conditionTrace,
  allOf,
  anyOf,
  type Band,
  type Bilingual,
  type ConditionGap,
  type ConditionTrace,
  type IndicatorTrace,
  isReviewStatus,
  lazyBilingual,
  qualifiedOf,
  type RouteId,
  type RouteStatus,
  type RouteTrace,
  sortedIds,
  sortedUnion,
  statusOfBand,
  type Truth,
  truthOf,
  type Verdict,
} from './qualification-verdict'
import { findRatioTier, nextRatioTier, type RatioTier, ratioTiers, thresholdPercentText } from './score-tiers'
import { summarize } from './summarize-verdict'

/**
 * Rule set `tsme-2022` — 科技型中小企业评价 (国科发政〔2017〕115号 with the 2022 评价条件 of 国科火字〔2022〕67号),
 * spec §2. Thresholds, tier tables and route lists are data here; `evaluateTsme2022` applies them.
 */
export const TSME_2022_RULES = {
  maxEmployees: 500,
  maxSalesWanYuan: 20_000,
  maxAssetsWanYuan: 20_000,
  /** 97号公告 第四条: 主营业务收入占比 50%（不含）以上 (I-TSME-97). */
  excludedIndustryRatioAbove: fraction(1, 2),
  passScore: 60,
  techStaffTiers: ratioTiers([
    ['A', 30, 20],
    ['B', 25, 16],
    ['C', 20, 12],
    ['D', 15, 8],
    ['E', 10, 4],
    ['F', 0, 0],
  ]),
  rdSalesTiers: ratioTiers([
    ['A', 6, 50],
    ['B', 5, 40],
    ['C', 4, 30],
    ['D', 3, 20],
    ['E', 2, 10],
    ['F', 0, 0],
  ]),
  rdCostTiers: ratioTiers([
    ['A', 30, 50],
    ['B', 25, 40],
    ['C', 20, 30],
    ['D', 15, 20],
    ['E', 10, 10],
    ['F', 0, 0],
  ]),
  /** 科技成果指标: class Ⅰ count ≥ 1 → A; otherwise by the Ⅱ类 count, best first. */
  ipTiers: [
    { tier: 'A', classI: 1, classII: 0, points: 30 },
    { tier: 'B', classI: 0, classII: 4, points: 24 },
    { tier: 'C', classI: 0, classII: 3, points: 18 },
    { tier: 'D', classI: 0, classII: 2, points: 12 },
    { tier: 'E', classI: 0, classII: 1, points: 6 },
    { tier: 'F', classI: 0, classII: 0, points: 0 },
  ],
  maxPoints: { techStaff: 20, rd: 50, ip: 30 },
  hnteCertificateYears: 3,
  awardMaxUnitRank: 3,
  standardMaxDraftingRank: 5,
  /** "近五年内": Y−4 … Y inside, Y−5 undecided (I-TSME-5Y). */
  recentYears: 5,
  qualifyingInstitutionLevels: ['national', 'provincial', 'ministerial'],
  qualifyingInstitutionTypes: [
    'keyLaboratory',
    'engineeringTechnologyResearchCenter',
    'engineeringLaboratory',
    'engineeringResearchCenter',
    'enterpriseTechnologyCenter',
    'internationalJointResearchCenter',
  ],
  qualifyingStandardLevels: ['international', 'national', 'industry'],
} as const

const RULES = TSME_2022_RULES
const DOC = '国科发政〔2017〕115号'
const DOC_2022 = '国科火字〔2022〕67号'

interface ConditionDefinition {
  id: string
  basis: string
  /** How the summary cites it: "第六条（二）". */
  article: string
}
const C = {
  resident: { id: 'TSME-C1-resident', basis: `${DOC} 第六条（一）`, article: '第六条（一）' },
  accounting: {
    id: 'TSME-C1-accounting',
    basis: `${DOC_2022} 评价条件（一）`,
    article: '2022年评价条件（一）',
  },
  employees: { id: 'TSME-C2-employees', basis: `${DOC} 第六条（二）`, article: '第六条（二）' },
  sales: { id: 'TSME-C2-sales', basis: `${DOC} 第六条（二）`, article: '第六条（二）' },
  assets: { id: 'TSME-C2-assets', basis: `${DOC} 第六条（二）`, article: '第六条（二）' },
  industry: {
    id: 'TSME-C3-industry',
    basis: `${DOC_2022} 评价条件（三）；财税〔2015〕119号`,
    article: '2022年评价条件（三）',
  },
  integrity: {
    id: 'TSME-C4-integrity',
    basis: `${DOC_2022} 评价条件（四）`,
    article: '2022年评价条件（四）',
  },
  creditList: {
    id: 'TSME-C4-credit-list',
    basis: `${DOC_2022} 评价条件（四）`,
    article: '2022年评价条件（四）',
  },
  score: { id: 'TSME-C5-score', basis: `${DOC} 第六条（五）、第七条`, article: '第六条（五）' },
  techStaffNonzero: {
    id: 'TSME-C5-tech-staff-nonzero',
    basis: `${DOC} 第六条（五）`,
    article: '第六条（五）',
  },
} satisfies Record<string, ConditionDefinition>

export const TSME_2022_ARTICLES: Record<string, string> = Object.fromEntries(
  Object.values(C).map((c) => [c.id, c.article]),
)

const ROUTE_ORDER: readonly RouteId[] = [
  'hnte-certificate',
  'national-sci-tech-award',
  'provincial-rd-institution',
  'led-standard',
]

type Input = TsmeInput

function missing(fields: readonly QualificationField[]): { missingFields: string[]; explanation: Bilingual } {
  return {
    missingFields: [...fields],
    explanation: lazyBilingual(() => ({
      zh: `数据不足：缺少${fields.map((f) => nameField(f)).join('、')}。`,
      en: `Insufficient data: missing ${fields.join(', ')}.`,
    })),
  }
}

function nullFields(
  input: Input,
  fields: readonly (keyof Input & QualificationField)[],
): QualificationField[] {
  return fields.filter((field) => input[field] == null)
}

// ------------------------------------------------------------------------------------------------------------
// Basic conditions (§2.3)

function booleanCondition(
  definition: ConditionDefinition,
  field: keyof Input & QualificationField,
  value: boolean | null | undefined,
  passWhen: boolean,
  text: { pass: string; fail: string; passEn: string; failEn: string },
  interpretations?: string[],
): ConditionTrace {
  const base = {
    id: definition.id,
    basis: definition.basis,
    inputs: singleInput(field, value ?? null),
    interpretations,
  }
  if (value == null) {
    const m = missing([field])
    return conditionTrace(base, {
      status: 'insufficient-data',
      missingFields: m.missingFields,
      explanation: m.explanation,
    })
  }
  const passes = value === passWhen
  return conditionTrace(base, {
    status: passes ? 'pass' : 'fail',
    explanation: passes ? { zh: text.pass, en: text.passEn } : { zh: text.fail, en: text.failEn },
  })
}

function accountingCondition(input: Input): ConditionTrace {
  const inputs = {
    accountingSound: input.accountingSound ?? null,
    taxCollectionMethod: input.taxCollectionMethod ?? null,
  }
  const base = { id: C.accounting.id, basis: C.accounting.basis, inputs, interpretations: ['I-TSME-SRC'] }
  if (input.accountingSound === false || input.taxCollectionMethod === 'deemed') {
    const reason = input.taxCollectionMethod === 'deemed' ? '实行核定征收' : '会计核算不健全'
    return conditionTrace(base, {
      status: 'fail',
      explanation: lazyBilingual(() => ({
        zh: `${reason}，不满足2022年评价条件（一）。`,
        en: 'Deemed tax collection or unsound accounting: fails 2022 condition (1).',
      })),
    })
  }
  const absent = nullFields(input, ['accountingSound', 'taxCollectionMethod'])
  if (absent.length > 0) {
    const m = missing(absent)
    return conditionTrace(base, {
      status: 'insufficient-data',
      missingFields: m.missingFields,
      explanation: m.explanation,
    })
  }
  return conditionTrace(base, {
    status: 'pass',
    explanation: lazyBilingual(() => ({
      zh: '会计核算健全、查账征收、能准确归集研发费用，满足2022年评价条件（一）。',
      en: 'Sound accounting, audit-based tax collection: meets 2022 condition (1).',
    })),
  })
}

function upperLimitCondition(
  definition: ConditionDefinition,
  field: 'employeeCount' | 'salesRevenueWanYuan' | 'totalAssetsWanYuan',
  value: number | null | undefined,
  limit: number,
  unit: '人' | '万元',
  label: string,
  limitText: string,
): ConditionTrace {
  const base = {
    id: definition.id,
    basis: definition.basis,
    inputs: singleInput(field, value ?? null),
    threshold: `≤ ${limit} ${unit}`,
  }
  if (value == null) {
    const m = missing([field])
    return conditionTrace(base, {
      status: 'insufficient-data',
      missingFields: m.missingFields,
      explanation: m.explanation,
    })
  }
  const shown = formatFigure(value)
  // A figure against a whole-number limit: comparing the doubles is exact (rounding to double keeps order).
  if (value <= limit) {
    return conditionTrace(base, {
      status: 'pass',
      value: shown,
      explanation: lazyBilingual(() => ({
        zh: `${label} ${shown} ${unit} ≤ ${limit} ${unit}。`,
        en: `${field} ${shown} ≤ ${limit}.`,
      })),
    })
  }
  const excess = subtract(fractionFromNumber(value), fraction(limit))
  const gap = unit === '人' ? ceilHeadcount(excess) : ceilToHundredths(excess)
  return conditionTrace(base, {
    status: 'fail',
    value: shown,
    gap: { amount: gap.amount, unit, text: `超过上限 ${gap.text} ${unit}` },
    explanation: lazyBilingual(() => ({
      zh: `${label} ${shown} ${unit}，超过 ${limitText}上限 ${gap.text} ${unit}。`,
      en: `${field} ${shown} exceeds the limit ${limit} by ${gap.text}.`,
    })),
  })
}

function industryCondition(input: Input): ConditionTrace {
  const interpretations = ['I-TSME-SRC']
  const restricted = input.industryRestrictedOrEliminated ?? null
  const ratio = input.excludedIndustryRevenueRatio ?? null
  let excluded = input.industryExcludedFromRdSuperDeduction ?? null
  // 97号公告 第四条: excluded when the 119号 industries make up more than 50% (不含) of income (I-TSME-97).
  const usesRatio = excluded === null && ratio !== null
  if (usesRatio) {
    excluded = compare(fractionFromNumber(ratio), RULES.excludedIndustryRatioAbove) > 0
    interpretations.push('I-TSME-97')
  }
  const base = {
    id: C.industry.id,
    basis: C.industry.basis,
    inputs: {
      industryRestrictedOrEliminated: restricted,
      industryExcludedFromRdSuperDeduction: input.industryExcludedFromRdSuperDeduction ?? null,
      excludedIndustryRevenueRatio: ratio,
    },
    threshold: usesRatio ? '主营业务收入占比 ≤ 50%' : undefined,
    interpretations,
  }
  if (restricted === true || excluded === true) {
    const reasons: string[] = []
    if (restricted === true) reasons.push('《产业结构调整指导目录》限制类/淘汰类')
    if (excluded === true) {
      reasons.push(
        usesRatio
          ? `财税〔2015〕119号不适用加计扣除行业（主营收入占比 ${formatPercent(fractionFromNumber(ratio!), [RULES.excludedIndustryRatioAbove])}% > 50%）`
          : '财税〔2015〕119号不适用加计扣除行业',
      )
    }
    return conditionTrace(base, {
      status: 'fail',
      explanation: lazyBilingual(() => ({
        zh: `所在行业属于${reasons.join('，且属于')}。`,
        en: 'The industry is restricted/eliminated or excluded from the R&D super deduction (财税〔2015〕119号).',
      })),
    })
  }
  const absent: QualificationField[] = []
  if (restricted === null) absent.push('industryRestrictedOrEliminated')
  if (excluded === null) absent.push('industryExcludedFromRdSuperDeduction', 'excludedIndustryRevenueRatio')
  if (absent.length > 0) {
    const m = missing(absent)
    return conditionTrace(base, {
      status: 'insufficient-data',
      missingFields: m.missingFields,
      explanation: m.explanation,
    })
  }
  return conditionTrace(base, {
    status: 'pass',
    explanation: lazyBilingual(() => ({
      zh: '所在行业不属于限制类、淘汰类及研发费用加计扣除负面清单行业。',
      en: 'The industry is neither restricted/eliminated nor excluded from the R&D super deduction.',
    })),
  })
}

// ------------------------------------------------------------------------------------------------------------
// Scoring (§2.4)

interface ScoredIndicator {
  trace: IndicatorTrace
  /** Fields whose absence widens the band. */
  missingFields: QualificationField[]
  /** "数据不足：缺少…；…最高可得 N 分" when data is missing. */
  missingNote?: string
  interpretations: string[]
}

function pointsBand(points: number): Band {
  return { min: points, max: points }
}

function tierGapText(next: RatioTier, needed: { text: string }, unit: string, what: string): string {
  return `距 ${next.tier} 档（≥ ${thresholdPercentText(next.atLeast)}%）还需增加${what} ${needed.text} ${unit}`
}

function scoreTechStaff(input: Input): ScoredIndicator {
  const id = 'TSME-I-tech-staff'
  const label = '科技人员指标'
  const max = RULES.maxPoints.techStaff
  const absent = nullFields(input, ['techStaffCount', 'employeeCount'])
  if (absent.length > 0 || input.employeeCount === 0) {
    const fields: QualificationField[] = absent.length > 0 ? absent : ['employeeCount']
    const reason =
      absent.length > 0
        ? `缺少${fields.map((f) => nameField(f)).join('、')}`
        : `${nameField('employeeCount')}为 0，科技人员占比无法计算`
    const note = `数据不足：${reason}；${label}最高可得 ${max} 分`
    return {
      trace: {
        id,
        label,
        band: { min: 0, max },
        judgement: false,
        explanation: lazyBilingual(() => ({
          zh: `${note}。`,
          en: `Insufficient data: tech staff indicator 0–${max}.`,
        })),
      },
      missingFields: fields,
      missingNote: note,
      interpretations: [],
    }
  }
  const t = fractionFromNumber(input.techStaffCount!)
  const n = fractionFromNumber(input.employeeCount!)
  const ratio = divide(t, n)
  const tiers = RULES.techStaffTiers
  const row = findRatioTier(ratio, tiers)
  const r = formatPercent(
    ratio,
    tiers.map((x) => x.atLeast),
  )
  const next = nextRatioTier(row, tiers)
  let gap: ConditionGap | undefined
  let gapText = ''
  if (next !== null) {
    const needed = ceilHeadcount(subtract(multiply(next.atLeast, n), t))
    gapText = `；${tierGapText(next, needed, '人', '科技人员')}（职工总数不变）`
    gap = { amount: needed.amount, unit: '人', text: `再增加科技人员 ${needed.text} 人` }
  }
  const tText = formatFigure(input.techStaffCount!)
  const nText = formatFigure(input.employeeCount!)
  return {
    trace: {
      id,
      label,
      band: pointsBand(row.points),
      tier: row.tier,
      value: `${r}%`,
      judgement: false,
      gap,
      explanation: lazyBilingual(() => ({
        zh: `科技人员 ${tText}/${nText} = ${r}%，${row.tier}档，得 ${row.points} 分${gapText}。`,
        en: `Tech staff ${tText}/${nText} = ${r}%, tier ${row.tier}, ${row.points} points.`,
      })),
    },
    missingFields: [],
    interpretations: [],
  }
}

/** One of the two R&D alternatives of §2.4.2: (1) 研发费用/销售收入, (2) 研发费用/成本费用. */
interface RdAlternative {
  ordinal: '(1)' | '(2)'
  /** "销售收入" or "成本费用". */
  name: string
  /** null when the denominator is unknown. */
  points: number | null
  /** The denominator was 0: the alternative scores 0 (I-TSME-ZERO). */
  isZero: boolean
  text: string
  ratioText?: string
  /** Smallest R&D increase to reach a higher tier of this alternative, if any. */
  gap: Fraction | null
}

function scoreRdAlternative(
  rdValue: number,
  denominatorValue: number | null | undefined,
  field: 'salesRevenueWanYuan' | 'costExpenseTotalWanYuan',
  tiers: readonly RatioTier[],
  ordinal: '(1)' | '(2)',
  short: string,
): RdAlternative {
  const label = `${ordinal} 研发费用/${short}`
  if (denominatorValue == null) {
    return { ordinal, name: short, points: null, text: '', gap: null, isZero: false }
  }
  const rd = fractionFromNumber(rdValue)
  const denominator = fractionFromNumber(denominatorValue)
  const rdText = formatFigure(rdValue)
  if (isZero(denominator)) {
    return {
      ordinal,
      name: short,
      points: 0,
      isZero: true,
      gap: null,
      text: `${label}：${FIELD_LABELS[field]}为 0，比例无法计算，按 0 分`,
    }
  }
  const ratio = divide(rd, denominator)
  const row = findRatioTier(ratio, tiers)
  const next = nextRatioTier(row, tiers)
  const r = formatPercent(
    ratio,
    tiers.map((x) => x.atLeast),
  )
  return {
    ordinal,
    name: short,
    points: row.points,
    isZero: false,
    gap: next === null ? null : subtract(multiply(next.atLeast, denominator), rd),
    ratioText: `${r}%`,
    text: `${label} = ${rdText}/${formatFigure(denominatorValue)} = ${r}% → ${row.points} 分`,
  }
}

function scoreRd(input: Input): ScoredIndicator {
  const id = 'TSME-I-rd'
  const label = '研发投入指标'
  const max = RULES.maxPoints.rd
  if (input.rdExpenseWanYuan == null) {
    const note = `数据不足：缺少${nameField('rdExpenseWanYuan')}；${label}最高可得 ${max} 分`
    return {
      trace: {
        id,
        label,
        band: { min: 0, max },
        judgement: false,
        explanation: lazyBilingual(() => ({
          zh: `${note}。`,
          en: `Insufficient data: R&D indicator 0–${max}.`,
        })),
      },
      missingFields: ['rdExpenseWanYuan'],
      missingNote: note,
      interpretations: [],
    }
  }
  const rd = input.rdExpenseWanYuan
  const bySales = scoreRdAlternative(
    rd,
    input.salesRevenueWanYuan,
    'salesRevenueWanYuan',
    RULES.rdSalesTiers,
    '(1)',
    '销售收入',
  )
  const byCost = scoreRdAlternative(
    rd,
    input.costExpenseTotalWanYuan,
    'costExpenseTotalWanYuan',
    RULES.rdCostTiers,
    '(2)',
    '成本费用',
  )
  const interpretations = ['I-TSME-BEST']
  if (byCost.points !== null) interpretations.push('I-TSME-COST')
  if (bySales.isZero || byCost.isZero) interpretations.push('I-TSME-ZERO')
  const known = [bySales, byCost].filter((a) => a.points !== null)
  const absent: QualificationField[] = []
  if (bySales.points === null) absent.push('salesRevenueWanYuan')
  if (byCost.points === null) absent.push('costExpenseTotalWanYuan')
  const parts = known.map((a) => a.text)
  if (absent.length > 0) {
    const knownMin = Math.max(0, ...known.map((a) => a.points!))
    const notes = [bySales, byCost]
      .filter((a) => a.points === null)
      .map(
        (a) =>
          `缺少${nameField(a === bySales ? 'salesRevenueWanYuan' : 'costExpenseTotalWanYuan')}；按研发费用/${a.name}计分最高可得 ${max} 分`,
      )
    const note = `数据不足：${notes.join('；')}`
    return {
      trace: {
        id,
        label,
        band: { min: knownMin, max },
        judgement: false,
        explanation: lazyBilingual(() => ({
          zh: `${[...parts, note].join('；')}；${label} ${knownMin}–${max} 分。`,
          en: `Insufficient data (${absent.join(', ')}): R&D indicator ${knownMin}–${max}.`,
        })),
      },
      missingFields: absent,
      missingNote: note,
      interpretations,
    }
  }
  // I-TSME-BEST: the enterprise chooses; a rational one chooses the higher; a tie reports (1).
  const chosen = byCost.points! > bySales.points! ? byCost : bySales
  const points = chosen.points!
  const gaps = [bySales.gap, byCost.gap].filter((g): g is Fraction => g !== null)
  let gap: ConditionGap | undefined
  let gapText = ''
  if (points < max && gaps.length > 0) {
    const smallest = gaps.reduce((a, b) => (compare(a, b) <= 0 ? a : b))
    const needed = ceilToHundredths(smallest)
    gap = { amount: needed.amount, unit: '万元', text: `再增加研发费用 ${needed.text} 万元` }
    gapText = `；再增加研发费用 ${needed.text} 万元可升一档`
  }
  return {
    trace: {
      id,
      label,
      band: pointsBand(points),
      value: chosen.ratioText,
      judgement: false,
      gap,
      explanation: lazyBilingual(() => ({
        zh: `${parts.join('；')}；取 ${chosen.ordinal} ${chosen.name}口径，得 ${points} 分${gapText}。`,
        en: `R&D/sales ${bySales.points} points, R&D/cost ${byCost.points} points; the higher counts: ${points}.`,
      })),
    },
    missingFields: [],
    interpretations,
  }
}

function scoreIp(input: Input): ScoredIndicator {
  const id = 'TSME-I-ip'
  const label = '科技成果指标'
  const max = RULES.maxPoints.ip
  if (input.ipList == null) {
    const note = `数据不足：缺少${nameField('ipList')}；${label}最高可得 ${max} 分`
    return {
      trace: {
        id,
        label,
        band: { min: 0, max },
        judgement: false,
        explanation: lazyBilingual(() => ({
          zh: `${note}。`,
          en: `Insufficient data: IP indicator 0–${max}.`,
        })),
      },
      missingFields: ['ipList'],
      missingNote: note,
      interpretations: [],
    }
  }
  let classI = 0
  let classII = 0
  let countsDefensePatent = false
  const excluded: ExcludedIp[] = []
  for (const item of input.ipList) {
    const reasons = reasonsForUncountedType(item.type)
    if (!item.valid) reasons.push('不在有效期内')
    if (!item.relatedToMainProducts) reasons.push('与主要产品（服务）无关')
    if (item.disputed) reasons.push('存在争议或纠纷')
    if (reasons.length > 0) {
      excluded.push({ type: item.type, reasons })
      continue
    }
    if (ipClassOf(item.type) === 'I') {
      classI++
      if (item.type === 'defensePatent') countsDefensePatent = true
    } else classII++
  }
  const tiers = RULES.ipTiers
  const index = tiers.findIndex((row) => (row.classI > 0 ? classI >= row.classI : classII >= row.classII))
  const row = tiers[index]!
  let gap: ConditionGap | undefined
  if (index > 0) {
    const next = tiers[index - 1]!
    gap =
      next.classI > 0
        ? { amount: 1, unit: '项', text: '再获 1 项Ⅰ类' }
        : { amount: next.classII - classII, unit: '项', text: `再获 ${next.classII - classII} 项Ⅱ类` }
  }
  const excludedText = excluded.length > 0 ? `；未计入：${describeExcludedIp(excluded)}` : ''
  const gapText = gap === undefined ? '' : `；${gap.text}可升一档`
  return {
    trace: {
      id,
      label,
      band: pointsBand(row.points),
      tier: row.tier,
      value: `Ⅰ类 ${classI} 项、Ⅱ类 ${classII} 项`,
      judgement: false,
      gap,
      explanation: lazyBilingual(() => ({
        zh: `有效、与主要产品相关且无争议的Ⅰ类 ${classI} 项、Ⅱ类 ${classII} 项，${row.tier}档，得 ${row.points} 分${excludedText}${gapText}。`,
        en: `Counted IP: class I ${classI}, class II ${classII}; tier ${row.tier}, ${row.points} points; ${excluded.length} item(s) not counted.`,
      })),
    },
    missingFields: [],
    interpretations: countsDefensePatent ? ['I-IP-DEFENSE'] : [],
  }
}

function scoreCondition(band: Band, indicators: readonly ScoredIndicator[]): ConditionTrace {
  const missingFields: string[] = []
  const inputs: ConditionTrace['inputs'] = {}
  for (const { trace, missingFields: missing } of indicators) {
    missingFields.push(...missing)
    inputs[trace.label] = trace.band.min === trace.band.max ? trace.band.min : bandText(trace.band)
  }
  const status = statusOfBand(band, RULES.passScore, missingFields)
  const scoreText = bandText(band)
  const base = {
    id: C.score.id,
    basis: C.score.basis,
    inputs,
    formula: '科技人员指标 + 研发投入指标 + 科技成果指标',
    value: `${scoreText} 分`,
    threshold: `≥ ${RULES.passScore} 分`,
    interpretations: sortedUnion(indicators.map((i) => i.interpretations)),
  }
  if (status === 'pass') {
    return conditionTrace(base, {
      status,
      explanation: lazyBilingual(() => ({
        zh: `综合得分 ${scoreText} 分 ≥ ${RULES.passScore} 分。`,
        en: `Total score ${scoreText} ≥ ${RULES.passScore}.`,
      })),
    })
  }
  if (status === 'fail') {
    const shortBy = RULES.passScore - band.max
    return conditionTrace(base, {
      status,
      gap: { amount: shortBy, unit: '分', text: `差 ${shortBy} 分` },
      explanation: lazyBilingual(() => ({
        zh:
          band.min === band.max
            ? `综合得分 ${band.max} 分，低于 ${RULES.passScore} 分，差 ${shortBy} 分。`
            : `综合得分最高 ${band.max} 分，低于 ${RULES.passScore} 分，差 ${shortBy} 分。`,
        en: `Total score ${scoreText} < ${RULES.passScore}, short by ${shortBy}.`,
      })),
    })
  }
  return conditionTrace(base, {
    status,
    missingFields,
    explanation: openScoreText(indicators, missingFields, band),
  })
}

// Built outside `scoreCondition` so that its other texts, which a screening may keep for many enterprises, do not
// hold on to the indicators (a closure keeps every variable of its function that any closure there reads).
function openScoreText(
  indicators: readonly ScoredIndicator[],
  missingFields: string[],
  band: Band,
): Bilingual {
  return lazyBilingual(() => {
    const notes = indicators.flatMap((i) =>
      i.missingNote === undefined ? [] : [i.missingNote.replace(/^数据不足：/, '')],
    )
    return {
      zh: `数据不足：${notes.join('；')}；综合得分区间 ${band.min}–${band.max} 分，跨越 ${RULES.passScore} 分。`,
      en: `Insufficient data (${missingFields.join(', ')}): total score ${band.min}–${band.max} straddles ${RULES.passScore}.`,
    }
  })
}

function techStaffNonzeroCondition(techStaff: ScoredIndicator, input: Input): ConditionTrace {
  const { band } = techStaff.trace
  const base = {
    id: C.techStaffNonzero.id,
    basis: C.techStaffNonzero.basis,
    inputs: { techStaffCount: input.techStaffCount ?? null, employeeCount: input.employeeCount ?? null },
    formula: '科技人员数 / 职工总数',
    value: techStaff.trace.value,
    threshold: '≥ 10%（科技人员指标得分不为 0）',
  }
  // The texts read plain values, not `techStaff`, so a kept condition does not keep the indicator.
  const share = techStaff.trace.value
  if (band.min !== band.max) {
    const note = techStaff.missingNote
    return conditionTrace(base, {
      status: 'insufficient-data',
      missingFields: techStaff.missingFields,
      explanation: lazyBilingual(() => ({
        zh: `${note}，无法判断科技人员指标是否为 0 分。`,
        en: 'Insufficient data: cannot tell whether the tech staff indicator is 0.',
      })),
    })
  }
  if (band.min > 0) {
    return conditionTrace(base, {
      status: 'pass',
      explanation: lazyBilingual(() => ({
        zh: `科技人员指标得分 ${band.min} 分，不为 0。`,
        en: `Tech staff indicator ${band.min} points, not 0.`,
      })),
    })
  }
  const t = fractionFromNumber(input.techStaffCount!)
  const n = fractionFromNumber(input.employeeCount!)
  const lowest = RULES.techStaffTiers[RULES.techStaffTiers.length - 2]!
  const needed = ceilHeadcount(subtract(multiply(lowest.atLeast, n), t))
  return conditionTrace(base, {
    status: 'fail',
    gap: { amount: needed.amount, unit: '人', text: `需再增加科技人员 ${needed.text} 人（职工总数不变）` },
    explanation: lazyBilingual(() => ({
      zh: `科技人员占比 ${share} < 10%，科技人员指标为 0 分；需再增加科技人员 ${needed.text} 人（职工总数不变）。`,
      en: `Tech staff share ${share} < 10%: the tech staff indicator is 0; add ${needed.text} tech staff.`,
    })),
  })
}

// ------------------------------------------------------------------------------------------------------------
// Direct routes (§2.6)

interface RouteCheck {
  status: RouteStatus
  zh: string
}

function combineRoute(id: RouteId, checks: readonly RouteCheck[], none: string): RouteTrace {
  const status: RouteStatus = checks.some((c) => c.status === 'met')
    ? 'met'
    : checks.some((c) => c.status === 'unknown')
      ? 'unknown'
      : 'unmet'
  return {
    id,
    status,
    explanation: lazyBilingual(() => {
      const shown = status === 'unmet' ? checks : checks.filter((c) => c.status === status)
      const zh = checks.length === 0 ? none : shown.map((c) => c.zh).join('；')
      return { zh: zh.endsWith('。') ? zh : `${zh}。`, en: `Route ${id}: ${status}.` }
    }),
  }
}

const INSTITUTION_LEVEL_NAMES: Readonly<Record<string, string>> = {
  national: '国家级',
  provincial: '省级',
  ministerial: '部级',
  municipal: '市级',
  county: '区县级',
  other: '其他级别',
}

const STANDARD_LEVEL_NAMES: Readonly<Record<string, string>> = {
  international: '国际标准',
  national: '国家标准',
  industry: '行业标准',
  local: '地方标准',
  group: '团体标准',
  enterprise: '企业标准',
}

/** Y−4 … Y inside, Y−5 undecided, otherwise outside (I-TSME-5Y). */
function recentWindow(year: number, evaluationYear: number): 'inside' | 'edge' | 'outside' {
  const oldest = evaluationYear - (RULES.recentYears - 1)
  if (year >= oldest && year <= evaluationYear) return 'inside'
  return year === oldest - 1 ? 'edge' : 'outside'
}

function evaluateRoutes(input: Input): { routes: RouteTrace[]; interpretations: string[] } {
  const date = input.evaluationDate
  const evaluationYear = yearOf(date)
  const interpretations: string[] = []

  const certificates = (input.hnteCertificates ?? []).map((certificate): RouteCheck => {
    const expiry =
      certificate.expiryDate ?? addDays(addYears(certificate.issueDate, RULES.hnteCertificateYears), -1)
    if (certificate.issueDate > date)
      return { status: 'unmet', zh: `证书发证日期 ${certificate.issueDate} 晚于评价日期` }
    if (expiry < date) return { status: 'unmet', zh: `证书已于 ${expiry} 到期` }
    return {
      status: 'met',
      zh: `持有效期内高新技术企业证书（${certificate.issueDate}–${expiry}），可直接确认（第八条（一））`,
    }
  })

  const awards = (input.nationalScienceAwards ?? []).map((award): RouteCheck => {
    interpretations.push('I-TSME-5Y')
    const window = recentWindow(award.year, evaluationYear)
    if (award.unitRank > RULES.awardMaxUnitRank) {
      return { status: 'unmet', zh: `获奖单位排名第 ${award.unitRank}，须前三名` }
    }
    if (window === 'outside') return { status: 'unmet', zh: `${award.year} 年超出近五年` }
    if (window === 'edge') {
      return { status: 'unknown', zh: `${award.year} 年获奖是否在近五年内取决于具体日期，需核实获奖证书` }
    }
    return {
      status: 'met',
      zh: `${award.year} 年获国家级科技奖励，获奖单位排名第 ${award.unitRank}，可直接确认（第八条（二）），请提供获奖证书`,
    }
  })

  const institutions = (input.rdInstitutions ?? []).map((institution): RouteCheck => {
    const level = INSTITUTION_LEVEL_NAMES[institution.level]!
    if (!(RULES.qualifyingInstitutionLevels as readonly string[]).includes(institution.level)) {
      return { status: 'unmet', zh: `${level}机构不属于省部级以上` }
    }
    if (!(RULES.qualifyingInstitutionTypes as readonly string[]).includes(institution.type)) {
      return {
        status: 'unknown',
        zh: `${level}研发机构类型为“其他”，是否属于第九条（七）所列省部级以上研发机构需人工核实`,
      }
    }
    return { status: 'met', zh: `拥有经认定的${level}研发机构，可直接确认（第八条（三））` }
  })

  const standards = (input.ledStandards ?? []).map((standard): RouteCheck => {
    interpretations.push('I-TSME-5Y')
    const name = STANDARD_LEVEL_NAMES[standard.level]!
    if (!(RULES.qualifyingStandardLevels as readonly string[]).includes(standard.level)) {
      return { status: 'unmet', zh: `${name}不属于国际、国家、行业标准` }
    }
    if (standard.draftingRank > RULES.standardMaxDraftingRank) {
      return { status: 'unmet', zh: `起草单位排名第 ${standard.draftingRank}，须前五名` }
    }
    const window = recentWindow(standard.year, evaluationYear)
    if (window === 'outside') return { status: 'unmet', zh: `${standard.year} 年超出近五年` }
    if (window === 'edge')
      return { status: 'unknown', zh: `${standard.year} 年发布是否在近五年内取决于具体日期，需核实` }
    return {
      status: 'met',
      zh: `${standard.year} 年主导制定${name}（起草单位排名第 ${standard.draftingRank}），可直接确认（第八条（四））`,
    }
  })

  return {
    routes: [
      combineRoute('hnte-certificate', certificates, '未申报高新技术企业证书'),
      combineRoute('national-sci-tech-award', awards, '未申报国家级科技奖励'),
      combineRoute('provincial-rd-institution', institutions, '未申报经认定的研发机构'),
      combineRoute('led-standard', standards, '未申报主导制定的标准'),
    ],
    interpretations,
  }
}

// ------------------------------------------------------------------------------------------------------------
// Verdict (§2.7)

function routeTruth(routes: readonly RouteTrace[]): { status: RouteStatus; truth: Truth } {
  const status: RouteStatus = routes.some((r) => r.status === 'met')
    ? 'met'
    : routes.some((r) => r.status === 'unknown')
      ? 'unknown'
      : 'unmet'
  return { status, truth: status === 'met' ? 'pass' : status === 'unmet' ? 'fail' : 'unknown' }
}

/** Evaluates a validated `tsme-2022` input (spec §2); use `evaluateQualification` for raw input. */
export function evaluateTsme2022(input: Input): Verdict {
  const basic: ConditionTrace[] = [
    booleanCondition(C.resident, 'residentEnterprise', input.residentEnterprise, true, {
      pass: '居民企业（境内注册或实际管理机构在境内），满足第六条（一）。',
      fail: '非居民企业，不满足第六条（一）。',
      passEn: 'Resident enterprise: meets art. 6 (1).',
      failEn: 'Not a resident enterprise: fails art. 6 (1).',
    }),
    accountingCondition(input),
    upperLimitCondition(
      C.employees,
      'employeeCount',
      input.employeeCount,
      RULES.maxEmployees,
      '人',
      '职工总数',
      '500 人',
    ),
    upperLimitCondition(
      C.sales,
      'salesRevenueWanYuan',
      input.salesRevenueWanYuan,
      RULES.maxSalesWanYuan,
      '万元',
      '年销售收入',
      '2 亿元',
    ),
    upperLimitCondition(
      C.assets,
      'totalAssetsWanYuan',
      input.totalAssetsWanYuan,
      RULES.maxAssetsWanYuan,
      '万元',
      '资产总额',
      '2 亿元',
    ),
    industryCondition(input),
    booleanCondition(
      C.integrity,
      'majorIncidentOrMisconduct',
      input.majorIncidentOrMisconduct,
      false,
      {
        pass: '上一会计年度及当年未发生重大事故、严重环境违法、严重弄虚作假或科研严重失信行为。',
        fail: '上一会计年度及当年发生重大安全、重大质量事故、严重环境违法、严重弄虚作假或科研严重失信行为，不满足第六条（四）。',
        passEn: 'No major incident or serious misconduct in the previous and current year.',
        failEn: 'A major incident or serious misconduct occurred: fails art. 6 (4).',
      },
      ['I-TSME-SRC'],
    ),
    booleanCondition(
      C.creditList,
      'onAbnormalOrSeriousDishonestList',
      input.onAbnormalOrSeriousDishonestList,
      false,
      {
        pass: '未列入经营异常名录和严重违法失信企业名单。',
        fail: '已列入经营异常名录或严重违法失信企业名单。',
        passEn: 'Not on the abnormal-operation or serious-dishonesty lists.',
        failEn: 'On the abnormal-operation or serious-dishonesty list.',
      },
      ['I-TSME-SRC'],
    ),
  ]

  const techStaff = scoreTechStaff(input)
  const rd = scoreRd(input)
  const ip = scoreIp(input)
  const scored = [techStaff, rd, ip]
  const scoreBand = addBands(scored.map((s) => s.trace.band))
  const scoreConditions = [scoreCondition(scoreBand, scored), techStaffNonzeroCondition(techStaff, input)]
  const { routes, interpretations: routeInterpretations } = evaluateRoutes(input)

  const route = routeTruth(routes)
  const basicTruth = allOf(basic.map((c) => truthOf(c.status)))
  const scoreTruth = allOf(scoreConditions.map((c) => truthOf(c.status)))
  const qualified = qualifiedOf(allOf([basicTruth, anyOf([route.truth, scoreTruth])]))

  const listed = route.status === 'met' ? basic : [...basic, ...scoreConditions]
  const failedConditions = sortedIds(listed.filter((c) => c.status === 'fail').map((c) => c.id))
  const reviewIds = listed.filter((c) => isReviewStatus(c.status)).map((c) => c.id)
  if (route.status === 'unknown' && scoreTruth !== 'pass') {
    reviewIds.push(...routes.filter((r) => r.status === 'unknown').map((r) => `TSME-R-${r.id}`))
  }
  const firstMet = ROUTE_ORDER.find((id) => routes.some((r) => r.id === id && r.status === 'met')) ?? null
  const conditions = [...basic, ...scoreConditions]
  const interpretations = sortedUnion([...conditions.map((c) => c.interpretations), routeInterpretations])
  const verdictRoute = qualified === true ? (route.status === 'met' ? firstMet : 'score') : null
  const verdict: Verdict = {
    ruleSet: 'tsme-2022',
    qualified,
    route: verdictRoute,
    score: scoreBand.min === scoreBand.max ? scoreBand.min : undefined,
    scoreBand,
    failedConditions,
    reviewConditions: sortedIds(reviewIds),
    conditions,
    indicators: scored.map((s) => s.trace),
    routes,
    interpretations,
    summary: { zh: '', en: '' },
  }
  verdict.summary = lazyBilingual(() =>
    summarize(verdict, {
      articles: TSME_2022_ARTICLES,
      highlights: [C.score.id, C.techStaffNonzero.id],
      scoreConditionId: C.score.id,
      scoreLabel: '综合得分',
      metRoute: verdictRoute === 'score' ? null : (routes.find((r) => r.id === firstMet) ?? null),
    }),
  )
  return verdict
}
