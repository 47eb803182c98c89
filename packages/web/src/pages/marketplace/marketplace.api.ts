import {
  Expert,
  ExpertPage,
  RecommendationList,
  TechNeed,
  TechNeedPage,
  TechResult,
  TechResultPage,
  type ExpertInput,
  type MaturityLevel,
  type RecommendationKind,
  type TechNeedInput,
  type TechResultInput,
} from '@kechuang/core/marketplace'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import {
  NO_CONTENT,
  apiRequest,
  downloadApiFile,
  type QueryParams,
  type ResponseSchema,
} from '../../lib/api-client'

const BASE = '/marketplace'

/** The three record kinds of the marketplace, as their API paths name them. */
export type MarketplaceCollection = 'needs' | 'results' | 'experts'

export const marketplaceKeys = {
  all: ['marketplace'] as const,
  collection: (collection: MarketplaceCollection) => ['marketplace', collection] as const,
  list: (collection: MarketplaceCollection, query: QueryParams) =>
    ['marketplace', collection, 'list', query] as const,
  one: (collection: MarketplaceCollection, id: string) => ['marketplace', collection, 'one', id] as const,
  recommendations: (collection: MarketplaceCollection, id: string, query: RecommendationParams) =>
    ['marketplace', collection, 'recommendations', id, query] as const,
}

// One page of a list; the previous page stays on screen while the next loads.
const listOptions = <T>(collection: MarketplaceCollection, schema: ResponseSchema<T>, query: QueryParams) =>
  queryOptions({
    queryKey: marketplaceKeys.list(collection, query),
    queryFn: () => apiRequest('GET', `${BASE}/${collection}`, schema, { query }),
    placeholderData: keepPreviousData,
  })

const oneOptions = <T>(collection: MarketplaceCollection, schema: ResponseSchema<T>, id: string) =>
  queryOptions({
    queryKey: marketplaceKeys.one(collection, id),
    queryFn: () => apiRequest('GET', `${BASE}/${collection}/${id}`, schema),
  })

export const techNeedsQueryOptions = (query: QueryParams) => listOptions('needs', TechNeedPage, query)
export const techResultsQueryOptions = (query: QueryParams) => listOptions('results', TechResultPage, query)
export const expertsQueryOptions = (query: QueryParams) => listOptions('experts', ExpertPage, query)

export const techNeedQueryOptions = (id: string) => oneOptions('needs', TechNeed, id)
export const techResultQueryOptions = (id: string) => oneOptions('results', TechResult, id)
export const expertQueryOptions = (id: string) => oneOptions('experts', Expert, id)

/** Creates (no id) or replaces with the full input (id, PATCH) a 技术需求. */
export function saveTechNeed(input: TechNeedInput, id?: string): Promise<TechNeed> {
  return id
    ? apiRequest('PATCH', `${BASE}/needs/${id}`, TechNeed, { body: input })
    : apiRequest('POST', `${BASE}/needs`, TechNeed, { body: input })
}

/** Creates (no id) or replaces with the full input (id, PATCH) a 科技成果. */
export function saveTechResult(input: TechResultInput, id?: string): Promise<TechResult> {
  return id
    ? apiRequest('PATCH', `${BASE}/results/${id}`, TechResult, { body: input })
    : apiRequest('POST', `${BASE}/results`, TechResult, { body: input })
}

/** Creates (no id) or replaces with the full input (id, PATCH) an expert. */
export function saveExpert(input: ExpertInput, id?: string): Promise<Expert> {
  return id
    ? apiRequest('PATCH', `${BASE}/experts/${id}`, Expert, { body: input })
    : apiRequest('POST', `${BASE}/experts`, Expert, { body: input })
}

export function deleteMarketplaceRecord(collection: MarketplaceCollection, id: string): Promise<void> {
  return apiRequest('DELETE', `${BASE}/${collection}/${id}`, NO_CONTENT)
}

/** The options of a 推荐 panel, as the recommendations route reads them. */
export interface RecommendationParams {
  kind: RecommendationKind
  sameIndustry: boolean
  maturity?: MaturityLevel
  /** Only records of this region and below. */
  orgUnitId?: string
  limit: number
}

/** Recommendations for a need (results or experts) or for a result (needs), each with its reason. */
export function recommendationsQueryOptions(
  collection: MarketplaceCollection,
  id: string,
  params: RecommendationParams,
) {
  return queryOptions({
    queryKey: marketplaceKeys.recommendations(collection, id, params),
    queryFn: () =>
      apiRequest('GET', `${BASE}/${collection}/${id}/recommendations`, RecommendationList, {
        query: {
          kind: params.kind,
          limit: params.limit,
          sameIndustry: params.sameIndustry ? 'true' : undefined,
          maturity: params.maturity,
          orgUnitId: params.orgUnitId,
        },
      }),
    placeholderData: keepPreviousData,
  })
}

export type NeedDirectoryFormat = 'docx' | 'xlsx'

/**
 * Downloads the 《企业科技需求目录》 of a year as Word or Excel. Fetched rather than linked, so that a refusal shows
 * the server's message instead of saving the error as a file.
 */
export function downloadNeedDirectory(format: NeedDirectoryFormat, query: QueryParams): Promise<void> {
  return downloadApiFile(
    `${BASE}/needs/directory.${format}`,
    query,
    `企业科技需求目录_${String(query.year)}.${format}`,
  )
}
