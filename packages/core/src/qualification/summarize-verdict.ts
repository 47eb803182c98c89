import type { Bilingual, ConditionTrace, RouteTrace, Verdict } from './qualification-verdict'

export interface SummaryOptions {
  /** How the summary cites a failed condition, by id ("第六条（二）"); conditions without an entry are not cited. */
  articles: Readonly<Record<string, string>>
  /** Conditions whose explanation states why a qualified verdict passes (e.g. the score). */
  highlights: readonly string[]
  /** The score condition: when it is not itself failed or under review, the score is added "仅供参考". */
  scoreConditionId: string
  scoreLabel: string
  metRoute: RouteTrace | null
}

const REVIEW_LABEL = {
  'insufficient-data': '数据不足',
  'needs-judgement': '需专家判断',
} as const

function withArticle(condition: ConditionTrace, articles: SummaryOptions['articles']): string {
  const article = articles[condition.id]
  const text = condition.explanation.zh
  return article === undefined ? text : `${text.replace(/。$/, '')}（${article}）。`
}

/**
 * The one-paragraph summary of a verdict, e.g. "不符合：职工总数 520 人，超过 500 人上限 20 人（第六条（二））。综合得分
 * 52 分（仅供参考）。" (spec §2.8, §3.6): failed conditions first, then the open ones, then the score for information.
 */
export function summarize(verdict: Omit<Verdict, 'summary'>, options: SummaryOptions): Bilingual {
  const byId = (id: string) => verdict.conditions.find((c) => c.id === id)
  const failed = verdict.failedConditions.map(byId).filter((c) => c !== undefined)
  const review = verdict.reviewConditions.map(byId).filter((c) => c !== undefined)
  const band = verdict.scoreBand
  const scoreText = band.min === band.max ? `${band.min}` : `${band.min}–${band.max}`
  const scoreIsListed =
    verdict.failedConditions.includes(options.scoreConditionId) ||
    verdict.reviewConditions.includes(options.scoreConditionId)
  const scoreNote = {
    zh: `${options.scoreLabel} ${scoreText} 分（仅供参考）。`,
    en: `Score ${scoreText} (for information).`,
  }

  if (verdict.qualified === true) {
    if (options.metRoute !== null) {
      return {
        zh: `符合：${options.metRoute.explanation.zh}${scoreNote.zh}`,
        en: `Qualified by route ${options.metRoute.id}. ${scoreNote.en}`,
      }
    }
    const reasons = options.highlights.map(byId).filter((c) => c !== undefined)
    return {
      zh: `符合：${reasons.map((c) => c.explanation.zh).join('')}`,
      en: `Qualified: ${reasons.map((c) => c.explanation.en).join(' ')}`,
    }
  }

  const reviewTexts = review.map((c) => c.explanation.zh)
  const tail = scoreIsListed ? '' : scoreNote.zh
  const tailEn = scoreIsListed ? '' : ` ${scoreNote.en}`
  if (verdict.qualified === false) {
    return {
      zh: `不符合：${failed.map((c) => withArticle(c, options.articles)).join('')}${reviewTexts.join('')}${tail}`,
      en: `Not qualified: ${[...failed, ...review].map((c) => c.explanation.en).join(' ')}${tailEn}`,
    }
  }
  const labels = [...new Set(review.map((c) => REVIEW_LABEL[c.status as keyof typeof REVIEW_LABEL]))]
  const routeTexts = verdict.reviewConditions
    .filter((id) => byId(id) === undefined)
    .map((id) => verdict.routes?.find((r) => `TSME-R-${r.id}` === id)?.explanation.zh)
    .filter((text) => text !== undefined)
  if (routeTexts.length > 0 && !labels.includes('需专家判断')) labels.push('需专家判断')
  const label = labels.join('／')
  const body = [...reviewTexts, ...routeTexts].map((text) => text.replace(/^(数据不足|需专家判断)：/, ''))
  return {
    zh: `${label}：${body.join('')}${tail}`,
    en: `Needs review: ${review.map((c) => c.explanation.en).join(' ')}${tailEn}`,
  }
}
