/** One row of the before/after comparison of an audit entry. */
export interface AuditFieldDiff {
  /** The field name; null when the logged value is not an object (compared as a whole). */
  field: string | null
  /** undefined: the field is absent on that side (e.g. everything "before" a create). */
  before: unknown
  after: unknown
  isChanged: boolean
}

type JsonRecord = Record<string, unknown>

const asRecord = (value: unknown): JsonRecord | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonRecord) : null

/**
 * Lines up the `before` and `after` JSON of an audit entry field by field, in the order fields first
 * appear (before's, then those only after has), and marks the ones whose value differs. Values are
 * compared structurally, so key order inside nested objects does not count as a change.
 */
export function diffAuditValues(before: unknown, after: unknown): AuditFieldDiff[] {
  if (before == null && after == null) return []
  const beforeRecord = asRecord(before)
  const afterRecord = asRecord(after)
  const isFieldwise = (before == null || beforeRecord) && (after == null || afterRecord)
  if (!isFieldwise) return [{ field: null, before, after, isChanged: !isDeepEqual(before, after) }]

  const fields = [...new Set([...Object.keys(beforeRecord ?? {}), ...Object.keys(afterRecord ?? {})])]
  return fields.map((field) => {
    const fieldBefore = beforeRecord?.[field]
    const fieldAfter = afterRecord?.[field]
    return { field, before: fieldBefore, after: fieldAfter, isChanged: !isDeepEqual(fieldBefore, fieldAfter) }
  })
}

/** Structural equality of JSON values (what the audit log stores). */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => isDeepEqual(item, b[index]))
    )
  }
  const recordA = asRecord(a)
  const recordB = asRecord(b)
  if (!recordA || !recordB) return false
  const keysA = Object.keys(recordA)
  return (
    keysA.length === Object.keys(recordB).length &&
    keysA.every((key) => Object.hasOwn(recordB, key) && isDeepEqual(recordA[key], recordB[key]))
  )
}
