import {
  yearEndDate,
  type LadderCounts,
  type LadderEnterprisePage,
  type LadderEnterpriseQuery,
  type LadderMovement,
  type LadderMovementQuery,
  type LadderQuery,
  type LadderStep,
  type LadderStepOrNone,
} from '@kechuang/core/registers'
import type { Database } from '@kechuang/db'
import { pageOffset } from '@kechuang/core/pagination'
import type { Actor } from '../audit/actor'
import type { OrgUnitsService } from '../org-units/org-units.service'
import {
  countLadderMovements,
  countLadderSteps,
  listChildRegions,
  listLadderEnterprises,
  type DatePoint,
} from './ladder.repository'
import { registerScopeOf, resolveRegion } from './libraries.scope'

export interface LadderService {
  counts(actor: Actor, query: LadderQuery): Promise<LadderCounts>
  movement(actor: Actor, query: LadderMovementQuery): Promise<LadderMovement>
  enterprises(actor: Actor, query: LadderEnterpriseQuery): Promise<LadderEnterprisePage>
}

const atYearEnd = (year: number): DatePoint => ({ year, date: yearEndDate(year) })
const toStep = (step: LadderStepOrNone): LadderStep | null => (step === 'none' ? null : step)
const fromStep = (step: LadderStep | null): LadderStepOrNone => step ?? 'none'

/**
 * The 梯次培育 ladder (core registers/libraries/ladder.ts): steps at 31 Dec of each year over a region's subtree,
 * computed in SQL (ladder.repository.ts). The region defaults to the caller's scope unit.
 */
export function createLadderService({
  db,
  orgUnits,
}: {
  db: Database
  orgUnits: Pick<OrgUnitsService, 'findInScope'>
}): LadderService {
  return {
    async counts(actor, query) {
      const region = await resolveRegion(orgUnits, actor, query.orgUnitId)
      const years = Array.from({ length: query.toYear - query.fromYear + 1 }, (_, i) => query.fromYear + i)
      // One after the other: the count runs in its own transaction, and the embedded database has one connection.
      const rows = await countLadderSteps(db, registerScopeOf(actor), region.path, years.map(atYearEnd))
      const children = await listChildRegions(db, region.id)
      const totals = new Map<string, { year: number; step: LadderStep; count: number }>()
      for (const row of rows) {
        const key = `${row.year}/${row.step}`
        const total = totals.get(key) ?? { year: row.year, step: row.step, count: 0 }
        total.count += row.count
        totals.set(key, total)
      }
      const nameOf = new Map(children.map((c) => [c.id, c.name]))
      return {
        region: { id: region.id, name: region.name },
        years,
        totals: [...totals.values()],
        byRegion: rows.map((row) => {
          // A unit deleted since its enterprises were registered still counts, under its id.
          const orgUnitId = row.child_id ?? region.id
          return {
            orgUnitId,
            orgUnitName: row.child_id === null ? region.name : (nameOf.get(row.child_id) ?? row.child_id),
            year: row.year,
            step: row.step,
            count: row.count,
          }
        }),
      }
    },

    async movement(actor, query) {
      const region = await resolveRegion(orgUnits, actor, query.orgUnitId)
      const rows = await countLadderMovements(
        db,
        registerScopeOf(actor),
        region.path,
        atYearEnd(query.fromYear),
        atYearEnd(query.toYear),
      )
      return {
        region: { id: region.id, name: region.name },
        fromYear: query.fromYear,
        toYear: query.toYear,
        flows: rows.map((r) => ({ from: fromStep(r.from_step), to: fromStep(r.to_step), count: r.count })),
      }
    },

    async enterprises(actor, query) {
      const region = await resolveRegion(orgUnits, actor, query.orgUnitId)
      const compare =
        query.compareYear !== undefined && query.compareStep !== undefined
          ? { at: atYearEnd(query.compareYear), step: toStep(query.compareStep) }
          : undefined
      const rows = await listLadderEnterprises(
        db,
        registerScopeOf(actor),
        region.path,
        { at: atYearEnd(query.year), step: toStep(query.step), ...(compare ? { compare } : {}) },
        { limit: query.pageSize, offset: pageOffset(query) },
      )
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          creditCode: r.credit_code,
          regionName: r.region_name,
          foundedOn: r.founded_on,
          step: fromStep(r.step),
          compareStep: compare ? fromStep(r.compare_step) : null,
        })),
        total: rows[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      }
    },
  }
}
