import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { SYNTHETIC_SCALES, type SyntheticScale } from '@kechuang/core/registers'
import {
  loadSyntheticRegister,
  migrateDatabase,
  openDatabase,
  queryRows,
  refreshPlannerStatistics,
} from '@kechuang/db'
import { seedDatabase } from '@kechuang/db/seed'
import { createAdmin } from '../packages/server/src/modules/accounts/first-admin'
import type { Actor } from '../packages/server/src/modules/audit/actor'
import { createAuditService } from '../packages/server/src/modules/audit/audit.service'
import { createOrgUnitsService } from '../packages/server/src/modules/org-units/org-units.service'
import { createScreeningsService } from '../packages/server/src/modules/qualification/screenings.service'

// M3 批量筛查 end to end: 100 000 synthetic enterprises with three years of figures (2022–2024) screened against
// both rule sets through the screening service — reading the register in batches, evaluating, ranking, writing the
// results and the 高企后备库 proposals. With BENCH_DATABASE_URL it runs on that PostgreSQL (the synthetic register
// is loaded first when the database has none); without, on the embedded database in a fresh data folder.
// Target (issue M3): under 30 s end to end. BENCH_SCREENING_ENTERPRISES sets another size for a fresh load.
const databaseUrl = process.env.BENCH_DATABASE_URL
const ENTERPRISES = Number(process.env.BENCH_SCREENING_ENTERPRISES ?? 100_000)
const TARGET_SECONDS = 30
// The years of the synthetic figures are 2022–2024: an evaluation in 2025 reads all three.
const EVALUATION_DATE = '2025-06-30'

// Province-wide, with the county scale's records per enterprise (3 IP items each …).
const county = SYNTHETIC_SCALES.county
const perEnterprise = (count: number) => Math.round((count / county.enterpriseCount) * ENTERPRISES)
const scale: SyntheticScale = {
  area: 'province',
  enterpriseCount: ENTERPRISES,
  ipCount: perEnterprise(county.ipCount),
  platformCount: perEnterprise(county.platformCount),
  projectCount: perEnterprise(county.projectCount),
  talentCount: perEnterprise(county.talentCount),
}

const dataDir = databaseUrl ? null : mkdtempSync(join(tmpdir(), 'kc-bench-screening-'))
const database = databaseUrl
  ? await openDatabase({ databaseUrl, poolSize: 5 })
  : await openDatabase({ dataDir: dataDir! })

try {
  await migrateDatabase(database)
  const db = database.db
  const [present] = await queryRows<{ synthetic: boolean; seeded: boolean }>(
    db,
    sql`select exists (select 1 from enterprises where is_synthetic) as synthetic,
      exists (select 1 from org_units) as seeded`,
  )
  if (!present?.seeded) await seedDatabase(db)
  if (!present?.synthetic) {
    console.log(`loading ${ENTERPRISES} synthetic enterprises (${database.kind}) …`)
    const loaded = await loadSyntheticRegister(db, { scale, seed: 7 })
    console.log(`loaded in ${(loaded.elapsedMs / 1000).toFixed(0)} s`)
  }
  await refreshPlannerStatistics(db)

  const [size] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*) from enterprises where canonical_id = id)::int as enterprises,
      (select count(*) from enterprise_years)::int as enterprise_years,
      (select count(*) from intellectual_property)::int as ip,
      (select count(*) from qualifications)::int as qualifications,
      (select count(*) from platform_participants)::int as platform_participants`,
  )
  console.log('register:', size)

  // The whole tree, as a system administrator (a persistent database keeps the throwaway user).
  const audit = createAuditService({ db })
  const username = `bench_screening_${randomBytes(4).toString('hex')}`
  await createAdmin(db, audit, { username, password: 'Bench-Passw0rd!' })
  const [root] = await queryRows<{ id: string; path: string; user_id: string }>(
    db,
    sql`select o.id, o.path, (select id from users where username = ${username}) as user_id
      from org_units o where o.parent_id is null and o.deleted_at is null limit 1`,
  )
  const actor: Actor = {
    userId: root!.user_id,
    username,
    displayName: '性能测试',
    role: 'system_admin',
    scopeOrgUnitId: root!.id,
    scopePath: root!.path,
    ip: null,
  }
  const screenings = createScreeningsService({ db, audit, orgUnits: createOrgUnitsService({ db, audit }) })

  const rssBefore = process.memoryUsage().rss
  let peakRss = rssBefore
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100)
  const started = performance.now()
  const run = await screenings.start(actor, { evaluationDate: EVALUATION_DATE, includeSynthetic: true })
  await screenings.settled(run.id)
  const wallSeconds = (performance.now() - started) / 1000
  clearInterval(sampler)

  const summary = await screenings.get(actor, run.id)
  if (summary.status !== 'completed') throw new Error(`screening ${summary.status}: ${summary.error}`)
  const [written] = await queryRows<{ results: number; bytes: number }>(
    db,
    sql`select (select count(*) from qualification_screening_results where screening_id = ${run.id})::int as results,
      pg_total_relation_size('qualification_screening_results')::bigint::float8 as bytes`,
  )
  console.log(`database: ${database.kind}`)
  console.log(`enterprises screened: ${summary.processedCount} × 2 rule sets → ${written!.results} results`)
  console.log(`timings (s): ${JSON.stringify(summary.timings)}`)
  console.log(`end to end: ${wallSeconds.toFixed(1)} s (target < ${TARGET_SECONDS} s)`)
  console.log(
    `results table: ${(written!.bytes / 1024 / 1024).toFixed(0)} MiB on disk (all runs); peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB`,
  )
  for (const ruleSet of ['tsme-2022', 'hnte-2016']) {
    const counts = summary.counts.filter((c) => c.ruleSet === ruleSet).map((c) => `${c.qualified} ${c.count}`)
    console.log(`${ruleSet}: ${counts.join(', ')}`)
  }
  console.log(`proposals: ${summary.proposals.pending}`)
  if (wallSeconds >= TARGET_SECONDS) process.exitCode = 1
} finally {
  await database.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}
