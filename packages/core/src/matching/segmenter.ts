import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'
import { DOMAIN_TERMS } from './domain-terms'

/**
 * Chinese word segmentation for matching: jieba (its general dictionary) plus the domain dictionary, so that a
 * technology term such as 高强高导铜合金 or 锂电池正极材料 stays one word, and search mode, which also yields
 * the words inside it (铜合金, 正极材料), so a record that says only 正极材料 still meets it.
 */
export interface Segmenter {
  /** Index/query words of a text: normalised, in text order, with repeats (their count is the term frequency). */
  words(text: string): string[]
  /** Adds terms (keywords of records, a bureau's own list) to the dictionary; later texts are cut with them. */
  addTerms(terms: Iterable<string>): void
  /** Whether `term` is a dictionary term the segmenter keeps whole. */
  hasTerm(term: string): boolean
}

/**
 * A jieba frequency high enough that a dictionary term beats any split into its parts (the general dictionary's
 * most frequent words are around 10^6; 高强 + 高导 + 铜合金 together are far less likely than one word at 10^5).
 */
const TERM_FREQUENCY = 100_000
/** Terms longer than this are phrases, not words: a query would never repeat them exactly. */
const TERM_MAX_LENGTH = 30

/** Words that carry no meaning of their own in a technical text (BM25 would give them little weight anyway). */
const STOP_WORDS = new Set([
  '一种',
  '以及',
  '进行',
  '通过',
  '实现',
  '具有',
  '可以',
  '能够',
  '我们',
  '需要',
  '用于',
  '相关',
  '包括',
  '其中',
  '对于',
  '一个',
  '主要',
  '方面',
  '问题',
  '目前',
  '提供',
  '希望',
  // Words every 成果 and 需求 text uses ("关键技术需求", "提升…"): shared, they explain nothing.
  '技术',
  '需求',
  '关键',
  '提升',
  '提高',
  '企业',
  '研究',
  '应用',
])

const HAS_HAN = /\p{Script=Han}/u
const ALNUM = /^[a-z0-9][a-z0-9.+-]*$/

/** Full-width letters and digits to ASCII, lower case: ＡＧＶ, Agv and agv are one word. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** A word worth indexing: two or more Han characters, or a Latin/digit token of two or more (5g, agv, pcb). */
export function isIndexWord(word: string): boolean {
  if (word.length < 2 || STOP_WORDS.has(word)) return false
  return HAS_HAN.test(word) || ALNUM.test(word)
}

/**
 * Whether a run of text says nothing once its stop words are taken out (关键技术, 技术需求): such a run, matched
 * through bigrams, still scores a little but is no reason to show.
 */
export function isOnlyStopWords(run: string): boolean {
  let rest = normalizeText(run)
  for (const word of STOP_WORDS) rest = rest.replaceAll(word, '')
  return [...rest].length < 2
}

/** Whether a dictionary term can be loaded: no spaces (jieba's dictionary format) and not a whole sentence. */
function isLoadableTerm(term: string): boolean {
  return term.length >= 2 && term.length <= TERM_MAX_LENGTH && !/\s/.test(term)
}

// Global in Node and browsers; the core package compiles without DOM or Node types, hence the declaration.
declare const TextEncoder: new () => { encode(text: string): Uint8Array }

let sharedJieba: Jieba | null = null

/**
 * The segmenter with jieba's general dictionary and the domain terms. jieba's dictionary takes ~0.25 s to load;
 * one instance serves the process (dictionary terms only ever accumulate, so sharing cannot change a cut for the
 * worse).
 */
export function createSegmenter(extraTerms: Iterable<string> = []): Segmenter {
  sharedJieba ??= Jieba.withDict(dict)
  const jieba = sharedJieba
  const known = new Set<string>()
  const segmenter: Segmenter = {
    words(text) {
      const normalized = normalizeText(text)
      const words: string[] = []
      for (const word of jieba.cutForSearch(normalized, true)) if (isIndexWord(word)) words.push(word)
      return words
    },
    addTerms(terms) {
      const fresh: string[] = []
      for (const raw of terms) {
        const term = normalizeText(raw.trim())
        if (!isLoadableTerm(term) || known.has(term)) continue
        known.add(term)
        fresh.push(`${term} ${TERM_FREQUENCY} n`)
      }
      if (fresh.length > 0) jieba.loadDict(new TextEncoder().encode(fresh.join('\n') + '\n'))
    },
    hasTerm(term) {
      return known.has(normalizeText(term))
    },
  }
  segmenter.addTerms(DOMAIN_TERMS)
  segmenter.addTerms(extraTerms)
  return segmenter
}

/** Character bigrams of each run of Han characters: a safety net for wording the dictionary does not know. */
export function hanBigrams(text: string): string[] {
  const grams: string[] = []
  const chars = [...normalizeText(text)]
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!
    const b = chars[i + 1]!
    if (HAS_HAN.test(a) && HAS_HAN.test(b)) grams.push(a + b)
  }
  return grams
}
