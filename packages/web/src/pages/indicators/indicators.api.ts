import {
  ImportResult,
  ImportRowError,
  Observation,
  ObservationList,
  PeriodLock,
  PeriodLockList,
  PlanDashboard,
  PlanDetail,
  PlanList,
  PlanSettings,
  PlanStatus,
  TaskList,
  TaskProgressList,
  TaskProgressReport,
  type ObservationInput,
  type PeriodLockInput,
  type PlanSettingsInput,
  type TaskProgressInput,
} from '@kechuang/core/indicators'
import { RegisterValueList, type AdoptRegisterValueInput } from '@kechuang/core/registers'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { ApiError, NO_CONTENT, apiRequest, buildQueryString } from '../../lib/api-client'

/** Whose figures and which year a plan page shows; both optional (the server picks the region, this year). */
export interface PlanViewQuery {
  orgUnitId?: string
  year?: number
}

export const indicatorKeys = {
  all: ['indicators'] as const,
  plans: ['indicators', 'plans'] as const,
  plan: (planId: string, orgUnitId?: string) => ['indicators', 'plan', planId, orgUnitId] as const,
  status: (planId: string, query: PlanViewQuery) => ['indicators', 'status', planId, query] as const,
  dashboard: (planId: string, query: PlanViewQuery & { indicatorId?: string }) =>
    ['indicators', 'dashboard', planId, query] as const,
  revisions: (observationId: string) => ['indicators', 'revisions', observationId] as const,
  tasks: (planId: string) => ['indicators', 'tasks', planId] as const,
  locks: (planId: string) => ['indicators', 'locks', planId] as const,
  registerValues: (planId: string, query: PlanViewQuery) =>
    ['indicators', 'register-values', planId, query] as const,
}

export const plansQueryOptions = queryOptions({
  queryKey: indicatorKeys.plans,
  queryFn: async () => (await apiRequest('GET', '/plans', PlanList)).items,
})

/** The plan as printed, with the current values of `orgUnitId` (by default the region or the reader's unit). */
export function planQueryOptions(planId: string, orgUnitId?: string) {
  return queryOptions({
    queryKey: indicatorKeys.plan(planId, orgUnitId),
    queryFn: () => apiRequest('GET', `/plans/${planId}`, PlanDetail, { query: { orgUnitId } }),
    placeholderData: keepPreviousData,
  })
}

/** Each indicator's status, completion and gap for one unit and year. */
export function planStatusQueryOptions(planId: string, query: PlanViewQuery) {
  return queryOptions({
    queryKey: indicatorKeys.status(planId, query),
    queryFn: () => apiRequest('GET', `/plans/${planId}/status`, PlanStatus, { query: { ...query } }),
    placeholderData: keepPreviousData,
  })
}

export function planDashboardQueryOptions(planId: string, query: PlanViewQuery & { indicatorId?: string }) {
  return queryOptions({
    queryKey: indicatorKeys.dashboard(planId, query),
    queryFn: () => apiRequest('GET', `/plans/${planId}/dashboard`, PlanDashboard, { query: { ...query } }),
    placeholderData: keepPreviousData,
  })
}

export function revisionsQueryOptions(observationId: string) {
  return queryOptions({
    queryKey: indicatorKeys.revisions(observationId),
    queryFn: async () =>
      (await apiRequest('GET', `/observations/${observationId}/revisions`, ObservationList)).items,
  })
}

export function tasksQueryOptions(planId: string) {
  return queryOptions({
    queryKey: indicatorKeys.tasks(planId),
    queryFn: async () => (await apiRequest('GET', `/plans/${planId}/tasks`, TaskList)).items,
  })
}

/** Every save adds a revision; the server refuses locked years, derived indicators and units out of scope. */
export function reportObservation(planId: string, input: ObservationInput): Promise<Observation> {
  return apiRequest('POST', `/plans/${planId}/observations`, Observation, { body: input })
}

/** The values the M2 registers compute for the plan's indicators that have a register metric (one unit, year). */
export function registerValuesQueryOptions(
  planId: string,
  query: Required<Pick<PlanViewQuery, 'year'>> & PlanViewQuery,
) {
  return queryOptions({
    queryKey: indicatorKeys.registerValues(planId, query),
    queryFn: () =>
      apiRequest('GET', `/plans/${planId}/register-values`, RegisterValueList, { query: { ...query } }),
  })
}

/** 采用: the server computes the value again and saves it as an observation of kind `computed`. */
export function adoptRegisterValue(planId: string, input: AdoptRegisterValueInput): Promise<Observation> {
  return apiRequest('POST', `/plans/${planId}/register-values/adopt`, Observation, { body: input })
}

/** The locks that touch the reader's scope: on their units, below them, or above them. */
export function locksQueryOptions(planId: string) {
  return queryOptions({
    queryKey: indicatorKeys.locks(planId),
    queryFn: async () => (await apiRequest('GET', `/plans/${planId}/locks`, PeriodLockList)).items,
  })
}

export function lockPeriod(planId: string, input: PeriodLockInput): Promise<PeriodLock> {
  return apiRequest('POST', `/plans/${planId}/locks`, PeriodLock, { body: input })
}

export function unlockPeriod(planId: string, { orgUnitId, year }: PeriodLockInput): Promise<void> {
  return apiRequest('DELETE', `/plans/${planId}/locks/${orgUnitId}/${year}`, NO_CONTENT)
}

export function taskProgressQueryOptions(taskId: string, orgUnitId?: string) {
  return queryOptions({
    queryKey: ['indicators', 'task-progress', taskId, orgUnitId] as const,
    queryFn: async () =>
      (await apiRequest('GET', `/tasks/${taskId}/progress`, TaskProgressList, { query: { orgUnitId } }))
        .items,
  })
}

export function reportTaskProgress(taskId: string, input: TaskProgressInput): Promise<TaskProgressReport> {
  return apiRequest('POST', `/tasks/${taskId}/progress`, TaskProgressReport, { body: input })
}

/** The files the server builds for one unit and year; opened as plain links so the browser downloads them. */
export const PLAN_DOWNLOADS = ['template', 'table', 'report'] as const
export type PlanDownload = (typeof PLAN_DOWNLOADS)[number]

const DOWNLOAD_PATHS: Record<PlanDownload, string> = {
  template: 'template',
  table: 'table.xlsx',
  report: 'report.docx',
}

export function planDownloadUrl(planId: string, kind: PlanDownload, query: PlanViewQuery): string {
  return `/api/plans/${planId}/${DOWNLOAD_PATHS[kind]}${buildQueryString({ ...query })}`
}

/**
 * Uploads a filled template (multipart, field `file`); the unit and year are read from the template. All rows
 * are written or none: a rejected file answers IMPORT_REJECTED with its row errors (see importRowErrors).
 */
export function importTemplate(planId: string, file: Blob, fileName: string): Promise<ImportResult> {
  const body = new FormData()
  body.append('file', file, fileName)
  return apiRequest('POST', `/plans/${planId}/import`, ImportResult, { body })
}

/** The row-by-row errors of a rejected upload ({ row, column, message }), or none for other failures. */
export function importRowErrors(error: unknown): ImportRowError[] {
  if (!(error instanceof ApiError) || error.details === null || typeof error.details !== 'object') return []
  const parsed = ImportRowError.array().safeParse((error.details as { errors?: unknown }).errors)
  return parsed.success ? parsed.data : []
}

/** The plan's path model and status thresholds; the status of every indicator follows at once. */
export function updatePlanSettings(planId: string, input: PlanSettingsInput): Promise<PlanSettings> {
  return apiRequest('PATCH', `/plans/${planId}/settings`, PlanSettings, { body: input })
}
