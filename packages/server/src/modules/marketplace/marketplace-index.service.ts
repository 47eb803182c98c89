import {
  Bm25Index,
  createSegmenter,
  type MatchDocument,
  type MatchHit,
  type MatchIndex,
  type MatchQuery,
  type Segmenter,
} from '@kechuang/core/matching'
import type { Database } from '@kechuang/db'
import { listLiveExperts, listLiveTechNeeds, listLiveTechResults } from './marketplace.repository'

export type IndexKind = 'results' | 'needs' | 'experts'

/**
 * The matching indexes of the marketplace, one per kind, in process. Each is built from the database on its first
 * search (live rows only) and then kept current by the marketplace service on every create, update and delete, so a
 * new need is recommendable at once. Searches go through the MatchIndex interface only, so a search server can
 * replace Bm25Index without touching the callers.
 */
export interface MarketplaceIndexService {
  search(kind: IndexKind, query: MatchQuery): Promise<MatchHit[]>
  /** Adds or replaces a record (a no-op while the kind's index has not been built: its build reads the row). */
  upsert(kind: IndexKind, document: MatchDocument): Promise<void>
  remove(kind: IndexKind, id: string): Promise<void>
}

/** A record's region as the `region` attribute recommendations filter on (a record without one matches no region). */
export const NO_REGION = 'none'
const regionOf = (row: { regionOrgUnitId: string | null }) => row.regionOrgUnitId ?? NO_REGION

export function techResultDocument(row: {
  id: string
  title: string
  keywords: string[]
  abstract: string
  industry: string
  maturity: string
  regionOrgUnitId: string | null
}): MatchDocument {
  return {
    id: row.id,
    title: row.title,
    keywords: row.keywords,
    body: row.abstract,
    industry: row.industry,
    attributes: { maturity: row.maturity, region: regionOf(row) },
  }
}

export function techNeedDocument(row: {
  id: string
  title: string
  keywords: string[]
  description: string
  industry: string
  status: string
  regionOrgUnitId: string | null
}): MatchDocument {
  return {
    id: row.id,
    title: row.title,
    keywords: row.keywords,
    body: row.description,
    industry: row.industry,
    attributes: { status: row.status, region: regionOf(row) },
  }
}

/** An expert is found by the fields of research: they are the title and keywords; bio and workplace the body. */
export function expertDocument(row: {
  id: string
  organization: string
  title: string | null
  fields: string[]
  bio: string | null
  industry: string
  regionOrgUnitId: string | null
}): MatchDocument {
  return {
    id: row.id,
    title: row.fields.join('、'),
    keywords: row.fields,
    body: [row.bio, row.organization, row.title].filter(Boolean).join('。'),
    industry: row.industry,
    attributes: { region: regionOf(row) },
  }
}

const LOADERS: Record<IndexKind, (db: Database) => Promise<MatchDocument[]>> = {
  results: async (db) => (await listLiveTechResults(db)).map(techResultDocument),
  needs: async (db) => (await listLiveTechNeeds(db)).map(techNeedDocument),
  experts: async (db) => (await listLiveExperts(db)).map(expertDocument),
}

export function createMarketplaceIndexService({ db }: { db: Database }): MarketplaceIndexService {
  let segmenter: Segmenter | null = null
  const builds = new Map<IndexKind, Promise<MatchIndex>>()

  const build = async (kind: IndexKind): Promise<MatchIndex> => {
    segmenter ??= createSegmenter()
    const documents = await LOADERS[kind](db)
    // Records' own keywords join the dictionary, so a term a publisher names stays one word.
    segmenter.addTerms(documents.flatMap((d) => d.keywords))
    const index = new Bm25Index(segmenter)
    for (const document of documents) index.upsert(document)
    return index
  }

  const indexOf = (kind: IndexKind): Promise<MatchIndex> => {
    let index = builds.get(kind)
    if (!index) {
      index = build(kind)
      builds.set(kind, index)
      // A failed build is forgotten so the next search tries again.
      index.catch(() => builds.delete(kind))
    }
    return index
  }

  return {
    async search(kind, query) {
      const index = await indexOf(kind)
      segmenter?.addTerms(query.keywords ?? [])
      return index.search(query)
    },
    async upsert(kind, document) {
      // Waiting for a build in progress keeps a change committed after its read from being lost.
      const index = await builds.get(kind)
      if (!index) return
      segmenter?.addTerms(document.keywords)
      index.upsert(document)
    },
    async remove(kind, id) {
      const index = await builds.get(kind)
      index?.remove(id)
    },
  }
}
