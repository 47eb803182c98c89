import {
  evaluateDerivedIndicators,
  listAffectedDerivedIndicators,
  listFormulaInputs,
  type DerivedFormula,
} from '@kechuang/core/indicators'
import type { Executor } from '@kechuang/db'
import {
  findCurrentObservationForUpdate,
  findLastRevisionNumber,
  insertObservation,
  supersedeObservation,
  type IndicatorRow,
} from './indicators.repository'
import { listCurrentValues } from './plan-status.repository'

export interface DerivedRecomputation {
  planId: string
  indicators: readonly IndicatorRow[]
  formulas: ReadonlyMap<string, DerivedFormula>
  changedCode: string
  orgUnitId: string
  years: { from: number; to: number }
  enteredBy: { userId: string | null; name: string }
  at: Date
}

/**
 * After a value of `changedCode` is saved, recomputes for that unit every derived indicator that reads it
 * (directly or through other derived ones) in every year of the plan (a growth rate also moves the next
 * year), and stores each changed result as a new 'computed' revision; a result that can no longer be computed
 * (an input removed, a zero denominator) supersedes the old value without a new one. Runs inside the caller's
 * transaction, so the value and what follows from it are saved together. The caller has refused cycles.
 * Returns how many computed values changed.
 */
export async function recomputeDerivedObservations(
  tx: Executor,
  input: DerivedRecomputation,
): Promise<number> {
  const affected = new Set(listAffectedDerivedIndicators(input.formulas, input.changedCode))
  if (affected.size === 0) return 0
  const idOf = new Map(input.indicators.map((i) => [i.code, i.id]))
  const codeOf = new Map(input.indicators.map((i) => [i.id, i.code]))
  const stored = new Map<string, number>()
  for (const v of await listCurrentValues(tx, input.planId, [input.orgUnitId])) {
    stored.set(`${codeOf.get(v.indicatorId)}/${v.year}`, v.value)
  }
  const years = Array.from({ length: input.years.to - input.years.from + 1 }, (_, k) => input.years.from + k)
  const evaluation = evaluateDerivedIndicators({
    formulas: input.formulas,
    lookup: (code, _orgUnitId, year) => stored.get(`${code}/${year}`),
    orgUnitIds: [input.orgUnitId],
    years,
  })
  if (!evaluation.ok) return 0

  let changed = 0
  for (const { code, year, result } of evaluation.values) {
    if (!affected.has(code)) continue
    const previous = stored.get(`${code}/${year}`)
    if (previous === result.value || (previous === undefined && result.value === null)) continue
    const key = { indicatorId: idOf.get(code)!, orgUnitId: input.orgUnitId, year }
    const current = await findCurrentObservationForUpdate(tx, key)
    if (current) await supersedeObservation(tx, current.id, input.at)
    if (result.value !== null) {
      await insertObservation(tx, {
        ...key,
        // A value that could not be computed for a while left no current row, but its revisions remain.
        revision: (current?.revision ?? (await findLastRevisionNumber(tx, key))) + 1,
        value: result.value,
        source: `由 ${listFormulaInputs(input.formulas.get(code)!).join('、')} 按公式计算`,
        note: null,
        kind: 'computed',
        enteredByUserId: input.enteredBy.userId,
        enteredByName: input.enteredBy.name,
        enteredAt: input.at,
      })
    }
    changed++
  }
  return changed
}
