import type { Screening } from '@kechuang/core/qualification'

/** How often the page asks for a running screening's progress. */
export const SCREENING_POLL_MS = 1000

type RunStatus = Pick<Screening, 'status'>

/** A run is done once the server says completed or failed; only then are its counts final. */
export function isScreeningDone(run: RunStatus): boolean {
  return run.status === 'completed' || run.status === 'failed'
}

/** TanStack Query's `refetchInterval` for one run: poll while it runs, stop when done (or not loaded yet). */
export function screeningPollInterval(run: RunStatus | undefined): number | false {
  return run && !isScreeningDone(run) ? SCREENING_POLL_MS : false
}

/**
 * The progress bar, 0–100: enterprises evaluated of those in the run. The total is 0 while the server is still
 * counting; 100 is shown only once the run has completed.
 */
export function screeningProgressPercent(
  run: Pick<Screening, 'status' | 'processedCount' | 'enterpriseCount'>,
): number {
  if (run.status === 'completed') return 100
  if (run.enterpriseCount <= 0) return 0
  return Math.min(99, Math.floor((run.processedCount / run.enterpriseCount) * 100))
}

/** How long a finished run took, in whole seconds (null while it runs). */
export function screeningDurationSeconds(run: Pick<Screening, 'startedAt' | 'finishedAt'>): number | null {
  if (!run.finishedAt) return null
  const ms = Date.parse(run.finishedAt) - Date.parse(run.startedAt)
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 1000)) : null
}
