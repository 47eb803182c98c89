import type { QualificationType } from '../register-vocabulary'
import { qualificationValidity, type QualificationPeriod } from '../enterprise-profile-rules'

/**
 * The qualification facts the rules read. Validity is the profile's rule (enterprise-profile-rules.ts
 * `qualificationPeriod`: a held one, dates as given, a bare 入库 year covering that calendar year); the SQL of
 * the ladder and register metrics (server ladder.repository.ts `validOn`) applies the same rule.
 */
export interface QualificationFact extends QualificationPeriod {
  type: QualificationType
}

/** Whether the qualification is valid on `date` (ISO YYYY-MM-DD), both ends included; targets never are. */
export function isQualificationValidOn(qualification: QualificationFact, date: string): boolean {
  return qualificationValidity(qualification, date) === 'valid'
}

/** 31 Dec of `year`: the date a year's counts and ladder steps are taken at (statistics "年末"). */
export function yearEndDate(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`
}
