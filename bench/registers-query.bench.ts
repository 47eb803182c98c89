import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { SYNTHETIC_SCALES, type SyntheticScaleName } from '@kechuang/core/registers'
import {
  loadSyntheticRegister,
  migrateDatabase,
  openDatabase,
  queryRows,
  refreshPlannerStatistics,
} from '@kechuang/db'
import { seedDatabase } from '@kechuang/db/seed'
import { buildApp } from '@kechuang/server/app'
import { testConfig } from '../packages/server/src/config'
import { createAuditService } from '../packages/server/src/modules/audit/audit.service'
import { createAdmin } from '../packages/server/src/modules/accounts/first-admin'
import { percentile } from './measure'

// M2 企业库 queries over real HTTP: list filter + sort + page, profile, ladder and library pages. With
// BENCH_DATABASE_URL or DATABASE_URL it runs on that PostgreSQL at province scale (500 000 enterprises, 3M IP; loaded
// when the database has no synthetic register yet, which takes minutes); without, at county scale on the embedded
// database in a fresh data folder. Targets (province, PostgreSQL): list p95 < 150 ms, profile p95 < 100 ms.
// BENCH_SAMPLES sets the requests per list case (default 30); the whole-scope aggregations get a third of them.
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30)
const SLOW_SAMPLES = Math.max(3, Math.round(SAMPLES / 3))
const PASSWORD = 'Bench-Passw0rd!'
const LIST_TARGET_MS = 150
const PROFILE_TARGET_MS = 100

const scaleName: SyntheticScaleName = databaseUrl ? 'province' : 'county'
const dataDir = databaseUrl ? null : mkdtempSync(join(tmpdir(), 'kc-bench-registers-'))
const database = databaseUrl
  ? await openDatabase({ databaseUrl, poolSize: 10 })
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
    console.log(
      `loading the synthetic register at ${scaleName} scale (${SYNTHETIC_SCALES[scaleName].enterpriseCount} enterprises) …`,
    )
    const loaded = await loadSyntheticRegister(db, { scale: SYNTHETIC_SCALES[scaleName], seed: 1 })
    console.log(`loaded in ${(loaded.elapsedMs / 1000).toFixed(0)} s`)
  }
  await refreshPlannerStatistics(db)

  // A throwaway administrator per run (a persistent database keeps it; its name says what it was for).
  const username = `bench_registers_${randomBytes(4).toString('hex')}`
  await createAdmin(db, createAuditService({ db }), { username, password: PASSWORD })

  const [size] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*) from enterprises)::int as enterprises,
      (select count(*) from enterprises where canonical_id = id)::int as canonical,
      (select count(*) from enterprise_years)::int as enterprise_years,
      (select count(*) from qualifications)::int as qualifications,
      (select count(*) from intellectual_property)::int as ip,
      (select count(*) from platforms)::int as platforms`,
  )
  // Parameters picked from the data: the busiest county-level region, the most common 2-digit industry and
  // 主导产业, a rare name (one enterprise's 字号), the enterprise with the most IP, the latest data year.
  const [pick] = await queryRows<{
    region_id: string
    region_name: string
    industry: string
    leading: string
    rare: string
    ip_head: string
    ip_count: number
    year: number
  }>(
    db,
    sql`select
      (select o.id from enterprises e join org_units o on o.id = e.region_org_unit_id
        where o.parent_id is not null group by o.id order by count(*) desc limit 1) as region_id,
      (select o.name from enterprises e join org_units o on o.id = e.region_org_unit_id
        where o.parent_id is not null group by o.id, o.name order by count(*) desc limit 1) as region_name,
      (select left(industry_code, 2) from enterprises where industry_code ~ '^[0-9]{2}'
        group by 1 order by count(*) desc limit 1) as industry,
      (select leading_industry from enterprises where leading_industry is not null
        group by 1 order by count(*) desc limit 1) as leading,
      (select substr(name, 4, 3) from enterprises where is_synthetic order by id limit 1 offset 777) as rare,
      (select m.canonical_id from intellectual_property ip join enterprises m on m.id = ip.enterprise_id
        group by m.canonical_id order by count(*) desc limit 1) as ip_head,
      (select count(*) from intellectual_property ip join enterprises m on m.id = ip.enterprise_id
        group by m.canonical_id order by count(*) desc limit 1)::int as ip_count,
      (select max(year) from enterprise_years)::int as year`,
  )
  if (!pick) throw new Error('no data')

  const app = await buildApp({ config: testConfig({ dataDir: dataDir ?? tmpdir() }), database })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`)
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!

  const get = async (path: string): Promise<unknown> => {
    const response = await fetch(`${address}${path}`, { headers: { cookie } })
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
    return response.json()
  }
  const results: { label: string; p95: number; target?: number }[] = []
  /** Sequential requests (one in flight): the latency of one user, after two warm-up requests. */
  const measure = async (label: string, path: string, samples: number, target?: number) => {
    let note = ''
    for (let i = 0; i < 2; i++) {
      const body = (await get(path)) as { total?: number; rdExpenseYear?: number | null }
      if (typeof body.total === 'number') note = ` [${body.total} rows]`
    }
    const timings: number[] = []
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now()
      await get(path)
      timings.push(performance.now() - t0)
    }
    timings.sort((a, b) => a - b)
    const p95 = percentile(timings, 95)
    const verdict = target === undefined ? '' : p95 < target ? `  ✓ < ${target} ms` : `  ✗ over ${target} ms`
    console.log(
      `${label.padEnd(34)} p50 ${percentile(timings, 50).toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms  max ${timings.at(-1)!.toFixed(1).padStart(7)} ms  (${samples})${note}${verdict}`,
    )
    results.push({ label, p95, ...(target === undefined ? {} : { target }) })
  }

  console.log(
    `data: ${scaleName} scale on ${databaseUrl ? 'PostgreSQL' : 'embedded PGlite in a data folder'} — ` +
      Object.entries(size ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  )
  console.log(
    `cases: region ${pick.region_name}, industry ${pick.industry}, 主导产业 ${pick.leading}, rare word ${pick.rare}, ` +
      `profile with ${pick.ip_count} IP items, data year ${pick.year}; Node ${process.version}`,
  )
  const list = '/api/registers/enterprises?pageSize=20'
  const q = (text: string) => encodeURIComponent(text)
  await measure('list default', `${list}&page=1`, SAMPLES, LIST_TARGET_MS)
  await measure('list page 200', `${list}&page=200`, SAMPLES, LIST_TARGET_MS)
  await measure('list region filter', `${list}&regionOrgUnitId=${pick.region_id}`, SAMPLES, LIST_TARGET_MS)
  await measure('list industry filter', `${list}&industryCode=${pick.industry}`, SAMPLES, LIST_TARGET_MS)
  await measure('list 主导产业 filter', `${list}&leadingIndustry=${q(pick.leading)}`, SAMPLES, LIST_TARGET_MS)
  await measure('list 合成数据 filter', `${list}&isSynthetic=false`, SAMPLES, LIST_TARGET_MS)
  await measure('list search common word 科技', `${list}&q=${q('科技')}`, SAMPLES, LIST_TARGET_MS)
  await measure(`list search rare word`, `${list}&q=${q(pick.rare)}`, SAMPLES, LIST_TARGET_MS)
  await measure('list qualification 高企', `${list}&qualificationType=hnte`, SAMPLES, LIST_TARGET_MS)
  await measure(
    'list qualification 瞪羚 in year',
    `${list}&qualificationType=gazelle&qualificationYear=${pick.year}`,
    SAMPLES,
    LIST_TARGET_MS,
  )
  await measure('list sort 研发费用 desc', `${list}&sort=rdExpense&order=desc`, SAMPLES, LIST_TARGET_MS)
  await measure(
    'list sort 研发费用 page 50',
    `${list}&sort=rdExpense&order=desc&page=50`,
    SAMPLES,
    LIST_TARGET_MS,
  )
  await measure(
    'list combined',
    `${list}&regionOrgUnitId=${pick.region_id}&qualificationType=hnte&q=${q('科技')}&sort=rdExpense&order=desc`,
    SAMPLES,
    LIST_TARGET_MS,
  )
  await measure('profile (most IP)', `/api/registers/enterprises/${pick.ip_head}`, SAMPLES, PROFILE_TARGET_MS)
  await measure(
    'ladder counts (one year)',
    `/api/registers/ladder/counts?fromYear=${pick.year}&toYear=${pick.year}`,
    SLOW_SAMPLES,
  )
  await measure(
    'ladder movement',
    `/api/registers/ladder/movement?fromYear=${pick.year - 1}&toYear=${pick.year}`,
    SLOW_SAMPLES,
  )
  await measure(
    'library 高企后备库 page 1',
    '/api/registers/libraries/hnte_reserve/members?page=1&pageSize=20',
    SLOW_SAMPLES,
  )
  await measure(
    'library 科技型企业培育库 page 1',
    '/api/registers/libraries/tech_enterprise_incubation/members?page=1&pageSize=20',
    SLOW_SAMPLES,
  )
  const missed = results.filter((r) => r.target !== undefined && r.p95 >= r.target)
  console.log(
    missed.length === 0
      ? 'all targeted cases under their p95 target'
      : `over target: ${missed.map((r) => r.label).join(', ')}`,
  )
  await app.close()
} finally {
  await database.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}
