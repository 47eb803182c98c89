import {
  collectDerivedFormulas,
  indicatorEntryYears,
  listFormulaInputs,
  orderDerivedIndicators,
  type DerivedFormula,
  type IndicatorView,
  type Observation,
  type ObservationInput,
  type ObservationKind,
  type ObservationList,
  type ObservationQuery,
  type PeriodLock,
  type PeriodLockInput,
  type PeriodLockList,
  type PlanDetail,
  type PlanDetailQuery,
  type PlanList,
  type PlanSummary,
} from '@kechuang/core/indicators'
import { isUniqueViolation, type Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import type { OrgUnitsService } from '../org-units/org-units.service'
import { recomputeDerivedObservations } from './derived-observations'
import { indicatorErrors } from './indicators.errors'
import {
  deleteLock,
  findCurrentObservationForUpdate,
  findObservationInScope,
  insertLock,
  insertObservation,
  listCoveringLocks,
  listCurrentObservations,
  listIndicatorsOfPlan,
  listLocksAffecting,
  listRevisions,
  listVisiblePlans,
  supersedeObservation,
  toObservation,
  toPeriodLock,
  type IndicatorRow,
  type ObservationRow,
  type PlanViewRow,
} from './indicators.repository'
import {
  assertPeriodOpen,
  assertYearWithin,
  planYears,
  requireUnitForPlan,
  requireVisiblePlan,
  resolveValuesUnit,
} from './plan-access'

export interface IndicatorsService {
  listPlans(actor: Actor): Promise<PlanList>
  getPlan(actor: Actor, planId: string, query: PlanDetailQuery): Promise<PlanDetail>
  listObservations(actor: Actor, planId: string, query: ObservationQuery): Promise<ObservationList>
  listRevisions(actor: Actor, observationId: string): Promise<ObservationList>
  /** `kind` is 'reported' for a form entry; 'computed' when another area computed the value (M2 registers). */
  reportObservation(
    actor: Actor,
    planId: string,
    input: ObservationInput,
    kind?: Extract<ObservationKind, 'reported' | 'computed'>,
  ): Promise<Observation>
  listLocks(actor: Actor, planId: string): Promise<PeriodLockList>
  lockPeriod(actor: Actor, planId: string, input: PeriodLockInput): Promise<PeriodLock>
  unlockPeriod(actor: Actor, planId: string, key: PeriodLockInput): Promise<void>
}

/**
 * Plans, their indicators and the values reported against them. Data scope: a plan is visible from its
 * region's subtree and from the units above it; values are visible and writable only for units inside the
 * actor's scope (and the plan's region). Unit checks go through the org-units service before a
 * transaction opens (the embedded database has one connection).
 */
export function createIndicatorsService({
  db,
  audit,
  orgUnits,
  now = () => new Date(),
}: {
  db: Database
  audit: AuditService
  orgUnits: Pick<OrgUnitsService, 'findInScope'>
  now?: () => Date
}): IndicatorsService {
  const requireLockableYear = async (plan: PlanViewRow, year: number) => {
    assertYearWithin(year, planYears(plan, await listIndicatorsOfPlan(db, plan.id)))
  }

  return {
    async listPlans(actor) {
      return { items: (await listVisiblePlans(db, actor.scopePath)).map(toPlanSummary) }
    },

    async getPlan(actor, planId, query) {
      const plan = await requireVisiblePlan(db, actor, planId)
      const unit = await resolveValuesUnit(orgUnits, actor, plan, query.orgUnitId)
      const [indicators, actuals, locks] = await Promise.all([
        listIndicatorsOfPlan(db, plan.id),
        listCurrentObservations(db, plan.id, actor.scopePath, { orgUnitId: unit.id }),
        listCoveringLocks(db, plan.id, unit.path),
      ])
      return {
        ...toPlanSummary(plan),
        notes: plan.notes,
        categories: plan.categories,
        pathModel: plan.pathModel,
        statusThresholds: plan.statusThresholds,
        valuesOrgUnit: { id: unit.id, name: unit.name },
        lockedYears: [...new Set(locks.map((l) => l.year))],
        indicators: indicators.map((indicator) =>
          toIndicatorView(
            plan,
            indicator,
            actuals.filter((o) => o.indicatorId === indicator.id),
          ),
        ),
      }
    },

    async listObservations(actor, planId, query) {
      const plan = await requireVisiblePlan(db, actor, planId)
      if (query.orgUnitId && !(await orgUnits.findInScope(actor, query.orgUnitId)))
        throw indicatorErrors.ORG_UNIT_NOT_FOUND({ orgUnitId: query.orgUnitId })
      return { items: await listCurrentObservations(db, plan.id, actor.scopePath, query) }
    },

    async listRevisions(actor, observationId) {
      const observation = await findObservationInScope(db, observationId, actor.scopePath)
      if (!observation) throw indicatorErrors.OBSERVATION_NOT_FOUND({ id: observationId })
      return { items: await listRevisions(db, observation) }
    },

    async reportObservation(actor, planId, input, kind = 'reported') {
      const plan = await requireVisiblePlan(db, actor, planId)
      const planIndicators = await listIndicatorsOfPlan(db, plan.id)
      const indicator = planIndicators.find((i) => i.code === input.indicatorCode)
      if (!indicator) throw indicatorErrors.INDICATOR_NOT_FOUND({ indicatorCode: input.indicatorCode })
      if (indicator.formula) throw indicatorErrors.INDICATOR_DERIVED({ indicatorCode: indicator.code })
      const formulas = requireAcyclicFormulas(planIndicators, indicator.code)
      assertYearWithin(input.year, indicatorEntryYears(plan, indicator))
      const unit = await requireUnitForPlan(orgUnits, actor, plan, input.orgUnitId)
      const key = { indicatorId: indicator.id, orgUnitId: unit.id, year: input.year }
      const view = (row: ObservationRow) =>
        toObservation({
          observation: row,
          planId: plan.id,
          indicatorCode: indicator.code,
          orgUnitName: unit.name,
        })
      try {
        return await db.transaction(async (tx) => {
          await assertPeriodOpen(tx, plan.id, unit.path, input.year)
          const current = await findCurrentObservationForUpdate(tx, key)
          const at = now()
          if (current) await supersedeObservation(tx, current.id, at)
          const saved = await insertObservation(tx, {
            ...key,
            revision: (current?.revision ?? 0) + 1,
            value: input.value,
            source: input.source,
            note: input.note ?? null,
            kind,
            enteredByUserId: actor.userId,
            enteredByName: actor.displayName,
            enteredAt: at,
          })
          await recomputeDerivedObservations(tx, {
            planId: plan.id,
            indicators: planIndicators,
            formulas,
            changedCode: indicator.code,
            orgUnitId: unit.id,
            years: planYears(plan, planIndicators),
            enteredBy: { userId: actor.userId, name: actor.displayName },
            at,
          })
          await audit.record(tx, actor, {
            entityType: 'observation',
            entityId: `${key.indicatorId}/${key.orgUnitId}/${key.year}`,
            action: current ? 'update' : 'create',
            scopePath: unit.path,
            before: current ? view({ ...current, supersededAt: at }) : null,
            after: view(saved),
          })
          return view(saved)
        })
      } catch (error) {
        // Two saves of one indicator × unit × year at once: the second finds its current row superseded.
        if (
          isUniqueViolation(error, 'observations_current_uq') ||
          isUniqueViolation(error, 'observations_revision_uq')
        )
          throw indicatorErrors.OBSERVATION_CONFLICT(key)
        throw error
      }
    },

    async listLocks(actor, planId) {
      const plan = await requireVisiblePlan(db, actor, planId)
      return { items: await listLocksAffecting(db, plan.id, actor.scopePath) }
    },

    async lockPeriod(actor, planId, input) {
      const plan = await requireVisiblePlan(db, actor, planId)
      const unit = await requireUnitForPlan(orgUnits, actor, plan, input.orgUnitId)
      await requireLockableYear(plan, input.year)
      return db.transaction(async (tx) => {
        const row = await insertLock(tx, {
          planId: plan.id,
          orgUnitId: unit.id,
          year: input.year,
          lockedByUserId: actor.userId,
          lockedByName: actor.displayName,
          lockedAt: now(),
        })
        if (!row) throw indicatorErrors.PERIOD_ALREADY_LOCKED({ ...input })
        const lock = toPeriodLock(row, unit.name)
        await audit.record(tx, actor, {
          entityType: 'period_lock',
          entityId: plan.id,
          action: 'lock',
          scopePath: unit.path,
          after: lock,
        })
        return lock
      })
    },

    async unlockPeriod(actor, planId, key) {
      const plan = await requireVisiblePlan(db, actor, planId)
      const unit = await orgUnits.findInScope(actor, key.orgUnitId)
      if (!unit) throw indicatorErrors.ORG_UNIT_NOT_FOUND({ orgUnitId: key.orgUnitId })
      await db.transaction(async (tx) => {
        const row = await deleteLock(tx, { planId: plan.id, orgUnitId: unit.id, year: key.year })
        if (!row) throw indicatorErrors.LOCK_NOT_FOUND({ ...key })
        await audit.record(tx, actor, {
          entityType: 'period_lock',
          entityId: plan.id,
          action: 'unlock',
          scopePath: unit.path,
          before: toPeriodLock(row, unit.name),
        })
      })
    },
  }
}

/**
 * The plan's formulas, refusing a save whose value some formula reads while the formulas form a cycle: the
 * derived values could not be recomputed (core orderDerivedIndicators names the cycle).
 */
function requireAcyclicFormulas(
  indicators: readonly IndicatorRow[],
  changedCode: string,
): Map<string, DerivedFormula> {
  const formulas = collectDerivedFormulas(indicators)
  const ordered = orderDerivedIndicators(formulas)
  const isRead = [...formulas.values()].some((f) => listFormulaInputs(f).includes(changedCode))
  if (!ordered.ok && isRead) throw indicatorErrors.FORMULA_CYCLE({ cycle: ordered.cycle }, ordered.message)
  return formulas
}

function toPlanSummary(plan: PlanViewRow): PlanSummary {
  return {
    id: plan.id,
    name: plan.name,
    regionOrgUnitId: plan.regionOrgUnitId,
    regionName: plan.regionName,
    startYear: plan.startYear,
    endYear: plan.endYear,
    source: plan.source,
    indicatorCount: plan.indicatorCount,
    taskCount: plan.taskCount,
  }
}

function toIndicatorView(plan: PlanViewRow, row: IndicatorRow, actuals: Observation[]): IndicatorView {
  return {
    id: row.id,
    code: row.code,
    order: row.order,
    category: row.category,
    name: row.name,
    printedName: row.printedName,
    unit: row.unit,
    nature: row.nature,
    direction: row.direction,
    aggregation: row.aggregation,
    baseline: row.baseline,
    targets: row.targets,
    printedActual: row.printedActual,
    formula: row.formula,
    responsibleUnits: row.responsibleUnits,
    entryYears: indicatorEntryYears(plan, row),
    actuals,
  }
}
