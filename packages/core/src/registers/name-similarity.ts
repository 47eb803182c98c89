/**
 * String similarity for Chinese names, by character (a CJK character is one unit; the rare ones outside the
 * Basic Multilingual Plane, two UTF-16 units, are handled too). Word-based measures find nothing in
 * 阿里巴巴集团控股 (no spaces), so the comparisons are character bigrams and edit operations.
 */

const SURROGATE = /[\uD800-\uDFFF]/

/** The characters of `text`: the string itself when every character is one UTF-16 unit (no copy made). */
function characters(text: string): string | string[] {
  return SURROGATE.test(text) ? Array.from(text) : text
}

/** Character bigrams; a one-character string yields itself, so short 简称 still compare. */
export function characterBigrams(text: string): Set<string> {
  const chars = characters(text)
  if (chars.length < 2) return new Set(Array.from(chars))
  const grams = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!)
  return grams
}

/** |A ∩ B| / |A ∪ B| over character bigrams, in [0, 1]; two empty strings are 1. */
export function bigramJaccard(a: string, b: string): number {
  if (a === b) return 1
  const left = characterBigrams(a)
  const right = characterBigrams(b)
  let shared = 0
  for (const gram of left) if (right.has(gram)) shared++
  const union = left.size + right.size - shared
  return union === 0 ? 1 : shared / union
}

/** Jaro–Winkler similarity in [0, 1] with the usual prefix scale 0.1 over at most 4 characters. */
export function jaroWinkler(a: string, b: string): number {
  const s = characters(a)
  const t = characters(b)
  if (s.length === 0 && t.length === 0) return 1
  if (s.length === 0 || t.length === 0) return 0
  const window = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1)
  const sMatched = new Array<boolean>(s.length).fill(false)
  const tMatched = new Array<boolean>(t.length).fill(false)
  let matches = 0
  for (let i = 0; i < s.length; i++) {
    const from = Math.max(0, i - window)
    const to = Math.min(t.length - 1, i + window)
    for (let j = from; j <= to; j++) {
      if (!tMatched[j] && s[i] === t[j]) {
        sMatched[i] = true
        tMatched[j] = true
        matches++
        break
      }
    }
  }
  if (matches === 0) return 0
  let transpositions = 0
  let k = 0
  for (let i = 0; i < s.length; i++) {
    if (!sMatched[i]) continue
    while (!tMatched[k]) k++
    if (s[i] !== t[k]) transpositions++
    k++
  }
  const jaro = (matches / s.length + matches / t.length + (matches - transpositions / 2) / matches) / 3
  let prefix = 0
  while (prefix < Math.min(4, s.length, t.length) && s[prefix] === t[prefix]) prefix++
  return jaro + prefix * 0.1 * (1 - jaro)
}

/** Whether one substitution, insertion or deletion turns `a` into `b` (Levenshtein distance exactly 1). */
export function isOneEditApart(a: string, b: string): boolean {
  if (a === b) return false
  const s = characters(a)
  const t = characters(b)
  if (Math.abs(s.length - t.length) > 1) return false
  const [shorter, longer] = s.length <= t.length ? [s, t] : [t, s]
  let i = 0
  while (i < shorter.length && shorter[i] === longer[i]) i++
  // After the first difference the rest must agree, skipping one character of the longer string.
  const skip = shorter.length === longer.length ? 1 : 0
  for (let j = i + skip; j < shorter.length; j++) if (shorter[j] !== longer[j + 1 - skip]) return false
  return true
}

/**
 * Whether `short` reads as a 简称 of `long`: at least two characters, the same first character, and its
 * characters appear in `long` in order (大冶特钢 ← 大冶特殊钢, 普罗格 ← 普罗格智芯).
 */
export function isAbbreviationOf(short: string, long: string): boolean {
  if (short[0] !== long[0]) return false
  const s = characters(short)
  const l = characters(long)
  if (s.length < 2 || s.length >= l.length || s[0] !== l[0]) return false
  let j = 1
  for (let i = 1; i < s.length; i++) {
    while (j < l.length && l[j] !== s[i]) j++
    if (j === l.length) return false
    j++
  }
  return true
}
