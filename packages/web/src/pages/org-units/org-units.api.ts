import {
  OrgUnit,
  OrgUnitList,
  type OrgUnitCreateInput,
  type OrgUnitMoveInput,
  type OrgUnitUpdateInput,
} from '@kechuang/core/org-units'
import { queryOptions } from '@tanstack/react-query'
import { NO_CONTENT, apiRequest } from '../../lib/api-client'

export const orgUnitKeys = { all: ['org-units'] as const }

/** Every unit of the user's scope, flat; build the tree with buildOrgUnitTree. */
export const orgUnitsQueryOptions = queryOptions({
  queryKey: orgUnitKeys.all,
  queryFn: async () => (await apiRequest('GET', '/org-units', OrgUnitList)).items,
})

export function createOrgUnit(input: OrgUnitCreateInput): Promise<OrgUnit> {
  return apiRequest('POST', '/org-units', OrgUnit, { body: input })
}

export function updateOrgUnit(id: string, input: OrgUnitUpdateInput): Promise<OrgUnit> {
  return apiRequest('PATCH', `/org-units/${id}`, OrgUnit, { body: input })
}

export function moveOrgUnit(id: string, input: OrgUnitMoveInput): Promise<OrgUnit> {
  return apiRequest('POST', `/org-units/${id}/move`, OrgUnit, { body: input })
}

export function deleteOrgUnit(id: string): Promise<void> {
  return apiRequest('DELETE', `/org-units/${id}`, NO_CONTENT)
}
