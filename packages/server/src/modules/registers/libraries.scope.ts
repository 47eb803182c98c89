import { libraryErrors } from '@kechuang/core/registers'
import type { Actor } from '../audit/actor'
import type { OrgUnitsService } from '../org-units/org-units.service'
import type { RegisterScope } from './ladder.repository'

// Data scope of the 五库, ladder and register-value use cases (the same rule as the enterprise list).

/** The caller's scope; only a scope at the root of the tree also sees records without a region. */
export function registerScopeOf(actor: Actor): RegisterScope {
  return { scopePath: actor.scopePath, isRootScope: actor.scopePath.split('/').filter(Boolean).length === 1 }
}

/** The region asked for (inside the scope, else "not found"), or the caller's own scope unit. */
export async function resolveRegion(
  orgUnits: Pick<OrgUnitsService, 'findInScope'>,
  actor: Actor,
  orgUnitId: string | undefined,
): Promise<{ id: string; name: string; path: string }> {
  const id = orgUnitId ?? actor.scopeOrgUnitId
  const unit = await orgUnits.findInScope(actor, id)
  if (!unit) throw libraryErrors.ORG_UNIT_NOT_FOUND({ orgUnitId: id })
  return { id: unit.id, name: unit.name, path: unit.path }
}
