import type { DerivedFormula, ImportRowOutcome, ObservationKind } from '@kechuang/core/indicators'
import type { OrgUnit } from '@kechuang/core/org-units'
import { isUniqueViolation, type Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import { recomputeDerivedObservations } from './derived-observations'
import { indicatorErrors } from './indicators.errors'
import {
  findCurrentObservationForUpdate,
  insertObservation,
  supersedeObservation,
  toObservation,
  type IndicatorRow,
  type ObservationRow,
} from './indicators.repository'
import { assertPeriodOpen } from './plan-access'

export interface BatchObservation {
  indicator: IndicatorRow
  value: number
  source: string
  note: string | null
}

/**
 * Saves several values of one unit and year in one transaction, as reportObservation saves one: the period
 * must be open, each save adds a revision and an audit row. A value whose number, source and note equal the
 * current revision adds nothing, so uploading the same file twice changes nothing. Derived indicators reading
 * a changed value are recomputed in the same transaction. The caller has checked the plan, the unit (scope,
 * region), the years, that no indicator is derived and that the formulas it feeds have no cycle, before the
 * transaction opens.
 */
export async function saveObservationBatch(
  { db, audit, now = () => new Date() }: { db: Database; audit: AuditService; now?: () => Date },
  actor: Actor,
  target: {
    planId: string
    unit: Pick<OrgUnit, 'id' | 'name' | 'path'>
    year: number
    kind: ObservationKind
    /** Every indicator of the plan, its formulas and years, for the derived values. */
    planIndicators: readonly IndicatorRow[]
    formulas: ReadonlyMap<string, DerivedFormula>
    planYears: { from: number; to: number }
  },
  entries: BatchObservation[],
): Promise<ImportRowOutcome[]> {
  const { planId, unit, year, kind } = target
  try {
    return await db.transaction(async (tx) => {
      await assertPeriodOpen(tx, planId, unit.path, year)
      const at = now()
      const outcomes: ImportRowOutcome[] = []
      for (const entry of entries) {
        const key = { indicatorId: entry.indicator.id, orgUnitId: unit.id, year }
        const view = (row: ObservationRow) =>
          toObservation({
            observation: row,
            planId,
            indicatorCode: entry.indicator.code,
            orgUnitName: unit.name,
          })
        const current = await findCurrentObservationForUpdate(tx, key)
        if (
          current &&
          current.value === entry.value &&
          current.source === entry.source &&
          (current.note ?? null) === entry.note
        ) {
          outcomes.push('unchanged')
          continue
        }
        if (current) await supersedeObservation(tx, current.id, at)
        const saved = await insertObservation(tx, {
          ...key,
          revision: (current?.revision ?? 0) + 1,
          value: entry.value,
          source: entry.source,
          note: entry.note,
          kind,
          enteredByUserId: actor.userId,
          enteredByName: actor.displayName,
          enteredAt: at,
        })
        await recomputeDerivedObservations(tx, {
          planId,
          indicators: target.planIndicators,
          formulas: target.formulas,
          changedCode: entry.indicator.code,
          orgUnitId: unit.id,
          years: target.planYears,
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
        outcomes.push(current ? 'updated' : 'created')
      }
      return outcomes
    })
  } catch (error) {
    // Someone saved one of these values at the same moment: nothing of the batch is kept, try again.
    if (
      isUniqueViolation(error, 'observations_current_uq') ||
      isUniqueViolation(error, 'observations_revision_uq')
    )
      throw indicatorErrors.OBSERVATION_CONFLICT({ planId, orgUnitId: unit.id, year })
    throw error
  }
}
