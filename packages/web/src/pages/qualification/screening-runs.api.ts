import {
  Screening,
  ScreeningPage,
  ScreeningResultPage,
  ScreeningSummary,
  type StartScreeningRequest,
} from '@kechuang/core/qualification'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { apiRequest, downloadApiFile, type QueryParams } from '../../lib/api-client'
import { SCREENING_POLL_MS, isScreeningDone, screeningPollInterval } from './screening-progress'

const BASE = '/qualification/screenings'
/** The run selector lists this many runs, latest first. */
export const SCREENING_RUNS_PAGE_SIZE = 50

export const screeningKeys = {
  all: ['screenings'] as const,
  runs: ['screenings', 'runs'] as const,
  summary: (screeningId: string) => ['screenings', 'summary', screeningId] as const,
  results: (screeningId: string, query: QueryParams) =>
    ['screenings', 'results', screeningId, query] as const,
  proposals: (screeningId: string, query: QueryParams) =>
    ['screenings', 'proposals', screeningId, query] as const,
}

/** The latest runs of the caller's scope, latest first; polled while one of them is still running. */
export const screeningRunsQueryOptions = queryOptions({
  queryKey: screeningKeys.runs,
  queryFn: () =>
    apiRequest('GET', BASE, ScreeningPage, { query: { page: 1, pageSize: SCREENING_RUNS_PAGE_SIZE } }),
  // A run in progress shows its status change in the selector without a reload.
  refetchInterval: (query) =>
    query.state.data?.items.some((run) => !isScreeningDone(run)) ? SCREENING_POLL_MS * 2 : false,
})

/** One run with its counts; polled while it runs so the progress bar moves. */
export function screeningSummaryQueryOptions(screeningId: string) {
  return queryOptions({
    queryKey: screeningKeys.summary(screeningId),
    queryFn: () => apiRequest('GET', `${BASE}/${screeningId}`, ScreeningSummary),
    refetchInterval: (query) => screeningPollInterval(query.state.data),
  })
}

/** One page of a run's results under the filters (see screening-result-filters.ts). */
export function screeningResultsQueryOptions(screeningId: string, query: QueryParams) {
  return queryOptions({
    queryKey: screeningKeys.results(screeningId, query),
    queryFn: () => apiRequest('GET', `${BASE}/${screeningId}/results`, ScreeningResultPage, { query }),
    placeholderData: keepPreviousData,
  })
}

/** Starts a run in the background; the answer is the run as it begins (status running). */
export function startScreening(request: StartScreeningRequest): Promise<Screening> {
  return apiRequest('POST', BASE, Screening, { body: request })
}

/**
 * Downloads a run's results under the filters as Excel. Fetched rather than linked, so that a refusal shows the
 * server's message instead of saving the error as a file.
 */
export function downloadScreeningResults(screeningId: string, filter: QueryParams): Promise<void> {
  return downloadApiFile(`${BASE}/${screeningId}/results.xlsx`, filter, 'screening-results.xlsx')
}
