import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import {
  type FactSource,
  type ImportRecord,
  QUALIFICATION_TYPE_LABELS,
  ipClassOf,
  normalizeEnterpriseName,
} from '@kechuang/core/registers'
import { queryRows, tables, type Executor } from '@kechuang/db'

const { enterpriseYears, platforms, platformParticipants } = tables

/**
 * Writing imported records into the register, shared by commit (many rows per statement) and the review queue
 * (one row once a reviewer decided). A record whose key already exists (证书编号, 专利号, enterprise + year) is
 * updated when it differs and left alone when it does not, so re-importing a list changes nothing.
 */
export interface RecordToWrite {
  rowNumber: number
  record: ImportRecord
  /** The enterprise to attach to; null to create one from the row's credit code (or, for a platform, none). */
  enterpriseId: string | null
}

/** What happened to one row: a new enterprise, a record attached to a known one, changed, or already there. */
export type WriteOutcome = 'created' | 'linked' | 'updated' | 'unchanged'

export interface WriteSource {
  importId: string
  fileName: string
}

const sourceOf = (source: WriteSource, rowNumber: number): FactSource => ({
  kind: 'import',
  doc: source.fileName,
  ref: `第 ${rowNumber} 行`,
  importId: source.importId,
})

// Records returned by an upsert were inserted (xmax = 0) or updated; those it skipped were equal. Batches go in
// as one JSON parameter expanded by jsonb_to_recordset: binding every value through the query builder was most of
// the time of a 100 000-row commit.
const insertedFlag = sql<boolean>`(xmax = 0)`

/** Writes one batch in the caller's transaction; returns one outcome per input, in order. */
export async function writeImportedRecords(
  tx: Executor,
  source: WriteSource,
  items: readonly RecordToWrite[],
): Promise<WriteOutcome[]> {
  if (items.length === 0) return []
  const { enterpriseIds, createdBy } = await createMissingEnterprises(tx, source, items)
  const outcomes: WriteOutcome[] = new Array<WriteOutcome>(items.length)
  const written = (index: number, wasInserted: boolean | undefined) => {
    outcomes[index] =
      createdBy.get(index) === true
        ? 'created'
        : wasInserted === undefined
          ? 'unchanged'
          : wasInserted
            ? 'linked'
            : 'updated'
  }
  const listType = items[0]!.record.listType
  const idOf = (i: number) => enterpriseIds[i]

  if (listType === 'hnte' || listType === 'tsme') {
    const rows = items.map((item, i) => {
      const r = item.record as Extract<ImportRecord, { listType: 'hnte' | 'tsme' }>
      return {
        enterprise_id: idOf(i)!,
        type: r.listType,
        title: QUALIFICATION_TYPE_LABELS[r.listType],
        number: r.listType === 'hnte' ? r.certificateNumber : r.registrationNumber,
        year: r.listType === 'tsme' ? r.year : Number(r.validFrom.slice(0, 4)),
        valid_from: r.listType === 'hnte' ? r.validFrom : null,
        valid_to: r.listType === 'hnte' ? r.validTo : null,
        source: sourceOf(source, item.rowNumber),
      }
    })
    const returned = await queryRows<{ number: string; inserted: boolean }>(
      tx,
      sql`insert into qualifications (enterprise_id, type, title, number, year, valid_from, valid_to, source)
          select enterprise_id, type, title, number, year, valid_from, valid_to, source
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
            enterprise_id uuid, type varchar, title text, number varchar, year int, valid_from date, valid_to date,
            source jsonb)
          on conflict (type, number) where number is not null do update set
            enterprise_id = excluded.enterprise_id, year = excluded.year, valid_from = excluded.valid_from,
            valid_to = excluded.valid_to, source = excluded.source, updated_at = now()
          where (qualifications.enterprise_id, qualifications.year, qualifications.valid_from,
                 qualifications.valid_to)
            is distinct from (excluded.enterprise_id, excluded.year, excluded.valid_from, excluded.valid_to)
          returning number, (xmax = 0) as inserted`,
    )
    const byNumber = new Map(returned.map((r) => [r.number, r.inserted]))
    rows.forEach((row, i) => written(i, byNumber.get(row.number)))
  } else if (listType === 'patents') {
    const rows = items.map((item, i) => {
      const r = item.record as Extract<ImportRecord, { listType: 'patents' }>
      return {
        enterprise_id: idOf(i)!,
        type: r.ipType,
        ip_class: ipClassOf(r.ipType),
        number: r.number,
        title: r.title,
        applied_on: r.appliedOn,
        granted_on: r.grantedOn,
        legal_status: r.legalStatus,
        applicant_name: r.applicantName,
        source: sourceOf(source, item.rowNumber),
      }
    })
    const returned = await queryRows<{ key: string; inserted: boolean }>(
      tx,
      sql`insert into intellectual_property (enterprise_id, type, ip_class, number, title, applied_on, granted_on,
                                             legal_status, applicant_name, source)
          select enterprise_id, type, ip_class, number, title, applied_on, granted_on, legal_status, applicant_name,
                 source
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
            enterprise_id uuid, type varchar, ip_class varchar, number varchar, title text, applied_on date,
            granted_on date, legal_status varchar, applicant_name text, source jsonb)
          on conflict (type, number) do update set
            enterprise_id = excluded.enterprise_id, title = excluded.title, applied_on = excluded.applied_on,
            granted_on = excluded.granted_on, legal_status = excluded.legal_status,
            applicant_name = excluded.applicant_name, source = excluded.source, updated_at = now()
          where (intellectual_property.enterprise_id, intellectual_property.title, intellectual_property.applied_on,
                 intellectual_property.granted_on, intellectual_property.legal_status,
                 intellectual_property.applicant_name)
            is distinct from (excluded.enterprise_id, excluded.title, excluded.applied_on, excluded.granted_on,
                              excluded.legal_status, excluded.applicant_name)
          returning type || '|' || number as key, (xmax = 0) as inserted`,
    )
    const byKey = new Map(returned.map((r) => [r.key, r.inserted]))
    rows.forEach((row, i) => written(i, byKey.get(`${row.type}|${row.number}`)))
  } else if (listType === 'enterprise_years') {
    await writeEnterpriseYears(tx, source, items, enterpriseIds, written)
  } else {
    for (const [i, item] of items.entries()) {
      written(i, await writePlatform(tx, source, item, idOf(i) ?? null))
    }
  }
  return outcomes
}

async function writeEnterpriseYears(
  tx: Executor,
  source: WriteSource,
  items: readonly RecordToWrite[],
  enterpriseIds: (string | undefined)[],
  written: (index: number, wasInserted: boolean | undefined) => void,
) {
  // One statement per batch may not touch a row twice: the same enterprise and year is written once, last row wins.
  const rows = new Map<string, { index: number; row: typeof enterpriseYears.$inferInsert }>()
  items.forEach((item, i) => {
    const r = item.record as Extract<ImportRecord, { listType: 'enterprise_years' }>
    const row = {
      enterpriseId: enterpriseIds[i]!,
      year: r.year,
      ...r.figures,
      source: sourceOf(source, item.rowNumber),
    }
    rows.set(`${row.enterpriseId}|${r.year}`, { index: i, row })
  })
  const y = enterpriseYears
  const keep = (column: string) => sql.raw(`coalesce(excluded.${column}, enterprise_years.${column})`)
  const figureColumns = [
    ['employeeCount', 'employee_count'],
    ['techStaffCount', 'tech_staff_count'],
    ['rdStaffCount', 'rd_staff_count'],
    ['salesRevenueWanYuan', 'sales_revenue'],
    ['operatingRevenueWanYuan', 'operating_revenue'],
    ['totalIncomeWanYuan', 'total_income'],
    ['costExpenseTotalWanYuan', 'cost_expense_total'],
    ['rdExpenseWanYuan', 'rd_expense'],
    ['rdExpenseDomesticWanYuan', 'rd_expense_domestic'],
    ['totalAssetsWanYuan', 'total_assets'],
    ['netAssetsWanYuan', 'net_assets'],
    ['hiTechRevenueWanYuan', 'hi_tech_revenue'],
    ['profitWanYuan', 'profit'],
    ['taxWanYuan', 'tax'],
  ] as const
  const set = Object.fromEntries(figureColumns.map(([key, column]) => [key, keep(column)]))
  const stored = sql.raw(`(${figureColumns.map(([, c]) => `enterprise_years.${c}`).join(', ')})`)
  const incoming = sql.raw(
    `(${figureColumns.map(([, c]) => `coalesce(excluded.${c}, enterprise_years.${c})`).join(', ')})`,
  )
  const returned = await tx
    .insert(y)
    .values([...rows.values()].map((r) => r.row))
    .onConflictDoUpdate({
      target: [y.enterpriseId, y.year],
      set: { ...set, source: sql`excluded.source`, updatedAt: sql`now()` },
      setWhere: sql`${stored} is distinct from ${incoming}`,
    })
    .returning({ enterpriseId: y.enterpriseId, year: y.year, inserted: insertedFlag })
  const byKey = new Map(returned.map((r) => [`${r.enterpriseId}|${r.year}`, r.inserted]))
  // 成立日期 given by the list fills or corrects the enterprise's own (the list is the newer word on it).
  const founded = new Map<string, string>()
  items.forEach((item, i) => {
    const r = item.record as Extract<ImportRecord, { listType: 'enterprise_years' }>
    if (r.foundedOn) founded.set(enterpriseIds[i]!, r.foundedOn)
  })
  const changedFounding = new Set<string>()
  if (founded.size > 0) {
    const updated = await queryRows<{ id: string }>(
      tx,
      sql`update enterprises e set founded_on = v.founded_on, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify([...founded].map(([id, on]) => ({ id, founded_on: on })))}::jsonb)
          as v(id uuid, founded_on date)
        where e.id = v.id and e.founded_on is distinct from v.founded_on
        returning e.id`,
    )
    for (const row of updated) changedFounding.add(row.id)
  }
  items.forEach((item, i) => {
    const r = item.record as Extract<ImportRecord, { listType: 'enterprise_years' }>
    // A row whose figures were unchanged but whose 成立日期 was set counts as updated.
    const inserted = byKey.get(`${enterpriseIds[i]}|${r.year}`)
    written(i, inserted ?? (changedFounding.has(enterpriseIds[i]!) ? false : undefined))
  })
}

// Platforms have no registration number: the same name and type is the same platform.
async function writePlatform(
  tx: Executor,
  source: WriteSource,
  item: RecordToWrite,
  hostId: string | null,
): Promise<boolean | undefined> {
  const r = item.record as Extract<ImportRecord, { listType: 'platforms' }>
  const [existing] = await tx
    .select()
    .from(platforms)
    .where(and(eq(platforms.name, r.name), eq(platforms.type, r.platformType)))
    .limit(1)
  let platformId: string
  let outcome: boolean | undefined
  if (!existing) {
    const [inserted] = await tx
      .insert(platforms)
      .values({
        name: r.name,
        type: r.platformType,
        level: r.level,
        status: r.status,
        approvedOn: r.approvedOn,
        source: sourceOf(source, item.rowNumber),
      })
      .returning({ id: platforms.id })
    platformId = inserted!.id
    outcome = true
  } else {
    platformId = existing.id
    const isSame =
      existing.level === r.level && existing.status === r.status && existing.approvedOn === r.approvedOn
    if (!isSame) {
      await tx
        .update(platforms)
        .set({ level: r.level, status: r.status, approvedOn: r.approvedOn, updatedAt: sql`now()` })
        .where(eq(platforms.id, existing.id))
      outcome = false
    }
  }
  const hosts = await tx
    .select({ enterpriseId: platformParticipants.enterpriseId, name: platformParticipants.nameAsWritten })
    .from(platformParticipants)
    .where(and(eq(platformParticipants.platformId, platformId), eq(platformParticipants.role, 'host')))
  if (!hosts.some((h) => h.enterpriseId === hostId && h.name === r.hostName)) {
    await tx
      .insert(platformParticipants)
      .values({ platformId, role: 'host', enterpriseId: hostId, nameAsWritten: r.hostName })
    outcome ??= false
  }
  return outcome
}

/**
 * Creates the enterprises of rows to attach to none, from their credit code; a code already in the register (put
 * there by another row or another import since the preview) is attached to, not created twice.
 */
async function createMissingEnterprises(
  tx: Executor,
  source: WriteSource,
  items: readonly RecordToWrite[],
): Promise<{ enterpriseIds: (string | undefined)[]; createdBy: Map<number, boolean> }> {
  const enterpriseIds = items.map((item) => item.enterpriseId ?? undefined)
  const createdBy = new Map<number, boolean>()
  const wanted = new Map<
    string,
    { index: number; record: Extract<ImportRecord, { creditCode: string | null }> }
  >()
  items.forEach((item, i) => {
    const r = item.record
    if (item.enterpriseId !== null || !('creditCode' in r) || !r.creditCode) return
    if (!wanted.has(r.creditCode)) wanted.set(r.creditCode, { index: i, record: r })
  })
  if (wanted.size === 0) return { enterpriseIds, createdBy }
  const rows = [...wanted.values()].map(({ index, record }) => {
    const region = 'region' in record ? record.region : null
    return {
      id: randomUUID(),
      credit_code: record.creditCode,
      name: record.name,
      name_key: normalizeEnterpriseName(record.name).key,
      region_org_unit_id: region?.orgUnitId ?? null,
      // 第 3–8 位 of the code: the registering authority's 行政区划码.
      region_code: region?.regionCode ?? record.creditCode!.slice(2, 8),
      source: sourceOf(source, items[index]!.rowNumber),
    }
  })
  const inserted = await queryRows<{ credit_code: string }>(
    tx,
    sql`insert into enterprises (id, canonical_id, credit_code, name, name_key, region_org_unit_id, region_code, source)
        select id, id, credit_code, name, name_key, region_org_unit_id, region_code, source
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
          id uuid, credit_code varchar, name text, name_key text, region_org_unit_id uuid, region_code varchar,
          source jsonb)
        on conflict (credit_code) do nothing
        returning credit_code`,
  )
  const found = await queryRows<{ id: string; credit_code: string }>(
    tx,
    sql`select id, credit_code from enterprises
        where credit_code in (select jsonb_array_elements_text(${JSON.stringify([...wanted.keys()])}::jsonb))`,
  )
  const idByCode = new Map(found.map((f) => [f.credit_code, f.id]))
  for (const { credit_code } of inserted) createdBy.set(wanted.get(credit_code)!.index, true)
  items.forEach((item, i) => {
    const r = item.record
    if (item.enterpriseId === null && 'creditCode' in r && r.creditCode)
      enterpriseIds[i] = idByCode.get(r.creditCode)
  })
  return { enterpriseIds, createdBy }
}
