import type { IpClass, IpLegalStatus, QualificationType } from '../register-vocabulary'
import { isQualificationValidOn, type QualificationFact } from './qualification-validity'

/**
 * What the rules of the 库 and the ladder read about one enterprise (a cluster of register rows: the facts of
 * every member row belong to it). Money in 万元, dates as ISO YYYY-MM-DD.
 */
export interface EnterpriseFacts {
  foundedOn: string | null
  qualifications: QualificationFact[]
  years: EnterpriseYearFact[]
  ip: IpFact[]
}

export interface EnterpriseYearFact {
  year: number
  rdExpenseWanYuan: number | null
  salesRevenueWanYuan: number | null
  rdStaffCount: number | null
}

export interface IpFact {
  ipClass: IpClass | null
  legalStatus: IpLegalStatus
  grantedOn: string | null
}

/** The figures a rule decides on, as of one date; also what a member's reason quotes. */
export interface EnterpriseFigures {
  /** The latest year with yearly figures, up to the date's year; null when there are none. */
  figuresYear: number | null
  /** 研发费用 ÷ 销售收入 of that year (a ratio, 0.035 = 3.5%); null without sales. */
  rdExpenseRatio: number | null
  rdStaffCount: number | null
  /** Granted Ⅰ类 / Ⅱ类 IP (status granted, granted on or before the date). */
  classOneIpCount: number
  classTwoIpCount: number
  /** The qualification types valid on the date. */
  validQualifications: QualificationType[]
  foundedOn: string | null
}

/**
 * The figures of `facts` on `date`. Several rows of one cluster may report the same year (one filing seen in
 * two sources): the largest value of each field is taken, never the sum. IP counts use today's legal status
 * (the register keeps no status history) with the grant date.
 */
export function enterpriseFiguresOn(facts: EnterpriseFacts, date: string): EnterpriseFigures {
  const dateYear = Number(date.slice(0, 4))
  const known = facts.years.filter((y) => y.year <= dateYear)
  const figuresYear = known.length === 0 ? null : Math.max(...known.map((y) => y.year))
  const ofYear = known.filter((y) => y.year === figuresYear)
  const rdExpense = maxOf(ofYear.map((y) => y.rdExpenseWanYuan))
  const sales = maxOf(ofYear.map((y) => y.salesRevenueWanYuan))
  const granted = facts.ip.filter(
    (ip) => ip.legalStatus === 'granted' && (ip.grantedOn === null || ip.grantedOn <= date),
  )
  const valid = new Set(
    facts.qualifications.filter((q) => isQualificationValidOn(q, date)).map((q) => q.type),
  )
  return {
    figuresYear,
    rdExpenseRatio: rdExpense !== null && sales !== null && sales > 0 ? rdExpense / sales : null,
    rdStaffCount: maxOf(ofYear.map((y) => y.rdStaffCount)),
    classOneIpCount: granted.filter((ip) => ip.ipClass === 'I').length,
    classTwoIpCount: granted.filter((ip) => ip.ipClass === 'II').length,
    validQualifications: [...valid].sort(),
    foundedOn: facts.foundedOn,
  }
}

/** `date` moved back by whole years (29 Feb → 28 Feb), as PostgreSQL's `date - interval 'n years'`. */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const lastDay = new Date(Date.UTC(y - years, m, 0)).getUTCDate()
  return `${String(y - years).padStart(4, '0')}-${pad(m)}-${pad(Math.min(d, lastDay))}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function maxOf(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null)
  return present.length === 0 ? null : Math.max(...present)
}
