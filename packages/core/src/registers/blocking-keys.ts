import type { PreparedName, PreparedRecord } from './prepared-record'

/**
 * Blocking (splink: docs/topic_guides/blocking/performance.md): a record is compared only with enterprises that
 * share at least one key. Each rule is an exact equi-join key, and the rules are unioned — no OR or fuzzy
 * function inside one rule, which would turn it back into all pairs. One visitor defines the keys; the index
 * and the queries use their hashes, tests and diagnostics their readable form.
 *
 * | rule | catches |
 * |---|---|
 * | same 字号 + 行业 (the comparison key) | every name variant that normalises alike, anywhere |
 * | same 字号 | 行业 dropped or changed (劲牌 ↔ 劲牌酒业) |
 * | city + first two characters of the 字号 | 简称 that shorten the 字号, typos after its second character |
 * | city + 行业 + first character of the 字号 | a typo in the 字号's later characters of a two-character 字号 |
 * | city + 行业 + last character of the 字号 | a typo in the 字号's first character |
 * | province + 法定代表人 | a name written quite differently for the same legal representative |
 */
export const BLOCKING_RULES = [
  'key',
  'trade_name',
  'city_trade_prefix',
  'city_industry_first',
  'city_industry_last',
  'legal_representative',
] as const
export type BlockingRule = (typeof BLOCKING_RULES)[number]

export const BLOCKING_RULE_LABELS: Record<BlockingRule, string> = {
  key: '字号与行业相同',
  trade_name: '字号相同',
  city_trade_prefix: '同城且字号前两字相同',
  city_industry_first: '同城、同行业且字号首字相同',
  city_industry_last: '同城、同行业且字号末字相同',
  legal_representative: '同省且法定代表人相同',
}

type KeyVisitor = (rule: BlockingRule, ...parts: string[]) => void

const SURROGATE = /[\uD800-\uDFFF]/

/** The first two and the first and last characters, by code point (CJK extension B takes two code units). */
function ends(text: string): { firstTwo: string; first: string; last: string } {
  if (!SURROGATE.test(text))
    return { firstTwo: text.slice(0, 2), first: text.slice(0, 1), last: text.slice(-1) }
  const chars = Array.from(text)
  return { firstTwo: chars.slice(0, 2).join(''), first: chars[0] ?? '', last: chars.at(-1) ?? '' }
}

function visitNameKeys(name: PreparedName, city: string | null, visit: KeyVisitor): void {
  visit('key', name.key)
  visit('trade_name', name.tradeName)
  if (city === null) return
  const { firstTwo, first, last } = ends(name.tradeName)
  visit('city_trade_prefix', city, firstTwo)
  if (name.industry !== null) {
    visit('city_industry_first', city, name.industry, first)
    visit('city_industry_last', city, name.industry, last)
  }
}

function visitBlockingKeys(record: PreparedRecord, visit: KeyVisitor): void {
  const city = record.regionCode === null ? null : record.regionCode.slice(0, 4)
  for (const name of record.names) visitNameKeys(name, city, visit)
  if (record.legalRepresentative !== null && record.regionCode !== null) {
    visit('legal_representative', record.regionCode.slice(0, 2), record.legalRepresentative)
  }
}

// FNV-1a primes of the two hash lanes, and the unit separator put between a key's parts (names never contain
// control characters: the normaliser removes them).
const LANE_H = 0x01000193
const LANE_G = 0x5bd1e995
const SEPARATOR = 0x1f

/**
 * A 53-bit hash of a key (two 32-bit FNV-1a lanes): numbers are several times cheaper Map keys than strings for the
 * million keys of a province register, and among 1.5 million keys the chance of any collision is about 1 in 10 000.
 * A collision would only add candidates (scored, then dropped), never a link: exact-name links compare names.
 */
export function blockingKeyHash(rule: BlockingRule, ...parts: string[]): number {
  let h = 0x811c9dc5
  let g = 0x2545f491
  for (let i = 0; i < rule.length; i++) {
    h = Math.imul(h ^ rule.charCodeAt(i), LANE_H)
    g = Math.imul(g ^ rule.charCodeAt(i), LANE_G)
  }
  for (const part of parts) {
    h = Math.imul(h ^ SEPARATOR, LANE_H)
    g = Math.imul(g ^ SEPARATOR, LANE_G)
    for (let i = 0; i < part.length; i++) {
      h = Math.imul(h ^ part.charCodeAt(i), LANE_H)
      g = Math.imul(g ^ part.charCodeAt(i), LANE_G)
    }
  }
  return (h >>> 0) * 0x200000 + ((g >>> 0) & 0x1fffff)
}

/** The distinct blocking keys of a prepared record, readable (`rule|part|part`): for tests and diagnostics. */
export function blockingKeysOf(record: PreparedRecord): string[] {
  const keys = new Set<string>()
  visitBlockingKeys(record, (rule, ...parts) => keys.add([rule, ...parts].join('|')))
  return [...keys]
}

/** The distinct blocking keys of a prepared record, hashed (`blockingKeyHash`): what the index stores. */
export function blockingKeyHashesOf(record: PreparedRecord): number[] {
  const keys: number[] = []
  visitBlockingKeys(record, (rule, ...parts) => keys.push(blockingKeyHash(rule, ...parts)))
  // Names of one record often share keys (简称 = 字号 + 行业 of the registered name).
  return record.names.length === 1 ? keys : [...new Set(keys)]
}
