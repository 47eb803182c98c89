import {
  ENTERPRISE_YEAR_FIELDS,
  ENTERPRISE_YEAR_FIELD_LABELS,
  type EnterpriseYearField,
  type EnterpriseYearRow,
  type FactSource,
} from '@kechuang/core/registers'
import { t } from '../../i18n/t'

/** Pure shaping of profile data for its tables: the figures by year and where each fact came from. */

export interface YearTable {
  years: number[]
  /** One row per yearly field, every field of the register (an empty cell says the source gave none). */
  rows: { field: EnterpriseYearField; label: string; values: Record<number, number | null> }[]
  /** The rows each year's figures were read from. */
  sources: Record<number, { memberId: string; source: FactSource }[]>
}

/**
 * Figures by year across the member rows of an enterprise. Two rows may report the same year (a list and a
 * filing): the canonical row's figure wins, then the first member row (by id) that has one.
 */
export function buildYearTable(rows: readonly EnterpriseYearRow[], canonicalId: string): YearTable {
  const ordered = [...rows].sort((a, b) => {
    if (a.memberId === canonicalId) return b.memberId === canonicalId ? 0 : -1
    if (b.memberId === canonicalId) return 1
    return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0
  })
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b)
  const sources: YearTable['sources'] = {}
  for (const row of ordered) (sources[row.year] ??= []).push({ memberId: row.memberId, source: row.source })
  return {
    years,
    sources,
    rows: ENTERPRISE_YEAR_FIELDS.map((field) => {
      const values: Record<number, number | null> = {}
      for (const year of years) {
        const found = ordered.find((r) => r.year === year && r[field] !== null)
        values[year] = found ? found[field] : null
      }
      return { field, label: ENTERPRISE_YEAR_FIELD_LABELS[field], values }
    }),
  }
}

/** A source in one line: 文件：高企名单.xlsx · 第 2 行 · “…”. */
export function describeSource(source: FactSource): string {
  const kinds = {
    document: t('enterprises.sources.document'),
    import: t('enterprises.sources.import'),
    manual: t('enterprises.sources.manual'),
    synthetic: t('enterprises.sources.synthetic'),
  } as const
  const parts = [source.doc ? `${kinds[source.kind]}：${source.doc}` : kinds[source.kind]]
  if (source.ref) parts.push(source.ref)
  if (source.text) parts.push(`“${source.text}”`)
  return parts.join(' · ')
}

/** 4 200.5 → "4,200.5"; null → the empty mark. */
export function formatFigure(value: number | null): string {
  return value === null ? t('common.none') : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })
}
