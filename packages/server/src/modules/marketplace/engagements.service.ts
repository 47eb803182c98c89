import {
  BOARD_COLUMN_MAX,
  ENGAGEMENT_STATUSES,
  RECOMMENDATIONS_MAX,
  type Engagement,
  type EngagementBoard,
  type EngagementBoardQuery,
  type EngagementDetail,
  type EngagementInput,
  type EngagementPage,
  type EngagementQuery,
  type EngagementStepInput,
} from '@kechuang/core/marketplace'
import { isUniqueViolation, type Database, type Executor } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import { dealErrors } from './deals.errors'
import { auditScopeOf, isInScope, managesDealRegion, paging } from './deals.scope'
import {
  countEngagementSteps,
  findEngagement,
  findEvent,
  findLiveEngagementOfPair,
  insertEngagement,
  insertEngagementStep,
  listEngagements,
  listEngagementSteps,
  updateEngagement,
  type EngagementRow,
} from './deals.repository'
import { marketplaceErrors } from './marketplace.errors'
import { findExperts, findTechNeeds, findTechResults } from './marketplace.repository'
import type { RecommendationsService } from './recommendations.service'

export interface EngagementsService {
  list(actor: Actor, query: EngagementQuery): Promise<EngagementPage>
  board(actor: Actor, query: EngagementBoardQuery): Promise<EngagementBoard>
  get(actor: Actor, id: string): Promise<EngagementDetail>
  create(actor: Actor, input: EngagementInput): Promise<EngagementDetail>
  addStep(actor: Actor, id: string, input: EngagementStepInput): Promise<EngagementDetail>
  remove(actor: Actor, id: string): Promise<void>
}

export function toEngagement(actor: Actor, row: EngagementRow): Engagement {
  return {
    id: row.id,
    needId: row.needId,
    needTitle: row.needTitle,
    enterpriseName: row.enterpriseName,
    counterpartKind: row.resultId === null ? 'expert' : 'result',
    counterpartId: (row.resultId ?? row.expertId)!,
    counterpartTitle: row.counterpartTitle,
    counterpartOwner: row.counterpartOwner,
    status: row.status,
    closeReason: row.closeReason,
    reason: row.reason,
    note: row.note,
    regionOrgUnitId: row.regionOrgUnitId,
    regionName: row.regionName,
    contractId: row.contractId,
    contractAmountWanYuan: row.contractAmountWanYuan,
    canEdit: managesDealRegion(actor, row.regionPath),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** A 对接 the actor may change: 404 when it does not exist, 403 when it lies outside the actor's region. */
export async function requireManageableEngagement(executor: Executor, actor: Actor, id: string) {
  const row = await findEngagement(executor, id)
  if (!row) throw dealErrors.ENGAGEMENT_NOT_FOUND({ id })
  if (!isInScope(actor, row.regionPath)) throw dealErrors.DEAL_NOT_EDITABLE({ engagementId: id })
  return row
}

// ---------------------------------------------------------------------------------------------------------

export function createEngagementsService({
  db,
  audit,
  recommendations,
}: {
  db: Database
  audit: AuditService
  recommendations: RecommendationsService
}): EngagementsService {
  const detail = async (executor: Executor, actor: Actor, id: string): Promise<EngagementDetail> => {
    const row = await findEngagement(executor, id)
    if (!row || !isInScope(actor, row.regionPath)) throw dealErrors.ENGAGEMENT_NOT_FOUND({ id })
    const steps = await listEngagementSteps(executor, id)
    return {
      ...toEngagement(actor, row),
      steps: steps.map((s) => ({ ...s, at: s.at.toISOString() })),
    }
  }

  /** The counterpart's 推荐 sentence and score, if the recommender ranks it for the need today. */
  const recommendationOf = async (actor: Actor, input: EngagementInput) => {
    const counterpartId = input.resultId ?? input.expertId
    const { items } = await recommendations.forNeed(actor, input.needId, {
      kind: input.resultId === null ? 'experts' : 'results',
      limit: RECOMMENDATIONS_MAX,
    })
    const hit = items.find((item) => item.id === counterpartId)
    return { reason: hit?.reason ?? null, score: hit?.score ?? null }
  }

  return {
    async list(actor, { page, pageSize, ...filter }) {
      const { rows, total } = await listEngagements(
        db,
        { ...filter, scopePath: actor.scopePath },
        paging({ page, pageSize }),
      )
      return { items: rows.map((row) => toEngagement(actor, row)), total, page, pageSize }
    },

    async board(actor, filter) {
      const columns: EngagementBoard['columns'] = []
      for (const status of ENGAGEMENT_STATUSES) {
        const { rows, total } = await listEngagements(
          db,
          { ...filter, status, scopePath: actor.scopePath },
          { limit: BOARD_COLUMN_MAX, offset: 0 },
        )
        columns.push({ status, total, items: rows.map((row) => toEngagement(actor, row)) })
      }
      return { columns }
    },

    get: (actor, id) => detail(db, actor, id),

    async create(actor, input) {
      const [need] = await findTechNeeds(db, [input.needId])
      if (!need) throw marketplaceErrors.TECH_NEED_NOT_FOUND({ id: input.needId })
      if (input.resultId !== null && (await findTechResults(db, [input.resultId])).length === 0)
        throw marketplaceErrors.TECH_RESULT_NOT_FOUND({ id: input.resultId })
      if (input.expertId !== null && (await findExperts(db, [input.expertId])).length === 0)
        throw marketplaceErrors.EXPERT_NOT_FOUND({ id: input.expertId })
      if (!isInScope(actor, need.regionPath)) throw dealErrors.DEAL_NOT_EDITABLE({ needId: need.id })
      const existing = await findLiveEngagementOfPair(db, input)
      if (existing !== null) throw dealErrors.ENGAGEMENT_EXISTS({ engagementId: existing })
      const { reason, score } = await recommendationOf(actor, input)
      try {
        return await db.transaction(async (tx) => {
          const values = {
            needId: input.needId,
            resultId: input.resultId,
            expertId: input.expertId,
            status: 'recommended' as const,
            reason,
            score,
            note: input.note,
            regionOrgUnitId: need.regionOrgUnitId,
          }
          const id = await insertEngagement(tx, { ...values, createdByUserId: actor.userId })
          await insertEngagementStep(tx, {
            engagementId: id,
            fromStatus: null,
            toStatus: 'recommended',
            note: input.note,
            createdByUserId: actor.userId,
          })
          await audit.record(tx, actor, {
            entityType: 'tech_engagement',
            entityId: id,
            action: 'create',
            scopePath: auditScopeOf(actor, need),
            after: values,
          })
          return detail(tx, actor, id)
        })
      } catch (error) {
        // Another request started the same pair meanwhile.
        if (isUniqueViolation(error, 'tech_engagements_pair_uq')) {
          throw dealErrors.ENGAGEMENT_EXISTS({ engagementId: await findLiveEngagementOfPair(db, input) })
        }
        throw error
      }
    },

    async addStep(actor, id, input) {
      return db.transaction(async (tx) => {
        const before = await requireManageableEngagement(tx, actor, id)
        if (before.status === 'contract') throw dealErrors.ENGAGEMENT_HAS_CONTRACT({ id })
        if (before.status === input.status)
          throw dealErrors.ENGAGEMENT_STATUS_UNCHANGED({ id, status: input.status })
        if (input.eventId !== null && !(await findEvent(tx, input.eventId)))
          throw dealErrors.EVENT_NOT_FOUND({ id: input.eventId })
        // The reason is the engagement's while it stays closed; reopening clears it (the step keeps it).
        await updateEngagement(tx, id, { status: input.status, closeReason: input.closeReason })
        await insertEngagementStep(tx, {
          engagementId: id,
          fromStatus: before.status,
          toStatus: input.status,
          closeReason: input.closeReason,
          note: input.note,
          eventId: input.eventId,
          createdByUserId: actor.userId,
        })
        await audit.record(tx, actor, {
          entityType: 'tech_engagement',
          entityId: id,
          action: 'update',
          scopePath: auditScopeOf(actor, before),
          before: { status: before.status, closeReason: before.closeReason },
          after: input,
        })
        return detail(tx, actor, id)
      })
    },

    // Only a mistaken add goes away; a 对接 with any progress is closed with a reason instead.
    async remove(actor, id) {
      await db.transaction(async (tx) => {
        const before = await requireManageableEngagement(tx, actor, id)
        if (before.status !== 'recommended' || (await countEngagementSteps(tx, id)) !== 1)
          throw dealErrors.ENGAGEMENT_NOT_DELETABLE({ id, status: before.status })
        await updateEngagement(tx, id, { deletedAt: new Date() })
        await audit.record(tx, actor, {
          entityType: 'tech_engagement',
          entityId: id,
          action: 'delete',
          scopePath: auditScopeOf(actor, before),
          before: { needId: before.needId, resultId: before.resultId, expertId: before.expertId },
        })
      })
    },
  }
}
