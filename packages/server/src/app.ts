import Fastify, { type FastifyInstance } from 'fastify'
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import '@kechuang/core/validation'
import { commonErrors } from '@kechuang/core/errors'
import type { DatabaseHandle } from '@kechuang/db'
import type { AppConfig } from './config'
import { createAccountsService } from './modules/accounts/accounts.service'
import { attachmentsRoutes } from './modules/attachments/attachments.routes'
import { createAttachmentsService } from './modules/attachments/attachments.service'
import { authRoutes } from './modules/accounts/auth.routes'
import { createAuthService } from './modules/accounts/auth.service'
import { usersRoutes } from './modules/accounts/users.routes'
import { auditRoutes } from './modules/audit/audit.routes'
import { createAuditService } from './modules/audit/audit.service'
import { dashboardRoutes } from './modules/dashboard/dashboard.routes'
import { createDashboardService } from './modules/dashboard/dashboard.service'
import { indicatorsRoutes } from './modules/indicators/indicators.routes'
import { indicatorWorkbooksRoutes } from './modules/indicators/indicator-workbooks.routes'
import { createIndicatorWorkbooksService } from './modules/indicators/indicator-workbooks.service'
import { createIndicatorsService } from './modules/indicators/indicators.service'
import { planReportRoutes } from './modules/indicators/plan-report.routes'
import { createPlanReportService } from './modules/indicators/plan-report.service'
import { planSettingsRoutes } from './modules/indicators/plan-settings.routes'
import { createPlanSettingsService } from './modules/indicators/plan-settings.service'
import { planStatusRoutes } from './modules/indicators/plan-status.routes'
import { createPlanStatusService } from './modules/indicators/plan-status.service'
import { tasksRoutes } from './modules/indicators/tasks.routes'
import { createTasksService } from './modules/indicators/tasks.service'
import { orgUnitsRoutes } from './modules/org-units/org-units.routes'
import { createOrgUnitsService } from './modules/org-units/org-units.service'
import { evaluateRoutes } from './modules/qualification/evaluate.routes'
import { proposalsRoutes } from './modules/qualification/proposals.routes'
import { createProposalsService } from './modules/qualification/proposals.service'
import { registerEvaluationsRoutes } from './modules/qualification/register-evaluations.routes'
import { createRegisterEvaluationsService } from './modules/qualification/register-evaluations.service'
import { screeningsRoutes } from './modules/qualification/screenings.routes'
import { createScreeningsService } from './modules/qualification/screenings.service'
import { createEvaluateService } from './modules/qualification/evaluate.service'
import { selfCheckRoutes } from './modules/qualification/self-check.routes'
import { createSelfCheckService } from './modules/qualification/self-check.service'
import { createContractsService } from './modules/marketplace/contracts.service'
import { dealRoutes } from './modules/marketplace/deals.routes'
import { createEngagementFunnelService } from './modules/marketplace/engagement-funnel.service'
import { createEngagementsService } from './modules/marketplace/engagements.service'
import { createEventsService } from './modules/marketplace/events.service'
import { createMarketplaceIndexService } from './modules/marketplace/marketplace-index.service'
import { marketplaceRoutes } from './modules/marketplace/marketplace.routes'
import { createMarketplaceService } from './modules/marketplace/marketplace.service'
import { createNeedDirectoryService } from './modules/marketplace/need-directory.service'
import { createRecommendationsService } from './modules/marketplace/recommendations.service'
import { ladderRoutes } from './modules/registers/ladder.routes'
import { createLadderService } from './modules/registers/ladder.service'
import { librariesRoutes } from './modules/registers/libraries.routes'
import { createLibrariesService } from './modules/registers/libraries.service'
import { registerMetricsRoutes } from './modules/registers/register-metrics.routes'
import { createRegisterMetricsService } from './modules/registers/register-metrics.service'
import { enterprisesRoutes } from './modules/registers/enterprises.routes'
import { createEnterprisesService } from './modules/registers/enterprises.service'
import { registerImportsRoutes } from './modules/registers/register-imports.routes'
import { createRegisterImportsService } from './modules/registers/register-imports.service'
import { reviewQueueRoutes } from './modules/registers/review-queue.routes'
import { createReviewQueueService } from './modules/registers/review-queue.service'
import { systemRoutes } from './modules/system/system.routes'
import { registerAuthentication } from './plugins/authentication'
import { registerErrorHandler } from './plugins/error-handler'
import { registerOpenApi } from './plugins/openapi'
import { createDatabaseRateLimitStore } from './plugins/rate-limit-store'
import { registerWebApp } from './plugins/web-app'

export interface BuildAppOptions {
  config: AppConfig
  database: DatabaseHandle
  /** Folder of the built web app to serve; omitted in API tests. */
  webDistDir?: string
}

/** A request body above this size is refused before parsing (413). */
const BODY_LIMIT_BYTES = 1024 * 1024

export async function buildApp({ config, database, webDistDir }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    // Zod strips nothing and coerces nothing silently: unknown fields are errors (strict schemas).
    ajv: { customOptions: { removeAdditional: false } },
  })
  // The API speaks JSON only; anything else is refused with 415 before it reaches a handler.
  app.removeContentTypeParser('text/plain')
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app)

  const { db } = database
  // The services, wired in one visible list.
  const audit = createAuditService({ db })
  const auth = createAuthService({
    db,
    audit,
    settings: { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours },
  })
  const orgUnits = createOrgUnitsService({ db, audit })
  const accounts = createAccountsService({ db, audit, orgUnits })
  const indicators = createIndicatorsService({ db, audit, orgUnits })
  const dashboard = createDashboardService({ audit, orgUnits, accounts, indicators })
  const attachments = createAttachmentsService({ db, audit })
  const tasks = createTasksService({ db, audit, orgUnits, attachments })
  const planStatus = createPlanStatusService({ db, orgUnits })
  const libraries = createLibrariesService({ db, audit, orgUnits })
  const ladder = createLadderService({ db, orgUnits })
  const registerMetrics = createRegisterMetricsService({ db, indicators, orgUnits })
  const enterprises = createEnterprisesService({ db, audit, orgUnits })
  const registerImports = createRegisterImportsService({ db, audit })
  const reviewQueue = createReviewQueueService({ db, audit })
  const marketplaceIndex = createMarketplaceIndexService({ db })
  const recommendations = createRecommendationsService({ db, index: marketplaceIndex })

  await app.register(cookie)
  await app.register(rateLimit, {
    global: false,
    store: createDatabaseRateLimitStore(db),
    errorResponseBuilder: (_request, context) =>
      commonErrors.RATE_LIMITED({ retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  })
  await registerOpenApi(app)
  registerAuthentication(app, auth)

  await app.register(
    async (api) => {
      await api.register(systemRoutes, { database })
      await api.register(authRoutes, { prefix: '/auth', service: auth, config })
      await api.register(orgUnitsRoutes, { prefix: '/org-units', service: orgUnits })
      await api.register(usersRoutes, { prefix: '/users', service: accounts })
      await api.register(auditRoutes, { prefix: '/audit', service: audit })
      await api.register(dashboardRoutes, { prefix: '/dashboard', service: dashboard })
      await api.register(attachmentsRoutes, { prefix: '/attachments', service: attachments })
      // M1 spans /plans, /observations and /tasks, so its routes carry their full paths.
      await api.register(indicatorsRoutes, { service: indicators })
      await api.register(planSettingsRoutes, { service: createPlanSettingsService({ db, audit }) })
      await api.register(tasksRoutes, { service: tasks })
      await api.register(indicatorWorkbooksRoutes, {
        service: createIndicatorWorkbooksService({ db, audit, orgUnits, indicators }),
      })
      await api.register(planReportRoutes, { service: createPlanReportService({ indicators, tasks }) })
      await api.register(planStatusRoutes, { service: planStatus })
      await api.register(librariesRoutes, { prefix: '/registers/libraries', service: libraries })
      await api.register(ladderRoutes, { prefix: '/registers/ladder', service: ladder })
      await api.register(registerMetricsRoutes, { service: registerMetrics })
      await api.register(enterprisesRoutes, { prefix: '/registers/enterprises', service: enterprises })
      await api.register(registerImportsRoutes, { prefix: '/registers/imports', service: registerImports })
      await api.register(reviewQueueRoutes, { prefix: '/registers/review', service: reviewQueue })
      await api.register(evaluateRoutes, { prefix: '/qualification', service: createEvaluateService() })
      await api.register(registerEvaluationsRoutes, {
        prefix: '/qualification',
        service: createRegisterEvaluationsService({ db }),
      })
      await api.register(screeningsRoutes, {
        prefix: '/qualification',
        service: createScreeningsService({ db, audit, orgUnits }),
      })
      await api.register(proposalsRoutes, {
        prefix: '/qualification',
        service: createProposalsService({ db, audit, libraries }),
      })
      await api.register(selfCheckRoutes, {
        prefix: '/qualification',
        service: createSelfCheckService({ db, audit }),
      })
      await api.register(marketplaceRoutes, {
        prefix: '/marketplace',
        service: createMarketplaceService({ db, audit, orgUnits, index: marketplaceIndex }),
        recommendations,
        directory: createNeedDirectoryService({ db }),
      })
      await api.register(dealRoutes, {
        prefix: '/marketplace',
        engagements: createEngagementsService({ db, audit, recommendations }),
        funnel: createEngagementFunnelService({ db, orgUnits }),
        events: createEventsService({ db, audit, orgUnits }),
        contracts: createContractsService({ db, audit, orgUnits, index: marketplaceIndex }),
      })
    },
    { prefix: '/api' },
  )

  if (webDistDir) await registerWebApp(app, webDistDir)
  return app
}
