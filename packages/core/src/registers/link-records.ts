import { type EnterpriseIndex, enterprisesWithKey, findCandidates } from './enterprise-index'
import { probabilityOfWeight } from './linking-model'
import {
  type PreparedEnterprise,
  type PreparedName,
  type PreparedRecord,
  isNameInUseAt,
  prepareIncomingRecord,
} from './prepared-record'
import type { NamePlace } from './normalize-enterprise-name'
import { areRegionCodesCompatible, compareRegionCodes } from './region-codes'
import type { IncomingEnterpriseRecord } from './registers.schemas'
import {
  type CandidateComparison,
  type ScoreTerm,
  compareCandidate,
  createRecordScoring,
  explainComparison,
} from './compare-candidate'

/**
 * Linking an incoming record to the register (a gazetteer: each record has at most one enterprise).
 * Deterministic first — the same credit code, then the same normalised name in the same place with no rival —
 * then Fellegi–Sunter over the blocked candidates, with thresholds on the match probability.
 */

export type LinkMethod = 'credit_code' | 'exact_name' | 'probabilistic'
export type LinkOutcome = 'linked' | 'review' | 'no_match'

export const LINK_METHOD_LABELS: Record<LinkMethod, string> = {
  credit_code: '统一社会信用代码相同',
  exact_name: '名称相同（去除地名、组织形式后）且地区相符，库中唯一',
  probabilistic: '名称、地区等综合评分',
}

export const LINK_OUTCOME_LABELS: Record<LinkOutcome, string> = {
  linked: '已自动关联',
  review: '待人工确认',
  no_match: '库中无匹配企业',
}

export interface RankedCandidate extends CandidateComparison {
  /** 2^w / (1 + 2^w): the probability if this were the only candidate. */
  pairProbability: number
  /** The probability that this enterprise is the record's match, with every other candidate considered. */
  probability: number
  /** The explanation: one Chinese term per field, with its weight in bits. */
  terms: ScoreTerm[]
}

export interface LinkDecision {
  outcome: LinkOutcome
  /** Set when linked. */
  enterpriseId: string | null
  method: LinkMethod | null
  /** Probability of the best candidate (1 for deterministic links, 0 without candidates). */
  probability: number
  /** Best candidates first, at most `maxCandidates`; empty for deterministic links. */
  candidates: RankedCandidate[]
}

export interface LinkOptions {
  /** Enterprises a reviewer has already judged not to be this record (NEGATIVE edges): never suggested again. */
  excludedEnterpriseIds?: ReadonlySet<string>
  /** Candidates kept in a decision for the review screen. */
  maxCandidates?: number
}

export const DEFAULT_MAX_CANDIDATES = 5

function linked(enterpriseId: string, method: LinkMethod): LinkDecision {
  return { outcome: 'linked', enterpriseId, method, probability: 1, candidates: [] }
}

/**
 * Whether two names were registered under places that exclude each other: two different places of the same level
 * (江汉区 / 硚口区), or places whose codes disagree (大冶市 / 阳新县). 湖北省 and 黄石市 do not exclude each other.
 */
function placesConflict(a: NamePlace | null, b: NamePlace | null): boolean {
  if (a === null || b === null || a.name === b.name) return false
  if (a.level === b.level) return true
  return a.code !== null && b.code !== null && !areRegionCodesCompatible(a.code, b.code)
}

function regionsAgree(record: PreparedRecord, enterprise: PreparedEnterprise): boolean {
  const region = compareRegionCodes(record.regionCode, enterprise.regionCode)
  return region === 'same_county' || region === 'within_city'
}

/**
 * The record's name that an enterprise carries, or null. Carrying it means the same 字号 + 行业, the same branch
 * status and branch location, a name in use at the record's date, and places that pin it down: either the region
 * codes agree (same 区县, or one side known only to the city) and the names' places do not exclude each other, or
 * both names were registered under the same written place (湖北…, 黄石…, 大冶…) and the record lies within it.
 * A name is unique where its place says it was registered, so either is enough.
 */
function findSharedName(record: PreparedRecord, enterprise: PreparedEnterprise): PreparedName | null {
  let agree: boolean | null = null
  for (const recordName of record.names) {
    for (const name of enterprise.names) {
      if (name.key !== recordName.key || name.isBranch !== recordName.isBranch) continue
      // Two branches of one parent differ by where they are (…大冶分公司 / …阳新分公司).
      if (name.branchLocation !== recordName.branchLocation) continue
      if (!isNameInUseAt(name, record.asOfDate)) continue
      agree ??= regionsAgree(record, enterprise)
      const samePlace =
        name.place !== null &&
        name.place.name === recordName.place?.name &&
        (record.regionCode === null ||
          name.place.code === null ||
          areRegionCodesCompatible(record.regionCode, name.place.code))
      // A 简称 carries no place; the registered name's place stands for it.
      const place = name.place ?? enterprise.names[0]!.place
      if ((agree && !placesConflict(recordName.place, place)) || samePlace) return recordName
    }
  }
  return null
}

/**
 * The deterministic name rule: exactly one enterprise carries the record's name (`findSharedName`), with no
 * conflicting credit code. A name without 行业 (a bare 字号 such as 利泰) must moreover be the only 字号 of its kind
 * in the record's region, since 利泰实业 and 利泰建材 may both be called 利泰. Anything else is left to scoring,
 * which shares the probability between rivals. Only enterprises sharing a key with the record can qualify, so
 * the key blocks are searched whole (no size cap: a rival must not escape the uniqueness check).
 */
function findExactNameMatch(
  index: EnterpriseIndex,
  record: PreparedRecord,
  isExcluded: (position: number) => boolean,
): PreparedEnterprise | null {
  let found: PreparedEnterprise | null = null
  let foundName: PreparedName | null = null
  const seen = new Set<number>()
  for (const recordName of record.names) {
    for (const position of enterprisesWithKey(index, 'key', recordName.key)) {
      if (seen.has(position) || isExcluded(position)) continue
      seen.add(position)
      const enterprise = index.enterprises[position]!
      if (record.creditCode !== null && enterprise.creditCode !== null) continue
      const shared = findSharedName(record, enterprise)
      if (shared === null) continue
      if (found !== null) return null
      found = enterprise
      foundName = shared
    }
  }
  if (found === null || foundName === null || foundName.industry !== null) return found
  const tradeName = foundName.tradeName
  const rival = enterprisesWithKey(index, 'trade_name', tradeName).some((position) => {
    const other = index.enterprises[position]!
    return (
      other !== found &&
      !isExcluded(position) &&
      regionsAgree(record, other) &&
      other.names.some((n) => n.tradeName === tradeName)
    )
  })
  return rival ? null : found
}

/**
 * Probabilities with competing candidates: under "at most one enterprise is the match", candidate i is the match
 * with probability O_i / (1 + Σ O_j), O = 2^w. Computed relative to the largest weight to stay finite.
 */
function rankCandidates(
  index: EnterpriseIndex,
  record: PreparedRecord,
  comparisons: CandidateComparison[],
  keep: number,
): RankedCandidate[] {
  if (comparisons.length === 0) return []
  const top = Math.max(...comparisons.map((c) => c.weight))
  const denominator = 2 ** -top + comparisons.reduce((sum, c) => sum + 2 ** (c.weight - top), 0)
  return comparisons
    .sort((a, b) => b.weight - a.weight || a.position - b.position)
    .slice(0, keep)
    .map((c) => ({
      ...c,
      pairProbability: probabilityOfWeight(c.weight),
      probability: 2 ** (c.weight - top) / denominator,
      terms: explainComparison(index, record, index.enterprises[c.position]!, c),
    }))
}

/**
 * Links one record: credit code, exact name, then scoring. `linked` when the best candidate's probability reaches
 * `model.autoLinkProbability`, `review` from `model.reviewProbability`, `no_match` below.
 */
export function linkEnterpriseRecord(
  index: EnterpriseIndex,
  record: IncomingEnterpriseRecord,
  options: LinkOptions = {},
): LinkDecision {
  const excluded = options.excludedEnterpriseIds
  const prepared = prepareIncomingRecord(record)
  if (prepared.creditCode !== null) {
    const position = index.byCreditCode.get(prepared.creditCode)
    const enterprise = position === undefined ? undefined : index.enterprises[position]
    if (enterprise && !excluded?.has(enterprise.id)) return linked(enterprise.id, 'credit_code')
  }

  const isExcluded = (position: number) => excluded?.has(index.enterprises[position]!.id) ?? false
  const exact = findExactNameMatch(index, prepared, isExcluded)
  if (exact) return linked(exact.id, 'exact_name')

  const positions = findCandidates(index, prepared).positions.filter((position) => !isExcluded(position))

  const scoring = createRecordScoring(index, prepared)
  const candidates = rankCandidates(
    index,
    prepared,
    positions.map((position) => compareCandidate(index, scoring, index.enterprises[position]!, position)),
    options.maxCandidates ?? DEFAULT_MAX_CANDIDATES,
  )
  const best = candidates[0]
  const probability = best?.probability ?? 0
  const { autoLinkProbability, reviewProbability } = index.model
  if (best && probability >= autoLinkProbability) {
    return {
      outcome: 'linked',
      enterpriseId: best.enterpriseId,
      method: 'probabilistic',
      probability,
      candidates,
    }
  }
  const outcome: LinkOutcome = probability >= reviewProbability ? 'review' : 'no_match'
  return { outcome, enterpriseId: null, method: null, probability, candidates }
}

/** Links every record against the same index (see `linkEnterpriseRecord`). */
export function linkEnterpriseRecords(
  index: EnterpriseIndex,
  records: readonly IncomingEnterpriseRecord[],
  options: LinkOptions = {},
): LinkDecision[] {
  return records.map((record) => linkEnterpriseRecord(index, record, options))
}

/** 1 for a coin toss (p = 0.5), 0 for certainty either way. */
export function reviewUncertainty(probability: number): number {
  return 1 - Math.abs(2 * probability - 1)
}

/**
 * The review queue, most uncertain first (dedupe's `uncertain_pairs`): a reviewer's answer settles most where the
 * linker knows least. Ties keep their input order.
 */
export function orderReviewQueue<T extends { probability: number }>(items: readonly T[]): T[] {
  return items
    .map((item, order) => ({ item, order, uncertainty: reviewUncertainty(item.probability) }))
    .sort((a, b) => b.uncertainty - a.uncertainty || a.order - b.order)
    .map(({ item }) => item)
}
