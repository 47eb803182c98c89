import {
  describeMatch,
  type Recommendation,
  type RecommendationKind,
  type RecommendationList,
  type RecommendationQuery,
} from '@kechuang/core/marketplace'
import type { MatchHit, MatchQuery } from '@kechuang/core/matching'
import { sql } from 'drizzle-orm'
import { queryRows, type Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { MarketplaceIndexService } from './marketplace-index.service'
import { marketplaceErrors } from './marketplace.errors'
import { findExperts, findTechNeeds, findTechResults } from './marketplace.repository'

export interface RecommendationsService {
  /** 科技成果 (default) or experts for a 技术需求. */
  forNeed(actor: Actor, id: string, query: RecommendationQuery): Promise<RecommendationList>
  /** 技术需求 for a 科技成果: open and matched ones (closed needs want nothing more). */
  forResult(actor: Actor, id: string, query: RecommendationQuery): Promise<RecommendationList>
  /** 技术需求 an expert's fields answer (open and matched ones), for staff to bring the expert in. */
  forExpert(actor: Actor, id: string, query: RecommendationQuery): Promise<RecommendationList>
}

/** Need statuses a result is still recommended to. */
const RECOMMENDABLE_NEED_STATUSES = ['open', 'matched']

/** What is shown of a recommended record: its title and who offers it. */
interface Shown {
  title: string
  subtitle: string
  industry: string
}

const round = (value: number, digits: number) => Number(value.toFixed(digits))

export function createRecommendationsService({
  db,
  index,
}: {
  db: Database
  index: MarketplaceIndexService
}): RecommendationsService {
  /** The shown fields of each hit's record, read in one query per kind (a hit deleted meanwhile is left out). */
  const showHits = async (kind: RecommendationKind, ids: string[]): Promise<Map<string, Shown>> => {
    if (kind === 'results') {
      const rows = await findTechResults(db, ids)
      return new Map(
        rows.map((r) => [
          r.id,
          { title: r.title, subtitle: `${r.ownerName} · ${r.industry}`, industry: r.industry },
        ]),
      )
    }
    if (kind === 'needs') {
      const rows = await findTechNeeds(db, ids)
      return new Map(
        rows.map((r) => [
          r.id,
          { title: r.title, subtitle: `${r.enterpriseName} · ${r.industry}`, industry: r.industry },
        ]),
      )
    }
    const rows = await findExperts(db, ids)
    return new Map(
      rows.map((r) => [
        r.id,
        {
          title: r.name,
          subtitle: `${[r.organization, r.title].filter(Boolean).join(' ')} · ${r.industry}`,
          industry: r.industry,
        },
      ]),
    )
  }

  /** The `region` filter of a query: the unit and every unit below it (404 for a unit that does not exist). */
  const regionFilter = async (orgUnitId: string | undefined): Promise<{ region?: string[] }> => {
    if (orgUnitId === undefined) return {}
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select u.id from org_units u, org_units p where p.id = ${orgUnitId} and u.path like p.path || '%'`,
    )
    if (rows.length === 0) throw marketplaceErrors.REGION_NOT_FOUND({ orgUnitId })
    return { region: rows.map((row) => row.id) }
  }

  const recommend = async (
    kind: RecommendationKind,
    query: MatchQuery & { industry: string },
    orgUnitId: string | undefined,
  ): Promise<RecommendationList> => {
    const region = await regionFilter(orgUnitId)
    const hits: MatchHit[] = await index.search(kind, {
      ...query,
      filters: { ...query.filters, ...region },
    })
    const shown = await showHits(
      kind,
      hits.map((h) => h.id),
    )
    const items: Recommendation[] = []
    for (const hit of hits) {
      const record = shown.get(hit.id)
      if (!record) continue
      items.push({
        kind,
        id: hit.id,
        ...record,
        score: round(hit.score, 4),
        sharedTerms: hit.sharedTerms.map((t) => ({ term: t.term, share: round(t.share, 3) })),
        industryMatch: hit.industryMatch,
        reason: describeMatch(hit, query.industry),
      })
    }
    return { items }
  }

  return {
    async forNeed(_actor, id, { kind = 'results', limit, sameIndustry, maturity, orgUnitId }) {
      if (kind === 'needs') throw marketplaceErrors.RECOMMENDATION_KIND_INVALID({ kind })
      const [need] = await findTechNeeds(db, [id])
      if (!need) throw marketplaceErrors.TECH_NEED_NOT_FOUND({ id })
      return recommend(
        kind,
        {
          title: need.title,
          keywords: need.keywords,
          body: need.description,
          industry: need.industry,
          limit,
          excludeIds: [need.id],
          filters: {
            industry: sameIndustry ? [need.industry] : [],
            // Only results have a maturity.
            ...(kind === 'results' && maturity ? { maturity: [maturity] } : {}),
          },
        },
        orgUnitId,
      )
    },

    async forResult(_actor, id, { kind = 'needs', limit, sameIndustry, orgUnitId }) {
      if (kind !== 'needs') throw marketplaceErrors.RECOMMENDATION_KIND_INVALID({ kind })
      const [result] = await findTechResults(db, [id])
      if (!result) throw marketplaceErrors.TECH_RESULT_NOT_FOUND({ id })
      return recommend(
        'needs',
        {
          title: result.title,
          keywords: result.keywords,
          body: result.abstract,
          industry: result.industry,
          limit,
          excludeIds: [result.id],
          filters: {
            industry: sameIndustry ? [result.industry] : [],
            status: RECOMMENDABLE_NEED_STATUSES,
          },
        },
        orgUnitId,
      )
    },

    async forExpert(_actor, id, { kind = 'needs', limit, sameIndustry, orgUnitId }) {
      if (kind !== 'needs') throw marketplaceErrors.RECOMMENDATION_KIND_INVALID({ kind })
      const [expert] = await findExperts(db, [id])
      if (!expert) throw marketplaceErrors.EXPERT_NOT_FOUND({ id })
      // An expert is described by the fields of research (the title and keywords of the query) and the bio.
      return recommend(
        'needs',
        {
          title: expert.fields.join('、'),
          keywords: expert.fields,
          body: expert.bio ?? '',
          industry: expert.industry,
          limit,
          filters: {
            industry: sameIndustry ? [expert.industry] : [],
            status: RECOMMENDABLE_NEED_STATUSES,
          },
        },
        orgUnitId,
      )
    },
  }
}
