import { sql } from 'drizzle-orm'
import {
  date,
  doublePrecision,
  index,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import type {
  CloseReason,
  ContractType,
  EngagementStatus,
  EventKind,
  ParticipantKind,
} from '@kechuang/core/marketplace'
import { experts, techNeeds, techResults } from './marketplace.table'
import { orgUnits } from './org-units.table'
import { enterprises, institutions } from './registers.table'
import { softDelete, timestamps } from './timestamps'
import { users } from './users.table'

// M5 from recommendation to deal: 对接 records (a need followed up with a result or an expert) with their steps,
// 对接活动 (events), and the 技术合同 registry whose amounts are the computed source of 技术合同成交额.

export const techEngagements = pgTable(
  'tech_engagements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => techNeeds.id),
    resultId: uuid('result_id').references(() => techResults.id),
    expertId: uuid('expert_id').references(() => experts.id),
    status: varchar('status', { length: 20 }).$type<EngagementStatus>().notNull().default('recommended'),
    /** Why it was closed, while it is (the closing step keeps it too). */
    closeReason: varchar('close_reason', { length: 30 }).$type<CloseReason>(),
    /** The 推荐 panel's sentence and score when it was started from there. */
    reason: text('reason'),
    score: doublePrecision('score'),
    note: text('note'),
    /** The need's region when it was started: staff follow the 对接 of their region. */
    regionOrgUnitId: uuid('region_org_unit_id').references(() => orgUnits.id),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    // One live 对接 per need and counterpart; a closed one is reopened rather than started again.
    uniqueIndex('tech_engagements_pair_uq')
      .on(table.needId, sql`coalesce(${table.resultId}, ${table.expertId})`)
      .where(sql`${table.deletedAt} is null`),
    index('tech_engagements_status_idx').on(table.status, table.updatedAt),
  ],
)

export const techEvents = pgTable(
  'tech_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    kind: varchar('kind', { length: 20 }).$type<EventKind>().notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    location: text('location'),
    organizer: text('organizer'),
    description: text('description'),
    regionOrgUnitId: uuid('region_org_unit_id').references(() => orgUnits.id),
    participants: jsonb('participants')
      .$type<{ kind: ParticipantKind; name: string; refId: string | null }[]>()
      .notNull()
      .default([]),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    ...timestamps,
    ...softDelete,
  },
  (table) => [index('tech_events_held_on_idx').on(table.heldOn)],
)

export const techContracts = pgTable(
  'tech_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationNumber: varchar('registration_number', { length: 40 }).notNull(),
    title: text('title').notNull(),
    type: varchar('type', { length: 20 }).$type<ContractType>().notNull(),
    /** 万元, exact to the 元: sums feed an indicator, so no floating point in storage. */
    amountWanYuan: numeric('amount', { precision: 14, scale: 4, mode: 'number' }).notNull(),
    sellerName: text('seller_name').notNull(),
    sellerInstitutionId: uuid('seller_institution_id').references(() => institutions.id),
    sellerEnterpriseId: uuid('seller_enterprise_id').references(() => enterprises.id),
    buyerName: text('buyer_name').notNull(),
    buyerEnterpriseId: uuid('buyer_enterprise_id').references(() => enterprises.id),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    /** 登记地区: the contract counts toward this region's and its ancestors' totals. */
    regionOrgUnitId: uuid('region_org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    engagementId: uuid('engagement_id').references(() => techEngagements.id),
    note: text('note'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    uniqueIndex('tech_contracts_registration_number_uq')
      .on(table.registrationNumber)
      .where(sql`${table.deletedAt} is null`),
    index('tech_contracts_signed_on_idx').on(table.signedOn),
    index('tech_contracts_region_idx').on(table.regionOrgUnitId),
  ],
)

export const techEngagementSteps = pgTable(
  'tech_engagement_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => techEngagements.id),
    fromStatus: varchar('from_status', { length: 20 }).$type<EngagementStatus>(),
    toStatus: varchar('to_status', { length: 20 }).$type<EngagementStatus>().notNull(),
    closeReason: varchar('close_reason', { length: 30 }).$type<CloseReason>(),
    note: text('note'),
    eventId: uuid('event_id').references(() => techEvents.id),
    contractId: uuid('contract_id').references(() => techContracts.id),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    index('tech_engagement_steps_engagement_idx').on(table.engagementId, table.createdAt),
    index('tech_engagement_steps_event_idx').on(table.eventId),
  ],
)
