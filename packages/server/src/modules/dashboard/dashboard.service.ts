import type { DashboardSummary } from '@kechuang/core/dashboard'
import type { AccountsService } from '../accounts/accounts.service'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import type { IndicatorsService } from '../indicators/indicators.service'
import type { OrgUnitsService } from '../org-units/org-units.service'

export interface DashboardService {
  summary(actor: Actor): Promise<DashboardSummary>
}

const RECENT_DAYS = 7

/** The 驾驶舱's figures for the actor's scope; a plan's own dashboard is GET /api/plans/:planId/dashboard. */
export function createDashboardService({
  audit,
  orgUnits,
  accounts,
  indicators,
}: {
  audit: Pick<AuditService, 'countSince'>
  orgUnits: Pick<OrgUnitsService, 'countByType'>
  accounts: Pick<AccountsService, 'countByRole'>
  indicators: Pick<IndicatorsService, 'listPlans'>
}): DashboardService {
  return {
    async summary(actor) {
      const [orgUnitCountsByType, userCountsByRole, recentAuditCount, plans] = await Promise.all([
        orgUnits.countByType(actor),
        accounts.countByRole(actor),
        audit.countSince(actor, new Date(Date.now() - RECENT_DAYS * 86_400_000)),
        indicators.listPlans(actor),
      ])
      const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)
      return {
        orgUnitCount: sum(orgUnitCountsByType),
        orgUnitCountsByType,
        userCount: sum(userCountsByRole),
        userCountsByRole,
        recentAuditCount,
        planCount: plans.items.length,
      }
    },
  }
}
