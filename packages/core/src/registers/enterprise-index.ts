import { type BlockingRule, blockingKeyHash, blockingKeyHashesOf } from './blocking-keys'
import { DEFAULT_LINKING_MODEL, type LinkingModel } from './linking-model'
import { type PreparedEnterprise, type PreparedRecord, prepareEnterprise } from './prepared-record'
import type { CanonicalEnterprise } from './registers.schemas'

/**
 * The register prepared for linking, built once and queried per incoming record: prepared enterprises, the
 * blocking postings (key → enterprise positions), term frequencies and the region distribution.
 */
export interface EnterpriseIndex {
  readonly enterprises: readonly PreparedEnterprise[]
  readonly model: LinkingModel
  /** Enterprises per county code, city prefix (4 digits) and province prefix (2 digits); `total` have a code. */
  readonly regionCounts: RegionCounts
  /** Blocks larger than this are not used to find candidates (a 字号 such as 宏泰 held by thousands). */
  readonly maxBlockSize: number
  /** Blocking key hash → enterprise positions; a key held by one enterprise maps to its position alone. */
  readonly postings: ReadonlyMap<number, number | readonly number[]>
  readonly byCreditCode: ReadonlyMap<string, number>
  readonly industryCounts: ReadonlyMap<string, number>
  readonly legalRepresentativeCounts: ReadonlyMap<string, number>
  /** Scratch marks for `findCandidates` (one per enterprise), so collecting a union allocates no set. */
  readonly candidateMarks: Uint32Array
}

export interface EnterpriseIndexOptions {
  model?: LinkingModel
  maxBlockSize?: number
}

/** Default cap on a block's size: large enough for any city's share of one 字号 prefix in a province register. */
export const DEFAULT_MAX_BLOCK_SIZE = 1000

export interface RegionCounts {
  total: number
  byPrefix: ReadonlyMap<string, number>
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

function countRegions(enterprises: readonly PreparedEnterprise[]): RegionCounts {
  const byPrefix = new Map<string, number>()
  let total = 0
  for (const { regionCode } of enterprises) {
    if (regionCode === null) continue
    total++
    if (!regionCode.endsWith('00')) increment(byPrefix, regionCode)
    increment(byPrefix, regionCode.slice(0, 4))
    increment(byPrefix, regionCode.slice(0, 2))
  }
  return { total, byPrefix }
}

/** Builds the linking index of the register in one pass; O(N) time and memory. */
export function createEnterpriseIndex(
  enterprises: readonly CanonicalEnterprise[],
  options: EnterpriseIndexOptions = {},
): EnterpriseIndex {
  const prepared = enterprises.map(prepareEnterprise)
  // A bare number for the many keys held by one enterprise: half the time and memory of one-element arrays.
  const postings = new Map<number, number | number[]>()
  const byCreditCode = new Map<string, number>()
  const industryCounts = new Map<string, number>()
  const legalRepresentativeCounts = new Map<string, number>()
  prepared.forEach((enterprise, position) => {
    for (const key of blockingKeyHashesOf(enterprise)) {
      const list = postings.get(key)
      if (list === undefined) postings.set(key, position)
      else if (typeof list === 'number') postings.set(key, [list, position])
      else list.push(position)
    }
    if (enterprise.creditCode !== null) byCreditCode.set(enterprise.creditCode, position)
    for (const industry of new Set(enterprise.names.map((n) => n.industry))) {
      if (industry !== null) increment(industryCounts, industry)
    }
    if (enterprise.legalRepresentative !== null)
      increment(legalRepresentativeCounts, enterprise.legalRepresentative)
  })
  return {
    enterprises: prepared,
    model: options.model ?? DEFAULT_LINKING_MODEL,
    regionCounts: countRegions(prepared),
    maxBlockSize: options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE,
    postings,
    byCreditCode,
    industryCounts,
    legalRepresentativeCounts,
    candidateMarks: new Uint32Array(prepared.length),
  }
}

/** How many enterprises share a blocking key (`trade_name`, 祥邦): the term frequency of that value. */
export function countEnterprisesWithKey(
  index: EnterpriseIndex,
  rule: BlockingRule,
  ...parts: string[]
): number {
  const block = index.postings.get(blockingKeyHash(rule, ...parts))
  return block === undefined ? 0 : typeof block === 'number' ? 1 : block.length
}

function blockOf(index: EnterpriseIndex, hash: number): readonly number[] {
  const block = index.postings.get(hash)
  return block === undefined ? [] : typeof block === 'number' ? [block] : block
}

/** The enterprises holding a blocking key, whatever the size of its block. */
export function enterprisesWithKey(
  index: EnterpriseIndex,
  rule: BlockingRule,
  ...parts: string[]
): readonly number[] {
  return blockOf(index, blockingKeyHash(rule, ...parts))
}

export interface CandidateSearch {
  positions: number[]
  /** How many of the record's blocks exceeded `maxBlockSize` and were left out. */
  skippedBlocks: number
}

let searchNumber = 0

/** Enterprises sharing at least one blocking key with the record (blocks over the size cap left out). */
export function findCandidates(index: EnterpriseIndex, record: PreparedRecord): CandidateSearch {
  // Each search marks positions with a number of its own; a position is new when its mark differs.
  searchNumber = (searchNumber + 1) >>> 0 || 1
  const marks = index.candidateMarks
  const positions: number[] = []
  let skippedBlocks = 0
  for (const key of blockingKeyHashesOf(record)) {
    const block = blockOf(index, key)
    if (block.length > index.maxBlockSize) {
      skippedBlocks++
      continue
    }
    for (const position of block) {
      if (marks[position] === searchNumber) continue
      marks[position] = searchNumber
      positions.push(position)
    }
  }
  return { positions, skippedBlocks }
}

/** The same index scored with another model (e.g. after `estimateUProbabilities`); nothing is rebuilt. */
export function withLinkingModel(index: EnterpriseIndex, model: LinkingModel): EnterpriseIndex {
  return { ...index, model }
}
