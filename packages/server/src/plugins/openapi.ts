import type { FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import { APP_VERSION } from '../modules/system/system.routes'

/** The OpenAPI document, generated from the routes' Zod schemas: UI at /api/docs, JSON at /api/docs/json. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  // The documentation pages are readable without signing in.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true }
  })
  await app.register(swagger, {
    openapi: {
      info: {
        title: '科创平台 API',
        description:
          '所有接口返回 JSON；错误统一为 { code, message, details }。登录后凭 Cookie 访问；POST/PUT/PATCH/DELETE 须带 x-csrf-token 请求头（登录接口返回的 csrfToken）。',
        version: APP_VERSION,
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } })
}
