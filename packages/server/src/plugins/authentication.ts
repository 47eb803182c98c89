import type { FastifyInstance, FastifyRequest } from 'fastify'
import { hasPermission, type Permission } from '@kechuang/core/accounts'
import { commonErrors } from '@kechuang/core/errors'
import type { Actor } from '../modules/audit/actor'
import { accountErrors } from '../modules/accounts/accounts.errors'
import { SESSION_COOKIE } from '../modules/accounts/auth.routes'
import type { ActiveSession, AuthService } from '../modules/accounts/auth.service'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in (login, health, docs). */
    public?: boolean
    /** The permission a role needs for this route (core accounts/roles.ts). */
    permission?: Permission
    /** Reachable while the user still has to change a one-time password. */
    allowBeforePasswordChange?: boolean
  }
  interface FastifyRequest {
    /** The signed-in user; set on every non-public route before its handler runs. */
    actor: Actor
    session: ActiveSession | null
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
export const CSRF_HEADER = 'x-csrf-token'

/**
 * Every /api route is private unless marked `public`. Before the body is even parsed: resolve the session
 * cookie, check the CSRF token on state-changing methods, insist on a changed one-time password, and check
 * the route's permission. Data scope is then applied by the services, in every query.
 */
export function registerAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null as unknown as Actor)
  app.decorateRequest('session', null)

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const config = request.routeOptions.config
    if (!request.url.startsWith('/api/') || config.public || !request.routeOptions.url) return
    const session = await auth.resolve(request.cookies[SESSION_COOKIE], request.ip)
    if (!SAFE_METHODS.has(request.method)) {
      const token = request.headers[CSRF_HEADER]
      if (!auth.isCsrfTokenValid(session, typeof token === 'string' ? token : undefined)) {
        throw commonErrors.CSRF_TOKEN_INVALID()
      }
    }
    if (session.mustChangePassword && !config.allowBeforePasswordChange) {
      throw accountErrors.PASSWORD_CHANGE_REQUIRED()
    }
    if (config.permission && !hasPermission(session.actor.role, config.permission)) {
      throw commonErrors.FORBIDDEN({ permission: config.permission })
    }
    request.session = session
    request.actor = session.actor
  })
}
