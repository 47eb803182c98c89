import { CompositeIndexResponse, type NormalisationMethod } from '@kechuang/core/indicators'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../../lib/api-client'
import { indicatorKeys } from './indicators.api'

/** How the ranking is computed; every option is optional and the server applies its defaults. */
export interface CompositeIndexView {
  orgUnitId?: string
  year?: number
  normalisation?: NormalisationMethod
  weighting?: 'equal' | 'entropy'
  isTopsis?: boolean
  /** Indicator codes; none means every indicator with values. */
  indicatorCodes?: readonly string[]
}

/** The composite index of the child units of `orgUnitId`, with its recipe; under indicatorKeys.all. */
export function compositeIndexQueryOptions(planId: string, view: CompositeIndexView) {
  return queryOptions({
    queryKey: [...indicatorKeys.all, 'composite-index', planId, view] as const,
    queryFn: () =>
      apiRequest('GET', `/plans/${planId}/composite-index`, CompositeIndexResponse, {
        query: {
          orgUnitId: view.orgUnitId,
          year: view.year,
          normalisation: view.normalisation,
          weighting: view.weighting,
          topsis: view.isTopsis ? 'true' : undefined,
          indicators: view.indicatorCodes?.length ? view.indicatorCodes.join(',') : undefined,
        },
      }),
    placeholderData: keepPreviousData,
  })
}
