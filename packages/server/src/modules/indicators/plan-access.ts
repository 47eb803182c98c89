import { indicatorEntryYears } from '@kechuang/core/indicators'
import { isWithinScope, type OrgUnit } from '@kechuang/core/org-units'
import type { Executor } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { OrgUnitsService } from '../org-units/org-units.service'
import { indicatorErrors } from './indicators.errors'
import {
  findVisiblePlan,
  listCoveringLocks,
  type IndicatorRow,
  type PlanViewRow,
} from './indicators.repository'

// Checks shared by the plan, observation and task use cases of this area.

export async function requireVisiblePlan(db: Executor, actor: Actor, planId: string): Promise<PlanViewRow> {
  const plan = await findVisiblePlan(db, planId, actor.scopePath)
  if (!plan) throw indicatorErrors.PLAN_NOT_FOUND({ planId })
  return plan
}

/** A unit the actor may act for in this plan: inside the actor's scope (else "not found") and the plan's region. */
export async function requireUnitForPlan(
  orgUnits: Pick<OrgUnitsService, 'findInScope'>,
  actor: Actor,
  plan: PlanViewRow,
  orgUnitId: string,
): Promise<OrgUnit> {
  const unit = await orgUnits.findInScope(actor, orgUnitId)
  if (!unit) throw indicatorErrors.ORG_UNIT_NOT_FOUND({ orgUnitId })
  if (!isWithinScope(unit.path, plan.regionPath)) {
    throw indicatorErrors.ORG_UNIT_OUTSIDE_PLAN(
      { orgUnitId, region: plan.regionName },
      `「${unit.name}」不在本规划的实施范围（${plan.regionName}）内`,
    )
  }
  return unit
}

/**
 * Whose values a plan page shows: the unit asked for, else the region when the reader oversees it, else the
 * reader's own unit inside the region (a town sees its own figures, not the county's).
 */
export async function resolveValuesUnit(
  orgUnits: Pick<OrgUnitsService, 'findInScope'>,
  actor: Actor,
  plan: PlanViewRow,
  orgUnitId: string | undefined,
): Promise<Pick<OrgUnit, 'id' | 'name' | 'path'>> {
  if (orgUnitId) return requireUnitForPlan(orgUnits, actor, plan, orgUnitId)
  if (isWithinScope(plan.regionPath, actor.scopePath)) {
    return { id: plan.regionOrgUnitId, name: plan.regionName, path: plan.regionPath }
  }
  return requireUnitForPlan(orgUnits, actor, plan, actor.scopeOrgUnitId)
}

/** The years a plan's values span: from the earliest baseline year (or the first year) to the last year. */
export function planYears(
  plan: Pick<PlanViewRow, 'startYear' | 'endYear'>,
  indicators: readonly Pick<IndicatorRow, 'baseline'>[],
): { from: number; to: number } {
  const from = Math.min(plan.startYear, ...indicators.map((i) => indicatorEntryYears(plan, i).from))
  return { from, to: plan.endYear }
}

export function assertYearWithin(year: number, years: { from: number; to: number }): void {
  if (year < years.from || year > years.to) {
    throw indicatorErrors.YEAR_OUTSIDE_PLAN(
      { year, ...years },
      `年份 ${year} 不在本规划的年份范围内（${years.from}—${years.to} 年）`,
    )
  }
}

/** Refuses entry for a unit whose period is locked, by a lock on the unit itself or on a unit above it. */
export async function assertPeriodOpen(
  tx: Executor,
  planId: string,
  unitPath: string,
  year: number,
): Promise<void> {
  const [lock] = await listCoveringLocks(tx, planId, unitPath, year)
  if (lock) {
    throw indicatorErrors.PERIOD_LOCKED(
      { lock },
      `${lock.orgUnitName} ${year} 年的数据已锁定，不能再填报；如需修改，请联系科技局解锁`,
    )
  }
}
