import { sql } from 'drizzle-orm'
import {
  boolean,
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  text,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import type { MarketplaceSource, MaturityLevel, NeedStatus, TransferMode } from '@kechuang/core/marketplace'
import { orgUnits } from './org-units.table'
import { enterprises, institutions } from './registers.table'
import { softDelete, timestamps } from './timestamps'
import { users } from './users.table'

// M5 成果转化与供需对接: 科技成果 published by universities and institutes, 技术需求 of enterprises (some derived from
// the plans' technology directions), and the 专家库. Text is stored as typed and rendered as text.

export const techResults = pgTable(
  'tech_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    abstract: text('abstract').notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    industry: varchar('industry', { length: 30 }).notNull(),
    maturity: varchar('maturity', { length: 20 }).$type<MaturityLevel>().notNull(),
    ipNumbers: jsonb('ip_numbers').$type<string[]>().notNull().default([]),
    ownerName: text('owner_name').notNull(),
    ownerInstitutionId: uuid('owner_institution_id').references(() => institutions.id),
    contactName: varchar('contact_name', { length: 50 }),
    contactPhone: varchar('contact_phone', { length: 30 }),
    transferMode: varchar('transfer_mode', { length: 20 }).$type<TransferMode>().notNull(),
    priceWanYuan: doublePrecision('price'),
    regionOrgUnitId: uuid('region_org_unit_id').references(() => orgUnits.id),
    source: varchar('source', { length: 20 }).$type<MarketplaceSource>().notNull().default('entered'),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    index('tech_results_industry_idx')
      .on(table.industry)
      .where(sql`${table.deletedAt} is null`),
    index('tech_results_created_idx').on(table.createdAt),
  ],
)

export const techNeeds = pgTable(
  'tech_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    industry: varchar('industry', { length: 30 }).notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    enterpriseName: text('enterprise_name').notNull(),
    budgetWanYuan: doublePrecision('budget'),
    deadline: date('deadline', { mode: 'string' }),
    status: varchar('status', { length: 20 }).$type<NeedStatus>().notNull().default('open'),
    contactName: varchar('contact_name', { length: 50 }),
    contactPhone: varchar('contact_phone', { length: 30 }),
    regionOrgUnitId: uuid('region_org_unit_id').references(() => orgUnits.id),
    source: varchar('source', { length: 20 }).$type<MarketplaceSource>().notNull().default('entered'),
    /** The plan's technology direction (tech-directions.json id) a plan-derived need restates. */
    planDirectionId: varchar('plan_direction_id', { length: 20 }),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    index('tech_needs_industry_idx')
      .on(table.industry)
      .where(sql`${table.deletedAt} is null`),
    index('tech_needs_enterprise_idx').on(table.enterpriseId),
  ],
)

export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 50 }).notNull(),
    organization: text('organization').notNull(),
    title: varchar('title', { length: 50 }),
    fields: jsonb('fields').$type<string[]>().notNull(),
    industry: varchar('industry', { length: 30 }).notNull(),
    bio: text('bio'),
    phone: varchar('phone', { length: 30 }),
    email: varchar('email', { length: 100 }),
    regionOrgUnitId: uuid('region_org_unit_id').references(() => orgUnits.id),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    index('experts_industry_idx')
      .on(table.industry)
      .where(sql`${table.deletedAt} is null`),
  ],
)
