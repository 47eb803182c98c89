import {
  RuleSetList,
  SavedSelfCheck,
  SavedSelfCheckList,
  SelfCheckUpload,
  VerdictSchema,
  type RuleSetId,
  type VerdictResponse,
} from '@kechuang/core/qualification'
import { queryOptions } from '@tanstack/react-query'
import { NO_CONTENT, apiRequest, buildQueryString } from '../../lib/api-client'

const BASE = '/qualification'

export const selfCheckKeys = {
  ruleSets: ['qualification', 'rule-sets'] as const,
  saved: ['qualification', 'self-checks'] as const,
}

export const ruleSetsQueryOptions = () =>
  queryOptions({
    queryKey: selfCheckKeys.ruleSets,
    queryFn: async () => (await apiRequest('GET', `${BASE}/rule-sets`, RuleSetList)).items,
    staleTime: Infinity,
  })

/** Pre-assesses the figures; nothing is stored. A 400 carries the problems by field in `details`. */
export const evaluateSelfCheck = (ruleSet: RuleSetId, input: unknown): Promise<VerdictResponse> =>
  apiRequest('POST', `${BASE}/evaluate`, VerdictSchema, { body: { ruleSet, input } })

/** Opened as a plain link so the browser downloads the workbook. */
export const selfCheckTemplateUrl = (ruleSet: RuleSetId) =>
  `/api${BASE}/self-check/template.xlsx${buildQueryString({ ruleSet })}`

/** Reads a filled template back into the form's figures; nothing is stored. */
export function uploadSelfCheckWorkbook(file: Blob, fileName: string): Promise<SelfCheckUpload> {
  const body = new FormData()
  body.append('file', file, fileName)
  return apiRequest('POST', `${BASE}/self-check/upload`, SelfCheckUpload, { body })
}

export const savedSelfChecksQueryOptions = () =>
  queryOptions({
    queryKey: selfCheckKeys.saved,
    queryFn: async () => (await apiRequest('GET', `${BASE}/self-checks`, SavedSelfCheckList)).items,
  })

export const saveSelfCheck = (ruleSet: RuleSetId, name: string, input: unknown): Promise<SavedSelfCheck> =>
  apiRequest('POST', `${BASE}/self-checks`, SavedSelfCheck, { body: { ruleSet, name, input } })

export const deleteSelfCheck = (id: string): Promise<void> =>
  apiRequest('DELETE', `${BASE}/self-checks/${id}`, NO_CONTENT)
