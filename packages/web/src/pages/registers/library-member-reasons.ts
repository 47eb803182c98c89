import type { LibraryMember } from '@kechuang/core/registers'
import { t } from '../../i18n/t'

export interface MemberReason {
  kind: 'rule' | 'add' | 'remove'
  /** The tag: 规则 / 人工加入 / 人工移出. */
  label: string
  text: string
  /** Who and when, for a manual curation. */
  by: string | null
}

const formatTime = (iso: string) => {
  const at = new Date(iso)
  // The bureau works in China time whatever the browser's zone.
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * Why a member is listed, in the order a reader needs it: the manual curation (a removal overrides the rule,
 * an addition stands in for it), then the rule's own verdict when it includes the member.
 */
export function memberReasons(
  member: Pick<LibraryMember, 'isRuleMember' | 'ruleReason' | 'curation'>,
): MemberReason[] {
  const reasons: MemberReason[] = []
  const { curation } = member
  if (curation) {
    reasons.push({
      kind: curation.action,
      label: t(curation.action === 'add' ? 'libraries.manualAdd' : 'libraries.manualRemove'),
      text: curation.reason,
      by: t('libraries.curatedBy', { user: curation.userName, time: formatTime(curation.createdAt) }),
    })
  }
  if (member.isRuleMember && member.ruleReason) {
    reasons.push({ kind: 'rule', label: t('libraries.ruleMember'), text: member.ruleReason, by: null })
  }
  return reasons
}
