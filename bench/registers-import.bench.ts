import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import {
  REGISTER_IMPORT_MAX_BYTES,
  computeCreditCodeCheckCharacter,
  normalizeEnterpriseName,
} from '@kechuang/core/registers'
import { migrateDatabase, openDatabase, queryRows, tables } from '@kechuang/db'
import { seedDatabase } from '@kechuang/db/seed'
import type { Actor } from '../packages/server/src/modules/audit/actor'
import { createAuditService } from '../packages/server/src/modules/audit/audit.service'
import { saveUpload } from '../packages/server/src/modules/registers/register-imports.files'
import { createRegisterImportsService } from '../packages/server/src/modules/registers/register-imports.service'

// M2 list import at scale: a SYNTHETIC 100 000-row 高企名单 (.xlsx, made-up names, valid credit codes) goes through
// upload (streamed to a temporary file) → reading, checking and linking into staged rows → one preview page →
// commit in one transaction, on the embedded database (PGlite in a data folder, as `npm start` runs it), against a
// register of 5 000 enterprises of which 2 000 appear in the list. Targets: under 60 s in total, under 1 GiB RSS.
// BENCH_IMPORT_ROWS runs a smaller list (e.g. 10000) when looking into one phase.
const LIST_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000)
const REGISTER_ENTERPRISES = 5_000
const SHARED_WITH_LIST = 2_000
const TARGET_SECONDS = 60
const TARGET_RSS_BYTES = 1024 ** 3
const INSERT_BATCH = 1000

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
/** A valid code for enterprise number `n` (大冶市, 企业): 9 1 420281 + 9-character organisation code + check. */
function creditCodeOf(n: number): string {
  let body = ''
  let rest = n
  for (let i = 0; i < 9; i++) {
    body = ALPHABET[rest % 31]! + body
    rest = Math.floor(rest / 31)
  }
  const first17 = `91420281${body}`
  return first17 + computeCreditCodeCheckCharacter(first17)
}
const TRADE_WORDS = [
  '宏',
  '泰',
  '鑫',
  '华',
  '盛',
  '达',
  '源',
  '丰',
  '恒',
  '瑞',
  '博',
  '创',
  '远',
  '晟',
  '德',
  '康',
]
const INDUSTRIES = ['新材料', '机械', '电子科技', '生物科技', '化工', '建材', '智能装备', '信息技术']
function nameOf(n: number): string {
  const trade = [0, 1, 2].map((k) => TRADE_WORDS[Math.floor(n / 16 ** k) % 16]).join('')
  return `大冶市${trade}${n}${INDUSTRIES[n % INDUSTRIES.length]}有限公司`
}

/** Writes the SYNTHETIC list with ExcelJS's streaming writer. */
async function writeList(listPath: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: listPath, useSharedStrings: false })
  const sheet = writer.addWorksheet('高企名单')
  sheet.addRow(['序号', '企业名称', '统一社会信用代码', '证书编号', '发证日期', '所属地区']).commit()
  for (let n = 0; n < LIST_ROWS; n++) {
    sheet
      .addRow([
        n + 1,
        nameOf(n),
        creditCodeOf(n),
        `GR2023420${String(n).padStart(5, '0')}`,
        '2023-11-20',
        '大冶市',
      ])
      .commit()
  }
  sheet.commit()
  await writer.commit()
}

// The bench writes its list in a child process started with this flag, so the writer's memory is not counted in the
// import's peak RSS; the child ends here.
if (process.argv[2] === '--write-list') {
  await writeList(process.argv[3]!)
  process.exit(0)
}

let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
const seconds = (from: number) => (performance.now() - from) / 1000

const workDir = mkdtempSync(join(tmpdir(), 'kc-bench-import-'))
const database = await openDatabase({ dataDir: join(workDir, 'data') })
try {
  const { db } = database
  await migrateDatabase(database)
  await seedDatabase(db)
  const [daye] = await queryRows<{ id: string; path: string }>(
    db,
    sql`select id, path from org_units where name = '大冶市' and deleted_at is null`,
  )
  for (let start = 0; start < REGISTER_ENTERPRISES; start += INSERT_BATCH) {
    const rows = Array.from({ length: Math.min(INSERT_BATCH, REGISTER_ENTERPRISES - start) }, (_, i) => {
      // Enterprises 0 … 1 999 are in the list; the rest of the register is elsewhere in the numbering.
      const n = start + i < SHARED_WITH_LIST ? start + i : LIST_ROWS + start + i
      const id = randomUUID()
      return {
        id,
        canonicalId: id,
        creditCode: creditCodeOf(n),
        name: nameOf(n),
        nameKey: normalizeEnterpriseName(nameOf(n)).key,
        regionCode: '420281',
        regionOrgUnitId: daye!.id,
        source: { kind: 'synthetic' as const },
        isSynthetic: true,
      }
    })
    await db.insert(tables.enterprises).values(rows)
  }

  // The list is written by a child process (this file with --write-list), so the memory ExcelJS takes to write
  // 100 000 rows is not counted in the import's peak RSS.
  const listPath = join(workDir, 'synthetic-hnte-list.xlsx')
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--write-list', listPath],
    {
      stdio: 'inherit',
    },
  )
  if (child.status !== 0) throw new Error('writing the synthetic list failed')
  const fileBytes = statSync(listPath).size

  const service = createRegisterImportsService({ db, audit: createAuditService({ db }) })
  const actor: Actor = {
    userId: null,
    username: 'bench',
    displayName: '基准测试',
    role: 'system_admin',
    scopeOrgUnitId: daye!.id,
    scopePath: daye!.path,
    ip: null,
  }

  const rssBeforeImport = process.memoryUsage().rss
  const started = performance.now()
  const upload = await saveUpload(createReadStream(listPath), REGISTER_IMPORT_MAX_BYTES, () => false)
  const uploadSeconds = seconds(started)
  const readStarted = performance.now()
  const batch = await service.start(actor, 'hnte', 'synthetic-hnte-list.xlsx', upload)
  await service.settled(batch.id)
  const preview = await service.get(actor, batch.id)
  const page = await service.rows(actor, batch.id, { filter: 'all', page: 1, pageSize: 50 })
  const readSeconds = seconds(readStarted)
  if (preview.status !== 'ready' || preview.errorRowCount > 0) {
    const errors = await service.rows(actor, batch.id, { filter: 'errors', page: 1, pageSize: 5 })
    throw new Error(
      `preview not ready: ${preview.status} ${preview.failure ?? ''} ${JSON.stringify(errors.items.map((r) => [r.rowNumber, r.errors]))}`,
    )
  }
  const commitStarted = performance.now()
  const committed = await service.commit(actor, batch.id)
  const commitSeconds = seconds(commitStarted)
  const totalSeconds = seconds(started)
  clearInterval(sampler)
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024)

  const [counts] = await queryRows<{ enterprises: number; qualifications: number }>(
    db,
    sql`select (select count(*)::int from enterprises) as enterprises,
               (select count(*)::int from qualifications where type = 'hnte') as qualifications`,
  )
  console.log(
    `data: SYNTHETIC 高企名单 of ${LIST_ROWS} rows (${(fileBytes / 1024 / 1024).toFixed(1)} MB .xlsx), register of ${REGISTER_ENTERPRISES} enterprises (${SHARED_WITH_LIST} in the list)`,
  )
  console.log(
    `upload ${uploadSeconds.toFixed(1)} s · read + check + link ${readSeconds.toFixed(1)} s (preview: ${preview.outcomeCounts.linked} linked, ${preview.outcomeCounts.new} new, ${preview.outcomeCounts.review} review; first page ${page.items.length} rows) · commit ${commitSeconds.toFixed(1)} s`,
  )
  console.log(
    `summary: ${JSON.stringify(committed.summary)}; register now ${counts!.enterprises} enterprises, ${counts!.qualifications} 高企 certificates`,
  )
  console.log(
    `total ${totalSeconds.toFixed(1)} s (target < ${TARGET_SECONDS} s) · peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB (target < ${TARGET_RSS_BYTES / 1024 / 1024} MiB; ${(rssBeforeImport / 1024 / 1024).toFixed(0)} MiB before the import, with the database open and seeded)`,
  )
  if (totalSeconds > TARGET_SECONDS || peakRss > TARGET_RSS_BYTES) process.exitCode = 1
} finally {
  clearInterval(sampler)
  await database.close()
  rmSync(workDir, { recursive: true, force: true })
}
