import { pageOffset } from '@kechuang/core/pagination'
import type { Proposal, ProposalPage, ProposalQuery } from '@kechuang/core/qualification'
import type { Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import type { LibrariesService } from '../registers/libraries.service'
import {
  findEnterpriseInScope,
  registerScopeOf,
  type EnterpriseHead,
} from './register-evaluations.repository'
import {
  decideProposal,
  findProposal,
  listProposals,
  type ProposalListRow,
  type ProposalRow,
} from './proposals.repository'
import { screeningErrors } from './screenings.errors'
import { requireScreening } from './screenings.service'

export interface ProposalsService {
  list(actor: Actor, screeningId: string, query: ProposalQuery): Promise<ProposalPage>
  /** Adds the enterprise to the 高企后备库 (a manual curation with the reason) and marks the proposal accepted. */
  accept(actor: Actor, proposalId: string, reason: string | undefined): Promise<Proposal>
  reject(actor: Actor, proposalId: string, reason: string): Promise<Proposal>
}

/**
 * 高企后备库 proposals of a screening, decided by staff: acceptance goes through the 五库 service's manual
 * curation (so the 库 shows it with its reason and it can be withdrawn there), rejection keeps the reason. Each
 * decision is audited; a decided proposal cannot be decided again.
 */
export function createProposalsService({
  db,
  audit,
  libraries,
  now = () => new Date(),
}: {
  db: Database
  audit: AuditService
  libraries: Pick<LibrariesService, 'curate'>
  now?: () => Date
}): ProposalsService {
  /** The pending proposal, its run and its enterprise in the caller's scope (else 404; decided → 409). */
  const requirePending = async (actor: Actor, proposalId: string) => {
    const proposal = await findProposal(db, proposalId)
    if (!proposal) throw screeningErrors.PROPOSAL_NOT_FOUND({ proposalId })
    await requireScreening(db, actor, proposal.screeningId).catch(() => {
      throw screeningErrors.PROPOSAL_NOT_FOUND({ proposalId })
    })
    const enterprise = await findEnterpriseInScope(
      db,
      proposal.enterpriseId,
      registerScopeOf(actor.scopePath),
    )
    if (!enterprise) throw screeningErrors.PROPOSAL_NOT_FOUND({ proposalId })
    if (proposal.status !== 'pending')
      throw screeningErrors.PROPOSAL_DECIDED({ proposalId, status: proposal.status })
    return { proposal, enterprise }
  }

  const decide = async (
    actor: Actor,
    before: ProposalRow,
    enterprise: EnterpriseHead,
    decision: { status: 'accepted' | 'rejected'; reason: string | null; curationId: string | null },
  ): Promise<Proposal> =>
    db.transaction(async (tx) => {
      const after = await decideProposal(tx, before.id, {
        status: decision.status,
        decisionReason: decision.reason,
        decidedByUserId: actor.userId,
        decidedBy: actor.displayName,
        decidedAt: now(),
        curationId: decision.curationId,
      })
      if (!after) throw screeningErrors.PROPOSAL_DECIDED({ proposalId: before.id })
      await audit.record(tx, actor, {
        entityType: 'qualification_proposal',
        entityId: before.id,
        action: 'update',
        scopePath: enterprise.region_path ?? actor.scopePath,
        before: { ...before, enterpriseName: enterprise.name },
        after: { ...after, enterpriseName: enterprise.name },
      })
      return toProposal(after, enterprise.name, enterprise.region_name)
    })

  return {
    async list(actor, screeningId, query) {
      const screening = await requireScreening(db, actor, screeningId)
      const rows = await listProposals(db, screening.id, query.status, {
        limit: query.pageSize,
        offset: pageOffset(query),
      })
      return {
        items: rows.map(fromListRow),
        total: rows[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      }
    },

    async accept(actor, proposalId, reason) {
      const { proposal, enterprise } = await requirePending(actor, proposalId)
      const curation = await libraries.curate(actor, 'hnte_reserve', {
        memberKind: 'enterprise',
        memberId: proposal.enterpriseId,
        action: 'add',
        reason: reason ?? proposal.reason,
      })
      return decide(actor, proposal, enterprise, {
        status: 'accepted',
        reason: reason ?? null,
        curationId: curation.id,
      })
    },

    async reject(actor, proposalId, reason) {
      const { proposal, enterprise } = await requirePending(actor, proposalId)
      return decide(actor, proposal, enterprise, { status: 'rejected', reason, curationId: null })
    },
  }
}

const isoOf = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

function fromListRow(row: ProposalListRow): Proposal {
  return {
    id: row.id,
    screeningId: row.screening_id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    regionName: row.region_name,
    rank: row.rank,
    reason: row.reason,
    status: row.status,
    decisionReason: row.decision_reason,
    decidedBy: row.decided_by,
    decidedAt: isoOf(row.decided_at),
  }
}

function toProposal(row: ProposalRow, enterpriseName: string, regionName: string | null): Proposal {
  return {
    id: row.id,
    screeningId: row.screeningId,
    enterpriseId: row.enterpriseId,
    enterpriseName,
    regionName,
    rank: row.rank,
    reason: row.reason,
    status: row.status,
    decisionReason: row.decisionReason,
    decidedBy: row.decidedBy,
    decidedAt: isoOf(row.decidedAt),
  }
}
