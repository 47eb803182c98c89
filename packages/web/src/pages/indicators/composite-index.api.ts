import {
  CompositeIndexResponse,
  type CompositeIndexRequestWeighting,
  type NormalisationMethod,
} from '@kechuang/core/indicators'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../../lib/api-client'
import { indicatorKeys } from './indicators.api'

/** How the ranking is computed; every option is optional and the server applies its defaults. */
export interface CompositeIndexView {
  orgUnitId?: string
  year?: number
  normalisation?: NormalisationMethod
  /** Equal and entropy go by GET; manual and AHP weights are sent as a POST body. */
  weighting?: CompositeIndexRequestWeighting
  isTopsis?: boolean
  /** Indicator codes; none means every indicator with values (manual and AHP name their own). */
  indicatorCodes?: readonly string[]
}

/**
 * The composite index of the child units of `orgUnitId`, with its recipe; under indicatorKeys.all and keyed
 * on the whole view, so a changed weight or judgement is a new query (the POST only reads).
 */
export function compositeIndexQueryOptions(planId: string, view: CompositeIndexView) {
  return queryOptions({
    queryKey: [...indicatorKeys.all, 'composite-index', planId, view] as const,
    queryFn: () => {
      const { weighting } = view
      if (weighting && (weighting.method === 'manual' || weighting.method === 'ahp')) {
        return apiRequest('POST', `/plans/${planId}/composite-index`, CompositeIndexResponse, {
          body: {
            orgUnitId: view.orgUnitId,
            year: view.year,
            normalisation: view.normalisation ?? 'min_max',
            weighting,
            topsis: view.isTopsis,
          },
        })
      }
      return apiRequest('GET', `/plans/${planId}/composite-index`, CompositeIndexResponse, {
        query: {
          orgUnitId: view.orgUnitId,
          year: view.year,
          normalisation: view.normalisation,
          weighting: weighting?.method,
          topsis: view.isTopsis ? 'true' : undefined,
          indicators: view.indicatorCodes?.length ? view.indicatorCodes.join(',') : undefined,
        },
      })
    },
    placeholderData: keepPreviousData,
  })
}
