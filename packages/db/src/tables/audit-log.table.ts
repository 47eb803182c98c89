import { bigint, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'
import type { AuditAction } from '@kechuang/core/audit'

// Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. No foreign key to users, so the
// history outlives any account and restores in any order.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorName: varchar('actor_name', { length: 100 }).notNull(),
    ip: varchar('ip', { length: 64 }),
    entityType: varchar('entity_type', { length: 50 }).notNull(),
    entityId: varchar('entity_id', { length: 100 }),
    // Path of the org unit the entity belongs to: readers see only entries inside their own scope.
    scopePath: text('scope_path'),
    action: varchar('action', { length: 30 }).$type<AuditAction>().notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (table) => [
    index('audit_log_occurred_idx').on(table.occurredAt),
    index('audit_log_entity_idx').on(table.entityType, table.entityId),
    index('audit_log_actor_idx').on(table.actorUserId),
    index('audit_log_scope_idx').on(table.scopePath.op('text_pattern_ops')),
  ],
)
