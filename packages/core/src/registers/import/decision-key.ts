import type { IncomingEnterpriseRecord } from '../registers.schemas'

/**
 * What a reviewer's decision is remembered by: the name as written (NFKC, no spaces) and the region code. The same
 * record in a later list finds the decision and is not queued again; another place's namesake does not.
 */
export function linkDecisionKeyOf(subject: Pick<IncomingEnterpriseRecord, 'name' | 'regionCode'>): string {
  return `${subject.name.normalize('NFKC').replace(/\s/g, '')}|${subject.regionCode ?? ''}`
}
