import type { FastifyRateLimitStore } from '@fastify/rate-limit'
import { sql } from 'drizzle-orm'
import { queryRows, type Database } from '@kechuang/db'

const CLEANUP_PROBABILITY = 0.01

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void
interface StoreOptions {
  groupId?: string
  routeInfo?: { url?: string }
}

/**
 * A store for @fastify/rate-limit that counts in PostgreSQL, so the limit holds across every app server
 * instead of per process. One upsert per counted request; a window restarts once its reset time has passed.
 */
export function createDatabaseRateLimitStore(db: Database) {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private readonly prefix: string
    constructor(options: StoreOptions = {}) {
      this.prefix = options.groupId ?? options.routeInfo?.url ?? 'global'
    }

    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      this.count(`${this.prefix}:${key}`, timeWindow, true).then((r) => callback(null, r), callback)
    }

    read(key: string, callback: IncrCallback, timeWindow: number): void {
      this.count(`${this.prefix}:${key}`, timeWindow, false).then((r) => callback(null, r), callback)
    }

    child(options: object): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(options as StoreOptions)
    }

    private async count(id: string, timeWindowMs: number, increment: boolean) {
      // Counters of addresses that stopped coming would pile up; now and then the expired ones go.
      if (increment && Math.random() < CLEANUP_PROBABILITY) {
        await db.execute(sql`delete from rate_limits where reset_at < now() - interval '1 hour'`)
      }
      const rows = increment
        ? await queryRows<{ hits: number; ttl: number }>(
            db,
            sql`insert into rate_limits (id, hits, reset_at)
                values (${id}, 1, now() + ${timeWindowMs} * interval '1 millisecond')
                on conflict (id) do update set
                  hits = case when rate_limits.reset_at <= now() then 1 else rate_limits.hits + 1 end,
                  reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
                returning hits, greatest(0, extract(epoch from (reset_at - now())) * 1000)::int as ttl`,
          )
        : await queryRows<{ hits: number; ttl: number }>(
            db,
            sql`select hits, greatest(0, extract(epoch from (reset_at - now())) * 1000)::int as ttl
                from rate_limits where id = ${id} and reset_at > now()`,
          )
      const row = rows[0]
      return { current: row?.hits ?? 0, ttl: row?.ttl ?? timeWindowMs }
    }
  }
}
