import { z } from 'zod'
import { PageQuery, pageOf } from '../../pagination/pagination.schemas'
import { trimmedText, uuid } from '../../validation/common-fields'
import { LADDER_STEPS, LIBRARIES } from '../register-vocabulary'

/** Schemas of the 五库, 梯次培育 and register-value APIs (the server's routes and the web app's fetchers). */

const YEAR_MIN = 1990
const YEAR_MAX = 2100
/** A ladder request spans at most this many years (each year is a pass over all enterprises). */
export const LADDER_YEARS_MAX = 15

const YearParam = z.coerce
  .number({ error: '年份必须是数字' })
  .int({ error: '年份必须是整数' })
  .min(YEAR_MIN, { error: `年份不能早于 ${YEAR_MIN}` })
  .max(YEAR_MAX, { error: `年份不能晚于 ${YEAR_MAX}` })

const isoDateTime = z.iso.datetime()

export const LibraryName = z.enum(LIBRARIES, { error: '没有这个库' })
export const LIBRARY_MEMBER_KIND_VALUES = ['enterprise', 'project', 'talent', 'platform'] as const
export const LibraryMemberKindValue = z.enum(LIBRARY_MEMBER_KIND_VALUES, { error: '成员类型不正确' })

export const LibraryParams = z.strictObject({ library: LibraryName })

export const CURATION_REASON_MAX = 500
export const CURATION_ACTIONS = ['add', 'remove'] as const
export type CurationAction = (typeof CURATION_ACTIONS)[number]
export const CURATION_ACTION_LABELS: Record<CurationAction, string> = { add: '人工加入', remove: '人工移出' }

/**
 * Which rows a list shows: members (rule + added − removed), the members removed by hand, or candidates for a
 * manual addition (in scope, left out by the rule, not curated).
 */
export const LIBRARY_VIEWS = ['members', 'removed', 'candidates'] as const
export type LibraryViewName = (typeof LIBRARY_VIEWS)[number]

export const LibraryMemberQuery = PageQuery.extend({
  orgUnitId: uuid('机构编号').optional(),
  q: z.string().trim().max(100, { error: '搜索词不能超过 100 个字符' }).optional(),
  view: z.enum(LIBRARY_VIEWS, { error: '视图不正确' }).default('members'),
})
export type LibraryMemberQuery = z.infer<typeof LibraryMemberQuery>

export const LibraryCuration = z.object({
  id: z.uuid(),
  library: LibraryName,
  memberKind: LibraryMemberKindValue,
  memberId: z.uuid(),
  action: z.enum(CURATION_ACTIONS),
  reason: z.string(),
  userName: z.string(),
  createdAt: isoDateTime,
  withdrawnAt: isoDateTime.nullable(),
})
export type LibraryCuration = z.infer<typeof LibraryCuration>

/** One member with why it is in: the rule's reason, the manual addition, or both. */
export const LibraryMember = z.object({
  memberKind: LibraryMemberKindValue,
  memberId: z.uuid(),
  name: z.string(),
  /** 统一社会信用代码, platform type, project status … a short second line. */
  detail: z.string().nullable(),
  regionName: z.string().nullable(),
  /** The rule's verdict in words (why it is in, or for a removed member why the rule would include it). */
  ruleReason: z.string().nullable(),
  isRuleMember: z.boolean(),
  /** The live manual curation of this member, if any. */
  curation: LibraryCuration.nullable(),
})
export type LibraryMember = z.infer<typeof LibraryMember>

export const LibraryMemberPage = pageOf(LibraryMember).extend({ asOf: z.iso.date() })
export type LibraryMemberPage = z.infer<typeof LibraryMemberPage>

export const LibrarySummary = z.object({
  library: LibraryName,
  label: z.string(),
  memberKind: LibraryMemberKindValue,
  rule: z.string(),
})
export const LibrarySummaryList = z.object({ items: z.array(LibrarySummary) })
export type LibrarySummaryList = z.infer<typeof LibrarySummaryList>

export const LibraryCurationInput = z.strictObject({
  memberKind: LibraryMemberKindValue,
  memberId: uuid('成员编号'),
  action: z.enum(CURATION_ACTIONS, { error: '操作只能是加入或移出' }),
  reason: trimmedText('理由', CURATION_REASON_MAX),
})
export type LibraryCurationInput = z.infer<typeof LibraryCurationInput>

export const LibraryCurationParams = z.strictObject({
  library: LibraryName,
  curationId: uuid('调整记录编号'),
})

export const LibraryCurationList = z.object({ items: z.array(LibraryCuration) })

// 梯次培育.
export const LadderStepValue = z.enum(LADDER_STEPS, { error: '梯次不正确' })
/** A step, or `none` for "not on the ladder" (entered / left in a movement). */
export const LadderStepOrNone = z.enum([...LADDER_STEPS, 'none'], { error: '梯次不正确' })
export type LadderStepOrNone = z.infer<typeof LadderStepOrNone>

const yearRange = <T extends { fromYear: number; toYear: number }>(value: T) =>
  value.fromYear <= value.toYear && value.toYear - value.fromYear < LADDER_YEARS_MAX

export const LadderQuery = z
  .strictObject({ orgUnitId: uuid('机构编号').optional(), fromYear: YearParam, toYear: YearParam })
  .refine(yearRange, {
    error: `起始年份不能晚于终止年份，且跨度不超过 ${LADDER_YEARS_MAX} 年`,
    path: ['toYear'],
  })
export type LadderQuery = z.infer<typeof LadderQuery>

export const LadderCount = z.object({
  year: z.number().int(),
  step: LadderStepValue,
  count: z.number().int(),
})
export const LadderRegionCount = LadderCount.extend({ orgUnitId: z.uuid(), orgUnitName: z.string() })

export const LadderCounts = z.object({
  region: z.object({ id: z.uuid(), name: z.string() }),
  years: z.array(z.number().int()),
  totals: z.array(LadderCount),
  /** By child region of `region`; enterprises registered at the region itself appear under the region. */
  byRegion: z.array(LadderRegionCount),
})
export type LadderCounts = z.infer<typeof LadderCounts>

export const LadderMovementQuery = z
  .strictObject({ orgUnitId: uuid('机构编号').optional(), fromYear: YearParam, toYear: YearParam })
  .refine((v) => v.fromYear < v.toYear, { error: '对比年份必须晚于起始年份', path: ['toYear'] })
export type LadderMovementQuery = z.infer<typeof LadderMovementQuery>

export const LadderFlow = z.object({ from: LadderStepOrNone, to: LadderStepOrNone, count: z.number().int() })
export type LadderFlow = z.infer<typeof LadderFlow>

export const LadderMovement = z.object({
  region: z.object({ id: z.uuid(), name: z.string() }),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  flows: z.array(LadderFlow),
})
export type LadderMovement = z.infer<typeof LadderMovement>

/** The enterprises of one cell: step in `year`, and (for a movement) step in `compareYear`. */
export const LadderEnterpriseQuery = PageQuery.extend({
  orgUnitId: uuid('机构编号').optional(),
  year: YearParam,
  step: LadderStepOrNone,
  compareYear: YearParam.optional(),
  compareStep: LadderStepOrNone.optional(),
})
  .refine((v) => (v.compareYear === undefined) === (v.compareStep === undefined), {
    error: '对比年份和对比梯次须同时给出',
    path: ['compareStep'],
  })
  .refine((v) => v.step !== 'none' || (v.compareStep !== undefined && v.compareStep !== 'none'), {
    error: '不在梯次上的企业只能在变动中查看',
    path: ['step'],
  })
export type LadderEnterpriseQuery = z.infer<typeof LadderEnterpriseQuery>

export const LadderEnterprise = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  regionName: z.string().nullable(),
  foundedOn: z.string().nullable(),
  step: LadderStepOrNone,
  compareStep: LadderStepOrNone.nullable(),
})
export const LadderEnterprisePage = pageOf(LadderEnterprise)
export type LadderEnterprisePage = z.infer<typeof LadderEnterprisePage>

// Register values offered to M1.
export const RegisterValuesQuery = z.strictObject({ year: YearParam, orgUnitId: uuid('机构编号').optional() })
export type RegisterValuesQuery = z.infer<typeof RegisterValuesQuery>

export const RegisterValue = z.object({
  indicatorId: z.uuid(),
  indicatorCode: z.string(),
  metric: z.string(),
  metricLabel: z.string(),
  /** The registers it is computed from: 创新主体库 or 技术合同登记. */
  source: z.string(),
  description: z.string(),
  value: z.number(),
  computedAt: isoDateTime,
  note: z.string(),
})
export type RegisterValue = z.infer<typeof RegisterValue>

export const RegisterValueList = z.object({
  orgUnit: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number().int(),
  items: z.array(RegisterValue),
})
export type RegisterValueList = z.infer<typeof RegisterValueList>

/** 采用: saves the value computed now as the indicator's observation of kind `computed`. */
export const AdoptRegisterValueInput = z.strictObject({
  indicatorCode: z.string().min(1).max(30),
  year: z.number({ error: '年份必须是数字' }).int().min(YEAR_MIN).max(YEAR_MAX),
  orgUnitId: uuid('机构编号').optional(),
})
export type AdoptRegisterValueInput = z.infer<typeof AdoptRegisterValueInput>
