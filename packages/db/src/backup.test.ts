import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { seedDatabase } from '../seed/index'
import { migrateDatabase, openDatabase, queryRows, type DatabaseHandle } from './client'
import { listDataTables, restoreBackup, writeBackup } from './backup'
import {
  attachments,
  auditLog,
  enterpriseJudgements,
  enterpriseYears,
  enterprises,
  institutions,
  intellectualProperty,
  libraryCurations,
  experts,
  qualificationProposals,
  techContracts,
  techEngagementSteps,
  techEngagements,
  techEvents,
  techNeeds,
  techResults,
  qualificationScreeningResults,
  qualificationScreenings,
  qualificationSelfChecks,
  platformParticipants,
  platforms,
  projects,
  qualifications,
  registerImportMappings,
  registerImportRows,
  registerImports,
  registerLinkDecisions,
  registerReviewItems,
  talents,
  periodLocks,
  rateLimits,
  sessions,
  taskProgressReports,
  users,
} from './tables/index'

// Real data folders on disk, as an operator's backup and restore would use them.
const workDir = mkdtempSync(join(tmpdir(), 'kc-backup-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

async function openFolder(name: string): Promise<DatabaseHandle> {
  const handle = await openDatabase({ dataDir: join(workDir, name) })
  await migrateDatabase(handle)
  return handle
}

async function snapshot(handle: DatabaseHandle): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {}
  for (const table of await listDataTables(handle.db)) {
    const order = sql.join(
      table.primaryKey.map((c) => sql.identifier(c)),
      sql`, `,
    )
    result[table.name] = (
      await queryRows<{ row: unknown }>(
        handle.db,
        sql`select row_to_json(t) as row from ${sql.identifier(table.name)} t order by ${order}`,
      )
    ).map((r) => r.row)
  }
  return result
}

// Every byte value, so the bytea column's "\\x…" hex text in the backup is checked end to end.
const ATTACHMENT_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i))

/** Two enterprise rows merged into one (a self-referencing cluster id), with one of every linked record. */
async function fillRegisters(handle: DatabaseHandle, userId: string): Promise<void> {
  const source = { kind: 'manual' as const }
  const [first] = await handle.db
    .insert(enterprises)
    .values({
      id: '00000000-0000-4000-8000-000000000001',
      canonicalId: '00000000-0000-4000-8000-000000000001',
      creditCode: '91420281MA4F0AAA7Y',
      name: '大冶测试科技有限公司',
      nameKey: '测试科技',
      source,
    })
    .returning()
  const [second] = await handle.db
    .insert(enterprises)
    .values({
      id: '00000000-0000-4000-8000-000000000002',
      canonicalId: first!.id,
      name: '测试科技',
      nameKey: '测试科技',
      aliases: ['测试'],
      formerNames: [{ name: '大冶测试有限公司', validFrom: null, validTo: '2020-01-01' }],
      source,
    })
    .returning()
  await handle.db.insert(enterpriseJudgements).values({
    leftId: first!.id,
    rightId: second!.id,
    judgement: 'POSITIVE',
    score: 0.97,
    userId,
    userName: '测试',
  })
  await handle.db
    .insert(enterpriseYears)
    .values({ enterpriseId: first!.id, year: 2023, employeeCount: 120, rdExpenseWanYuan: 512.5, source })
  await handle.db.insert(qualifications).values({
    enterpriseId: second!.id,
    type: 'hnte',
    title: '高新技术企业',
    number: 'GR202342000001',
    validFrom: '2023-12-01',
    validTo: '2026-11-30',
    source,
  })
  const [institution] = await handle.db
    .insert(institutions)
    .values({ name: '测试大学', type: 'university', source })
    .returning()
  const [platform] = await handle.db
    .insert(platforms)
    .values({
      name: '测试工程技术研究中心',
      type: 'engineering_technology_center',
      level: 'provincial',
      status: 'built',
      source,
    })
    .returning()
  await handle.db.insert(platformParticipants).values([
    {
      platformId: platform!.id,
      role: 'host',
      enterpriseId: first!.id,
      nameAsWritten: '大冶测试科技有限公司',
    },
    { platformId: platform!.id, role: 'partner', institutionId: institution!.id, nameAsWritten: '测试大学' },
  ])
  await handle.db.insert(intellectualProperty).values({
    enterpriseId: second!.id,
    type: 'invention',
    ipClass: 'I',
    number: 'ZL202310000001.X',
    title: '一种测试方法',
    legalStatus: 'granted',
    source,
  })
  const [project] = await handle.db
    .insert(projects)
    .values({
      enterpriseId: first!.id,
      kind: 'technical_renovation',
      name: '测试技改项目',
      amountWanYuan: 3000,
      status: 'in_progress',
      source,
    })
    .returning()
  await handle.db.insert(talents).values({
    enterpriseId: first!.id,
    kind: 'technology_commissioner',
    name: '张三',
    idNumber: '420281199001011234',
    phone: '13800000000',
    source,
  })
  // An import with one staged row that waits in the review queue, and the decision a reviewer took on it.
  const record = {
    listType: 'tsme' as const,
    name: '测试',
    creditCode: null,
    region: null,
    registrationNumber: '20234202810000001',
    year: 2023,
  }
  const [batch] = await handle.db
    .insert(registerImports)
    .values({
      listType: 'tsme',
      fileName: '入库名单.xlsx',
      fileBytes: 4096,
      status: 'committed',
      headers: ['企业名称'],
      mapping: { name: '企业名称' },
      scopePath: '/',
      createdByName: '测试',
    })
    .returning()
  await handle.db.insert(registerImportRows).values({
    importId: batch!.id,
    rowNumber: 2,
    cells: ['测试'],
    values: { name: '测试' },
    record,
    outcome: 'review',
    probability: 0.6,
  })
  const [item] = await handle.db
    .insert(registerReviewItems)
    .values({
      importId: batch!.id,
      rowNumber: 2,
      listType: 'tsme',
      values: { name: '测试' },
      record,
      subjectName: '测试',
      probability: 0.6,
      candidates: [],
      status: 'accepted',
      enterpriseId: first!.id,
      scopePath: '/',
    })
    .returning()
  await handle.db.insert(registerLinkDecisions).values({
    recordKey: '测试|',
    enterpriseId: first!.id,
    judgement: 'POSITIVE',
    reviewItemId: item!.id,
    userId,
    userName: '测试',
  })
  await handle.db
    .insert(registerImportMappings)
    .values({ listType: 'tsme', mapping: { name: '企业名称' }, updatedByName: '测试' })
  await handle.db.insert(libraryCurations).values({
    library: 'investment_projects',
    memberKind: 'project',
    memberId: project!.id,
    action: 'add',
    reason: '测试',
    userId,
    userName: '测试',
  })
}

/**
 * Puts at least one row into every table, with the awkward cases: a tree, JSON, nulls, identity ids,
 * binary content.
 */
/** M5: a 科技成果 (with markup in its text, stored as typed), a 技术需求 and an expert. */
async function fillMarketplace(handle: DatabaseHandle, rootId: string, userId: string): Promise<void> {
  const [result] = await handle.db
    .insert(techResults)
    .values({
      title: '高镍三元正极材料<script>制备</script>',
      abstract: '共沉淀法制备前驱体。',
      keywords: ['正极材料'],
      industry: '新材料',
      maturity: 'pilot',
      ownerName: '示例大学材料学院',
      transferMode: 'license',
      priceWanYuan: 120.5,
      createdByUserId: userId,
    })
    .returning()
  const [need] = await handle.db
    .insert(techNeeds)
    .values({
      title: '锂电池正极材料技术需求',
      description: '提升能量密度。',
      industry: '新材料',
      enterpriseName: '大冶某新能源有限公司',
      deadline: '2026-12-31',
      source: 'plan',
      planDirectionId: 'HS-C1-02',
    })
    .returning()
  await handle.db.insert(experts).values({
    name: '王明',
    organization: '示例大学',
    fields: ['锂电池', '正极材料'],
    industry: '新材料',
  })
  // From recommendation to deal: a 对接 met at an event and concluded by a contract (exact numeric amount).
  const [engagement] = await handle.db
    .insert(techEngagements)
    .values({ needId: need!.id, resultId: result!.id, status: 'contract', reason: '共同技术词：正极材料' })
    .returning()
  const [event] = await handle.db
    .insert(techEvents)
    .values({
      title: '新材料成果路演',
      kind: 'roadshow',
      heldOn: '2026-05-20',
      participants: [{ kind: 'enterprise', name: '大冶某新能源有限公司', refId: null }],
    })
    .returning()
  const [contract] = await handle.db
    .insert(techContracts)
    .values({
      registrationNumber: '2026420200000123',
      title: '高镍正极材料技术许可合同',
      type: 'license',
      amountWanYuan: 123.4567,
      sellerName: '示例大学',
      buyerName: '大冶某新能源有限公司',
      signedOn: '2026-06-01',
      regionOrgUnitId: rootId,
      engagementId: engagement!.id,
    })
    .returning()
  await handle.db.insert(techEngagementSteps).values([
    { engagementId: engagement!.id, toStatus: 'meeting', fromStatus: 'recommended', eventId: event!.id },
    { engagementId: engagement!.id, toStatus: 'contract', fromStatus: 'meeting', contractId: contract!.id },
  ])
}

/** M3: a screening run with one result and one proposal, and a kept self-check. */
async function fillQualification(handle: DatabaseHandle, rootId: string, userId: string): Promise<void> {
  const enterpriseId = '00000000-0000-4000-8000-000000000001'
  const [run] = await handle.db
    .insert(qualificationScreenings)
    .values({
      status: 'completed',
      evaluationDate: '2025-06-30',
      filter: { includeSynthetic: true },
      scopeOrgUnitId: rootId,
      scopeName: '黄石市',
      enterpriseCount: 1,
      processedCount: 1,
      startedByUserId: userId,
      startedBy: '测试',
      finishedAt: new Date(),
      timings: { read: 0.1, evaluate: 0.2, write: 0.1, total: 0.4 },
    })
    .returning()
  await handle.db.insert(qualificationScreeningResults).values({
    screeningId: run!.id,
    ruleSet: 'hnte-2016',
    enterpriseId,
    qualified: 'failed',
    scoreMin: 20,
    scoreMax: 64,
    nearlyRank: 1,
    conditions: [
      {
        id: 'HNTE-5-rd-ratio',
        status: 'fail',
        text: '研发费用占比 3.60%',
        gap: { amount: 96, unit: '万元', text: '还差 96.00 万元' },
      },
      { id: 'HNTE-3-tech-domain', status: 'needs-judgement' },
    ],
    problems: [],
  })
  await handle.db.insert(qualificationProposals).values({
    screeningId: run!.id,
    enterpriseId,
    rank: 1,
    reason: '高企预评价排名第 1：研发费用占比 3.60%，还差 96.00 万元。',
  })
  await handle.db.insert(qualificationSelfChecks).values({
    userId,
    ruleSet: 'tsme-2022',
    name: '2025 年自测',
    input: { evaluationDate: '2025-05-10', dataYear: 2024 },
    qualified: 'failed',
    summary: '不符合：科技人员指标得分为 0。',
  })
}

async function fillEveryTable(handle: DatabaseHandle): Promise<void> {
  await seedDatabase(handle.db)
  const [root] = await queryRows<{ id: string }>(
    handle.db,
    sql`select id from org_units where parent_id is null`,
  )
  const [user] = await handle.db
    .insert(users)
    .values({
      username: 'tester',
      displayName: '测试',
      role: 'bureau_staff',
      scopeOrgUnitId: root!.id,
      passwordHash: 'x',
    })
    .returning()
  await handle.db
    .insert(sessions)
    .values({ id: 'a'.repeat(64), userId: user!.id, csrfToken: 'c', expiresAt: new Date() })
  await handle.db.insert(rateLimits).values({ id: 'login:127.0.0.1', hits: 3, resetAt: new Date() })
  // The seed fills plans, indicators, observations (with a superseded revision) and tasks; these are
  // only ever written by people.
  await handle.db
    .insert(periodLocks)
    .values({ planId: 'daye-2022-2024', orgUnitId: root!.id, year: 2022, lockedByName: '测试' })
  const [progressReport] = await handle.db
    .insert(taskProgressReports)
    .values({
      taskId: 'DY-T01',
      orgUnitId: root!.id,
      year: 2022,
      text: '已完成“6+1”产业链梳理',
      percentDone: 100,
      reportedByUserId: user!.id,
      reportedByName: '测试',
    })
    .returning()
  await handle.db.insert(attachments).values({
    fileName: '进展照片.png',
    mediaType: 'image/png',
    sizeBytes: ATTACHMENT_BYTES.length,
    sha256: 'a'.repeat(64),
    content: ATTACHMENT_BYTES,
    ownerType: 'task_progress_report',
    ownerId: progressReport!.id,
    orgUnitPath: `/${root!.id}/`,
    uploadedByUserId: user!.id,
    uploadedByName: '测试',
    linkedAt: new Date(),
  })
  await fillRegisters(handle, user!.id)
  await fillQualification(handle, root!.id, user!.id)
  await fillMarketplace(handle, root!.id, user!.id)
  await handle.db.insert(auditLog).values({
    actorName: '测试',
    entityType: 'user',
    entityId: user!.id,
    action: 'create',
    after: { nested: { a: [1, '二'] } },
  })
}

describe('backup and restore', () => {
  it('reproduces every table, row for row, in an empty data folder', async () => {
    const source = await openFolder('source')
    await fillEveryTable(source)
    const before = await snapshot(source)
    for (const [table, rows] of Object.entries(before)) expect(rows.length, table).toBeGreaterThan(0)
    const file = join(workDir, 'backup.jsonl.gz')
    await writeBackup(source, file)
    await source.close()

    const target = await openFolder('target')
    const summary = await restoreBackup(target, file)
    expect(await snapshot(target)).toEqual(before)
    expect(summary.tables.org_units).toBe(before.org_units!.length)
    // bytea travels as "\\x…" hex through row_to_json / json_populate_recordset and comes back byte for byte.
    const [restored] = await target.db.select().from(attachments)
    expect(Buffer.compare(restored!.content, ATTACHMENT_BYTES)).toBe(0)

    // Identity sequences continue after the restored ids instead of colliding with them.
    const [next] = await target.db
      .insert(auditLog)
      .values({ actorName: 'x', entityType: 'x', action: 'create' })
      .returning()
    expect(next!.id).toBeGreaterThan(Math.max(...before.audit_log!.map((r) => (r as { id: number }).id)))
    await target.close()
  })

  it('refuses to restore over existing data and changes nothing', async () => {
    const source = await openFolder('source-2')
    await seedDatabase(source.db)
    const file = join(workDir, 'backup-2.jsonl.gz')
    await writeBackup(source, file)
    await expect(restoreBackup(source, file)).rejects.toThrow(/不是空库/)
    const [count] = await queryRows<{ n: number }>(source.db, sql`select count(*)::int as n from org_units`)
    expect(count!.n).toBe((await snapshot(source)).org_units!.length)
    await source.close()
  })

  it('refuses a file that is not a backup', async () => {
    const target = await openFolder('target-3')
    const file = join(workDir, 'not-a-backup.gz')
    writeFileSync(file, gzipSync('{"hello":"world"}\n'))
    await expect(restoreBackup(target, file)).rejects.toThrow(/不是科创平台的备份文件/)
    await target.close()
  })
})

describe('embedded database', () => {
  it('keeps its data across a restart', async () => {
    const first = await openFolder('restart')
    await seedDatabase(first.db)
    const before = await snapshot(first)
    await first.close()
    const second = await openFolder('restart')
    expect(await snapshot(second)).toEqual(before)
    await second.close()
  })
})
