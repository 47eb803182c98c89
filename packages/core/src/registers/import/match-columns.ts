import { IMPORT_COLUMNS, type RegisterListType } from './import-list-types'

/** Column key → the header of the file it is read from (null: not in the file). */
export type ColumnMapping = Record<string, string | null>

/** Headers as compared: NFKC (full-width brackets become ASCII), no spaces or required-field stars, lowercase. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\s*＊]/g, '')
    .toLowerCase()
}

// The header without what brackets hold: 职工总数（人） and 职工总数 are the same column.
function withoutBrackets(normalized: string): string {
  return normalized.replace(/\([^)]*\)|\[[^\]]*\]/g, '')
}

function formsOf(header: string): string[] {
  const normalized = normalizeHeader(header)
  const bare = withoutBrackets(normalized)
  return bare === normalized || bare === '' ? [normalized] : [normalized, bare]
}

/**
 * Matches a file's header row to the columns of a list type. A remembered mapping (the user's last choice for this
 * list type) wins where its header is in the file; otherwise the official header, then the alternate names, exact
 * after normalisation. Each header is used at most once, earlier columns first.
 */
export function matchColumns(
  listType: RegisterListType,
  headers: readonly string[],
  remembered: ColumnMapping = {},
): ColumnMapping {
  const mapping: ColumnMapping = {}
  const used = new Set<string>()
  const present = new Set(headers)
  const columns = IMPORT_COLUMNS[listType]
  for (const column of columns) {
    const previous = remembered[column.key]
    if (previous && present.has(previous) && !used.has(previous)) {
      mapping[column.key] = previous
      used.add(previous)
    }
  }
  // Official headers claim theirs before any alternate name does (名称 is an alternate of several columns).
  for (const pass of ['official', 'alternate'] as const) {
    for (const column of columns) {
      if (mapping[column.key]) continue
      const names = pass === 'official' ? [column.header] : column.alternateHeaders
      const wanted = new Set(names.flatMap(formsOf))
      const found = headers.find((h) => !used.has(h) && formsOf(h).some((form) => wanted.has(form)))
      if (found !== undefined) {
        mapping[column.key] = found
        used.add(found)
      }
    }
  }
  for (const column of columns) mapping[column.key] ??= null
  return mapping
}

/** The required columns a mapping leaves out, by their Chinese header. */
export function listMissingRequiredColumns(listType: RegisterListType, mapping: ColumnMapping): string[] {
  return IMPORT_COLUMNS[listType].filter((c) => c.isRequired && !mapping[c.key]).map((c) => c.header)
}
