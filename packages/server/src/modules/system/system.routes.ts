import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { commonErrors } from '@kechuang/core/errors'
import { Health, Readiness } from '@kechuang/core/system'
import { appliedMigrationCount, type DatabaseHandle } from '@kechuang/db'

export const APP_VERSION = '0.1.0'

const tags = ['系统']

export const systemRoutes: FastifyPluginAsyncZod<{ database: DatabaseHandle }> = async (
  app,
  { database },
) => {
  app.get(
    '/health',
    { schema: { tags, summary: '进程存活检查', response: { 200: Health } }, config: { public: true } },
    () => ({ status: 'ok' as const, version: APP_VERSION }),
  )
  app.get(
    '/ready',
    {
      schema: { tags, summary: '就绪检查（数据库可用、迁移已执行）', response: { 200: Readiness } },
      config: { public: true },
    },
    async () => {
      try {
        const migrations = await appliedMigrationCount(database.db)
        return { status: 'ready' as const, database: database.kind, migrations }
      } catch (error) {
        throw commonErrors.NOT_READY({ reason: String(error) })
      }
    },
  )
}
