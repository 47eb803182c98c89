import type { Observation } from '@kechuang/core/indicators'
import {
  REGISTER_METRICS,
  isRegisterMetric,
  registerValueNote,
  libraryErrors,
  yearEndDate,
  type AdoptRegisterValueInput,
  type RegisterValue,
  type RegisterValueList,
  type RegisterValuesQuery,
} from '@kechuang/core/registers'
import type { Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { IndicatorsService } from '../indicators/indicators.service'
import type { OrgUnitsService } from '../org-units/org-units.service'
import { chinaDateTime } from '../../china-time'
import { countRegisterMetric, listMetricIndicators } from './register-metrics.repository'

export interface RegisterMetricsService {
  list(actor: Actor, planId: string, query: RegisterValuesQuery): Promise<RegisterValueList>
  adopt(actor: Actor, planId: string, input: AdoptRegisterValueInput): Promise<Observation>
}

/**
 * Register figures (counts of the 创新主体库, sums of the 技术合同登记) as the computed source of M1 indicators (core register-metrics.ts). The plan, its unit and the
 * save go through the indicators service, so scope, locks and revisions follow the M1 rules; an adopted value is
 * recomputed at the moment of saving, never taken from the client.
 */
export function createRegisterMetricsService({
  db,
  indicators,
  orgUnits,
  now = () => new Date(),
}: {
  db: Database
  indicators: Pick<IndicatorsService, 'getPlan' | 'reportObservation'>
  orgUnits: Pick<OrgUnitsService, 'findInScope'>
  now?: () => Date
}): RegisterMetricsService {
  const compute = async (
    actor: Actor,
    planId: string,
    query: { year: number; orgUnitId?: string | undefined },
    onlyCode?: string,
  ) => {
    const plan = await indicators.getPlan(
      actor,
      planId,
      query.orgUnitId ? { orgUnitId: query.orgUnitId } : {},
    )
    const unit = await orgUnits.findInScope(actor, plan.valuesOrgUnit.id)
    if (!unit) throw libraryErrors.ORG_UNIT_NOT_FOUND({ orgUnitId: plan.valuesOrgUnit.id })
    const rows = (await listMetricIndicators(db, plan.id)).filter(
      (row) => onlyCode === undefined || row.code === onlyCode,
    )
    const computedAt = now()
    const items: RegisterValue[] = []
    for (const row of rows) {
      // A metric key the code no longer knows is left out rather than guessed.
      if (!isRegisterMetric(row.register_metric)) continue
      const metric = REGISTER_METRICS[row.register_metric]
      items.push({
        indicatorId: row.id,
        indicatorCode: row.code,
        metric: row.register_metric,
        metricLabel: metric.label,
        source: metric.source,
        description: metric.description,
        value: await countRegisterMetric(db, metric.count, unit.path, yearEndDate(query.year)),
        computedAt: computedAt.toISOString(),
        note: registerValueNote(metric.source),
      })
    }
    return { plan, unit, items }
  }

  return {
    async list(actor, planId, query) {
      const { unit, items } = await compute(actor, planId, query)
      return { orgUnit: { id: unit.id, name: unit.name }, year: query.year, items }
    },

    async adopt(actor, planId, input) {
      const { plan, unit, items } = await compute(actor, planId, input, input.indicatorCode)
      const [item] = items
      if (!item) {
        if (!plan.indicators.some((i) => i.code === input.indicatorCode))
          throw libraryErrors.INDICATOR_NOT_FOUND({ indicatorCode: input.indicatorCode })
        throw libraryErrors.INDICATOR_WITHOUT_METRIC({ indicatorCode: input.indicatorCode })
      }
      return indicators.reportObservation(
        actor,
        plan.id,
        {
          indicatorCode: item.indicatorCode,
          orgUnitId: unit.id,
          year: input.year,
          value: item.value,
          source: item.source,
          note: `${item.note}：${item.metricLabel}（计算于 ${chinaDateTime(new Date(item.computedAt))}）`,
        },
        'computed',
      )
    },
  }
}
