/**
 * Comparing 行政区划代码 (GB/T 2260, six digits): 42 = 湖北省, 4202 = 黄石市, 420281 = 大冶市. A code ending in
 * 0000 names a province, one ending in 00 a city; anything else a county-level unit (区/县/县级市).
 */

export type RegionGranularity = 'province' | 'city' | 'county'

export function regionGranularity(code: string): RegionGranularity {
  if (code.endsWith('0000')) return 'province'
  if (code.endsWith('00')) return 'city'
  return 'county'
}

const PREFIX_LENGTH: Record<RegionGranularity, number> = { province: 2, city: 4, county: 6 }

/** The prefix of `code` that identifies it at `granularity` (e.g. 4202 for 大冶 at city level). */
export function regionPrefix(code: string, granularity: RegionGranularity): string {
  return code.slice(0, PREFIX_LENGTH[granularity])
}

/**
 * How far two codes agree, at the coarser of their granularities:
 * - `same_county`: the same county-level code;
 * - `within_city`: one side is only known to the city, and the city agrees (黄石市 list, 大冶 enterprise);
 * - `same_city`: two different counties of one city;
 * - `same_province` / `different_province`; `unknown` when either code is missing.
 */
export type RegionAgreement =
  'same_county' | 'within_city' | 'same_city' | 'same_province' | 'different_province' | 'unknown'

export function compareRegionCodes(
  a: string | null | undefined,
  b: string | null | undefined,
): RegionAgreement {
  if (!a || !b) return 'unknown'
  const coarser = coarserGranularity(a, b)
  if (coarser === 'county' && a === b) return 'same_county'
  if (coarser !== 'province' && a.slice(0, 4) === b.slice(0, 4)) {
    return coarser === 'city' ? 'within_city' : 'same_city'
  }
  if (a.slice(0, 2) === b.slice(0, 2)) return 'same_province'
  return 'different_province'
}

function coarserGranularity(a: string, b: string): RegionGranularity {
  const ga = regionGranularity(a)
  const gb = regionGranularity(b)
  return PREFIX_LENGTH[ga] <= PREFIX_LENGTH[gb] ? ga : gb
}

/**
 * Whether two codes could name the same place: they agree at the coarser of their two granularities, so
 * 420200 (黄石市) is compatible with 420281 (大冶市) but 420222 (阳新县) is not.
 */
export function areRegionCodesCompatible(a: string, b: string): boolean {
  const coarser = coarserGranularity(a, b)
  return regionPrefix(a, coarser) === regionPrefix(b, coarser)
}

/**
 * The more specific of a record's own code and a code read from its name, when they are compatible (a 黄石市
 * list naming 大冶XX公司 → 420281); the record's code wins a conflict, since it is what the list's owner entered.
 */
export function refineRegionCode(recordCode: string | null, nameCode: string | null): string | null {
  if (recordCode === null) return nameCode
  if (nameCode === null || !areRegionCodesCompatible(recordCode, nameCode)) return recordCode
  return PREFIX_LENGTH[regionGranularity(nameCode)] > PREFIX_LENGTH[regionGranularity(recordCode)]
    ? nameCode
    : recordCode
}
