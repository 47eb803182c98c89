/**
 * What the marketplace asks of a search index. `Bm25Index` answers it in process; a search server (Elasticsearch
 * or OpenSearch with an IK/jieba analyser, say) can replace it at scale behind the same interface.
 */

export const MATCH_FIELDS = ['title', 'keywords', 'body'] as const
export type MatchField = (typeof MATCH_FIELDS)[number]

/** A record as the index sees it: 科技成果, 技术需求 or an expert. */
export interface MatchDocument {
  id: string
  title: string
  keywords: readonly string[]
  /** Abstract, description, or an expert's fields and achievements. */
  body: string
  /** 产业领域 (新材料, 电子信息 …): a filter and the "领域相同" part of an explanation. */
  industry: string | null
  /** Exact-value attributes a query can filter on (maturity, region code …). */
  attributes?: Readonly<Record<string, string | null>>
}

export interface MatchQuery {
  title: string
  keywords?: readonly string[]
  body?: string
  /** The query's own 产业领域: records of the same one rank a little higher and say so. */
  industry?: string | null
  /** Attribute → allowed values (`industry` filters the 产业领域); an empty list does not filter. */
  filters?: Readonly<Record<string, readonly string[]>>
  limit?: number
  /** Records never to return (the query's own record, ones already followed up). */
  excludeIds?: readonly string[]
}

/** A term the query and the record share, with its part of the record's text score (0–1). */
export interface SharedTerm {
  term: string
  share: number
  /** Where the record has it; empty for a run of characters matched through bigrams. */
  fields: MatchField[]
}

export interface MatchHit {
  id: string
  score: number
  /** Largest part first. */
  sharedTerms: SharedTerm[]
  industryMatch: boolean
}

export interface MatchIndex {
  readonly size: number
  has(id: string): boolean
  /** Adds a record, or replaces the one with its id (incremental: no rebuild). */
  upsert(document: MatchDocument): void
  remove(id: string): boolean
  search(query: MatchQuery): MatchHit[]
}
