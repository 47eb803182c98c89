import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  integer,
  pgTable,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
  text,
} from 'drizzle-orm/pg-core'
import type { Role } from '@kechuang/core/accounts'
import { orgUnits } from './org-units.table'
import { softDelete, timestamps } from './timestamps'

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: varchar('username', { length: 50 }).notNull(),
    displayName: varchar('display_name', { length: 50 }).notNull(),
    role: varchar('role', { length: 20 }).$type<Role>().notNull(),
    scopeOrgUnitId: uuid('scope_org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    // Locked by an administrator, as opposed to the automatic lockout above.
    isDisabled: boolean('is_disabled').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    phone: varchar('phone', { length: 20 }),
    email: varchar('email', { length: 100 }),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    uniqueIndex('users_username_uq')
      .on(table.username)
      .where(sql`${table.deletedAt} is null`),
    index('users_scope_idx').on(table.scopeOrgUnitId),
  ],
)
