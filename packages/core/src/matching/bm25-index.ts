import { hanBigrams, isOnlyStopWords, type Segmenter } from './segmenter'
import {
  MATCH_FIELDS,
  type MatchDocument,
  type MatchField,
  type MatchHit,
  type MatchIndex,
  type MatchQuery,
  type SharedTerm,
} from './match-index'

/**
 * Ranked retrieval over 科技成果 / 技术需求 / experts: BM25F (Robertson & Zaragoza, "The Probabilistic Relevance
 * Framework: BM25 and Beyond", §3.6) over the words of the title, keywords and body, plus the Han character bigrams
 * of the title and keywords as a fourth, lightly weighted field that catches wording the dictionary does not know.
 *
 * Memory is what limits an in-process index (200 000 records), so postings are parallel typed arrays: per term the
 * document numbers in ascending order and, packed in one 32-bit word, the term's count in each of the four fields
 * (capped at 255). Documents are numbered in the order they are added; a removed or replaced document leaves a
 * tombstone that searches skip, and `compact()` (run when a quarter of the numbers are dead) renumbers them.
 */

export interface Bm25Options {
  /** Field weights of BM25F. */
  boosts?: Partial<Record<IndexField, number>>
  /** Length normalisation per field (0 = none, 1 = full). */
  lengthNormalization?: Partial<Record<IndexField, number>>
  /** Term-frequency saturation. */
  k1?: number
  /** Score factor for a record of the query's own 产业领域 (explained as 领域相同). */
  sameIndustryFactor?: number
  /** At most this many distinct words and as many bigrams of a query are scored (the rarest). */
  maxQueryTerms?: number
  /** MaxScore pruning (on by default); off scores every posting, which tests compare against. */
  pruning?: boolean
}

type IndexField = MatchField | 'grams'
const INDEX_FIELDS: readonly IndexField[] = [...MATCH_FIELDS, 'grams']
const FIELD_COUNT = INDEX_FIELDS.length
const GRAMS = 3 // position of 'grams' in INDEX_FIELDS
const TF_MAX = 255

const DEFAULT_BOOSTS: Record<IndexField, number> = { title: 3, keywords: 3, body: 1, grams: 0.4 }
const DEFAULT_B: Record<IndexField, number> = { title: 0.5, keywords: 0.3, body: 0.75, grams: 0.5 }
const DEFAULT_K1 = 1.2
const DEFAULT_SAME_INDUSTRY_FACTOR = 1.1
const DEFAULT_MAX_QUERY_TERMS = 64
/** Query words weigh by where they stand in the query: title and keywords name the subject. */
const QUERY_FIELD_WEIGHT: Record<MatchField, number> = { title: 2, keywords: 2, body: 1 }
const QUERY_TERM_WEIGHT_MAX = 4
/** Bigram terms are stored with this prefix so they never meet a word of the same two characters. */
const GRAM_PREFIX = '\u0001'
const COMPACT_MIN_DEAD = 1_000
/** In an index of at least this many records, words in more than 30 % (bigrams 5 %) of them are not scored. */
const COMMON_TERM_MIN_INDEX = 1_000
const COMMON_WORD_SHARE = 0.3
const COMMON_GRAM_SHARE = 0.05
/** Pruning is considered before a postings list at least this long (shorter ones cost less than the check). */
const PRUNE_CHECK_POSTINGS = 2_000
const PRUNE_SAMPLE = 5_000
const COMPACT_DEAD_SHARE = 0.25

class Postings {
  docs = new Int32Array(4)
  tfs = new Uint32Array(4)
  length = 0
  /** Live documents containing the term. */
  df = 0

  push(doc: number, packedTf: number): void {
    if (this.length === this.docs.length) {
      const docs = new Int32Array(this.docs.length * 2)
      docs.set(this.docs)
      this.docs = docs
      const tfs = new Uint32Array(this.tfs.length * 2)
      tfs.set(this.tfs)
      this.tfs = tfs
    }
    this.docs[this.length] = doc
    this.tfs[this.length] = packedTf
    this.length++
  }

  /** The packed counts of `doc`, or 0 (binary search: documents are appended in ascending order). */
  find(doc: number): number {
    let low = 0
    let high = this.length - 1
    while (low <= high) {
      const mid = (low + high) >>> 1
      const at = this.docs[mid]!
      if (at === doc) return this.tfs[mid]!
      if (at < doc) low = mid + 1
      else high = mid - 1
    }
    return 0
  }
}

interface DocumentSlot {
  id: string
  industry: string | null
  attributes: Readonly<Record<string, string | null>>
  /** Distinct term numbers, to keep document frequencies right on removal. */
  terms: Int32Array
}

function fieldTf(packed: number, field: number): number {
  return (packed >>> (field * 8)) & 0xff
}

export class Bm25Index implements MatchIndex {
  readonly #segmenter: Segmenter
  readonly #boosts: Float64Array
  readonly #b: Float64Array
  readonly #k1: number
  readonly #sameIndustryFactor: number
  readonly #maxQueryTerms: number
  readonly #pruning: boolean

  readonly #termIds = new Map<string, number>()
  readonly #terms: string[] = []
  readonly #postings: Postings[] = []
  #slots: (DocumentSlot | null)[] = []
  readonly #slotById = new Map<string, number>()
  /** Field lengths per slot, FIELD_COUNT per slot. */
  #lengths = new Uint32Array(0)
  #fieldWeights = new Float32Array(0)
  #fieldWeightsStale = true
  readonly #totalLengths = new Float64Array(FIELD_COUNT)
  #live = 0
  // Per-query scratch, reused: accumulated scores and the query stamp that says a score belongs to this query.
  #scores = new Float64Array(0)
  #stamps = new Uint32Array(0)
  #stamp = 0

  constructor(segmenter: Segmenter, options: Bm25Options = {}) {
    this.#segmenter = segmenter
    this.#boosts = Float64Array.from(INDEX_FIELDS, (f) => options.boosts?.[f] ?? DEFAULT_BOOSTS[f])
    this.#b = Float64Array.from(INDEX_FIELDS, (f) => options.lengthNormalization?.[f] ?? DEFAULT_B[f])
    this.#k1 = options.k1 ?? DEFAULT_K1
    this.#sameIndustryFactor = options.sameIndustryFactor ?? DEFAULT_SAME_INDUSTRY_FACTOR
    this.#maxQueryTerms = options.maxQueryTerms ?? DEFAULT_MAX_QUERY_TERMS
    this.#pruning = options.pruning ?? true
  }

  get size(): number {
    return this.#live
  }

  has(id: string): boolean {
    return this.#slotById.has(id)
  }

  upsert(document: MatchDocument): void {
    this.remove(document.id)
    const counts = new Map<number, number>()
    const lengths = new Uint32Array(FIELD_COUNT)
    const add = (term: string, field: number) => {
      const termId = this.#termId(term)
      const shift = field * 8
      const packed = counts.get(termId) ?? 0
      if (((packed >>> shift) & 0xff) < TF_MAX) counts.set(termId, packed + (1 << shift))
      lengths[field]!++
    }
    const texts: Record<MatchField, string> = {
      title: document.title,
      keywords: document.keywords.join('，'),
      body: document.body,
    }
    MATCH_FIELDS.forEach((field, index) => {
      for (const word of this.#segmenter.words(texts[field])) add(word, index)
    })
    for (const gram of hanBigrams(`${texts.title}，${texts.keywords}`)) add(GRAM_PREFIX + gram, GRAMS)

    const slot = this.#slots.length
    this.#ensureCapacity(slot + 1)
    const terms = new Int32Array(counts.size)
    let i = 0
    for (const [termId, packed] of counts) {
      const postings = this.#postings[termId]!
      postings.push(slot, packed >>> 0)
      postings.df++
      terms[i++] = termId
    }
    this.#slots.push({
      id: document.id,
      industry: document.industry,
      attributes: document.attributes ?? {},
      terms,
    })
    this.#slotById.set(document.id, slot)
    this.#lengths.set(lengths, slot * FIELD_COUNT)
    for (let f = 0; f < FIELD_COUNT; f++) this.#totalLengths[f]! += lengths[f]!
    this.#live++
    this.#fieldWeightsStale = true
  }

  remove(id: string): boolean {
    const slot = this.#slotById.get(id)
    if (slot === undefined) return false
    const entry = this.#slots[slot]!
    for (const termId of entry.terms) this.#postings[termId]!.df--
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.#totalLengths[f]! -= this.#lengths[slot * FIELD_COUNT + f]!
    }
    this.#slots[slot] = null
    this.#slotById.delete(id)
    this.#live--
    this.#fieldWeightsStale = true
    const dead = this.#slots.length - this.#live
    if (dead >= COMPACT_MIN_DEAD && dead >= this.#slots.length * COMPACT_DEAD_SHARE) this.compact()
    return true
  }

  /** Drops tombstones: renumbers live documents densely and rewrites every postings list. */
  compact(): void {
    const renumber = new Int32Array(this.#slots.length).fill(-1)
    const slots: DocumentSlot[] = []
    const lengths = new Uint32Array(Math.max(4, this.#live) * FIELD_COUNT)
    this.#slots.forEach((entry, old) => {
      if (entry === null) return
      renumber[old] = slots.length
      lengths.set(
        this.#lengths.subarray(old * FIELD_COUNT, (old + 1) * FIELD_COUNT),
        slots.length * FIELD_COUNT,
      )
      slots.push(entry)
    })
    for (const postings of this.#postings) {
      let kept = 0
      for (let i = 0; i < postings.length; i++) {
        const slot = renumber[postings.docs[i]!]!
        if (slot < 0) continue
        postings.docs[kept] = slot
        postings.tfs[kept] = postings.tfs[i]!
        kept++
      }
      postings.length = kept
    }
    this.#slots = slots
    this.#slotById.clear()
    slots.forEach((entry, slot) => this.#slotById.set(entry.id, slot))
    this.#lengths = lengths
    this.#fieldWeights = new Float32Array(lengths.length)
    this.#fieldWeightsStale = true
    this.#scores = new Float64Array(lengths.length / FIELD_COUNT)
    this.#stamps = new Uint32Array(lengths.length / FIELD_COUNT)
  }

  search(query: MatchQuery): MatchHit[] {
    const limit = query.limit ?? 10
    const queryTerms = this.#queryTerms(query)
    if (queryTerms.length === 0 || this.#live === 0 || limit <= 0) return []

    this.#stamp = (this.#stamp + 1) >>> 0
    if (this.#stamp === 0) {
      this.#stamps.fill(0)
      this.#stamp = 1
    }
    const accept = this.#filter(query)
    const factorOf = (entry: DocumentSlot) =>
      query.industry != null && entry.industry === query.industry ? this.#sameIndustryFactor : 1
    const maxFactor = query.industry != null ? Math.max(1, this.#sameIndustryFactor) : 1

    // MaxScore (Turtle & Flood 1995): rare terms first. Before a long postings list, if even a document with
    // every remaining term at its ceiling could not reach the k-th best score so far, no unseen document can
    // enter the top k: the remaining terms are then only looked up for the documents still in the running.
    const terms = [...queryTerms].sort((a, b) => b.weight - a.weight)
    const ceilings = new Float64Array(terms.length + 1)
    for (let i = terms.length - 1; i >= 0; i--)
      ceilings[i] = ceilings[i + 1]! + terms[i]!.weight * (this.#k1 + 1)
    const touched: number[] = []
    let next = 0
    for (; next < terms.length; next++) {
      const term = terms[next]!
      if (
        this.#pruning &&
        next > 0 &&
        term.postings.length >= PRUNE_CHECK_POSTINGS &&
        touched.length >= limit
      ) {
        // A lower bound of the k-th best is enough to prune safely; the first documents touched (those of the
        // rarest terms) are where the best are, and looking at only them keeps the check cheap.
        const threshold = this.#kthBest(touched, limit, accept, factorOf, PRUNE_SAMPLE)
        if (ceilings[next]! * maxFactor < threshold) break
      }
      this.#accumulate(term, touched)
    }

    let candidates = touched
    if (next < terms.length) {
      const threshold = this.#kthBest(touched, limit, accept, factorOf)
      const rest = ceilings[next]!
      candidates = touched.filter((slot) => {
        const entry = this.#slots[slot]
        return entry != null && accept(entry) && (this.#scores[slot]! + rest) * factorOf(entry) >= threshold
      })
      for (; next < terms.length; next++) {
        const term = terms[next]!
        for (const slot of candidates) {
          const packed = term.postings.find(slot)
          if (packed !== 0) this.#scores[slot]! += term.weight * this.#saturated(packed, slot)
        }
      }
    }

    const top = new TopK(limit)
    for (const slot of candidates) {
      const entry = this.#slots[slot]
      if (entry == null || !accept(entry)) continue
      top.offer(slot, this.#scores[slot]! * factorOf(entry))
    }
    return top.sorted().map(({ slot, score }) => this.#explain(slot, score, queryTerms, query))
  }

  /** Adds one query term's contribution to every document on its postings list. */
  #accumulate(term: QueryTerm, touched: number[]): void {
    const stamp = this.#stamp
    const scores = this.#scores
    const stamps = this.#stamps
    const fieldWeights = this.#currentFieldWeights()
    const k1 = this.#k1
    const docs = term.postings.docs
    const tfs = term.postings.tfs
    const scale = term.weight * (k1 + 1)
    for (let i = 0; i < term.postings.length; i++) {
      const slot = docs[i]!
      const packed = tfs[i]!
      const at = slot * FIELD_COUNT
      // BM25F inlined (see #saturated): this loop is the whole cost of a search.
      const tf =
        (packed & 0xff) * fieldWeights[at]! +
        ((packed >>> 8) & 0xff) * fieldWeights[at + 1]! +
        ((packed >>> 16) & 0xff) * fieldWeights[at + 2]! +
        (packed >>> 24) * fieldWeights[at + 3]!
      const contribution = (scale * tf) / (k1 + tf)
      if (stamps[slot] !== stamp) {
        stamps[slot] = stamp
        scores[slot] = contribution
        touched.push(slot)
      } else scores[slot]! += contribution
    }
  }

  /**
   * The k-th best score so far among the documents the query's filters accept (0 when fewer than k), looking at
   * the first `sample` documents touched: a lower bound of the true one when that is fewer than all.
   */
  #kthBest(
    touched: readonly number[],
    k: number,
    accept: (entry: DocumentSlot) => boolean,
    factorOf: (entry: DocumentSlot) => number,
    sample = touched.length,
  ): number {
    const top = new TopK(k)
    const end = Math.min(sample, touched.length)
    for (let i = 0; i < end; i++) {
      const slot = touched[i]!
      const entry = this.#slots[slot]
      if (entry != null && accept(entry)) top.offer(slot, this.#scores[slot]! * factorOf(entry))
    }
    return top.size < k ? 0 : top.worstScore
  }

  /** Words and bigrams of the query with their weights (idf × where they stand), the rarest first, capped. */
  #queryTerms(query: MatchQuery): QueryTerm[] {
    const words = new Map<string, number>()
    const texts: Record<MatchField, string> = {
      title: query.title,
      keywords: (query.keywords ?? []).join('，'),
      body: query.body ?? '',
    }
    for (const field of MATCH_FIELDS) {
      for (const word of this.#segmenter.words(texts[field])) {
        words.set(word, Math.min(QUERY_TERM_WEIGHT_MAX, (words.get(word) ?? 0) + QUERY_FIELD_WEIGHT[field]))
      }
    }
    const grams = new Map<string, number>()
    for (const gram of hanBigrams(`${texts.title}，${texts.keywords}，${texts.body}`)) grams.set(gram, 1)

    const n = this.#live
    const pick = (terms: Map<string, number>, prefix: string, isGram: boolean): QueryTerm[] => {
      const found: QueryTerm[] = []
      for (const [text, queryWeight] of terms) {
        const termId = this.#termIds.get(prefix + text)
        if (termId === undefined) continue
        const postings = this.#postings[termId]!
        if (postings.df <= 0) continue
        // A term in a large share of a large index tells records apart too little to be worth its postings.
        if (n >= COMMON_TERM_MIN_INDEX && postings.df > n * (isGram ? COMMON_GRAM_SHARE : COMMON_WORD_SHARE))
          continue
        const idf = Math.log(1 + (n - postings.df + 0.5) / (postings.df + 0.5))
        found.push({ text, isGram, postings, weight: idf * queryWeight })
      }
      found.sort((a, b) => b.weight - a.weight)
      return found.slice(0, this.#maxQueryTerms)
    }
    return [...pick(words, '', false), ...pick(grams, GRAM_PREFIX, true)]
  }

  /**
   * boost ÷ (1 − b + b · length / average length) per field of every slot. The averages move with every change,
   * so the table is rebuilt on the first search after one (a few milliseconds at 200 000 records), which keeps
   * scores exactly those of an index built from scratch.
   */
  #currentFieldWeights(): Float32Array {
    if (!this.#fieldWeightsStale) return this.#fieldWeights
    const averages = Float64Array.from(this.#totalLengths, (total) =>
      this.#live > 0 ? total / this.#live : 0,
    )
    const weights = this.#fieldWeights
    const lengths = this.#lengths
    const slots = this.#slots.length
    for (let f = 0; f < FIELD_COUNT; f++) {
      const boost = this.#boosts[f]!
      const b = this.#b[f]!
      const average = averages[f]!
      for (let slot = 0; slot < slots; slot++) {
        const at = slot * FIELD_COUNT + f
        weights[at] = average === 0 ? boost : boost / (1 - b + (b * lengths[at]!) / average)
      }
    }
    this.#fieldWeightsStale = false
    return weights
  }

  /** BM25F of one posting, the same arithmetic as `#accumulate`. */
  #saturated(packed: number, slot: number): number {
    const fieldWeights = this.#currentFieldWeights()
    const at = slot * FIELD_COUNT
    const tf =
      (packed & 0xff) * fieldWeights[at]! +
      ((packed >>> 8) & 0xff) * fieldWeights[at + 1]! +
      ((packed >>> 16) & 0xff) * fieldWeights[at + 2]! +
      (packed >>> 24) * fieldWeights[at + 3]!
    return (tf * (this.#k1 + 1)) / (this.#k1 + tf)
  }

  #filter(query: MatchQuery): (entry: DocumentSlot) => boolean {
    const excluded = new Set(query.excludeIds ?? [])
    const filters = Object.entries(query.filters ?? {}).filter(([, values]) => values.length > 0)
    return (entry) => {
      if (excluded.has(entry.id)) return false
      for (const [name, values] of filters) {
        const value = name === 'industry' ? entry.industry : (entry.attributes[name] ?? null)
        if (value === null || !values.includes(value)) return false
      }
      return true
    }
  }

  /** The hit with its shared terms: each word's part of the score, bigram runs joined back into the query's text. */
  #explain(slot: number, score: number, queryTerms: readonly QueryTerm[], query: MatchQuery): MatchHit {
    const entry = this.#slots[slot]!
    const words: SharedTerm[] = []
    const matchedGrams = new Map<string, number>()
    for (const term of queryTerms) {
      const packed = term.postings.find(slot)
      if (packed === 0) continue
      const contribution = term.weight * this.#saturated(packed, slot)
      if (term.isGram) {
        matchedGrams.set(term.text, contribution)
        continue
      }
      const fields = MATCH_FIELDS.filter((_, f) => fieldTf(packed, f) > 0)
      words.push({ term: term.text, share: contribution, fields })
    }
    const merged = mergeSubwords(words)
    const shared = [...merged, ...gramRuns(query, matchedGrams, merged)]
    // Shares of what is shown: runs of stop words (关键技术) score but are left out of the explanation.
    const shownScore = shared.reduce((sum, term) => sum + term.share, 0)
    for (const term of shared) term.share = shownScore > 0 ? term.share / shownScore : 0
    shared.sort((a, b) => b.share - a.share)
    return {
      id: entry.id,
      score,
      sharedTerms: shared,
      industryMatch: query.industry != null && entry.industry === query.industry,
    }
  }

  #termId(term: string): number {
    let termId = this.#termIds.get(term)
    if (termId === undefined) {
      termId = this.#terms.length
      this.#termIds.set(term, termId)
      this.#terms.push(term)
      this.#postings.push(new Postings())
    }
    return termId
  }

  #ensureCapacity(slots: number): void {
    const capacity = this.#lengths.length / FIELD_COUNT
    if (slots <= capacity) return
    const next = Math.max(slots, capacity * 2, 64)
    const lengths = new Uint32Array(next * FIELD_COUNT)
    lengths.set(this.#lengths)
    this.#lengths = lengths
    this.#fieldWeights = new Float32Array(next * FIELD_COUNT)
    this.#fieldWeightsStale = true
    const scores = new Float64Array(next)
    scores.set(this.#scores)
    this.#scores = scores
    const stamps = new Uint32Array(next)
    stamps.set(this.#stamps)
    this.#stamps = stamps
  }
}

interface QueryTerm {
  text: string
  isGram: boolean
  postings: Postings
  weight: number
}

/** A word inside a longer shared word (铜合金 in 高强高导铜合金) adds its part to the longer one. */
function mergeSubwords(words: SharedTerm[]): SharedTerm[] {
  const byLength = [...words].sort((a, b) => b.term.length - a.term.length)
  const kept: SharedTerm[] = []
  for (const word of byLength) {
    const container = kept.find((k) => k.term.includes(word.term))
    if (container) container.share += word.share
    else kept.push({ ...word, fields: [...word.fields] })
  }
  return kept
}

/**
 * Matched bigrams joined into the runs of query text they cover (磷酸, 酸铁, 铁锂 → 磷酸铁锂), leaving out runs a
 * shared word already shows.
 */
function gramRuns(query: MatchQuery, matched: Map<string, number>, words: SharedTerm[]): SharedTerm[] {
  if (matched.size === 0) return []
  const text = [query.title, ...(query.keywords ?? []), query.body ?? '']
    .join('，')
    .normalize('NFKC')
    .toLowerCase()
  const chars = [...text]
  const runs = new Map<string, number>()
  const used = new Set<string>()
  let i = 0
  while (i + 1 < chars.length) {
    if (!matched.has(chars[i]! + chars[i + 1]!)) {
      i++
      continue
    }
    let j = i
    let share = 0
    while (j + 1 < chars.length && matched.has(chars[j]! + chars[j + 1]!)) {
      const gram = chars[j]! + chars[j + 1]!
      if (!used.has(gram)) {
        share += matched.get(gram)!
        used.add(gram)
      }
      j++
    }
    const run = chars.slice(i, j + 1).join('')
    runs.set(run, (runs.get(run) ?? 0) + share)
    i = j + 1
  }
  const result: SharedTerm[] = []
  for (const [run, share] of runs) {
    const word = words.find((w) => w.term.includes(run))
    if (word) word.share += share
    else if (!isOnlyStopWords(run)) result.push({ term: run, share, fields: [] })
  }
  return result
}

/** The k best (slot, score) pairs: a small min-heap, ties broken by the earlier slot (the older record). */
class TopK {
  readonly #slots: number[] = []
  readonly #scores: number[] = []
  constructor(readonly k: number) {}

  offer(slot: number, score: number): void {
    if (this.#slots.length < this.k) {
      this.#slots.push(slot)
      this.#scores.push(score)
      this.#up(this.#slots.length - 1)
    } else if (this.#better(score, slot, this.#scores[0]!, this.#slots[0]!)) {
      this.#slots[0] = slot
      this.#scores[0] = score
      this.#down(0)
    }
  }

  get size(): number {
    return this.#slots.length
  }

  /** The lowest score kept (the heap's root). */
  get worstScore(): number {
    return this.#scores[0] ?? 0
  }

  sorted(): { slot: number; score: number }[] {
    return this.#slots
      .map((slot, i) => ({ slot, score: this.#scores[i]! }))
      .sort((a, b) => b.score - a.score || a.slot - b.slot)
  }

  #better(score: number, slot: number, otherScore: number, otherSlot: number): boolean {
    return score > otherScore || (score === otherScore && slot < otherSlot)
  }

  #up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.#better(this.#scores[parent]!, this.#slots[parent]!, this.#scores[i]!, this.#slots[i]!)) break
      this.#swap(i, parent)
      i = parent
    }
  }

  #down(i: number): void {
    const n = this.#slots.length
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let worst = i
      if (
        left < n &&
        this.#better(this.#scores[worst]!, this.#slots[worst]!, this.#scores[left]!, this.#slots[left]!)
      )
        worst = left
      if (
        right < n &&
        this.#better(this.#scores[worst]!, this.#slots[worst]!, this.#scores[right]!, this.#slots[right]!)
      )
        worst = right
      if (worst === i) return
      this.#swap(i, worst)
      i = worst
    }
  }

  #swap(a: number, b: number): void {
    ;[this.#slots[a], this.#slots[b]] = [this.#slots[b]!, this.#slots[a]!]
    ;[this.#scores[a], this.#scores[b]] = [this.#scores[b]!, this.#scores[a]!]
  }
}
