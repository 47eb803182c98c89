import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import type { OrgUnitType } from '@kechuang/core/org-units'
import { softDelete, timestamps } from './timestamps'

export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgUnits.id),
    // Materialised path of ids, '/root/…/self/': a data scope is a prefix (see core org-unit-path.ts).
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    type: varchar('type', { length: 20 }).$type<OrgUnitType>().notNull(),
    typeLabel: varchar('type_label', { length: 30 }),
    divisionCode: varchar('division_code', { length: 12 }),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    index('org_units_path_idx').on(table.path.op('text_pattern_ops')),
    index('org_units_parent_idx').on(table.parentId),
    uniqueIndex('org_units_sibling_name_uq')
      .on(sql`coalesce(${table.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`, table.name)
      .where(sql`${table.deletedAt} is null`),
    uniqueIndex('org_units_division_code_uq')
      .on(table.divisionCode)
      .where(sql`${table.deletedAt} is null`),
  ],
)
