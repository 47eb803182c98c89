import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ChangePasswordInput, LoginInput, SessionInfo } from '@kechuang/core/accounts'
import type { AppConfig } from '../../config'
import type { AuthService } from './auth.service'

export const SESSION_COOKIE = 'kc_session'

const tags = ['登录与会话']

export const authRoutes: FastifyPluginAsyncZod<{ service: AuthService; config: AppConfig }> = async (
  app,
  { service, config },
) => {
  app.post(
    '/login',
    {
      schema: { tags, summary: '登录', body: LoginInput, response: { 200: SessionInfo } },
      config: {
        public: true,
        rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: 60_000, groupId: 'login' },
      },
    },
    async (request, reply) => {
      const { token, info } = await service.login(request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      })
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.cookieSecure,
        maxAge: config.sessionMaxHours * 3600,
      })
      return info
    },
  )

  app.post(
    '/logout',
    {
      schema: { tags, summary: '退出登录', response: { 204: z.null() } },
      config: { allowBeforePasswordChange: true },
    },
    async (request, reply) => {
      await service.logout(request.session!)
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/me',
    {
      schema: { tags, summary: '当前用户、权限与 CSRF 令牌', response: { 200: SessionInfo } },
      config: { allowBeforePasswordChange: true },
    },
    (request) => service.sessionInfo(request.session!),
  )

  app.post(
    '/change-password',
    {
      schema: { tags, summary: '修改自己的密码', body: ChangePasswordInput, response: { 200: SessionInfo } },
      config: { allowBeforePasswordChange: true },
    },
    (request) => service.changePassword(request.session!, request.body),
  )
}
