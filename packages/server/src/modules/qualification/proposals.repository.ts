import { and, eq, sql } from 'drizzle-orm'
import type { ProposalStatus } from '@kechuang/core/qualification'
import { queryRows, tables, type Executor } from '@kechuang/db'

const { qualificationProposals } = tables

export type ProposalRow = typeof qualificationProposals.$inferSelect

/** Enterprises a new run must not propose again: a live 高企后备库 curation, or a pending/accepted proposal. */
export async function findEnterprisesNotToPropose(db: Executor): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select m.canonical_id as id from library_curations c join enterprises m on m.id = c.member_id
        where c.library = 'hnte_reserve' and c.withdrawn_at is null
      union
      select m.canonical_id from qualification_proposals p join enterprises m on m.id = p.enterprise_id
        where p.status in ('pending', 'accepted')`,
  )
  return new Set(rows.map((r) => r.id))
}

export async function insertProposals(
  db: Executor,
  rows: (typeof qualificationProposals.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(qualificationProposals).values(rows)
}

export interface ProposalListRow {
  id: string
  screening_id: string
  enterprise_id: string
  enterprise_name: string
  region_name: string | null
  rank: number
  reason: string
  status: ProposalStatus
  decision_reason: string | null
  decided_by: string | null
  decided_at: string | null
  total: number
}

export function listProposals(
  db: Executor,
  screeningId: string,
  status: ProposalStatus | undefined,
  page: { limit: number; offset: number },
): Promise<ProposalListRow[]> {
  return queryRows<ProposalListRow>(
    db,
    sql`select p.id, p.screening_id, p.enterprise_id, e.name as enterprise_name, o.name as region_name, p.rank,
        p.reason, p.status, p.decision_reason, p.decided_by, p.decided_at, count(*) over ()::int as total
      from qualification_proposals p
      join enterprises e on e.id = p.enterprise_id
      left join org_units o on o.id = e.region_org_unit_id
      where p.screening_id = ${screeningId} ${status ? sql`and p.status = ${status}` : sql``}
      order by p.rank, p.id
      limit ${page.limit} offset ${page.offset}`,
  )
}

export async function countProposals(
  db: Executor,
  screeningId: string,
): Promise<Record<ProposalStatus, number>> {
  const rows = await queryRows<{ status: ProposalStatus; n: number }>(
    db,
    sql`select status, count(*)::int as n from qualification_proposals where screening_id = ${screeningId}
      group by status`,
  )
  const counts = { pending: 0, accepted: 0, rejected: 0 }
  for (const row of rows) counts[row.status] = row.n
  return counts
}

export async function findProposal(db: Executor, id: string): Promise<ProposalRow | null> {
  const [row] = await db.select().from(qualificationProposals).where(eq(qualificationProposals.id, id))
  return row ?? null
}

/** Records the decision of a pending proposal; null when it was decided meanwhile. */
export async function decideProposal(
  db: Executor,
  id: string,
  decision: Pick<
    typeof qualificationProposals.$inferInsert,
    'status' | 'decisionReason' | 'decidedByUserId' | 'decidedBy' | 'decidedAt' | 'curationId'
  >,
): Promise<ProposalRow | null> {
  const [row] = await db
    .update(qualificationProposals)
    .set(decision)
    .where(and(eq(qualificationProposals.id, id), eq(qualificationProposals.status, 'pending')))
    .returning()
  return row ?? null
}
