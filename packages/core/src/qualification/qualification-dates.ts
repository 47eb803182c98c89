// Calendar maths on ISO dates (YYYY-MM-DD) in UTC, so a day is always 24 h and leap years count as they fall
// (spec §3.3: "count real calendar days, never 365 × years").
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

function toUtcMs(date: string): number {
  const match = ISO_DATE.exec(date)
  if (match === null) return Number.NaN
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** True for a real calendar date written YYYY-MM-DD (2025-02-29 is refused). */
export function isValidIsoDate(date: string): boolean {
  const match = ISO_DATE.exec(date)
  if (match === null) return false
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1) return false
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!)
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}

/** Calendar days from `from` to `to` (2024-07-02 → 2025-07-01 is 364). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS)
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS)
}

/** Same month and day `years` later; 29 February rolls to 1 March in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return fromUtcMs(Date.UTC(y + years, m - 1, d))
}
