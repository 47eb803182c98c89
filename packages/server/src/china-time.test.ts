import { describe, expect, it } from 'vitest'
import { chinaDate, chinaDateTime, chinaYear, chinaYearStart } from './china-time'

describe('China time', () => {
  it('reads an instant as the date and time in China, eight hours ahead of UTC', () => {
    const lateUtc = new Date('2026-12-31T17:30:00Z')
    expect(chinaDate(lateUtc)).toBe('2027-01-01')
    expect(chinaDateTime(lateUtc)).toBe('2027-01-01 01:30')
    expect(chinaYear(lateUtc)).toBe(2027)
    expect(chinaDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31')
  })

  it('starts a year at midnight in China', () => {
    expect(chinaYearStart(2027).toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })
})
