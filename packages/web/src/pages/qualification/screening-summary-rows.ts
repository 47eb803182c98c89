import type { QualifiedValue, RuleSetId, ScreeningSummary } from '@kechuang/core/qualification'

export type VerdictCounts = Record<QualifiedValue, number> & { total: number }

const emptyCounts = (): VerdictCounts => ({ qualified: 0, failed: 0, 'needs-review': 0, total: 0 })

/** A run's enterprises per verdict under one rule set, with their total. */
export function verdictCountsOf(counts: ScreeningSummary['counts'], ruleSet: RuleSetId): VerdictCounts {
  const result = emptyCounts()
  for (const row of counts) {
    if (row.ruleSet !== ruleSet) continue
    result[row.qualified] += row.count
    result.total += row.count
  }
  return result
}

export interface RegionVerdictRow {
  key: string
  /** Null for enterprises whose region is not known (not a filter of the results). */
  orgUnitId: string | null
  orgUnitName: string
  counts: VerdictCounts
}

/**
 * The region table of one rule set: a row per region in the server's order, the region not known last, then a
 * total row (key `total`, no orgUnitId).
 */
export function regionVerdictRows(
  byRegion: ScreeningSummary['byRegion'],
  ruleSet: RuleSetId,
  totalLabel: string,
): RegionVerdictRow[] {
  const rows = new Map<string, RegionVerdictRow>()
  const total: RegionVerdictRow = {
    key: 'total',
    orgUnitId: null,
    orgUnitName: totalLabel,
    counts: emptyCounts(),
  }
  for (const entry of byRegion) {
    if (entry.ruleSet !== ruleSet) continue
    const key = entry.orgUnitId ?? 'unknown'
    const row = rows.get(key) ?? {
      key,
      orgUnitId: entry.orgUnitId,
      orgUnitName: entry.orgUnitName,
      counts: emptyCounts(),
    }
    row.counts[entry.qualified] += entry.count
    row.counts.total += entry.count
    total.counts[entry.qualified] += entry.count
    total.counts.total += entry.count
    rows.set(key, row)
  }
  const ordered = [...rows.values()].sort(
    (a, b) => Number(a.orgUnitId === null) - Number(b.orgUnitId === null),
  )
  return ordered.length === 0 ? [] : [...ordered, total]
}
