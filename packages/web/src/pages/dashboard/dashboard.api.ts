import { DashboardSummary } from '@kechuang/core/dashboard'
import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../../lib/api-client'

export const dashboardSummaryQueryOptions = queryOptions({
  queryKey: ['dashboard', 'summary'],
  queryFn: () => apiRequest('GET', '/dashboard/summary', DashboardSummary),
})
