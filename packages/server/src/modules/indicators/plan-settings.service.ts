import type { PlanSettings, PlanSettingsInput } from '@kechuang/core/indicators'
import { isWithinScope } from '@kechuang/core/org-units'
import type { Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import { indicatorErrors } from './indicators.errors'
import { requireVisiblePlan } from './plan-access'
import { findPlanSettingsForUpdate, updatePlanSettings } from './plan-settings.repository'

export interface PlanSettingsService {
  updateSettings(actor: Actor, planId: string, input: PlanSettingsInput): Promise<PlanSettings>
}

/**
 * How a plan's figures are judged: its path model and status thresholds (read by the status service on every
 * request, so a change shows at once). Only the bureau whose scope holds the plan's region may change them: a
 * town that reports to the plan, or a district bureau below a city plan, sees the plan but gets "not found"
 * here, as for data outside its scope.
 */
export function createPlanSettingsService({
  db,
  audit,
  now = () => new Date(),
}: {
  db: Database
  audit: AuditService
  now?: () => Date
}): PlanSettingsService {
  return {
    async updateSettings(actor, planId, input) {
      const plan = await requireVisiblePlan(db, actor, planId)
      if (!isWithinScope(plan.regionPath, actor.scopePath)) throw indicatorErrors.PLAN_NOT_FOUND({ planId })
      return db.transaction(async (tx) => {
        const before = await findPlanSettingsForUpdate(tx, plan.id)
        if (!before) throw indicatorErrors.PLAN_NOT_FOUND({ planId })
        const after = {
          pathModel: input.pathModel ?? before.pathModel,
          statusThresholds: input.statusThresholds ?? before.statusThresholds,
        }
        await updatePlanSettings(tx, plan.id, after, now())
        await audit.record(tx, actor, {
          entityType: 'plan_settings',
          entityId: plan.id,
          action: 'update',
          scopePath: plan.regionPath,
          before,
          after,
        })
        return { planId: plan.id, ...after }
      })
    },
  }
}
