import { validateCreditCode } from './credit-code'
import { type NamePlace, normalizeEnterpriseName } from './normalize-enterprise-name'
import { refineRegionCode } from './region-codes'
import type { CanonicalEnterprise, FormerName, IncomingEnterpriseRecord } from './registers.schemas'

/**
 * Records as the linker compares them: every written name (registered name, 简称, 曾用名) normalised once, the
 * region code refined by the place in the name, the 法定代表人 and credit code cleaned. Enterprises of the register
 * and incoming records are prepared by the same code, so both sides are normalised alike.
 */

export type NameKind = 'name' | 'alias' | 'former'

export interface PreparedName {
  written: string
  kind: NameKind
  /** For a 曾用名: when it was in use (ISO dates; null = unknown). */
  validFrom: string | null
  validTo: string | null
  /** The period widened by FORMER_NAME_GRACE_DAYS, precomputed for `isNameInUseAt`. */
  inUseFrom: string | null
  inUseTo: string | null
  tradeName: string
  industry: string | null
  industryWords: readonly string[]
  key: string
  isBranch: boolean
  /** What names a branch (大冶 in …大冶分公司), as a full division name when it is one; null otherwise. */
  branchLocation: string | null
  /** The region code the name itself implies (湖北黄石… → 420200), or null. */
  regionCode: string | null
  /** The place the name was registered under, or null. */
  place: NamePlace | null
}

export interface PreparedRecord {
  names: PreparedName[]
  regionCode: string | null
  legalRepresentative: string | null
  /** A valid code (pilot-period codes included), or null when absent or invalid. */
  creditCode: string | null
  asOfDate: string | null
}

export interface PreparedEnterprise extends PreparedRecord {
  id: string
}

/** Lists are often compiled months after their date; a 曾用名 counts this long past its end (and before its start). */
export const FORMER_NAME_GRACE_DAYS = 365

function shiftIsoDate(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

function prepareName(written: string, kind: NameKind, former?: FormerName): PreparedName {
  const normalized = normalizeEnterpriseName(written)
  return {
    written,
    kind,
    validFrom: former?.validFrom ?? null,
    validTo: former?.validTo ?? null,
    inUseFrom: former?.validFrom ? shiftIsoDate(former.validFrom, -FORMER_NAME_GRACE_DAYS) : null,
    inUseTo: former?.validTo ? shiftIsoDate(former.validTo, FORMER_NAME_GRACE_DAYS) : null,
    tradeName: normalized.tradeName,
    industry: normalized.industry,
    industryWords: normalized.industryWords,
    key: normalized.key,
    isBranch: normalized.isBranch,
    branchLocation:
      normalized.regions.find((r) => r.position === 'branch')?.division.name ?? normalized.branchLocation,
    regionCode: normalized.regionCode,
    place: normalized.place,
  }
}

/** 法定代表人 as compared: NFKC, no spaces or middle dots (买买提·艾力 = 买买提艾力). */
export function normalizePersonName(name: string | null | undefined): string | null {
  if (!name) return null
  const cleaned = name.normalize('NFKC').replace(/[\s\p{P}]/gu, '')
  return cleaned === '' ? null : cleaned
}

/**
 * Whether a name could have been used on `date`: always for registered names and 简称; for a 曾用名, when the date
 * is unknown or within its period widened by FORMER_NAME_GRACE_DAYS on each side.
 */
export function isNameInUseAt(name: PreparedName, date: string | null): boolean {
  if (name.kind !== 'former' || date === null) return true
  return (
    (name.inUseFrom === null || date >= name.inUseFrom) && (name.inUseTo === null || date <= name.inUseTo)
  )
}

function prepareCommon(
  record: CanonicalEnterprise | IncomingEnterpriseRecord,
  asOfDate: string | null,
): PreparedRecord {
  const names = [
    prepareName(record.name, 'name'),
    ...(record.aliases ?? []).map((alias) => prepareName(alias, 'alias')),
    ...(record.formerNames ?? []).map((former) => prepareName(former.name, 'former', former)),
  ]
  const code = record.creditCode ? validateCreditCode(record.creditCode) : null
  return {
    names,
    regionCode: refineRegionCode(record.regionCode ?? null, names[0]!.regionCode),
    legalRepresentative: normalizePersonName(record.legalRepresentative),
    creditCode: code?.isValid ? code.code : null,
    asOfDate,
  }
}

export function prepareEnterprise(enterprise: CanonicalEnterprise): PreparedEnterprise {
  return { id: enterprise.id, ...prepareCommon(enterprise, null) }
}

export function prepareIncomingRecord(record: IncomingEnterpriseRecord): PreparedRecord {
  return prepareCommon(record, record.asOfDate ?? null)
}
