import { type EnterpriseIndex, countEnterprisesWithKey } from './enterprise-index'
import {
  type BranchLevel,
  type IndustryLevel,
  type LegalRepresentativeLevel,
  type TradeNameLevel,
  priorWeight,
} from './linking-model'
import { bigramJaccard, isAbbreviationOf, isOneEditApart, jaroWinkler } from './name-similarity'
import {
  type PreparedEnterprise,
  type PreparedName,
  type PreparedRecord,
  isNameInUseAt,
} from './prepared-record'
import { type RegionAgreement, compareRegionCodes } from './region-codes'

/** Bigram overlap from which two 字号 count as similar (half their bigrams shared). */
export const SIMILAR_BIGRAM_JACCARD = 0.5
/** Jaro–Winkler from which two person names count as similar (王小明 / 王晓明 = 0.80; 张伟 / 张玮 = 0.70 do not). */
export const SIMILAR_PERSON_NAME_JARO_WINKLER = 0.78
/** A one-character difference says little in a two-character 字号 (华新 / 华兴), so `one_edit` needs three. */
export const ONE_EDIT_MIN_LENGTH = 3

export type ScoreField =
  'prior' | 'tradeName' | 'industry' | 'region' | 'legalRepresentative' | 'branch' | 'creditCode'

/** One term of a score: its field, comparison level, Chinese explanation and weight in bits (log2 m/u). */
export interface ScoreTerm {
  field: ScoreField
  level: string
  label: string
  weight: number
}

/**
 * How one enterprise compares with one record: the level of every field and its weight in bits (log2 m/u), for
 * the best-agreeing pair of written names. Built in the hot loop, so it holds no text; `explainComparison` writes
 * the Chinese terms for the few candidates shown to people.
 */
export interface CandidateComparison {
  enterpriseId: string
  position: number
  recordName: PreparedName
  enterpriseName: PreparedName
  tradeName: TradeNameLevel
  industry: IndustryLevel
  branch: BranchLevel
  region: RegionAgreement
  legalRepresentative: LegalRepresentativeLevel
  /** Both carry a valid credit code and they differ (equal codes are linked before scoring). */
  creditCodeDiffers: boolean
  weights: Record<ScoreField, number>
  /** log2 prior odds + Σ log2(m/u), in bits. */
  weight: number
}

/**
 * The 字号 level, the first that applies: exact; one character apart with both at least ONE_EDIT_MIN_LENGTH long;
 * 简称 (one an ordered subsequence of the other, same first character); similar (one character apart when short,
 * or half their bigrams shared); different.
 */
export function compareTradeNames(a: string, b: string): TradeNameLevel {
  if (a === b) return 'exact'
  const oneEdit = isOneEditApart(a, b)
  if (oneEdit && Math.min(Array.from(a).length, Array.from(b).length) >= ONE_EDIT_MIN_LENGTH)
    return 'one_edit'
  if (isAbbreviationOf(a, b) || isAbbreviationOf(b, a)) return 'abbreviation'
  if (oneEdit || bigramJaccard(a, b) >= SIMILAR_BIGRAM_JACCARD) return 'similar'
  return 'different'
}

/**
 * 行业 agree exactly, are related (one is the other with words dropped, as a 简称 does: 新材料 / 新材料科技, 科技 /
 * 电子科技), differ (sharing 科技 alone does not relate 农业科技 to 电子科技), or one name has none.
 */
export function compareIndustries(a: PreparedName, b: PreparedName): IndustryLevel {
  if (a.industry === null || b.industry === null) return 'missing'
  if (a.industry === b.industry) return 'exact'
  const [fewer, more] = a.industryWords.length <= b.industryWords.length ? [a, b] : [b, a]
  return fewer.industryWords.every((word) => more.industryWords.includes(word)) ? 'related' : 'different'
}

export function compareLegalRepresentatives(a: string | null, b: string | null): LegalRepresentativeLevel {
  if (a === null || b === null) return 'missing'
  if (a === b) return 'exact'
  return jaroWinkler(a, b) >= SIMILAR_PERSON_NAME_JARO_WINKLER ? 'similar' : 'different'
}

function bits(m: number, u: number): number {
  return Math.log2(m / u)
}

function percent(share: number): string {
  return `${(share * 100).toPrecision(2)}%`
}

function tradeNameCount(index: EnterpriseIndex, tradeName: string): number {
  return Math.max(1, countEnterprisesWithKey(index, 'trade_name', tradeName))
}

/** Exact agreement uses the 字号's term frequency, floored by `exactMinimum`; other levels their fixed u. */
function tradeNameWeight(index: EnterpriseIndex, level: TradeNameLevel, tradeName: string): number {
  const { m, u } = index.model
  if (level !== 'exact') return bits(m.tradeName[level], u.tradeName[level])
  const share = tradeNameCount(index, tradeName) / index.enterprises.length
  return bits(m.tradeName.exact, Math.max(share, u.tradeName.exactMinimum))
}

function industryShare(index: EnterpriseIndex, industry: string): number {
  return Math.max(1, index.industryCounts.get(industry) ?? 0) / index.enterprises.length
}

function industryWeight(index: EnterpriseIndex, level: IndustryLevel, industry: string | null): number {
  const { m, u } = index.model
  if (level === 'missing') return 0
  if (level === 'exact') return bits(m.industry.exact, industryShare(index, industry!))
  return bits(m.industry[level], u.industry[level])
}

function branchWeight(index: EnterpriseIndex, level: BranchLevel): number {
  return bits(index.model.m.branch[level], index.model.u.branch[level])
}

/**
 * u of a region level given the record's own code: the share of the register that stands in that relation to
 * it (a term frequency on the place). A record from a county with few enterprises gains more from agreeing, and
 * a record from another province loses everything by disagreeing, however uniform the register is.
 */
export function regionU(
  index: EnterpriseIndex,
  recordCode: string,
  level: Exclude<RegionAgreement, 'unknown'>,
): number {
  const { total, byPrefix } = index.regionCounts
  const count = (prefix: string) => byPrefix.get(prefix) ?? 0
  const county = count(recordCode)
  const city = count(recordCode.slice(0, 4))
  const province = count(recordCode.slice(0, 2))
  const shares: Record<Exclude<RegionAgreement, 'unknown'>, number> = {
    same_county: county,
    within_city: city,
    same_city: city - county,
    same_province: province - city,
    different_province: total - province,
  }
  // At least one enterprise stands at the level compared, or it would not be compared.
  return Math.max(1, shares[level]) / Math.max(1, total)
}

const REGION_LEVELS = [
  'same_county',
  'within_city',
  'same_city',
  'same_province',
  'different_province',
] as const

/**
 * What scoring a record needs again for every candidate, computed once per record: the prior and the weight of
 * each region level (they depend on the record's own code only).
 */
export interface RecordScoring {
  record: PreparedRecord
  priorWeight: number
  regionWeights: Record<RegionAgreement, number>
}

export function createRecordScoring(index: EnterpriseIndex, record: PreparedRecord): RecordScoring {
  const regionWeights: Record<RegionAgreement, number> = {
    same_county: 0,
    within_city: 0,
    same_city: 0,
    same_province: 0,
    different_province: 0,
    unknown: 0,
  }
  if (record.regionCode !== null) {
    for (const level of REGION_LEVELS) {
      regionWeights[level] = bits(index.model.m.region[level], regionU(index, record.regionCode, level))
    }
  }
  return { record, priorWeight: priorWeight(index.model, index.enterprises.length), regionWeights }
}

function legalRepresentativeShare(index: EnterpriseIndex, name: string): number {
  return Math.max(1, index.legalRepresentativeCounts.get(name) ?? 0) / index.enterprises.length
}

function legalRepresentativeWeight(
  index: EnterpriseIndex,
  level: LegalRepresentativeLevel,
  name: string | null,
): number {
  const { m, u } = index.model
  if (level === 'missing') return 0
  if (level === 'exact') return bits(m.legalRepresentative.exact, legalRepresentativeShare(index, name!))
  return bits(m.legalRepresentative[level], u.legalRepresentative[level])
}

/**
 * Fellegi–Sunter comparison of one enterprise with one record: the prior plus log2(m/u) per field. The names
 * compared are the best-agreeing pair among the record's names and the enterprise's names in use at the
 * record's date.
 */
export function compareCandidate(
  index: EnterpriseIndex,
  scoring: RecordScoring,
  enterprise: PreparedEnterprise,
  position: number,
): CandidateComparison {
  const { record } = scoring
  let best: {
    recordName: PreparedName
    enterpriseName: PreparedName
    tradeName: TradeNameLevel
    industry: IndustryLevel
    branch: BranchLevel
    weights: [tradeName: number, industry: number, branch: number]
    sum: number
  } | null = null
  for (const recordName of record.names) {
    for (const enterpriseName of enterprise.names) {
      if (!isNameInUseAt(enterpriseName, record.asOfDate)) continue
      const tradeName = compareTradeNames(recordName.tradeName, enterpriseName.tradeName)
      const industry = compareIndustries(recordName, enterpriseName)
      const branch: BranchLevel = recordName.isBranch === enterpriseName.isBranch ? 'same' : 'different'
      const weights: [number, number, number] = [
        tradeNameWeight(index, tradeName, enterpriseName.tradeName),
        industryWeight(index, industry, enterpriseName.industry),
        branchWeight(index, branch),
      ]
      const sum = weights[0] + weights[1] + weights[2]
      if (best === null || sum > best.sum) {
        best = { recordName, enterpriseName, tradeName, industry, branch, weights, sum }
      }
    }
  }
  // The registered name is always in use, so `best` is set.
  const names = best!
  const region = compareRegionCodes(record.regionCode, enterprise.regionCode)
  const legalRepresentative = compareLegalRepresentatives(
    record.legalRepresentative,
    enterprise.legalRepresentative,
  )
  const creditCodeDiffers = record.creditCode !== null && enterprise.creditCode !== null
  const weights: Record<ScoreField, number> = {
    prior: scoring.priorWeight,
    tradeName: names.weights[0],
    industry: names.weights[1],
    branch: names.weights[2],
    region: scoring.regionWeights[region],
    legalRepresentative: legalRepresentativeWeight(
      index,
      legalRepresentative,
      enterprise.legalRepresentative,
    ),
    creditCode: creditCodeDiffers
      ? bits(index.model.m.creditCodeDifferent, index.model.u.creditCodeDifferent)
      : 0,
  }
  return {
    enterpriseId: enterprise.id,
    position,
    recordName: names.recordName,
    enterpriseName: names.enterpriseName,
    tradeName: names.tradeName,
    industry: names.industry,
    branch: names.branch,
    region,
    legalRepresentative,
    creditCodeDiffers,
    weights,
    weight:
      weights.prior +
      weights.tradeName +
      weights.industry +
      weights.branch +
      weights.region +
      weights.legalRepresentative +
      weights.creditCode,
  }
}

const NAME_KIND_LABELS = { name: '', alias: '（简称）', former: '（曾用名）' } as const

function describeName(name: PreparedName): string {
  return `“${name.tradeName}”${NAME_KIND_LABELS[name.kind]}`
}

const TRADE_NAME_RELATIONS: Record<Exclude<TradeNameLevel, 'exact'>, string> = {
  one_edit: '仅一字之差',
  abbreviation: '为简称关系',
  similar: '相近',
  different: '不同',
}

const REGION_LABELS: Record<Exclude<RegionAgreement, 'unknown'>, string> = {
  same_county: '同一区县',
  within_city: '同一城市（一方只到市级）',
  same_city: '同城不同区县',
  same_province: '同省不同城市',
  different_province: '不同省份',
}

/**
 * The comparison as Chinese terms, one per field that carries evidence (a field missing on either side carries
 * none and is left out), each with its weight: the explanation shown with a suggestion.
 */
export function explainComparison(
  index: EnterpriseIndex,
  record: PreparedRecord,
  enterprise: PreparedEnterprise,
  comparison: CandidateComparison,
): ScoreTerm[] {
  const { recordName: a, enterpriseName: b, weights } = comparison
  const n = index.enterprises.length
  const terms: ScoreTerm[] = [
    {
      field: 'prior',
      level: 'prior',
      label: `先验：库中 ${n} 家企业，预计 ${percent(index.model.expectedMatchRate)} 的记录能在库中找到对应企业`,
      weight: weights.prior,
    },
    {
      field: 'tradeName',
      level: comparison.tradeName,
      label:
        comparison.tradeName === 'exact'
          ? `字号${describeName(b)}相同（库中 ${tradeNameCount(index, b.tradeName)} 家使用此字号）`
          : `字号${describeName(a)}与${describeName(b)}${TRADE_NAME_RELATIONS[comparison.tradeName]}`,
      weight: weights.tradeName,
    },
  ]
  if (comparison.industry !== 'missing') {
    terms.push({
      field: 'industry',
      level: comparison.industry,
      label:
        comparison.industry === 'exact'
          ? `行业“${b.industry}”相同（库中 ${percent(industryShare(index, b.industry!))} 的企业属此行业）`
          : `行业“${a.industry}”与“${b.industry}”${comparison.industry === 'related' ? '相关' : '不同'}`,
      weight: weights.industry,
    })
  }
  terms.push({
    field: 'branch',
    level: comparison.branch,
    label: comparison.branch === 'same' ? '同为（或同不为）分支机构' : '一方是分支机构，另一方不是',
    weight: weights.branch,
  })
  if (comparison.region !== 'unknown') {
    const u = regionU(index, record.regionCode!, comparison.region)
    terms.push({
      field: 'region',
      level: comparison.region,
      label: `行政区划：${REGION_LABELS[comparison.region]}（${record.regionCode} / ${enterprise.regionCode}，库中 ${percent(u)} 的企业与记录处于此关系）`,
      weight: weights.region,
    })
  }
  const person = comparison.legalRepresentative
  if (person !== 'missing') {
    terms.push({
      field: 'legalRepresentative',
      level: person,
      label:
        person === 'exact'
          ? `法定代表人“${enterprise.legalRepresentative}”相同（库中 ${Math.round(legalRepresentativeShare(index, enterprise.legalRepresentative!) * n)} 家企业的法定代表人同名）`
          : `法定代表人“${record.legalRepresentative}”与“${enterprise.legalRepresentative}”${person === 'similar' ? '相近' : '不同'}`,
      weight: weights.legalRepresentative,
    })
  }
  if (comparison.creditCodeDiffers) {
    terms.push({
      field: 'creditCode',
      level: 'different',
      label: `统一社会信用代码不同（${record.creditCode} / ${enterprise.creditCode}）`,
      weight: weights.creditCode,
    })
  }
  return terms
}
