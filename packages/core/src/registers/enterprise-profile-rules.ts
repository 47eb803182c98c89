import type { QualificationValidity, TimelineEvent } from './enterprise-api.schemas'
import {
  IP_TYPE_LABELS,
  PLATFORM_LEVEL_LABELS,
  PLATFORM_TYPE_LABELS,
  PROJECT_KIND_LABELS,
  QUALIFICATION_TYPE_LABELS,
  type FactSource,
  type IpType,
  type PlatformLevel,
  type PlatformType,
  type ProjectKind,
  type QualificationStatus,
  type QualificationType,
} from './register-vocabulary'

/** The rules a profile shows: qualification validity, masked personal data, the timeline. Pure, no I/O. */

export interface QualificationPeriod {
  status: QualificationStatus
  year: number | null
  validFrom: string | null
  validTo: string | null
}

/**
 * The first and last day a qualification counts (ISO dates, either may be open). Without dates a 入库 year (科技型
 * 中小企业 is evaluated per year) counts from 1 January to 31 December of that year. The SQL of the list filter
 * (server enterprises.repository.ts) applies the same rule; change both together.
 */
export function qualificationPeriod(q: QualificationPeriod): { from: string | null; to: string | null } {
  return {
    from: q.validFrom ?? (q.year === null ? null : `${q.year}-01-01`),
    to: q.validTo ?? (q.year === null ? null : `${q.year}-12-31`),
  }
}

/** 有效 / 已过期 / 尚未生效 on `onDate` (YYYY-MM-DD); a plan's 争创 target is never valid. Both ends count as valid. */
export function qualificationValidity(q: QualificationPeriod, onDate: string): QualificationValidity {
  if (q.status === 'target') return 'target'
  const { from, to } = qualificationPeriod(q)
  if (from !== null && onDate < from) return 'not_yet_valid'
  if (to !== null && onDate > to) return 'expired'
  return 'valid'
}

/** 身份证号 as 4202**********1234: the first 4 and last 4 characters stay, the rest become `*`. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length)
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`
}

/** A phone as 138****0000: the first 3 and last 4 digits stay; a short number is masked but its last 2. */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`
  if (phone.length <= 2) return '*'.repeat(phone.length)
  return `${'*'.repeat(phone.length - 2)}${phone.slice(-2)}`
}

export interface TimelineInput {
  qualifications: {
    type: QualificationType
    title: string
    status: QualificationStatus
    number: string | null
    year: number | null
    validFrom: string | null
    source: FactSource
  }[]
  platforms: {
    name: string
    type: PlatformType
    level: PlatformLevel | null
    approvedOn: string | null
    source: FactSource
  }[]
  projects: { name: string; kind: ProjectKind; startedOn: string | null; source: FactSource }[]
  ipGrants: { type: IpType; title: string; number: string; grantedOn: string; source: FactSource }[]
  /** Merges and splits of this enterprise's rows (judgements created or withdrawn), ISO date-times. */
  links: { at: string; kind: 'merge' | 'split'; otherName: string; userName: string }[]
}

/**
 * Dated events of an enterprise, oldest first (same-day events keep the order of the kinds above). A 争创
 * target is not an event; facts without a date are left out, since a timeline cannot place them.
 */
export function buildTimeline(input: TimelineInput): TimelineEvent[] {
  const events: TimelineEvent[] = []
  for (const q of input.qualifications) {
    if (q.status === 'target') continue
    const date = q.validFrom ?? (q.year === null ? null : `${q.year}-01-01`)
    if (date === null) continue
    const number = q.number === null ? '' : `（编号 ${q.number}）`
    const label = q.type === 'other' ? q.title : QUALIFICATION_TYPE_LABELS[q.type]
    events.push({ date, kind: 'qualification', title: `获得${label}${number}`, source: q.source })
  }
  for (const p of input.platforms) {
    if (p.approvedOn === null) continue
    const level = p.level === null ? '' : PLATFORM_LEVEL_LABELS[p.level]
    events.push({
      date: p.approvedOn,
      kind: 'platform',
      title: `${p.name} 获批${level}${PLATFORM_TYPE_LABELS[p.type]}`,
      source: p.source,
    })
  }
  for (const p of input.projects) {
    if (p.startedOn === null) continue
    events.push({
      date: p.startedOn,
      kind: 'project',
      title: `${PROJECT_KIND_LABELS[p.kind]}「${p.name}」启动`,
      source: p.source,
    })
  }
  for (const ip of input.ipGrants) {
    events.push({
      date: ip.grantedOn,
      kind: 'ip',
      title: `${IP_TYPE_LABELS[ip.type]}「${ip.title}」授权（${ip.number}）`,
      source: ip.source,
    })
  }
  for (const link of input.links) {
    const verb = link.kind === 'merge' ? '合并了' : '拆分出'
    events.push({
      date: link.at.slice(0, 10),
      kind: link.kind,
      title: `${link.userName} ${verb}记录「${link.otherName}」`,
      source: null,
    })
  }
  // A stable sort keeps same-day events in insertion order.
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}
