import {
  add,
  compare,
  divide,
  fraction,
  fractionFromNumber,
  type Fraction,
  isZero,
  multiply,
  subtract,
} from './exact-fraction'
import {
  ceilHeadcount,
  ceilToHundredths,
  formatExact,
  formatFigure,
  formatPercent,
} from './format-qualification-numbers'
import { scoreGrowth } from './hnte-growth'
import { ipClassOf } from './intellectual-property'
import { addDays, daysBetween } from './qualification-dates'
import {
  FIELD_LABELS,
  HNTE_MAX_FISCAL_YEARS,
  HNTE_SCORE_ITEMS,
  type HnteExpertScores,
  type HnteFiscalYear,
  type HnteGrade,
  type HnteInput,
  type HnteScoreItem,
  nameField,
  type QualificationField,
} from './qualification.schemas'
import {
  addBands,
  bandText,
  singleInput,
  type ConditionBase,
  conditionTrace,
  allOf,
  type Band,
  type ConditionGap,
  type ConditionTrace,
  type IndicatorTrace,
  isReviewStatus,
  lazyBilingual,
  qualifiedOf,
  sortedIds,
  sortedUnion,
  statusOfBand,
  truthOf,
  type Verdict,
} from './qualification-verdict'
import { summarize } from './summarize-verdict'

/**
 * Rule set `hnte-2016` — 高新技术企业认定 (国科发火〔2016〕32号 + 国科发火〔2016〕195号), spec §3. Thresholds and tier
 * tables are data here; `evaluateHnte2016` applies them.
 */
export const HNTE_2016_RULES = {
  minRegisteredDays: 365,
  minTechStaffRatio: fraction(10, 100),
  /** 研发费用占比 floor by the latest year's sales (万元): ≤ 5000 → 5%, ≤ 20000 → 4%, above → 3%. */
  rdRatioFloors: [
    { salesAtMostWanYuan: 5_000, floor: fraction(5, 100), text: '≥ 5%（最近一年销售收入 ≤ 5000 万元）' },
    { salesAtMostWanYuan: 20_000, floor: fraction(4, 100), text: '≥ 4%（最近一年销售收入 5000–20000 万元）' },
    { salesAtMostWanYuan: Infinity, floor: fraction(3, 100), text: '≥ 3%（最近一年销售收入 > 20000 万元）' },
  ],
  minDomesticRdRatio: fraction(60, 100),
  minHiTechRevenueRatio: fraction(60, 100),
  /** "70分以上（不含70分）"; scores are integers, so ≥ 71. */
  passScore: 71,
  ipIndicatorCap: 30,
  gradeBands: {
    A: { min: 7, max: 8 },
    B: { min: 5, max: 6 },
    C: { min: 3, max: 4 },
    D: { min: 1, max: 2 },
    E: { min: 0, max: 0 },
  } satisfies Record<HnteGrade, Band>,
  /** 知识产权数量: Ⅰ类 ≥ 1 → A; otherwise by the eligible Ⅱ类 count. */
  ipQuantityTiers: [
    { tier: 'A', classI: 1, classII: 0, band: { min: 7, max: 8 } },
    { tier: 'B', classI: 0, classII: 5, band: { min: 5, max: 6 } },
    { tier: 'C', classI: 0, classII: 3, band: { min: 3, max: 4 } },
    { tier: 'D', classI: 0, classII: 1, band: { min: 1, max: 2 } },
    { tier: 'E', classI: 0, classII: 0, band: { min: 0, max: 0 } },
  ],
  ipAcquisitionBands: { selfDeveloped: { min: 1, max: 6 }, acquiredOnly: { min: 1, max: 3 } },
  standardsBonusBand: { min: 1, max: 2 },
  /** 科技成果转化: yearly average a ≥ atLeast (items per year). */
  transformationTiers: [
    { tier: 'A', atLeast: 5, band: { min: 25, max: 30 } },
    { tier: 'B', atLeast: 4, band: { min: 19, max: 24 } },
    { tier: 'C', atLeast: 3, band: { min: 13, max: 18 } },
    { tier: 'D', atLeast: 2, band: { min: 7, max: 12 } },
    { tier: 'E', atLeast: 1, band: { min: 1, max: 6 } },
  ],
  /** 0 < a < 1 falls between "≥1项" and "0项" (I-HNTE-GAP). */
  transformationGapBand: { min: 0, max: 6 },
} as const

const RULES = HNTE_2016_RULES
const DOC = '国科发火〔2016〕32号'
const GUIDE = '国科发火〔2016〕195号'

const ID = {
  resident: 'HNTE-0-resident',
  registered: 'HNTE-1-registered-1y',
  coreIp: 'HNTE-2-core-ip',
  techDomain: 'HNTE-3-tech-domain',
  techStaff: 'HNTE-4-tech-staff-10pct',
  rdRatio: 'HNTE-5-rd-ratio',
  domesticRd: 'HNTE-5-domestic-rd-60pct',
  hiTechRevenue: 'HNTE-6-hitech-revenue-60pct',
  innovation: 'HNTE-7-innovation-score',
  incident: 'HNTE-8-no-major-incident',
} as const

const ITEM_LABELS: Record<HnteScoreItem, string> = {
  ipAdvancement: '技术的先进程度',
  ipCoreSupport: '对主要产品（服务）在技术上发挥核心支持作用',
  ipQuantity: '知识产权数量',
  ipAcquisition: '知识产权获得方式',
  ipStandardsBonus: '参与编制标准（加分项）',
  transformation: '科技成果转化能力',
  rdMgmtSystem: '研发组织管理制度、研发投入核算体系、研发费用辅助账',
  rdMgmtInstitution: '内部研发机构及科研条件、产学研合作',
  rdMgmtIncentive: '科技成果转化的组织实施与激励奖励制度、开放式创新创业平台',
  rdMgmtTalent: '科技人员培养进修、职工技能培训、优秀人才引进、人才绩效评价奖励制度',
  growthNetAssets: '净资产增长率',
  growthSales: '销售收入增长率',
}

type Input = HnteInput

/** A field of one fiscal year: its path in the input and how messages name it. */
type YearFieldName = keyof HnteFiscalYear & QualificationField
const YEAR_FIELDS = [
  'salesRevenueWanYuan',
  'rdExpenseWanYuan',
  'rdExpenseDomesticWanYuan',
  'netAssetsYearEndWanYuan',
  'totalIncomeWanYuan',
  'hiTechRevenueWanYuan',
  'employeeCount',
  'techStaffCount',
] as const satisfies readonly YearFieldName[]
// Input paths ("fiscalYears.2.rdExpenseWanYuan") by year index and field, built once.
const YEAR_FIELD_PATHS = Array.from({ length: HNTE_MAX_FISCAL_YEARS }, (_, index) =>
  Object.fromEntries(YEAR_FIELDS.map((field) => [field, `fiscalYears.${index}.${field}`])),
) as Record<YearFieldName, string>[]

/** One figure of one fiscal year, with its input path for 数据不足 messages. */
function yearField(input: Input, index: number, field: YearFieldName) {
  const year = input.fiscalYears[index]!
  return {
    value: year[field] ?? null,
    path: YEAR_FIELD_PATHS[index]![field],
    year: year.year,
    label: FIELD_LABELS[field],
  }
}

type YearFigure = ReturnType<typeof yearField>

function describeMissing(fields: readonly YearFigure[]): string {
  return `数据不足：缺少${fields.map((f) => `${f.year} 年${f.label}（${f.path}）`).join('、')}。`
}

// ------------------------------------------------------------------------------------------------------------
// Conditions (§3.3)

function booleanCondition(
  id: string,
  basis: string,
  field: QualificationField,
  value: boolean | null | undefined,
  passWhen: boolean,
  nullStatus: 'insufficient-data' | 'needs-judgement',
  text: { pass: string; fail: string; open: string },
): ConditionTrace {
  const base = { id, basis, inputs: singleInput(field, value ?? null) }
  if (value == null) {
    return nullStatus === 'insufficient-data'
      ? conditionTrace(base, {
          status: nullStatus,
          missingFields: [field],
          explanation: lazyBilingual(() => ({
            zh: `数据不足：缺少${nameField(field)}。`,
            en: `Insufficient data: missing ${field}.`,
          })),
        })
      : conditionTrace(base, {
          status: nullStatus,
          explanation: lazyBilingual(() => ({ zh: text.open, en: `${field} needs an expert finding.` })),
        })
  }
  const passes = value === passWhen
  return conditionTrace(base, {
    status: passes ? 'pass' : 'fail',
    explanation: lazyBilingual(() => ({
      zh: passes ? text.pass : text.fail,
      en: `${field} = ${value}: ${passes ? 'pass' : 'fail'}.`,
    })),
  })
}

function registeredCondition(input: Input): ConditionTrace {
  const days = daysBetween(input.registrationDate, input.applicationDate)
  const base = {
    id: ID.registered,
    basis: `${DOC} 第十一条（一）；${GUIDE} 三（一）`,
    inputs: { registrationDate: input.registrationDate, applicationDate: input.applicationDate },
    formula: `${input.applicationDate} − ${input.registrationDate}`,
    value: `${days} 天`,
    threshold: `≥ ${RULES.minRegisteredDays} 天`,
  }
  if (days >= RULES.minRegisteredDays) {
    return conditionTrace(base, {
      status: 'pass',
      explanation: lazyBilingual(() => ({
        zh: `注册成立 ${days} 天 ≥ 365 天。`,
        en: `Registered ${days} days ≥ 365.`,
      })),
    })
  }
  const short = RULES.minRegisteredDays - days
  const earliest = addDays(input.registrationDate, RULES.minRegisteredDays)
  return conditionTrace(base, {
    status: 'fail',
    gap: { amount: short, unit: '天', text: `还差 ${short} 天（最早可于 ${earliest} 申请）` },
    explanation: lazyBilingual(() => ({
      zh: `注册成立 ${days} 天，不足 365 天，还差 ${short} 天（最早可于 ${earliest} 申请）。`,
      en: `Registered ${days} days, ${short} short of 365 (earliest application ${earliest}).`,
    })),
  })
}

interface IpCount {
  eligible: NonNullable<Input['ipList']>
  classI: number
  classII: number
  reusedClassII: number
  interpretations: string[]
}

/** Eligible IP (§3.2): granted, owned by the applicant, Ⅰ类 or Ⅱ类, and no Ⅱ类 item already used (I-IP-REUSE). */
function countIp(ipList: NonNullable<Input['ipList']>): IpCount {
  const interpretations: string[] = []
  const eligible: NonNullable<Input['ipList']> = []
  let classI = 0
  let classII = 0
  let reusedClassII = 0
  for (const item of ipList) {
    const ipClass = ipClassOf(item.type)
    if (ipClass === null || item.status !== 'granted' || !item.ownedByApplicant) continue
    if (ipClass === 'II' && item.usedInPriorHnteApplication) {
      reusedClassII++
      continue
    }
    eligible.push(item)
    if (ipClass === 'I') {
      classI++
      if (item.type === 'defensePatent' && !interpretations.includes('I-IP-DEFENSE'))
        interpretations.push('I-IP-DEFENSE')
    } else classII++
  }
  if (reusedClassII > 0) interpretations.push('I-IP-REUSE')
  return { eligible, classI, classII, reusedClassII, interpretations }
}

function coreIpCondition(input: Input, ip: IpCount | null): ConditionTrace {
  const base = {
    id: ID.coreIp,
    basis: `${DOC} 第十一条（二）`,
    inputs: { coreIpSupportConfirmed: input.coreIpSupportConfirmed ?? null },
  }
  if (ip === null) {
    return conditionTrace(base, {
      status: 'insufficient-data',
      missingFields: ['ipList'],
      explanation: lazyBilingual(() => ({
        zh: `数据不足：缺少${nameField('ipList')}。`,
        en: 'Insufficient data: missing ipList.',
      })),
    })
  }
  const withIp: ConditionBase = {
    id: base.id,
    basis: base.basis,
    inputs: {
      coreIpSupportConfirmed: input.coreIpSupportConfirmed ?? null,
      eligibleClassI: ip.classI,
      eligibleClassII: ip.classII,
      reusedClassII: ip.reusedClassII,
    },
    interpretations: ip.interpretations,
  }
  if (ip.eligible.length === 0) {
    return conditionTrace(withIp, {
      status: 'fail',
      gap: { amount: 1, unit: '项', text: '需至少 1 项可用于本次申请的知识产权' },
      explanation: lazyBilingual(() => ({
        zh: '无可用于本次申请的知识产权（不具备知识产权的企业不能认定为高新技术企业）。',
        en: 'No intellectual property usable for this application.',
      })),
    })
  }
  const owned = `拥有有效Ⅰ类 ${ip.classI} 项、Ⅱ类 ${ip.classII} 项（已剔除已用于高企申请的Ⅱ类 ${ip.reusedClassII} 项）`
  if (input.coreIpSupportConfirmed === true) {
    return conditionTrace(withIp, {
      status: 'pass',
      explanation: lazyBilingual(() => ({
        zh: `${owned}，经确认对主要产品发挥核心支持作用。`,
        en: 'Eligible IP with confirmed core support.',
      })),
    })
  }
  if (input.coreIpSupportConfirmed === false) {
    return conditionTrace(withIp, {
      status: 'fail',
      explanation: lazyBilingual(() => ({
        zh: `${owned}，但经认定对主要产品（服务）未发挥核心支持作用，不满足第十一条（二）。`,
        en: 'The IP was found not to support the main products.',
      })),
    })
  }
  return conditionTrace(withIp, {
    status: 'needs-judgement',
    explanation: lazyBilingual(() => ({
      zh: `${owned}，对主要产品（服务）是否发挥核心支持作用需专家判断。`,
      en: 'Whether the IP supports the main products needs an expert finding.',
    })),
  })
}

/** A "part / whole ≥ floor" condition with the gap in the part's unit (§3.6). */
function shareCondition(
  options: {
    id: string
    basis: string
    part: { value: Fraction; text: string }
    whole: { value: Fraction; text: string }
    floor: Fraction
    threshold: string
    formula?: string
    inputs: ConditionTrace['inputs']
    unit: '万元' | '人'
    interpretations?: string[]
  },
  /** The Chinese texts, filled only when the explanation is read. */
  texts: (ratio: string, gap: string | null) => { pass: string; fail: string; zeroWhole: string },
): ConditionTrace {
  const { part, whole, floor, unit } = options
  const base = {
    id: options.id,
    basis: options.basis,
    inputs: options.inputs,
    formula: options.formula ?? `${part.text} / ${whole.text}`,
    threshold: options.threshold,
    interpretations: options.interpretations,
  }
  if (isZero(whole.value)) {
    return conditionTrace(base, {
      status: 'fail',
      explanation: lazyBilingual(() => ({
        zh: texts('', null).zeroWhole,
        en: `${options.id}: zero denominator.`,
      })),
    })
  }
  const ratio = divide(part.value, whole.value)
  const r = formatPercent(ratio, [floor])
  if (compare(ratio, floor) >= 0) {
    return conditionTrace(base, {
      status: 'pass',
      value: `${r}%`,
      explanation: lazyBilingual(() => ({
        zh: texts(r, null).pass,
        en: `${options.id}: ${r}% passes.`,
      })),
    })
  }
  const missingAmount = subtract(multiply(floor, whole.value), part.value)
  const gap = unit === '人' ? ceilHeadcount(missingAmount) : ceilToHundredths(missingAmount)
  const gapTrace: ConditionGap = { amount: gap.amount, unit, text: `还差 ${gap.text} ${unit}` }
  return conditionTrace(base, {
    status: 'fail',
    value: `${r}%`,
    gap: gapTrace,
    explanation: lazyBilingual(() => ({
      zh: texts(r, gap.text).fail,
      en: `${options.id}: ${r}% is below the floor; short by ${gap.text} ${unit}.`,
    })),
  })
}

function insufficient(id: string, basis: string, fields: readonly YearFigure[]): ConditionTrace {
  const absent = fields.filter((f) => f.value == null)
  const inputs: ConditionTrace['inputs'] = {}
  for (const f of fields) inputs[f.path] = f.value
  return conditionTrace(
    { id, basis, inputs },
    {
      status: 'insufficient-data',
      missingFields: absent.map((f) => f.path),
      explanation: lazyBilingual(() => ({
        zh: describeMissing(absent),
        en: `Insufficient data: missing ${absent.map((f) => f.path).join(', ')}.`,
      })),
    },
  )
}

function techStaffCondition(input: Input): ConditionTrace {
  const last = input.fiscalYears.length - 1
  const t = yearField(input, last, 'techStaffCount')
  const n = yearField(input, last, 'employeeCount')
  const basis = `${DOC} 第十一条（四）`
  if (t.value == null || n.value == null) return insufficient(ID.techStaff, basis, [t, n])
  const tText = formatFigure(t.value)
  const nText = formatFigure(n.value)
  return shareCondition(
    {
      id: ID.techStaff,
      basis,
      part: { value: fractionFromNumber(t.value), text: tText },
      whole: { value: fractionFromNumber(n.value), text: nText },
      floor: RULES.minTechStaffRatio,
      threshold: '≥ 10%',
      inputs: { [t.path]: t.value, [n.path]: n.value },
      unit: '人',
    },
    (r, gap) => ({
      pass: `科技人员 ${tText}/${nText} = ${r}% ≥ 10%。`,
      fail: `科技人员占比 ${r}%，需 ≥ 10%，还差 ${gap} 人（职工总数不变）。`,
      zeroWhole: '职工总数为 0，科技人员占比无法达到 10%。',
    }),
  )
}

/** The figures of two series as a condition's inputs, by input path. */
function inputsOf(first: readonly YearFigure[], second: readonly YearFigure[]): ConditionTrace['inputs'] {
  const inputs: ConditionTrace['inputs'] = {}
  for (const f of first) inputs[f.path] = f.value
  for (const f of second) inputs[f.path] = f.value
  return inputs
}

/** One field of every fiscal year, oldest first. */
function yearSeries(input: Input, field: YearFieldName): YearFigure[] {
  const series: YearFigure[] = []
  for (let i = 0; i < input.fiscalYears.length; i++) series.push(yearField(input, i, field))
  return series
}

function hasMissing(series: readonly YearFigure[]): boolean {
  for (const f of series) if (f.value == null) return true
  return false
}

/** Exact sum of a series without missing figures. */
function total(series: readonly YearFigure[]): Fraction {
  let result = fraction(0)
  for (const f of series) result = add(result, fractionFromNumber(f.value!))
  return result
}

function rdRatioConditions(input: Input): ConditionTrace[] {
  const sales = yearSeries(input, 'salesRevenueWanYuan')
  const rd = yearSeries(input, 'rdExpenseWanYuan')
  const domestic = yearSeries(input, 'rdExpenseDomesticWanYuan')
  const n = sales.length
  const ratioBasis = `${DOC} 第十一条（五）`
  const totalRd = hasMissing(rd) ? null : total(rd)

  let ratio: ConditionTrace
  if (totalRd === null || hasMissing(sales)) {
    ratio = insufficient(ID.rdRatio, ratioBasis, [...sales, ...rd])
  } else {
    const totalSales = total(sales)
    const latest = sales[n - 1]!.value!
    const floor = RULES.rdRatioFloors.find((row) => latest <= row.salesAtMostWanYuan)!
    const floorText = String((Number(floor.floor.n) / Number(floor.floor.d)) * 100)
    const sText = formatExact(totalSales)
    const rText = formatExact(totalRd)
    const lText = formatFigure(latest)
    ratio = shareCondition(
      {
        id: ID.rdRatio,
        basis: ratioBasis,
        part: { value: totalRd, text: rText },
        whole: { value: totalSales, text: sText },
        floor: floor.floor,
        threshold: floor.text,
        formula: `Σ研发费用 / Σ销售收入 = ${rText} / ${sText}`,
        inputs: inputsOf(sales, rd),
        unit: '万元',
      },
      (r, gap) => ({
        pass: `近${n}个会计年度研发费用 ${rText}/${sText} = ${r}%，最近一年销售收入 ${lText} 万元，要求 ≥ ${floorText}%。`,
        fail: `研发费用占比 ${r}%，需 ≥ ${floorText}%（最近一年销售收入 ${lText} 万元），还差 ${gap} 万元。`,
        zeroWhole: `近${n}个会计年度销售收入合计为 0，研发费用占比无法达到 ${floorText}%。`,
      }),
    )
  }

  const domesticBasis = `${DOC} 第十一条（五）`
  let domesticShare: ConditionTrace
  if (totalRd === null || hasMissing(domestic)) {
    domesticShare = insufficient(ID.domesticRd, domesticBasis, [...domestic, ...rd])
  } else {
    const totalDomestic = total(domestic)
    const dText = formatExact(totalDomestic)
    const rText = formatExact(totalRd)
    domesticShare = shareCondition(
      {
        id: ID.domesticRd,
        basis: domesticBasis,
        part: { value: totalDomestic, text: dText },
        whole: { value: totalRd, text: rText },
        floor: RULES.minDomesticRdRatio,
        threshold: '≥ 60%',
        formula: `Σ境内研发费用 / Σ研发费用 = ${dText} / ${rText}`,
        inputs: inputsOf(domestic, rd),
        unit: '万元',
        interpretations: ['I-HNTE-DOM80'],
      },
      (r, gap) => ({
        pass: `境内研发费用 ${dText}/${rText} = ${r}% ≥ 60%。`,
        fail: `境内研发费用占比 ${r}%，需 ≥ 60%，还差 ${gap} 万元（研发总额不变）。`,
        zeroWhole: '研发费用合计为 0，境内研发费用占比无法达到 60%。',
      }),
    )
  }
  return [ratio, domesticShare]
}

function hiTechRevenueCondition(input: Input): ConditionTrace {
  const last = input.fiscalYears.length - 1
  const h = yearField(input, last, 'hiTechRevenueWanYuan')
  const i = yearField(input, last, 'totalIncomeWanYuan')
  const basis = `${DOC} 第十一条（六）`
  if (h.value == null || i.value == null) return insufficient(ID.hiTechRevenue, basis, [h, i])
  const hText = formatFigure(h.value)
  const iText = formatFigure(i.value)
  return shareCondition(
    {
      id: ID.hiTechRevenue,
      basis,
      part: { value: fractionFromNumber(h.value), text: hText },
      whole: { value: fractionFromNumber(i.value), text: iText },
      floor: RULES.minHiTechRevenueRatio,
      threshold: '≥ 60%',
      inputs: { [h.path]: h.value, [i.path]: i.value },
      unit: '万元',
    },
    (r, gap) => ({
      pass: `高新技术产品（服务）收入 ${hText}/${iText} = ${r}% ≥ 60%。`,
      fail: `高新技术产品（服务）收入占比 ${r}%，需 ≥ 60%，还差 ${gap} 万元（总收入 ${iText} 万元不变）。`,
      zeroWhole: '总收入为 0，高新技术产品（服务）收入占比无法达到 60%。',
    }),
  )
}

// ------------------------------------------------------------------------------------------------------------
// 创新能力评价 (§3.4)

interface ScoredItem {
  item: HnteScoreItem
  /** The band the data gives, before any expert score. */
  dataBand: Band
  tier?: string
  value?: string
  /** True when the point inside the band is an expert's call. */
  judgement: boolean
  missingFields: readonly string[]
  interpretations: readonly string[]
  /** The Chinese explanation, or its template when filling it costs more than a closure (read on demand). */
  zh: string | (() => string)
}

function itemText(scored: ScoredItem): string {
  return typeof scored.zh === 'string' ? scored.zh : scored.zh()
}

interface ItemDetails {
  tier?: string
  value?: string
  judgement?: boolean
  missingFields?: string[]
  interpretations?: string[]
}

const NONE: readonly string[] = []

/** An item band from the data; by default a judgement when it is a range the data leaves open. */
function scoredItem(
  item: HnteScoreItem,
  dataBand: Band,
  zh: ScoredItem['zh'],
  details: ItemDetails = {},
): ScoredItem {
  const missingFields = details.missingFields ?? NONE
  return {
    item,
    dataBand,
    tier: details.tier,
    value: details.value,
    judgement: details.judgement ?? (missingFields.length === 0 && dataBand.min < dataBand.max),
    missingFields,
    interpretations: details.interpretations ?? NONE,
    zh,
  }
}

// "技术的先进程度：由专家评分，0–8 分。" for each item, built once.
const EXPERT_ITEM_TEXTS = Object.fromEntries(
  Object.entries(ITEM_LABELS).map(([item, label]) => [
    item,
    `${label}：由专家评分，0–${HNTE_SCORE_ITEMS[item as HnteScoreItem].max} 分。`,
  ]),
) as Record<HnteScoreItem, string>

/** An item only an expert scores (先进程度, 核心支持, 组织管理): 0 … max. */
function expertItem(item: HnteScoreItem, zh?: string, missingFields?: string[]): ScoredItem {
  const max = HNTE_SCORE_ITEMS[item].max
  return scoredItem(item, { min: 0, max }, zh ?? EXPERT_ITEM_TEXTS[item], {
    judgement: true,
    missingFields,
  })
}

function scoreIpItems(input: Input, ip: IpCount | null): ScoredItem[] {
  const bonus = scoreStandardsBonus(input)
  if (ip === null) {
    const missingFields = ['ipList']
    const note = `数据不足：缺少${nameField('ipList')}`
    return [
      expertItem('ipAdvancement', `${note}；${ITEM_LABELS.ipAdvancement} 0–8 分。`, missingFields),
      expertItem('ipCoreSupport', `${note}；${ITEM_LABELS.ipCoreSupport} 0–8 分。`, missingFields),
      scoredItem('ipQuantity', { min: 0, max: 8 }, `${note}；知识产权数量 0–8 分。`, { missingFields }),
      scoredItem('ipAcquisition', { min: 0, max: 6 }, `${note}；知识产权获得方式 0–6 分。`, {
        missingFields,
      }),
      bonus,
    ]
  }
  if (ip.eligible.length === 0) {
    // I-HNTE-NOIP: without eligible IP the four IP items score 0.
    const none = (item: HnteScoreItem) =>
      scoredItem(item, { min: 0, max: 0 }, `${ITEM_LABELS[item]}：无可用于本次申请的知识产权，0 分。`, {
        interpretations: ['I-HNTE-NOIP'],
      })
    return [none('ipAdvancement'), none('ipCoreSupport'), none('ipQuantity'), none('ipAcquisition'), bonus]
  }
  const quantity = RULES.ipQuantityTiers.find((row) =>
    row.classI > 0 ? ip.classI >= row.classI : ip.classII >= row.classII,
  )!
  const selfDeveloped = ip.eligible.some((item) => item.acquisition === 'self-developed')
  const acquisition = selfDeveloped
    ? RULES.ipAcquisitionBands.selfDeveloped
    : RULES.ipAcquisitionBands.acquiredOnly
  return [
    expertItem('ipAdvancement'),
    expertItem('ipCoreSupport'),
    scoredItem(
      'ipQuantity',
      quantity.band,
      `知识产权数量：有效Ⅰ类 ${ip.classI} 项、Ⅱ类 ${ip.classII} 项，${quantity.tier}档 ${bandText(quantity.band)} 分。`,
      {
        tier: quantity.tier,
        value: `Ⅰ类 ${ip.classI} 项、Ⅱ类 ${ip.classII} 项`,
        interpretations: ip.interpretations,
      },
    ),
    scoredItem(
      'ipAcquisition',
      acquisition,
      selfDeveloped
        ? `知识产权获得方式：有自主研发，A档 ${bandText(acquisition)} 分。`
        : `知识产权获得方式：仅有受让、受赠和并购等，B档 ${bandText(acquisition)} 分。`,
      { tier: selfDeveloped ? 'A' : 'B' },
    ),
    bonus,
  ]
}

function scoreStandardsBonus(input: Input): ScoredItem {
  const value = input.participatedStandards
  if (value == null) {
    return scoredItem(
      'ipStandardsBonus',
      { min: 0, max: 2 },
      `数据不足：缺少${nameField('participatedStandards')}；加分项 0–2 分。`,
      { missingFields: ['participatedStandards'] },
    )
  }
  return value
    ? scoredItem(
        'ipStandardsBonus',
        RULES.standardsBonusBand,
        '参与编制国家标准、行业标准、检测方法或技术规范，加分 1–2 分。',
      )
    : scoredItem('ipStandardsBonus', { min: 0, max: 0 }, '未参与编制标准，加分项 0 分。')
}

function scoreTransformation(input: Input): ScoredItem {
  const n = input.fiscalYears.length
  const count = input.transformationCount3y
  const interpretations = n < 3 ? ['I-HNTE-TRANSFORM-N'] : []
  if (count == null) {
    return scoredItem(
      'transformation',
      { min: 0, max: 30 },
      `数据不足：缺少${nameField('transformationCount3y')}；科技成果转化能力 0–30 分。`,
      { missingFields: ['transformationCount3y'] },
    )
  }
  // a = count / N compared exactly: a ≥ k ⇔ count ≥ k·N.
  const average = formatExact(fraction(count, n))
  const formula = `年均转化 ${count}/${n} = ${average} 项`
  const row = RULES.transformationTiers.find((t) => count >= t.atLeast * n)
  if (row !== undefined) {
    return scoredItem('transformation', row.band, `${formula}，${row.tier}档 ${bandText(row.band)} 分。`, {
      tier: row.tier,
      value: `${average} 项/年`,
      interpretations,
    })
  }
  if (count === 0) {
    return scoredItem('transformation', { min: 0, max: 0 }, `${formula}，F档 0 分。`, {
      tier: 'F',
      value: '0 项/年',
      interpretations,
    })
  }
  return scoredItem(
    'transformation',
    RULES.transformationGapBand,
    `${formula}，介于“0项”与“≥1项”之间（官方未规定），取 0–6 分。`,
    { value: `${average} 项/年`, interpretations: [...interpretations, 'I-HNTE-GAP'] },
  )
}

function scoreGrowthItem(
  input: Input,
  id: 'growthNetAssets' | 'growthSales',
  label: '净资产' | '销售收入',
  field: 'netAssetsYearEndWanYuan' | 'salesRevenueWanYuan',
): ScoredItem {
  const growth = scoreGrowth(label, yearSeries(input, field))
  return scoredItem(id, growth.band, () => growth.explanation.zh, {
    tier: growth.tier,
    value: growth.value,
    missingFields: growth.missingFields,
    interpretations: growth.interpretations,
  })
}

function scoreItemsFromData(input: Input, ip: IpCount | null): ScoredItem[] {
  const items = scoreIpItems(input, ip)
  items.push(
    scoreTransformation(input),
    expertItem('rdMgmtSystem'),
    expertItem('rdMgmtInstitution'),
    expertItem('rdMgmtIncentive'),
    expertItem('rdMgmtTalent'),
    scoreGrowthItem(input, 'growthNetAssets', '净资产', 'netAssetsYearEndWanYuan'),
    scoreGrowthItem(input, 'growthSales', '销售收入', 'salesRevenueWanYuan'),
  )
  return items
}

/** The band an expert entry stands for: an exact score, or a grade's range (先进程度 / 核心支持 only). */
function expertBand(entry: NonNullable<HnteExpertScores[HnteScoreItem]>): Band {
  return typeof entry === 'number' ? { min: entry, max: entry } : RULES.gradeBands[entry]
}

function isWithin(inner: Band, outer: Band): boolean {
  return inner.min >= outer.min && inner.max <= outer.max
}

/**
 * §0.6: an expert score must be an integer inside the band the data gives for its item (a 数量 score of 5 is refused
 * when one invention puts the item in tier A 7–8). Returns Chinese messages by input path.
 */
export function validateHnteExpertScores(input: Input): { path: string; message: string }[] {
  const scores = input.expertScores ?? {}
  if (Object.keys(scores).length === 0) return []
  const ip = input.ipList == null ? null : countIp(input.ipList)
  const issues: { path: string; message: string }[] = []
  for (const scored of scoreItemsFromData(input, ip)) {
    const entry = scores[scored.item]
    if (entry === undefined) continue
    const given = expertBand(entry)
    if (!isWithin(given, scored.dataBand)) {
      issues.push({
        path: `expertScores.${scored.item}`,
        message: `专家评分 ${scored.item}（${ITEM_LABELS[scored.item]}）为 ${entry}，不在数据确定的 ${bandText(scored.dataBand)} 分范围内`,
      })
    }
  }
  return issues
}

function itemTrace(scored: ScoredItem, expert: HnteExpertScores[HnteScoreItem]): IndicatorTrace {
  const band = expert === undefined ? scored.dataBand : expertBand(expert)
  const tier = typeof expert === 'string' ? expert : scored.tier
  return {
    id: scored.item,
    label: ITEM_LABELS[scored.item],
    band,
    tier,
    value: scored.value,
    judgement: scored.judgement || expert !== undefined,
    explanation: lazyBilingual(() => {
      const expertText =
        expert === undefined
          ? ''
          : typeof expert === 'number'
            ? `专家评分 ${expert} 分。`
            : `专家评定 ${expert} 级，${bandText(band)} 分。`
      return { zh: `${itemText(scored)}${expertText}`, en: `${scored.item}: ${band.min}–${band.max}.` }
    }),
  }
}

const INDICATORS = [
  {
    id: 'HNTE-I-ip',
    label: '知识产权',
    items: ['ipAdvancement', 'ipCoreSupport', 'ipQuantity', 'ipAcquisition', 'ipStandardsBonus'],
  },
  { id: 'HNTE-I-transformation', label: '科技成果转化能力', items: ['transformation'] },
  {
    id: 'HNTE-I-rd-management',
    label: '研究开发组织管理水平',
    items: ['rdMgmtSystem', 'rdMgmtInstitution', 'rdMgmtIncentive', 'rdMgmtTalent'],
  },
  { id: 'HNTE-I-growth', label: '企业成长性', items: ['growthNetAssets', 'growthSales'] },
] as const satisfies readonly { id: string; label: string; items: readonly HnteScoreItem[] }[]

function scoreInnovation(input: Input, ip: IpCount | null) {
  const scores = input.expertScores ?? {}
  const scored = scoreItemsFromData(input, ip)
  const items = scored.map((s) => itemTrace(s, scores[s.item]))
  const totals: IndicatorTrace[] = INDICATORS.map((indicator) => {
    const parts = indicator.items.map((item) => items.find((t) => t.id === item)!)
    let band = addBands(parts.map((p) => p.band))
    if (indicator.id === 'HNTE-I-ip') {
      // Both ends capped at 30 after the bonus (§3.4.1).
      band = { min: Math.min(band.min, RULES.ipIndicatorCap), max: Math.min(band.max, RULES.ipIndicatorCap) }
    }
    return {
      id: indicator.id,
      label: indicator.label,
      band,
      judgement: parts.some((p) => p.judgement),
      explanation: lazyBilingual(() => ({
        zh: `${indicator.label} ${bandText(band)} 分（${parts.map((p) => bandText(p.band)).join(' + ')}）。`,
        en: `${indicator.id}: ${band.min}–${band.max}.`,
      })),
    }
  })
  // Fields left out only widen the band when no expert score has fixed the item.
  const missingFields = sortedUnion(
    scored.filter((s) => !Object.hasOwn(scores, s.item)).map((s) => s.missingFields),
  )
  const interpretations = sortedUnion(scored.map((s) => s.interpretations))
  return { band: addBands(totals.map((t) => t.band)), totals, items, missingFields, interpretations, scored }
}

/** The four indicator bands by label ("知识产权": "12–20"). */
function indicatorInputs(totals: readonly IndicatorTrace[]): ConditionTrace['inputs'] {
  const inputs: ConditionTrace['inputs'] = {}
  for (const total of totals) inputs[total.label] = bandText(total.band)
  return inputs
}

function innovationCondition(innovation: ReturnType<typeof scoreInnovation>): ConditionTrace {
  const { band, totals, missingFields, interpretations, scored } = innovation
  const status = statusOfBand(band, RULES.passScore, missingFields)
  const base = {
    id: ID.innovation,
    basis: `${DOC} 第十一条（七）；${GUIDE} 三（七）`,
    inputs: indicatorInputs(totals),
    formula: `知识产权 + 科技成果转化能力 + 研究开发组织管理水平 + 企业成长性 = ${totals.map((t) => bandText(t.band)).join(' + ')}`,
    value: `${bandText(band)} 分`,
    threshold: '> 70 分（不含 70 分）',
    interpretations,
  }
  if (status === 'pass') {
    return conditionTrace(base, {
      status,
      explanation: lazyBilingual(() => ({
        zh: `创新能力得分 ${bandText(band)} 分，> 70 分。`,
        en: `Innovation score ${bandText(band)} > 70.`,
      })),
    })
  }
  if (status === 'fail') {
    const short = RULES.passScore - band.max
    return conditionTrace(base, {
      status,
      gap: { amount: short, unit: '分', text: `差 ${short} 分` },
      explanation: lazyBilingual(() => ({
        zh: `创新能力得分最高 ${band.max} 分，未超过 70 分，差 ${short} 分。`,
        en: `Innovation score at most ${band.max}, not above 70; short by ${short}.`,
      })),
    })
  }
  if (status === 'insufficient-data') {
    return conditionTrace(base, {
      status,
      missingFields,
      explanation: lazyBilingual(() => {
        const notes = scored
          .filter((s) => s.missingFields.some((field) => missingFields.includes(field)))
          .map((s) =>
            itemText(s)
              .replace(/^数据不足：/, '')
              .replace(/。$/, ''),
          )
        return {
          zh: `数据不足：${notes.join('；')}；创新能力得分区间 ${bandText(band)} 分，跨越 70 分。`,
          en: `Insufficient data (${missingFields.join(', ')}): innovation score ${bandText(band)} straddles 70.`,
        }
      }),
    })
  }
  return conditionTrace(base, {
    status,
    explanation: lazyBilingual(() => ({
      zh: `创新能力得分区间 ${bandText(band)} 分，跨越 70 分，需专家评分。`,
      en: `Innovation score ${bandText(band)} straddles 70: expert scoring needed.`,
    })),
  })
}

// ------------------------------------------------------------------------------------------------------------
// Verdict (§3.5)

/** Evaluates a validated `hnte-2016` input (spec §3); use `evaluateQualification` for raw input. */
export function evaluateHnte2016(input: Input): Verdict {
  const ip = input.ipList == null ? null : countIp(input.ipList)
  const innovation = scoreInnovation(input, ip)
  const conditions: ConditionTrace[] = [
    booleanCondition(
      ID.resident,
      `${DOC} 第二条`,
      'residentEnterprise',
      input.residentEnterprise,
      true,
      'insufficient-data',
      {
        pass: '在中国境内（不含港、澳、台地区）注册的居民企业。',
        fail: '非居民企业，不满足第二条。',
        open: '',
      },
    ),
    registeredCondition(input),
    coreIpCondition(input, ip),
    booleanCondition(
      ID.techDomain,
      `${DOC} 第十一条（三）`,
      'techDomainConfirmed',
      input.techDomainConfirmed,
      true,
      'needs-judgement',
      {
        pass: '核心技术属于《国家重点支持的高新技术领域》规定的范围。',
        fail: '核心技术不属于《国家重点支持的高新技术领域》规定的范围，不满足第十一条（三）。',
        open: '核心技术是否属于《国家重点支持的高新技术领域》需专家判断。',
      },
    ),
    techStaffCondition(input),
    ...rdRatioConditions(input),
    hiTechRevenueCondition(input),
    innovationCondition(innovation),
    booleanCondition(
      ID.incident,
      `${DOC} 第十一条（八）`,
      'majorIncidentWithinYear',
      input.majorIncidentWithinYear,
      false,
      'insufficient-data',
      {
        pass: '申请前一年内未发生重大安全、重大质量事故或严重环境违法行为。',
        fail: '申请前一年内发生重大安全、重大质量事故或严重环境违法行为，不满足第十一条（八）。',
        open: '',
      },
    ),
  ]
  const qualified = qualifiedOf(allOf(conditions.map((c) => truthOf(c.status))))
  const verdict: Verdict = {
    ruleSet: 'hnte-2016',
    qualified,
    route: null,
    score: innovation.band.min === innovation.band.max ? innovation.band.min : undefined,
    scoreBand: innovation.band,
    failedConditions: sortedIds(conditions.filter((c) => c.status === 'fail').map((c) => c.id)),
    reviewConditions: sortedIds(conditions.filter((c) => isReviewStatus(c.status)).map((c) => c.id)),
    conditions,
    indicators: [...innovation.items, ...innovation.totals],
    interpretations: sortedUnion(conditions.map((c) => c.interpretations)),
    summary: { zh: '', en: '' },
  }
  verdict.summary = lazyBilingual(() =>
    summarize(verdict, {
      articles: {},
      highlights: [ID.innovation],
      scoreConditionId: ID.innovation,
      scoreLabel: '创新能力得分',
      metRoute: null,
    }),
  )
  return verdict
}
