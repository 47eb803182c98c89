import { sql } from 'drizzle-orm'
import {
  CLOSE_REASONS,
  engagementFunnel,
  type CloseReason,
  type EngagementFunnel,
  type EngagementFunnelQuery,
  type EngagementStatus,
} from '@kechuang/core/marketplace'
import { queryRows, type Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { OrgUnitsService } from '../org-units/org-units.service'
import { marketplaceErrors } from './marketplace.errors'

export interface EngagementFunnelService {
  funnel(actor: Actor, query: EngagementFunnelQuery): Promise<EngagementFunnel>
}

/**
 * The funnel 推荐 → 联系 → 对接活动 → 洽谈 → 技术合同 of the 对接 started in a year under a region (core
 * engagement-funnel.ts counts the stages from each 对接's steps), with the amount their live contracts reached.
 */
export function createEngagementFunnelService({
  db,
  orgUnits,
}: {
  db: Database
  orgUnits: Pick<OrgUnitsService, 'findInScope'>
}): EngagementFunnelService {
  return {
    async funnel(actor, { year, orgUnitId }) {
      let path = actor.scopePath
      if (orgUnitId) {
        const unit = await orgUnits.findInScope(actor, orgUnitId)
        if (!unit) throw marketplaceErrors.REGION_NOT_FOUND({ orgUnitId })
        path = unit.path
      }
      // A 对接 without a region (its need had none) belongs to whoever sees the whole scope it was started in.
      const inRegion =
        path === actor.scopePath
          ? sql`(o.path like ${`${path}%`} or e.region_org_unit_id is null)`
          : sql`o.path like ${`${path}%`}`
      const inYear =
        year === undefined
          ? sql`true`
          : sql`extract(year from e.created_at at time zone 'Asia/Shanghai') = ${year}`
      const rows = await queryRows<{
        status: EngagementStatus
        close_reason: CloseReason | null
        statuses: EngagementStatus[]
        amount: number
      }>(
        db,
        sql`select e.status, e.close_reason,
            (select array_agg(s.to_status order by s.created_at) from tech_engagement_steps s
              where s.engagement_id = e.id) as statuses,
            coalesce((select sum(c.amount) from tech_contracts c
              where c.engagement_id = e.id and c.deleted_at is null), 0)::float8 as amount
          from tech_engagements e left join org_units o on o.id = e.region_org_unit_id
          where e.deleted_at is null and ${inRegion} and ${inYear}`,
      )
      const reasons = new Map<CloseReason, number>()
      for (const row of rows)
        if (row.status === 'closed' && row.close_reason)
          reasons.set(row.close_reason, (reasons.get(row.close_reason) ?? 0) + 1)
      return {
        // The current status counts too: a 对接 is at least where it stands now.
        stages: engagementFunnel(rows.map((row) => [...(row.statuses ?? []), row.status])),
        closed: rows.filter((row) => row.status === 'closed').length,
        // Most frequent first, then in the vocabulary's order.
        closeReasons: [...reasons]
          .map(([reason, count]) => ({ reason, count }))
          .sort(
            (a, b) => b.count - a.count || CLOSE_REASONS.indexOf(a.reason) - CLOSE_REASONS.indexOf(b.reason),
          ),
        contractAmountWanYuan: Number(rows.reduce((sum, row) => sum + row.amount, 0).toFixed(4)),
      }
    },
  }
}
