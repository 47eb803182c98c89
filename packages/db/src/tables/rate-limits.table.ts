import { integer, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core'

// Counters for @fastify/rate-limit, shared by every app server through the database.
export const rateLimits = pgTable('rate_limits', {
  id: varchar('id', { length: 200 }).primaryKey(),
  hits: integer('hits').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true, mode: 'date' }).notNull(),
})
