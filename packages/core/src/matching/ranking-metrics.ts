/**
 * Ranking quality on a labelled set (bench/marketplace-eval): graded relevance per query, 0 for anything not
 * labelled. recall@k counts relevant items found in the first k; nDCG@k (Järvelin & Kekäläinen 2002, gains
 * 2^grade − 1, log2 discount) also rewards putting the most relevant first.
 */

/** Item id → grade (1 partly, 2 directly relevant). */
export type RelevanceGrades = Readonly<Record<string, number>>

export function recallAtK(ranked: readonly string[], relevant: RelevanceGrades, k: number): number {
  const relevantIds = Object.keys(relevant).filter((id) => relevant[id]! > 0)
  if (relevantIds.length === 0) return 0
  const top = new Set(ranked.slice(0, k))
  return relevantIds.filter((id) => top.has(id)).length / relevantIds.length
}

function dcg(grades: readonly number[]): number {
  return grades.reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0)
}

export function ndcgAtK(ranked: readonly string[], relevant: RelevanceGrades, k: number): number {
  const ideal = dcg(
    Object.values(relevant)
      .filter((g) => g > 0)
      .sort((a, b) => b - a)
      .slice(0, k),
  )
  if (ideal === 0) return 0
  return dcg(ranked.slice(0, k).map((id) => relevant[id] ?? 0)) / ideal
}

/** The mean of a metric over queries. */
export function meanOf(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length
}
