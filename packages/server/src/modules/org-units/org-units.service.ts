import { randomUUID } from 'node:crypto'
import {
  ORG_UNIT_TYPE_LABELS,
  canContain,
  childPath,
  wouldCreateCycle,
  type OrgUnit,
  type OrgUnitCreateInput,
  type OrgUnitList,
  type OrgUnitMoveInput,
  type OrgUnitType,
  type OrgUnitUpdateInput,
} from '@kechuang/core/org-units'
import { isUniqueViolation, type Database, type Executor } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import { orgUnitErrors } from './org-units.errors'
import {
  childTypesOf,
  countActiveChildren,
  countOrgUnitsByType,
  countUsersScopedTo,
  findOrgUnitInScope,
  insertOrgUnit,
  listOrgUnitsInScope,
  rebaseSubtree,
  toOrgUnit,
  updateOrgUnit,
} from './org-units.repository'

export interface OrgUnitsService {
  list(actor: Actor): Promise<OrgUnitList>
  get(actor: Actor, id: string): Promise<OrgUnit>
  /** The unit if it lies in the actor's scope, else null (for other areas checking a chosen unit). */
  findInScope(actor: Actor, id: string): Promise<OrgUnit | null>
  countByType(actor: Actor): Promise<Record<string, number>>
  create(actor: Actor, input: OrgUnitCreateInput): Promise<OrgUnit>
  update(actor: Actor, id: string, input: OrgUnitUpdateInput): Promise<OrgUnit>
  move(actor: Actor, id: string, input: OrgUnitMoveInput): Promise<OrgUnit>
  remove(actor: Actor, id: string): Promise<void>
}

export function createOrgUnitsService({ db, audit }: { db: Database; audit: AuditService }): OrgUnitsService {
  const requireInScope = async (tx: Executor, actor: Actor, id: string) => {
    const row = await findOrgUnitInScope(tx, id, actor.scopePath)
    if (!row) throw orgUnitErrors.ORG_UNIT_NOT_FOUND({ id })
    return row
  }

  return {
    async list(actor) {
      const rows = await listOrgUnitsInScope(db, actor.scopePath)
      return { items: rows.map(toOrgUnit) }
    },

    async get(actor, id) {
      return toOrgUnit(await requireInScope(db, actor, id))
    },

    countByType: (actor) => countOrgUnitsByType(db, actor.scopePath),

    async findInScope(actor, id) {
      const row = await findOrgUnitInScope(db, id, actor.scopePath)
      return row ? toOrgUnit(row) : null
    },

    async create(actor, input) {
      return withUniqueErrors(() =>
        db.transaction(async (tx) => {
          const parent = await findOrgUnitInScope(tx, input.parentId, actor.scopePath)
          if (!parent) throw orgUnitErrors.PARENT_NOT_FOUND({ parentId: input.parentId })
          assertTypeAllowed(parent.type, input.type)
          const id = randomUUID()
          const row = await insertOrgUnit(tx, {
            id,
            parentId: parent.id,
            path: childPath(parent.path, id),
            depth: parent.depth + 1,
            name: input.name,
            type: input.type,
            typeLabel: input.typeLabel ?? null,
            divisionCode: input.divisionCode ?? null,
            aliases: input.aliases ?? [],
            sortOrder: input.sortOrder ?? 0,
          })
          const unit = toOrgUnit(row)
          await audit.record(tx, actor, {
            entityType: 'org_unit',
            entityId: id,
            action: 'create',
            scopePath: row.path,
            after: unit,
          })
          return unit
        }),
      )
    },

    async update(actor, id, input) {
      return withUniqueErrors(() =>
        db.transaction(async (tx) => {
          const before = await requireInScope(tx, actor, id)
          if (input.type && input.type !== before.type) {
            if (before.parentId) {
              // The parent may lie above the actor's scope (its scope root's parent): look it up tree-wide.
              const parent = await findOrgUnitInScope(tx, before.parentId, '/')
              if (parent) assertTypeAllowed(parent.type, input.type)
            }
            for (const childType of await childTypesOf(tx, id))
              assertTypeAllowed(input.type, childType as OrgUnitType)
          }
          const after = await updateOrgUnit(tx, id, input)
          await audit.record(tx, actor, {
            entityType: 'org_unit',
            entityId: id,
            action: 'update',
            scopePath: after.path,
            before: toOrgUnit(before),
            after: toOrgUnit(after),
          })
          return toOrgUnit(after)
        }),
      )
    },

    async move(actor, id, input) {
      return withUniqueErrors(() =>
        db.transaction(async (tx) => {
          const unit = await requireInScope(tx, actor, id)
          if (unit.path === actor.scopePath) throw orgUnitErrors.SCOPE_ROOT_LOCKED({ id })
          const parent = await findOrgUnitInScope(tx, input.parentId, actor.scopePath)
          if (!parent) throw orgUnitErrors.PARENT_NOT_FOUND({ parentId: input.parentId })
          if (wouldCreateCycle(unit.path, parent.path))
            throw orgUnitErrors.MOVE_INTO_OWN_SUBTREE({ id, parentId: parent.id })
          assertTypeAllowed(parent.type, unit.type)
          const newPath = childPath(parent.path, unit.id)
          await rebaseSubtree(tx, unit.path, newPath, parent.depth + 1 - unit.depth)
          const moved = await updateOrgUnit(tx, id, { parentId: parent.id })
          await audit.record(tx, actor, {
            entityType: 'org_unit',
            entityId: id,
            action: 'move',
            scopePath: moved.path,
            before: { parentId: unit.parentId, path: unit.path },
            after: { parentId: moved.parentId, path: moved.path },
          })
          return toOrgUnit(moved)
        }),
      )
    },

    async remove(actor, id) {
      await db.transaction(async (tx) => {
        const unit = await requireInScope(tx, actor, id)
        if (unit.path === actor.scopePath) throw orgUnitErrors.SCOPE_ROOT_LOCKED({ id })
        if ((await countActiveChildren(tx, id)) > 0) throw orgUnitErrors.HAS_CHILDREN({ id })
        if ((await countUsersScopedTo(tx, id)) > 0) throw orgUnitErrors.HAS_USERS({ id })
        const deleted = await updateOrgUnit(tx, id, { deletedAt: new Date() })
        await audit.record(tx, actor, {
          entityType: 'org_unit',
          entityId: id,
          action: 'delete',
          scopePath: deleted.path,
          before: toOrgUnit(unit),
        })
      })
    },
  }
}

function assertTypeAllowed(parentType: OrgUnitType, childType: OrgUnitType): void {
  if (!canContain(parentType, childType)) {
    throw orgUnitErrors.TYPE_NOT_ALLOWED(
      { parentType, childType },
      `「${ORG_UNIT_TYPE_LABELS[parentType]}」之下不能设立「${ORG_UNIT_TYPE_LABELS[childType]}」类型的机构`,
    )
  }
}

async function withUniqueErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (isUniqueViolation(error, 'org_units_sibling_name_uq')) throw orgUnitErrors.NAME_TAKEN()
    if (isUniqueViolation(error, 'org_units_division_code_uq')) throw orgUnitErrors.DIVISION_CODE_TAKEN()
    throw error
  }
}
