import { hasPermission } from '@kechuang/core/accounts'
import { pageOffset } from '@kechuang/core/pagination'
import type { Actor } from '../audit/actor'

// Who sees and changes what, shared by the 对接, 对接活动 and 技术合同 services.

/** A deal row lies in the actor's scope when its region is in the actor's subtree; no region is everyone's. */
export const isInScope = (actor: Actor, regionPath: string | null) =>
  regionPath === null || regionPath.startsWith(actor.scopePath)

/** Marketplace staff change the 对接, events and contracts of their own region. */
export const managesDealRegion = (actor: Actor, regionPath: string | null) =>
  hasPermission(actor.role, 'marketplace:manage') && isInScope(actor, regionPath)

/** The audit row's scope: the record's region, or the actor's own scope for a record without one. */
export const auditScopeOf = (actor: Actor, row: { regionPath: string | null }) =>
  row.regionPath ?? actor.scopePath

export const paging = (query: { page: number; pageSize: number }) => ({
  limit: query.pageSize,
  offset: pageOffset(query),
})
