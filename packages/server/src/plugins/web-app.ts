import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'

/**
 * Serves the built web app from the same port as the API. Paths outside /api that are not files get
 * index.html, so the browser's router handles deep links such as /org-units.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) return false
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: 'index.html' })
  app.get('/*', { schema: { hide: true }, config: { public: true } }, (request, reply) => {
    if (request.url.startsWith('/api/') || /\.[a-z0-9]+$/i.test(request.url.split('?')[0]!)) {
      return reply.callNotFound()
    }
    return reply.sendFile('index.html')
  })
  return true
}
