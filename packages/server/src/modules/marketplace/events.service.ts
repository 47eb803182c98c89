import type {
  EventParticipant,
  TechEvent,
  TechEventDetail,
  TechEventInput,
  TechEventPage,
  TechEventQuery,
} from '@kechuang/core/marketplace'
import type { Database, Executor } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import type { OrgUnitsService } from '../org-units/org-units.service'
import { dealErrors } from './deals.errors'
import {
  findEvent,
  insertEvent,
  isEventNamedByStep,
  listEngagements,
  listEvents,
  updateEvent,
  type TechEventRow,
} from './deals.repository'
import { auditScopeOf, isInScope, managesDealRegion, paging } from './deals.scope'
import { toEngagement } from './engagements.service'
import { marketplaceErrors } from './marketplace.errors'
import { enterpriseExists, findExperts, institutionExists } from './marketplace.repository'

export interface EventsService {
  list(actor: Actor, query: TechEventQuery): Promise<TechEventPage>
  get(actor: Actor, id: string): Promise<TechEventDetail>
  create(actor: Actor, input: TechEventInput): Promise<TechEventDetail>
  update(actor: Actor, id: string, input: TechEventInput): Promise<TechEventDetail>
  remove(actor: Actor, id: string): Promise<void>
}

/** An event's page lists at most this many of the 对接 that took place at it. */
export const EVENT_ENGAGEMENTS_MAX = 1_000

function toTechEvent(actor: Actor, row: TechEventRow): TechEvent {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    heldOn: row.heldOn,
    location: row.location,
    organizer: row.organizer,
    description: row.description,
    regionOrgUnitId: row.regionOrgUnitId,
    regionName: row.regionName,
    participants: row.participants,
    engagementCount: row.engagementCount,
    canEdit: managesDealRegion(actor, row.regionPath),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export function createEventsService({
  db,
  audit,
  orgUnits,
}: {
  db: Database
  audit: AuditService
  orgUnits: OrgUnitsService
}): EventsService {
  const detail = async (executor: Executor, actor: Actor, id: string): Promise<TechEventDetail> => {
    const row = await findEvent(executor, id)
    if (!row || !isInScope(actor, row.regionPath)) throw dealErrors.EVENT_NOT_FOUND({ id })
    const { rows } = await listEngagements(
      executor,
      { eventId: id, scopePath: actor.scopePath },
      { limit: EVENT_ENGAGEMENTS_MAX, offset: 0 },
    )
    return { ...toTechEvent(actor, row), engagements: rows.map((r) => toEngagement(actor, r)) }
  }

  const requireManageable = async (actor: Actor, id: string) => {
    const row = await findEvent(db, id)
    if (!row) throw dealErrors.EVENT_NOT_FOUND({ id })
    if (!isInScope(actor, row.regionPath)) throw dealErrors.DEAL_NOT_EDITABLE({ eventId: id })
    return row
  }

  /** The requested region (in the actor's scope), else the current one, else the actor's own unit. */
  const resolveRegion = async (actor: Actor, requested: string | null, current?: string | null) => {
    if (requested === null) return current ?? actor.scopeOrgUnitId
    if (requested !== current && !(await orgUnits.findInScope(actor, requested)))
      throw marketplaceErrors.REGION_NOT_FOUND({ regionOrgUnitId: requested })
    return requested
  }

  // A participant named from a register must exist there; 'other' participants are free text only.
  const requireParticipants = async (participants: EventParticipant[]) => {
    for (const [index, { kind, refId }] of participants.entries()) {
      if (refId === null) continue
      if (kind === 'other') throw dealErrors.PARTICIPANT_REF_NOT_ALLOWED({ index, refId })
      const exists =
        kind === 'enterprise'
          ? await enterpriseExists(db, refId)
          : kind === 'institution'
            ? await institutionExists(db, refId)
            : (await findExperts(db, [refId])).length > 0
      if (!exists) throw dealErrors.PARTICIPANT_NOT_FOUND({ index, kind, refId })
    }
  }

  return {
    async list(actor, { page, pageSize, ...filter }) {
      const { rows, total } = await listEvents(
        db,
        { ...filter, scopePath: actor.scopePath },
        paging({ page, pageSize }),
      )
      return { items: rows.map((row) => toTechEvent(actor, row)), total, page, pageSize }
    },

    get: (actor, id) => detail(db, actor, id),

    async create(actor, input) {
      await requireParticipants(input.participants)
      const regionOrgUnitId = await resolveRegion(actor, input.regionOrgUnitId)
      return db.transaction(async (tx) => {
        const id = await insertEvent(tx, { ...input, regionOrgUnitId, createdByUserId: actor.userId })
        await audit.record(tx, actor, {
          entityType: 'tech_event',
          entityId: id,
          action: 'create',
          scopePath: auditScopeOf(actor, (await findEvent(tx, id))!),
          after: { ...input, regionOrgUnitId },
        })
        return detail(tx, actor, id)
      })
    },

    async update(actor, id, input) {
      const before = await requireManageable(actor, id)
      await requireParticipants(input.participants)
      const regionOrgUnitId = await resolveRegion(actor, input.regionOrgUnitId, before.regionOrgUnitId)
      return db.transaction(async (tx) => {
        await updateEvent(tx, id, { ...input, regionOrgUnitId })
        const after = (await findEvent(tx, id))!
        await audit.record(tx, actor, {
          entityType: 'tech_event',
          entityId: id,
          action: 'update',
          scopePath: auditScopeOf(actor, after),
          before: audited(before),
          after: audited(after),
        })
        return detail(tx, actor, id)
      })
    },

    async remove(actor, id) {
      const before = await requireManageable(actor, id)
      await db.transaction(async (tx) => {
        if (await isEventNamedByStep(tx, id)) throw dealErrors.EVENT_IN_USE({ id })
        await updateEvent(tx, id, { deletedAt: new Date() })
        await audit.record(tx, actor, {
          entityType: 'tech_event',
          entityId: id,
          action: 'delete',
          scopePath: auditScopeOf(actor, before),
          before: audited(before),
        })
      })
    },
  }
}

// The audit keeps the stored fields, without the joined region, the count or bookkeeping columns.
function audited(row: TechEventRow) {
  const {
    regionName: _name,
    regionPath: _path,
    engagementCount: _count,
    createdAt: _created,
    updatedAt: _updated,
    ...stored
  } = row
  return stored
}
