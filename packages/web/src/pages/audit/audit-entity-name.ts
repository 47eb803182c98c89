import type { AuditEntry } from '@kechuang/core/audit'

// Fields that name the entity, in order of preference (an org unit's name, a user's display name …).
const NAME_FIELDS = ['name', 'displayName', 'username', 'dataset'] as const

/**
 * What to call the entity of an entry: a name found in after/before; for a session (login, logout) the
 * person acting; else the start of its id; else null.
 */
export function auditEntityName(
  entry: Pick<AuditEntry, 'before' | 'after' | 'entityId' | 'entityType' | 'actorName'>,
): string | null {
  if (entry.entityType === 'session') return entry.actorName
  for (const side of [entry.after, entry.before]) {
    if (side === null || typeof side !== 'object') continue
    for (const field of NAME_FIELDS) {
      const value = (side as Record<string, unknown>)[field]
      if (typeof value === 'string' && value.trim()) return value
    }
  }
  return entry.entityId && shortenId(entry.entityId)
}

// A uuid is unreadable in a table; its first block is enough to tell entries apart (the full id is
// in the cell's tooltip).
const SHORT_ID_LENGTH = 8
function shortenId(id: string): string {
  return id.length > SHORT_ID_LENGTH + 1 ? `${id.slice(0, SHORT_ID_LENGTH)}…` : id
}
