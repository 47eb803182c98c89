import { sql } from 'drizzle-orm'
import {
  check,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'

// bytea as a Buffer on both drivers: node-postgres returns a Buffer, PGlite a Uint8Array.
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
})

// Uploaded files, kept in the database so any app server can serve them and backups include them.
// An attachment is uploaded first (owner null) and linked to its record when that record is saved.
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileName: varchar('file_name', { length: 200 }).notNull(),
    mediaType: varchar('media_type', { length: 100 }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    content: bytea('content').notNull(),
    // The record it belongs to, e.g. ('task_progress_report', report id); null until linked.
    ownerType: varchar('owner_type', { length: 50 }),
    ownerId: varchar('owner_id', { length: 100 }),
    // Path of the org unit whose data scope may read it (the uploader's scope until linked).
    orgUnitPath: text('org_unit_path').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id'),
    uploadedByName: varchar('uploaded_by_name', { length: 100 }).notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    linkedAt: timestamp('linked_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('attachments_owner_idx').on(table.ownerType, table.ownerId),
    index('attachments_uploader_idx').on(table.uploadedByUserId),
    check(
      'attachments_owner_ck',
      sql`(${table.ownerType} is null) = (${table.ownerId} is null) and (${table.ownerId} is null) = (${table.linkedAt} is null)`,
    ),
    check('attachments_size_ck', sql`${table.sizeBytes} >= 0`),
  ],
)
