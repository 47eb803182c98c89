import { sql } from 'drizzle-orm'
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import type {
  FactSource,
  FormerName,
  InstitutionType,
  IpClass,
  IpLegalStatus,
  IpType,
  JudgementKind,
  Library,
  LibraryMemberKind,
  PlatformLevel,
  PlatformStatus,
  PlatformType,
  ProjectKind,
  ProjectStatus,
  QualificationStatus,
  QualificationType,
  TalentKind,
} from '@kechuang/core/registers'
import { orgUnits } from './org-units.table'
import { timestamps } from './timestamps'

/** A sentence of a source with where it came from (the seed documents' `facts`). */
export interface StoredFact {
  text: string
  source: FactSource
}

// M2 创新主体库. Every row keeps where it came from (`source`) and whether the synthetic generator made it
// (`is_synthetic`), so demo data is never mixed with real facts. Rows are never rewritten by linking: an
// enterprise is the cluster of rows joined by POSITIVE judgements (core enterprise-clusters.ts); `canonical_id`
// caches the cluster's id so lists and profiles read one column. Merge and split only change judgements and that
// cache, which is why a split gives back the records exactly as they were.
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // A cache of the cluster's id (an enterprises.id), rebuilt from the judgements; no foreign key, so a row
    // and its cluster id can be written in one statement and restored from a backup in one pass.
    canonicalId: uuid('canonical_id').notNull(),
    creditCode: varchar('credit_code', { length: 18 }),
    name: text('name').notNull(),
    // 字号 + 行业 of the normalised name (core normalizeEnterpriseName): search and blocking read it.
    nameKey: text('name_key').notNull(),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    formerNames: jsonb('former_names').$type<FormerName[]>().notNull().default([]),
    legalRepresentative: varchar('legal_representative', { length: 50 }),
    regionOrgUnitId: uuid('region_org_unit_id').references(() => orgUnits.id),
    // 行政区划代码 of the registration place when known (from the credit code or the source).
    regionCode: varchar('region_code', { length: 6 }),
    parkOrgUnitId: uuid('park_org_unit_id').references(() => orgUnits.id),
    // GB/T 4754 code (门类 letter, or 2–4 digits) and the industry wording of the source.
    industryCode: varchar('industry_code', { length: 5 }),
    industryText: text('industry_text'),
    leadingIndustry: varchar('leading_industry', { length: 50 }),
    foundedOn: date('founded_on', { mode: 'string' }),
    roles: jsonb('roles').$type<string[]>().notNull().default([]),
    facts: jsonb('facts').$type<StoredFact[]>().notNull().default([]),
    notes: jsonb('notes').$type<string[]>().notNull().default([]),
    source: jsonb('source').$type<FactSource>().notNull(),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('enterprises_credit_code_uq').on(table.creditCode),
    index('enterprises_canonical_idx').on(table.canonicalId),
    index('enterprises_region_idx').on(table.regionOrgUnitId),
    index('enterprises_name_key_idx').on(table.nameKey.op('text_pattern_ops')),
    index('enterprises_name_idx').on(table.name.op('text_pattern_ops')),
    // The 企业库 list reads canonical rows only, as `(canonical_id = id) is true`: this expression index gives the
    // planner the share of such rows (it cannot estimate a comparison of two columns), the partial ones its sorts.
    index('enterprises_canonical_flag_idx').on(sql`(${table.canonicalId} = ${table.id})`),
    index('enterprises_heads_name_idx')
      .on(table.name, table.id)
      .where(sql`(${table.canonicalId} = ${table.id}) is true`),
    index('enterprises_heads_founded_idx')
      .on(table.foundedOn, table.id)
      .where(sql`(${table.canonicalId} = ${table.id}) is true`),
    index('enterprises_heads_founded_desc_idx')
      .on(table.foundedOn.desc().nullsLast(), table.id.desc())
      .where(sql`(${table.canonicalId} = ${table.id}) is true`),
    index('enterprises_industry_code_idx').on(table.industryCode.op('text_pattern_ops')),
    index('enterprises_leading_industry_idx').on(table.leadingIndustry),
    // The 主导产业 and 合成数据 filters of the list: the canonical rows by value in name order, so a page is an index
    // walk and the count an index-only scan.
    index('enterprises_heads_leading_name_idx')
      .on(table.leadingIndustry, table.name, table.id)
      .where(sql`(${table.canonicalId} = ${table.id}) is true`),
    index('enterprises_heads_synthetic_name_idx')
      .on(table.isSynthetic, table.name, table.id)
      .where(sql`(${table.canonicalId} = ${table.id}) is true`),
    // Substring search of name, 简称 and 曾用名: the distinct character bigrams of their lower-case text (SQL
    // function enterprise_search_bigrams, migration 0006). A query's bigrams (text_bigrams) must all be present,
    // then ilike rechecks; pg_trgm is not needed (PGlite) and would skip CJK characters under the C locale.
    index('enterprises_search_bigrams_idx').using(
      'gin',
      sql`enterprise_search_bigrams(${table.name}, ${table.aliases}, ${table.formerNames})`,
    ),
  ],
)

/** One row per source enterprise row and year; money in 万元. */
export const enterpriseYears = pgTable(
  'enterprise_years',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    year: integer('year').notNull(),
    employeeCount: integer('employee_count'),
    techStaffCount: integer('tech_staff_count'),
    rdStaffCount: integer('rd_staff_count'),
    salesRevenueWanYuan: doublePrecision('sales_revenue'),
    operatingRevenueWanYuan: doublePrecision('operating_revenue'),
    totalIncomeWanYuan: doublePrecision('total_income'),
    costExpenseTotalWanYuan: doublePrecision('cost_expense_total'),
    rdExpenseWanYuan: doublePrecision('rd_expense'),
    rdExpenseDomesticWanYuan: doublePrecision('rd_expense_domestic'),
    totalAssetsWanYuan: doublePrecision('total_assets'),
    netAssetsWanYuan: doublePrecision('net_assets'),
    hiTechRevenueWanYuan: doublePrecision('hi_tech_revenue'),
    profitWanYuan: doublePrecision('profit'),
    taxWanYuan: doublePrecision('tax'),
    source: jsonb('source').$type<FactSource>().notNull(),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.enterpriseId, table.year] }),
    // Sort by 研发费用 of one year: the page is a walk of this index.
    index('enterprise_years_year_rd_idx').on(table.year, table.rdExpenseWanYuan, table.enterpriseId),
  ],
)

/** 资质 with validity: "高企数 at 31 Dec" is a query over valid_from / valid_to. */
export const qualifications = pgTable(
  'qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    type: varchar('type', { length: 30 }).$type<QualificationType>().notNull(),
    // The title as the source writes it (e.g. 湖北省首批瞪羚企业).
    title: text('title').notNull(),
    status: varchar('status', { length: 10 }).$type<QualificationStatus>().notNull().default('held'),
    // 证书编号 (高企) or 入库登记编号 (科技型中小企业).
    number: varchar('number', { length: 60 }),
    year: integer('year'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    level: varchar('level', { length: 20 }).$type<PlatformLevel>(),
    source: jsonb('source').$type<FactSource>().notNull(),
    ...timestamps,
  },
  (table) => [
    index('qualifications_enterprise_idx').on(table.enterpriseId),
    index('qualifications_type_valid_idx').on(table.type, table.validFrom, table.validTo),
    // Held qualifications of a type with everything their validity reads: the list filter by 资质 is an index-only
    // scan of this index.
    index('qualifications_held_type_idx')
      .on(table.type, table.enterpriseId, table.validFrom, table.validTo, table.year)
      .where(sql`${table.status} = 'held'`),
    uniqueIndex('qualifications_type_number_uq')
      .on(table.type, table.number)
      .where(sql`${table.number} is not null`),
  ],
)

/** Universities and research institutes (the 在黄高校 and partners named by the plans). */
export const institutions = pgTable('institutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
  type: varchar('type', { length: 30 }).$type<InstitutionType>().notNull(),
  typeText: text('type_text'),
  parentName: text('parent_name'),
  regionOrgUnitId: uuid('region_org_unit_id').references(() => orgUnits.id),
  facts: jsonb('facts').$type<StoredFact[]>().notNull().default([]),
  source: jsonb('source').$type<FactSource>().notNull(),
  isSynthetic: boolean('is_synthetic').notNull().default(false),
  ...timestamps,
})

export const platforms = pgTable(
  'platforms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    type: varchar('type', { length: 40 }).$type<PlatformType>().notNull(),
    typeText: text('type_text'),
    level: varchar('level', { length: 20 }).$type<PlatformLevel>(),
    status: varchar('status', { length: 10 }).$type<PlatformStatus>().notNull(),
    targetLevel: varchar('target_level', { length: 20 }).$type<PlatformLevel>(),
    regionOrgUnitId: uuid('region_org_unit_id').references(() => orgUnits.id),
    parkOrgUnitId: uuid('park_org_unit_id').references(() => orgUnits.id),
    approvedOn: date('approved_on', { mode: 'string' }),
    facts: jsonb('facts').$type<StoredFact[]>().notNull().default([]),
    notes: jsonb('notes').$type<string[]>().notNull().default([]),
    source: jsonb('source').$type<FactSource>().notNull(),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    ...timestamps,
  },
  (table) => [index('platforms_region_idx').on(table.regionOrgUnitId)],
)

/**
 * Hosts and partners of a platform: an enterprise, an institution, or (when the source names none we know, e.g.
 * 重点电子信息企业) only the name as written.
 */
export const platformParticipants = pgTable(
  'platform_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    role: varchar('role', { length: 10 }).$type<'host' | 'partner'>().notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    nameAsWritten: text('name_as_written').notNull(),
  },
  (table) => [
    index('platform_participants_platform_idx').on(table.platformId),
    index('platform_participants_enterprise_idx').on(table.enterpriseId),
  ],
)

export const intellectualProperty = pgTable(
  'intellectual_property',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    type: varchar('type', { length: 30 }).$type<IpType>().notNull(),
    // Derived from the type (core ipClassOf) and stored so counts by class are one index scan.
    ipClass: varchar('ip_class', { length: 2 }).$type<IpClass>(),
    // 专利号 / 登记号.
    number: varchar('number', { length: 60 }).notNull(),
    title: text('title').notNull(),
    appliedOn: date('applied_on', { mode: 'string' }),
    grantedOn: date('granted_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    legalStatus: varchar('legal_status', { length: 10 }).$type<IpLegalStatus>().notNull(),
    // The applicant as the list writes it (the linker's input).
    applicantName: text('applicant_name'),
    usedInPriorHnteApplication: boolean('used_in_prior_hnte_application').notNull().default(false),
    source: jsonb('source').$type<FactSource>().notNull(),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('intellectual_property_type_number_uq').on(table.type, table.number),
    index('intellectual_property_enterprise_idx').on(table.enterpriseId, table.ipClass, table.legalStatus),
  ],
)

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    kind: varchar('kind', { length: 30 }).$type<ProjectKind>().notNull(),
    name: text('name').notNull(),
    // 项目编号 of the program or the 招商 register, when there is one.
    number: varchar('number', { length: 60 }),
    amountWanYuan: doublePrecision('amount'),
    startedOn: date('started_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    status: varchar('status', { length: 20 }).$type<ProjectStatus>().notNull(),
    regionOrgUnitId: uuid('region_org_unit_id').references(() => orgUnits.id),
    source: jsonb('source').$type<FactSource>().notNull(),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    ...timestamps,
  },
  (table) => [index('projects_enterprise_idx').on(table.enterpriseId)],
)

/** Talents and 科技特派员. Personal data (id number, phone) is masked unless the role may see it. */
export const talents = pgTable(
  'talents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    kind: varchar('kind', { length: 30 }).$type<TalentKind>().notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    idNumber: varchar('id_number', { length: 18 }),
    phone: varchar('phone', { length: 20 }),
    title: text('title'),
    field: text('field'),
    regionOrgUnitId: uuid('region_org_unit_id').references(() => orgUnits.id),
    source: jsonb('source').$type<FactSource>().notNull(),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    ...timestamps,
  },
  (table) => [index('talents_enterprise_idx').on(table.enterpriseId)],
)

/**
 * Reviewer and merge decisions between two enterprise rows (nomenklatura's judgements): one live edge per pair,
 * undone by setting deleted_at. POSITIVE edges make clusters; NEGATIVE ones keep a pair out of the review queue.
 */
export const enterpriseJudgements = pgTable(
  'enterprise_judgements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leftId: uuid('left_id')
      .notNull()
      .references(() => enterprises.id),
    rightId: uuid('right_id')
      .notNull()
      .references(() => enterprises.id),
    judgement: varchar('judgement', { length: 10 }).$type<JudgementKind>().notNull(),
    score: doublePrecision('score'),
    reason: text('reason'),
    userId: uuid('user_id'),
    userName: varchar('user_name', { length: 100 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('enterprise_judgements_live_pair_uq')
      .on(table.leftId, table.rightId)
      .where(sql`${table.deletedAt} is null`),
    index('enterprise_judgements_right_idx').on(table.rightId),
  ],
)

/** Manual curation of the five 库: add or remove a member with a reason; undone by withdrawing the row. */
export const libraryCurations = pgTable(
  'library_curations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    library: varchar('library', { length: 40 }).$type<Library>().notNull(),
    memberKind: varchar('member_kind', { length: 20 }).$type<LibraryMemberKind>().notNull(),
    memberId: uuid('member_id').notNull(),
    action: varchar('action', { length: 10 }).$type<'add' | 'remove'>().notNull(),
    reason: text('reason').notNull(),
    userId: uuid('user_id'),
    userName: varchar('user_name', { length: 100 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('library_curations_live_uq')
      .on(table.library, table.memberId)
      .where(sql`${table.withdrawnAt} is null`),
  ],
)
