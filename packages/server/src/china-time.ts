// Dates as the bureaus read them: China time (UTC+8, no daylight saving) whatever the server's time zone.

const CHINA_OFFSET_MS = 8 * 3600_000

/** The date in China as YYYY-MM-DD ("today" for rules, exports and the latest date a contract may be signed). */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** The time in China as YYYY-MM-DD HH:mm, as notes show it. */
export function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/** The year in China. */
export function chinaYear(at: Date): number {
  return Number(chinaDate(at).slice(0, 4))
}

/** 00:00 on 1 January of a year, China time, as an instant. */
export function chinaYearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET_MS)
}
