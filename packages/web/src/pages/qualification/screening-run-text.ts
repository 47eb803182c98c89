import { SCREENING_STATUS_LABELS, type Screening } from '@kechuang/core/qualification'
import { t } from '../../i18n/t'
import { screeningDurationSeconds } from './screening-progress'

/** What a run covered: `黄石市 · 行业 C39 · 不含合成数据`. */
export function screeningScopeText(run: Pick<Screening, 'scopeName' | 'filter'>): string {
  return [
    run.scopeName,
    run.filter.industryPrefix &&
      t('qualificationScreening.scopeIndustry', { prefix: run.filter.industryPrefix }),
    t(
      run.filter.includeSynthetic
        ? 'qualificationScreening.scopeWithSynthetic'
        : 'qualificationScreening.scopeNoSynthetic',
    ),
  ]
    .filter(Boolean)
    .join(' · ')
}

/** `1 分 5 秒`, `12 秒`; null while the run goes on. */
export function screeningDurationText(run: Pick<Screening, 'startedAt' | 'finishedAt'>): string | null {
  const seconds = screeningDurationSeconds(run)
  if (seconds === null) return null
  return seconds < 60
    ? t('qualificationScreening.seconds', { seconds })
    : t('qualificationScreening.minutesSeconds', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })
}

/** The run selector's option: `2025-06-01 评价 · 黄石市 · 行业 C39 · 含合成数据 · 已完成`. */
export function screeningRunLabel(
  run: Pick<Screening, 'evaluationDate' | 'scopeName' | 'filter' | 'status'>,
): string {
  return t('qualificationScreening.runOption', {
    date: run.evaluationDate,
    scope: screeningScopeText(run),
    status: SCREENING_STATUS_LABELS[run.status],
  })
}
