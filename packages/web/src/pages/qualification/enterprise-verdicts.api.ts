import { EnterpriseVerdicts } from '@kechuang/core/qualification'
import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../../lib/api-client'

/** Both rule sets on one enterprise's register data, on `date` (today when absent). */
export function enterpriseVerdictsQueryOptions(enterpriseId: string, date: string | null) {
  return queryOptions({
    queryKey: ['qualification', 'enterprise-verdicts', enterpriseId, date] as const,
    queryFn: () =>
      apiRequest('GET', `/qualification/enterprises/${enterpriseId}/verdicts`, EnterpriseVerdicts, {
        query: date ? { date } : {},
      }),
  })
}
