/** A piece of text, marked when it is one of the terms to highlight. */
export interface TextSegment {
  text: string
  isMatch: boolean
}

/**
 * Splits `text` into plain and highlighted segments for the recommendation panel's snippets. At each position the
 * longest term that starts there wins (锂电池正极材料 over 锂电池), and a term overlapping one already marked is
 * skipped, so segments never overlap and joined give back `text`. Matching ignores Latin case. The result is data,
 * rendered as text: markup in `text` or a term stays text.
 */
export function highlightTerms(text: string, terms: readonly string[]): TextSegment[] {
  const wanted = [...new Set(terms.map((term) => term.trim()).filter((term) => term.length > 0))]
    .map((term) => term.toLowerCase())
    .sort((a, b) => b.length - a.length)
  if (text.length === 0) return []
  if (wanted.length === 0) return [{ text, isMatch: false }]

  const lower = text.toLowerCase()
  const segments: TextSegment[] = []
  let plainStart = 0
  let position = 0
  while (position < text.length) {
    const term = wanted.find((candidate) => lower.startsWith(candidate, position))
    if (!term) {
      position += 1
      continue
    }
    if (position > plainStart) segments.push({ text: text.slice(plainStart, position), isMatch: false })
    segments.push({ text: text.slice(position, position + term.length), isMatch: true })
    position += term.length
    plainStart = position
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart), isMatch: false })
  return segments
}

/** The first `maxChars` characters of `text`, cut at a character (not inside a surrogate pair), with "…" when cut. */
export function snippetOf(text: string, maxChars: number): string {
  const chars = [...text]
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars).join('')}…`
}
