import { z } from 'zod'
import { PageQuery, pageOf } from '../pagination/pagination.schemas'
import { optionalText, trimmedText, uuid } from '../validation/common-fields'
import {
  CLOSE_REASONS,
  CONTRACT_TYPES,
  ENGAGEMENT_COUNTERPART_KINDS,
  ENGAGEMENT_STATUSES,
  EVENT_KINDS,
  MANUAL_ENGAGEMENT_STATUSES,
  PARTICIPANT_KINDS,
} from './marketplace-vocabulary'
import { FUNNEL_STAGES } from './engagement-funnel'
import { BODY_MAX, IsoDate, ListSearch, NAME_MAX, QueryYear, recordTitle } from './marketplace-api.schemas'

/**
 * The HTTP shapes of following a recommendation to a deal (PRODUCT.md M5): 对接 records and their steps, 对接活动
 * (events with participants) and the 技术合同 registry with its totals by year and region. Every write is
 * marketplace staff's (`marketplace:manage`, within their region); the bureau's roles read them
 * (`marketplace:deals`), enterprises and institutions do not.
 */

export const NOTE_MAX = 500
/** 万元 with up to four decimals (one 元); a registered contract has a positive amount. */
export const CONTRACT_AMOUNT_MAX = 10_000_000
export const REGISTRATION_NUMBER_MAX = 40
export const EVENT_PARTICIPANTS_MAX = 200

const Note = optionalText('备注', NOTE_MAX)

// ---------------------------------------------------------------------------------------------------------
// 对接 records

/** Start following a need with a result or an expert (usually from the 推荐 panel). */
export const EngagementInput = z
  .strictObject({
    needId: uuid('需求编号'),
    resultId: uuid('成果编号').nullable().default(null),
    expertId: uuid('专家编号').nullable().default(null),
    note: Note.default(null),
  })
  .refine((v) => (v.resultId === null) !== (v.expertId === null), {
    error: '请选择一项科技成果或一位专家（只能选一个）',
    path: ['resultId'],
  })
export type EngagementInput = z.infer<typeof EngagementInput>

/**
 * Move a 对接 to another stage. Closing needs a reason code (and words for 其他原因); a meeting may name the 对接活动
 * it took place at.
 */
export const EngagementStepInput = z
  .strictObject({
    status: z.enum(MANUAL_ENGAGEMENT_STATUSES, {
      error: '对接状态应为已推荐、已联系、已会面、洽谈中或已关闭（已签合同须登记技术合同）',
    }),
    closeReason: z.enum(CLOSE_REASONS, { error: '关闭原因不正确' }).nullable().default(null),
    note: Note.default(null),
    eventId: uuid('活动编号').nullable().default(null),
  })
  .refine((v) => v.status !== 'closed' || v.closeReason !== null, {
    error: '关闭对接须选择关闭原因',
    path: ['closeReason'],
  })
  .refine((v) => v.status === 'closed' || v.closeReason === null, {
    error: '只有关闭对接时才填写关闭原因',
    path: ['closeReason'],
  })
  .refine((v) => v.closeReason !== 'other' || v.note !== null, {
    error: '关闭原因为“其他原因”时须在备注中说明',
    path: ['note'],
  })
export type EngagementStepInput = z.infer<typeof EngagementStepInput>

export const EngagementStep = z.object({
  id: z.uuid(),
  fromStatus: z.enum(ENGAGEMENT_STATUSES).nullable(),
  toStatus: z.enum(ENGAGEMENT_STATUSES),
  closeReason: z.enum(CLOSE_REASONS).nullable(),
  note: z.string().nullable(),
  eventId: z.uuid().nullable(),
  eventTitle: z.string().nullable(),
  contractId: z.uuid().nullable(),
  byName: z.string().nullable(),
  at: z.iso.datetime(),
})
export type EngagementStep = z.infer<typeof EngagementStep>

export const Engagement = z.object({
  id: z.uuid(),
  needId: z.uuid(),
  needTitle: z.string(),
  enterpriseName: z.string(),
  counterpartKind: z.enum(ENGAGEMENT_COUNTERPART_KINDS),
  /** The result's or the expert's id. */
  counterpartId: z.uuid(),
  /** The result's title or the expert's name. */
  counterpartTitle: z.string(),
  /** The result's owner or the expert's organisation. */
  counterpartOwner: z.string(),
  status: z.enum(ENGAGEMENT_STATUSES),
  /** Why it was closed, while it is. */
  closeReason: z.enum(CLOSE_REASONS).nullable(),
  /** Why it was recommended (the 推荐 panel's sentence at the time), if it came from there. */
  reason: z.string().nullable(),
  note: z.string().nullable(),
  regionOrgUnitId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  contractId: z.uuid().nullable(),
  contractAmountWanYuan: z.number().nullable(),
  canEdit: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type Engagement = z.infer<typeof Engagement>

export const EngagementDetail = Engagement.extend({ steps: z.array(EngagementStep) })
export type EngagementDetail = z.infer<typeof EngagementDetail>

export const EngagementQuery = PageQuery.extend({
  q: ListSearch,
  status: z.enum(ENGAGEMENT_STATUSES, { error: '对接状态不正确' }).optional(),
  needId: uuid('需求编号').optional(),
  resultId: uuid('成果编号').optional(),
  expertId: uuid('专家编号').optional(),
  orgUnitId: uuid('地区').optional(),
})
export type EngagementQuery = z.infer<typeof EngagementQuery>
export const EngagementPage = pageOf(Engagement)
export type EngagementPage = z.infer<typeof EngagementPage>

export const BOARD_COLUMN_MAX = 100
/** The pipeline board: every stage with its count and its most recently moved 对接 (at most BOARD_COLUMN_MAX). */
export const EngagementBoardQuery = z.strictObject({ q: ListSearch, orgUnitId: uuid('地区').optional() })
export type EngagementBoardQuery = z.infer<typeof EngagementBoardQuery>
export const EngagementBoard = z.object({
  columns: z.array(
    z.object({ status: z.enum(ENGAGEMENT_STATUSES), total: z.number().int(), items: z.array(Engagement) }),
  ),
})
export type EngagementBoard = z.infer<typeof EngagementBoard>

/** The funnel of the 对接 started in a year (default: all years) under a region (default: own scope). */
export const EngagementFunnelQuery = z.strictObject({
  year: QueryYear.optional(),
  orgUnitId: uuid('地区').optional(),
})
export type EngagementFunnelQuery = z.infer<typeof EngagementFunnelQuery>
export const EngagementFunnel = z.object({
  stages: z.array(
    z.object({ stage: z.enum(FUNNEL_STAGES), reached: z.number().int(), conversion: z.number().nullable() }),
  ),
  /** 对接 closed now without a contract. */
  closed: z.number().int(),
  /** Why they were closed, most frequent first. */
  closeReasons: z.array(z.object({ reason: z.enum(CLOSE_REASONS), count: z.number().int() })),
  /** Amount of the live contracts concluding these 对接 (万元). */
  contractAmountWanYuan: z.number(),
})
export type EngagementFunnel = z.infer<typeof EngagementFunnel>

// ---------------------------------------------------------------------------------------------------------
// 对接活动

export const EventParticipant = z.strictObject({
  kind: z.enum(PARTICIPANT_KINDS, { error: '参与方类型应为企业、高校院所、专家或其他' }),
  name: trimmedText('参与方名称', NAME_MAX),
  /** The register's enterprise or institution, or the 专家库's expert, when it is one of them. */
  refId: uuid('参与方编号').nullable().default(null),
})
export type EventParticipant = z.infer<typeof EventParticipant>

export const TechEventInput = z.strictObject({
  title: recordTitle('活动名称'),
  kind: z.enum(EVENT_KINDS, { error: '活动类型不正确' }),
  /** Past or planned: an event may be entered before it takes place. */
  heldOn: IsoDate,
  location: optionalText('活动地点', NAME_MAX).default(null),
  organizer: optionalText('主办单位', NAME_MAX).default(null),
  description: optionalText('活动简介', BODY_MAX).default(null),
  regionOrgUnitId: uuid('所在地区').nullable().default(null),
  participants: z
    .array(EventParticipant)
    .max(EVENT_PARTICIPANTS_MAX, { error: `参与方最多 ${EVENT_PARTICIPANTS_MAX} 个` })
    .default([]),
})
export type TechEventInput = z.infer<typeof TechEventInput>

export const TechEvent = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  heldOn: z.iso.date(),
  location: z.string().nullable(),
  organizer: z.string().nullable(),
  description: z.string().nullable(),
  regionOrgUnitId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  participants: z.array(
    z.object({ kind: z.enum(PARTICIPANT_KINDS), name: z.string(), refId: z.uuid().nullable() }),
  ),
  /** 对接 whose steps name this event. */
  engagementCount: z.number().int(),
  canEdit: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type TechEvent = z.infer<typeof TechEvent>

export const TechEventDetail = TechEvent.extend({ engagements: z.array(Engagement) })
export type TechEventDetail = z.infer<typeof TechEventDetail>

export const TechEventQuery = PageQuery.extend({
  q: ListSearch,
  kind: z.enum(EVENT_KINDS, { error: '活动类型不正确' }).optional(),
  year: QueryYear.optional(),
  orgUnitId: uuid('地区').optional(),
})
export type TechEventQuery = z.infer<typeof TechEventQuery>
export const TechEventPage = pageOf(TechEvent)
export type TechEventPage = z.infer<typeof TechEventPage>

// ---------------------------------------------------------------------------------------------------------
// 技术合同

const ContractAmount = z
  .number({ error: '成交金额应为数字（万元）' })
  .positive({ error: '成交金额必须大于 0' })
  .max(CONTRACT_AMOUNT_MAX, { error: '成交金额超出合理范围' })
  .refine((v) => Math.abs(Math.round(v * 10_000) - v * 10_000) < 1e-6, {
    error: '成交金额最多保留 4 位小数（万元，精确到元）',
  })

/**
 * A registered 技术合同. The signing date may not be in the future (checked by the server against today in China);
 * the amount counts toward 技术合同成交额 of the signing year in the registering region and the regions above it.
 */
export const TechContractInput = z.strictObject({
  registrationNumber: trimmedText('登记编号', REGISTRATION_NUMBER_MAX),
  title: recordTitle('合同名称'),
  type: z.enum(CONTRACT_TYPES, { error: '合同类型应为技术开发、技术转让、技术许可、技术咨询或技术服务' }),
  amountWanYuan: ContractAmount,
  sellerName: trimmedText('卖方（受托方）', NAME_MAX),
  sellerInstitutionId: uuid('卖方单位编号').nullable().default(null),
  sellerEnterpriseId: uuid('卖方企业编号').nullable().default(null),
  buyerName: trimmedText('买方（委托方）', NAME_MAX),
  buyerEnterpriseId: uuid('买方企业编号').nullable().default(null),
  signedOn: IsoDate,
  /** 登记地区; by default the 对接's need's region, else the registering staff member's unit. */
  regionOrgUnitId: uuid('登记地区').nullable().default(null),
  /** The 对接 this contract concludes; it moves to 已签合同. */
  engagementId: uuid('对接编号').nullable().default(null),
  note: Note.default(null),
})
export type TechContractInput = z.infer<typeof TechContractInput>

export const TechContract = z.object({
  id: z.uuid(),
  registrationNumber: z.string(),
  title: z.string(),
  type: z.enum(CONTRACT_TYPES),
  amountWanYuan: z.number(),
  sellerName: z.string(),
  sellerInstitutionId: z.uuid().nullable(),
  sellerEnterpriseId: z.uuid().nullable(),
  buyerName: z.string(),
  buyerEnterpriseId: z.uuid().nullable(),
  signedOn: z.iso.date(),
  regionOrgUnitId: z.uuid(),
  regionName: z.string(),
  engagementId: z.uuid().nullable(),
  note: z.string().nullable(),
  canEdit: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type TechContract = z.infer<typeof TechContract>

export const TechContractQuery = PageQuery.extend({
  q: ListSearch,
  type: z.enum(CONTRACT_TYPES, { error: '合同类型不正确' }).optional(),
  year: QueryYear.optional(),
  orgUnitId: uuid('地区').optional(),
})
export type TechContractQuery = z.infer<typeof TechContractQuery>
export const TechContractPage = pageOf(TechContract)
export type TechContractPage = z.infer<typeof TechContractPage>

/** Totals of the years fromYear…toYear (at most 20; default the last five) under a region (default: own scope). */
export const TechContractTotalsQuery = z
  .strictObject({
    fromYear: QueryYear.optional(),
    toYear: QueryYear.optional(),
    orgUnitId: uuid('地区').optional(),
  })
  .refine((v) => v.fromYear === undefined || v.toYear === undefined || v.fromYear <= v.toYear, {
    error: '起始年份不能晚于结束年份',
    path: ['fromYear'],
  })
  .refine((v) => v.fromYear === undefined || v.toYear === undefined || v.toYear - v.fromYear < 20, {
    error: '一次最多统计 20 年',
    path: ['toYear'],
  })
export type TechContractTotalsQuery = z.infer<typeof TechContractTotalsQuery>

const Total = { count: z.number().int(), amountWanYuan: z.number() }
export const TechContractTotals = z.object({
  orgUnit: z.object({ id: z.uuid(), name: z.string() }),
  years: z.array(z.number().int()),
  /** The region itself (contracts registered at it directly) and each child region, with every year. */
  regions: z.array(
    z.object({
      orgUnitId: z.uuid(),
      name: z.string(),
      byYear: z.array(z.object({ year: z.number().int(), ...Total })),
      ...Total,
    }),
  ),
  byType: z.array(
    z.object({
      type: z.enum(CONTRACT_TYPES),
      byYear: z.array(z.object({ year: z.number().int(), ...Total })),
      ...Total,
    }),
  ),
  byYear: z.array(z.object({ year: z.number().int(), ...Total })),
  ...Total,
})
export type TechContractTotals = z.infer<typeof TechContractTotals>
