import {
  PLATFORM_LEVEL_LABELS,
  PROJECT_STATUS_LABELS,
  QUALIFICATION_TYPE_LABELS,
  TALENT_KIND_LABELS,
  type Library,
  type PlatformLevel,
  type PlatformStatus,
  type ProjectKind,
  type ProjectStatus,
  type QualificationType,
  type TalentKind,
} from '../register-vocabulary'
import { yearsBefore, type EnterpriseFigures } from './enterprise-figures'

/**
 * The membership rules of the five 库 (PRODUCT.md M2 "五库联通"), as data the server's SQL and these functions
 * both read, so a list and a reason never disagree. A list = rule members + manual additions − manual removals
 * (library_curations); M3 screening proposals enter through the same manual addition, with their own reason.
 */

/**
 * 高企后备库: no valid 高企 certificate, and the figures close to the 高企 thresholds (认定办法 第十一条): the
 * latest year's 研发费用 ≥ 3% of 销售收入 (the lowest of the three revenue bands) and ≥ 1 granted Ⅰ类 or ≥ 4
 * Ⅱ类 IP. A 科技型中小企业 registration alone is not enough: it would put every 科技型中小企业 in the reserve and
 * leave that step of the 梯次培育 ladder empty.
 */
export const HNTE_RESERVE_RULE = {
  excludedQualifications: ['hnte'] as readonly QualificationType[],
  rdExpenseRatioMin: 0.03,
  classOneIpMin: 1,
  classTwoIpMin: 4,
} as const

/** 科技型企业培育库: younger than 5 years or with 研发人员, and neither a 科技型中小企业 nor a 高企 yet. */
export const TECH_INCUBATION_RULE = {
  excludedQualifications: ['tsme', 'hnte'] as readonly QualificationType[],
  maxAgeYears: 5,
  rdStaffMin: 1,
} as const

/** 科技招商项目库: 科技招商 projects that are not terminated. */
export const INVESTMENT_PROJECT_RULE = {
  kind: 'investment_attraction' as ProjectKind,
  excludedStatuses: ['terminated'] as readonly ProjectStatus[],
} as const

/** 研发人才库: 研发人才 and 高层次人才 (科技特派员 and 专家 have their own lists). */
export const RD_TALENT_RULE = { kinds: ['rd_talent', 'leading_talent'] as readonly TalentKind[] } as const

/** 创新平台后备库: platforms being built or applied for (争创), or built ones striving for a higher level. */
export const PLATFORM_RESERVE_RULE = {
  strivingStatus: 'striving' as PlatformStatus,
  upgradableLevels: ['municipal', 'provincial'] as readonly PlatformLevel[],
} as const

/** Level order: a target level "above" the current one is a larger rank. */
export const PLATFORM_LEVEL_RANK: Record<PlatformLevel, number> = { municipal: 1, provincial: 2, national: 3 }

/** A rule's verdict on one candidate: whether it is in, and the reason shown beside it (Chinese). */
export interface RuleVerdict {
  isMember: boolean
  reason: string
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`
}

/** Whether the enterprise is in the 高企后备库 by rule, on the date its figures were taken. */
export function checkHnteReserveRule(figures: EnterpriseFigures): RuleVerdict {
  const rule = HNTE_RESERVE_RULE
  const held = figures.validQualifications.find((q) => rule.excludedQualifications.includes(q))
  if (held) return { isMember: false, reason: `已是有效${QUALIFICATION_TYPE_LABELS[held]}` }
  const ratio = figures.rdExpenseRatio
  if (ratio === null || ratio < rule.rdExpenseRatioMin) {
    const shown = ratio === null ? '无研发费用或销售收入数据' : `研发费用占销售收入 ${percent(ratio)}`
    return { isMember: false, reason: `${shown}，未达 ${percent(rule.rdExpenseRatioMin)}` }
  }
  const ipText = `有效Ⅰ类知识产权 ${figures.classOneIpCount} 件、Ⅱ类 ${figures.classTwoIpCount} 件`
  const hasIp = figures.classOneIpCount >= rule.classOneIpMin || figures.classTwoIpCount >= rule.classTwoIpMin
  if (!hasIp) {
    return {
      isMember: false,
      reason: `${ipText}，需Ⅰ类 ≥ ${rule.classOneIpMin} 件或Ⅱ类 ≥ ${rule.classTwoIpMin} 件`,
    }
  }
  return {
    isMember: true,
    reason: `${figures.figuresYear} 年研发费用占销售收入 ${percent(ratio)}（≥ ${percent(rule.rdExpenseRatioMin)}），${ipText}，尚未认定高新技术企业`,
  }
}

/** Whether the enterprise is in the 科技型企业培育库 by rule on `date`. */
export function checkTechIncubationRule(figures: EnterpriseFigures, date: string): RuleVerdict {
  const rule = TECH_INCUBATION_RULE
  const held = figures.validQualifications.find((q) => rule.excludedQualifications.includes(q))
  if (held) return { isMember: false, reason: `已是有效${QUALIFICATION_TYPE_LABELS[held]}` }
  const isYoung =
    figures.foundedOn !== null &&
    figures.foundedOn <= date &&
    figures.foundedOn > yearsBefore(date, rule.maxAgeYears)
  const hasRdStaff = (figures.rdStaffCount ?? 0) >= rule.rdStaffMin
  if (!isYoung && !hasRdStaff) {
    return { isMember: false, reason: `成立满 ${rule.maxAgeYears} 年或成立日期不详，且无研发人员` }
  }
  const parts = [
    ...(isYoung ? [`成立于 ${figures.foundedOn}，不满 ${rule.maxAgeYears} 年`] : []),
    ...(hasRdStaff ? [`${figures.figuresYear} 年有研发人员 ${figures.rdStaffCount} 人`] : []),
  ]
  return { isMember: true, reason: `${parts.join('，')}，尚未成为科技型中小企业或高新技术企业` }
}

export function checkInvestmentProjectRule(project: {
  kind: ProjectKind
  status: ProjectStatus
}): RuleVerdict {
  const rule = INVESTMENT_PROJECT_RULE
  if (project.kind !== rule.kind) return { isMember: false, reason: '不是科技招商项目' }
  if (rule.excludedStatuses.includes(project.status)) return { isMember: false, reason: '项目已终止' }
  return { isMember: true, reason: `科技招商项目，${PROJECT_STATUS_LABELS[project.status]}` }
}

export function checkRdTalentRule(talent: { kind: TalentKind }): RuleVerdict {
  const isMember = RD_TALENT_RULE.kinds.includes(talent.kind)
  return {
    isMember,
    reason: isMember
      ? TALENT_KIND_LABELS[talent.kind]
      : `${TALENT_KIND_LABELS[talent.kind]}不在研发人才库的范围内`,
  }
}

export function checkPlatformReserveRule(platform: {
  status: PlatformStatus
  level: PlatformLevel | null
  targetLevel: PlatformLevel | null
}): RuleVerdict {
  const rule = PLATFORM_RESERVE_RULE
  const target = platform.targetLevel === null ? '' : `，目标${PLATFORM_LEVEL_LABELS[platform.targetLevel]}`
  if (platform.status === rule.strivingStatus) return { isMember: true, reason: `平台争创中${target}` }
  const { level, targetLevel } = platform
  if (
    level !== null &&
    targetLevel !== null &&
    rule.upgradableLevels.includes(level) &&
    PLATFORM_LEVEL_RANK[targetLevel] > PLATFORM_LEVEL_RANK[level]
  ) {
    return {
      isMember: true,
      reason: `已建成${PLATFORM_LEVEL_LABELS[level]}平台，争创${PLATFORM_LEVEL_LABELS[targetLevel]}`,
    }
  }
  return { isMember: false, reason: '已建成且无更高级别的争创目标' }
}

/** One sentence per library describing its rule, shown above the list. */
export const LIBRARY_RULE_DESCRIPTIONS: Record<Library, string> = {
  hnte_reserve: `未持有有效高新技术企业证书，且最近一年研发费用占销售收入 ≥ ${percent(HNTE_RESERVE_RULE.rdExpenseRatioMin)}、有效Ⅰ类知识产权 ≥ ${HNTE_RESERVE_RULE.classOneIpMin} 件或Ⅱ类 ≥ ${HNTE_RESERVE_RULE.classTwoIpMin} 件的企业；另加人工加入（含资格预评价建议采纳）的企业，减去人工移出的企业。`,
  tech_enterprise_incubation: `成立不满 ${TECH_INCUBATION_RULE.maxAgeYears} 年或有研发人员、且尚未成为科技型中小企业或高新技术企业的企业；另加人工加入的，减去人工移出的。`,
  investment_projects: '未终止的科技招商项目；另加人工加入的，减去人工移出的。',
  rd_talents: '研发人才和高层次人才；另加人工加入的，减去人工移出的。',
  platform_reserve:
    '争创中的创新平台，以及已建成市级、省级且有更高级别争创目标的平台；另加人工加入的，减去人工移出的。',
}
