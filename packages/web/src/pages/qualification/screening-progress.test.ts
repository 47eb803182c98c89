import { describe, expect, it } from 'vitest'
import {
  SCREENING_POLL_MS,
  isScreeningDone,
  screeningDurationSeconds,
  screeningPollInterval,
  screeningProgressPercent,
} from './screening-progress'

describe('screening polling', () => {
  it('polls a running run and stops once it has completed or failed', () => {
    expect(screeningPollInterval({ status: 'running' })).toBe(SCREENING_POLL_MS)
    expect(screeningPollInterval({ status: 'completed' })).toBe(false)
    expect(screeningPollInterval({ status: 'failed' })).toBe(false)
    expect(isScreeningDone({ status: 'failed' })).toBe(true)
  })

  it('does not poll before the run is loaded (the first fetch happens anyway)', () => {
    expect(screeningPollInterval(undefined)).toBe(false)
  })
})

describe('screeningProgressPercent', () => {
  it('follows the enterprises evaluated', () => {
    expect(screeningProgressPercent({ status: 'running', processedCount: 250, enterpriseCount: 1000 })).toBe(
      25,
    )
  })

  it('shows 0 while the total is still being counted', () => {
    expect(screeningProgressPercent({ status: 'running', processedCount: 0, enterpriseCount: 0 })).toBe(0)
  })

  it('never shows 100 before the run has completed, and 100 once it has', () => {
    expect(screeningProgressPercent({ status: 'running', processedCount: 10, enterpriseCount: 10 })).toBe(99)
    expect(screeningProgressPercent({ status: 'completed', processedCount: 0, enterpriseCount: 0 })).toBe(100)
  })
})

describe('screeningDurationSeconds', () => {
  it('is the time from start to finish, and null while the run goes on', () => {
    expect(
      screeningDurationSeconds({
        startedAt: '2025-06-01T02:00:00.000Z',
        finishedAt: '2025-06-01T02:01:05.400Z',
      }),
    ).toBe(65)
    expect(screeningDurationSeconds({ startedAt: '2025-06-01T02:00:00.000Z', finishedAt: null })).toBe(null)
  })
})
