import { eq, gt, inArray } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { AppError } from '@kechuang/core/errors'
import {
  IMPORT_COLUMNS,
  type ImportRowPage,
  type ImportRowQuery,
  type ImportRowView,
  type ImportSummary,
  type RegisterImport,
  type RegisterListType,
  REGISTER_LIST_TYPE_LABELS,
  listMissingRequiredColumns,
  matchColumns,
  subjectOf,
  duplicateRowMessage,
} from '@kechuang/core/registers'
import { tables, type Database, type Executor } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import { registerImportErrors } from './register-imports.errors'
import { readSheetRows, type SavedUpload } from './register-imports.files'
import {
  type EvaluatedRow,
  type LinkingContext,
  evaluateRow,
  loadLinkingContext,
  mapCells,
} from './register-imports.linking'
import { type RecordToWrite, writeImportedRecords } from './register-imports.records'
import {
  type ImportRow,
  type StagedRow,
  countRows,
  findImportInScope,
  findRememberedMapping,
  findRow,
  insertRows,
  listImportsInScope,
  pageRows,
  readCommitBatch,
  readRowBatch,
  rememberMapping,
  replaceRows,
  rowsWithKeys,
  stagedValues,
  updateImport,
} from './register-imports.repository'

const { registerImports, registerImportRows, registerReviewItems } = tables

/** Rows staged, re-checked or committed per statement: large enough to be fast, small enough for PGlite's memory. */
export const IMPORT_BATCH_ROWS = 2000
const IMPORT_HISTORY_LIMIT = 50

export interface DownloadFile {
  fileName: string
  content: Buffer
}

export interface RegisterImportsService {
  /** Records the upload and starts reading it; the page polls `get` for progress. */
  start(
    actor: Actor,
    listType: RegisterListType,
    fileName: string,
    upload: SavedUpload,
  ): Promise<RegisterImport>
  get(actor: Actor, importId: string): Promise<RegisterImport>
  list(actor: Actor): Promise<RegisterImport[]>
  rows(actor: Actor, importId: string, query: ImportRowQuery): Promise<ImportRowPage>
  fixRow(
    actor: Actor,
    importId: string,
    rowNumber: number,
    values: Record<string, string>,
  ): Promise<ImportRowView>
  setMapping(actor: Actor, importId: string, mapping: Record<string, string | null>): Promise<RegisterImport>
  rememberedMapping(listType: RegisterListType): Promise<Record<string, string | null>>
  commit(actor: Actor, importId: string): Promise<RegisterImport>
  exportErrors(actor: Actor, importId: string): Promise<DownloadFile>
  /** Resolves when the reading or re-checking running for this import has finished (tests, bench, shutdown). */
  settled(importId: string): Promise<void>
}

/**
 * 名单导入 (PRODUCT.md M2): upload → streamed reading into staged rows, each checked and linked → preview with
 * inline fixes and a column mapping remembered per list type → commit, all rows or none, in one transaction.
 */
export function createRegisterImportsService({
  db,
  audit,
}: {
  db: Database
  audit: AuditService
}): RegisterImportsService {
  const running = new Map<string, Promise<void>>()

  const run = (importId: string, work: () => Promise<void>) => {
    const task = work()
      .catch(async (error: unknown) => {
        const failure =
          error instanceof AppError && error.status < 500
            ? error.message
            : registerImportErrors.FILE_UNREADABLE().message
        await updateImport(db, importId, { status: 'failed', failure })
      })
      .finally(() => running.delete(importId))
    running.set(importId, task)
  }

  const view = async (row: ImportRow): Promise<RegisterImport> => {
    const counts = (await countRows(db, [row.id])).get(row.id)
    return toView(row, counts)
  }

  const requireImport = async (actor: Actor, importId: string) => {
    const row = await findImportInScope(db, importId, actor.scopePath)
    if (!row) throw registerImportErrors.IMPORT_NOT_FOUND()
    return row
  }

  const requireEditable = async (actor: Actor, importId: string) => {
    const row = await requireImport(actor, importId)
    if (row.status === 'committed') throw registerImportErrors.IMPORT_ALREADY_COMMITTED()
    if (row.status === 'processing') throw registerImportErrors.IMPORT_NOT_READY()
    if (row.status === 'failed') throw registerImportErrors.IMPORT_FAILED()
    return row
  }

  // Reads the file: the first row is the header, matched to the columns; every later row is checked and linked
  // as it streams by, and staged in batches with the progress.
  async function readFile(
    importId: string,
    listType: RegisterListType,
    scopePath: string,
    upload: SavedUpload,
  ) {
    try {
      const context = await loadLinkingContext(db, scopePath)
      const firstRowOf = new Map<string, number>()
      let headers: string[] | null = null
      let mapping: Record<string, string | null> = {}
      let batch: ReturnType<typeof stagedValues>[] = []
      let bytes = 0
      let processedRows = 0
      const flush = async () => {
        await insertRows(db, batch)
        processedRows += batch.length
        batch = []
        await updateImport(db, importId, { processedRows, processedBytes: bytes })
      }
      for await (const row of readSheetRows(upload.path, upload.kind, (read) => (bytes = read))) {
        if (headers === null) {
          headers = uniqueHeaders(row.cells)
          mapping = matchColumns(listType, headers, await findRememberedMapping(db, listType))
          await updateImport(db, importId, { headers, mapping })
          continue
        }
        const values = mapCells(row.cells, headers, mapping)
        const evaluated = evaluateRow(context, listType, values, (key) => firstRowOf.get(key) ?? null)
        if (evaluated.duplicateKey && !firstRowOf.has(evaluated.duplicateKey))
          firstRowOf.set(evaluated.duplicateKey, row.rowNumber)
        batch.push(stagedValues(importId, row.rowNumber, row.cells, evaluated))
        if (batch.length >= IMPORT_BATCH_ROWS) await flush()
      }
      await flush()
      if (headers === null)
        throw registerImportErrors.FILE_UNREADABLE({}, '文件中没有任何内容（至少需要表头一行）')
      await updateImport(db, importId, { status: 'ready', processedBytes: upload.bytes })
    } finally {
      await upload.remove()
    }
  }

  // Checks every staged row again (after the mapping changed), in file order so duplicates point at the first row.
  async function recheckAll(
    importId: string,
    listType: RegisterListType,
    scopePath: string,
    headers: string[],
    mapping: Record<string, string | null>,
  ) {
    const context = await loadLinkingContext(db, scopePath)
    const firstRowOf = new Map<string, number>()
    let after = 0
    let processedRows = 0
    for (;;) {
      const rows = await readRowBatch(db, importId, after, IMPORT_BATCH_ROWS)
      if (rows.length === 0) break
      const staged = rows.map((row) => {
        const evaluated = evaluateRow(
          context,
          listType,
          mapCells(row.cells, headers, mapping),
          (key) => firstRowOf.get(key) ?? null,
        )
        if (evaluated.duplicateKey && !firstRowOf.has(evaluated.duplicateKey))
          firstRowOf.set(evaluated.duplicateKey, row.rowNumber)
        return stagedValues(importId, row.rowNumber, row.cells, evaluated)
      })
      await db.transaction((tx) => replaceRows(tx, importId, staged))
      after = rows[rows.length - 1]!.rowNumber
      processedRows += rows.length
      await updateImport(db, importId, { processedRows })
    }
    await updateImport(db, importId, { status: 'ready' })
  }

  // Re-checks the given rows against the rows before them (a fix may create or end a duplicate).
  async function recheckRows(context: LinkingContext, importRow: ImportRow, rows: StagedRow[]) {
    for (const row of rows) {
      let evaluated = evaluateRow(context, importRow.listType, row.values, () => null)
      if (evaluated.duplicateKey) {
        const [first] = await rowsWithKeys(db, importRow.id, [evaluated.duplicateKey])
        if (first && first.rowNumber < row.rowNumber) evaluated = markDuplicate(evaluated, first.rowNumber)
      }
      await replaceRows(db, importRow.id, [stagedValues(importRow.id, row.rowNumber, row.cells, evaluated)])
    }
  }

  return {
    async start(actor, listType, fileName, upload) {
      const created = await db
        .insert(registerImports)
        .values({
          listType,
          fileName,
          fileBytes: upload.bytes,
          status: 'processing',
          scopePath: actor.scopePath,
          createdBy: actor.userId,
          createdByName: actor.displayName,
        })
        .returning()
        .then(([row]) => row!)
        .catch(async (error: unknown) => {
          await upload.remove()
          throw error
        })
      // Reading goes on after the answer; the page polls `get` for its progress.
      run(created.id, () => readFile(created.id, listType, actor.scopePath, upload))
      return toView(created, undefined)
    },

    async get(actor, importId) {
      return view(await requireImport(actor, importId))
    },

    async list(actor) {
      const rows = await listImportsInScope(db, actor.scopePath, IMPORT_HISTORY_LIMIT)
      const counts = await countRows(
        db,
        rows.map((r) => r.id),
      )
      return rows.map((r) => toView(r, counts.get(r.id)))
    },

    async rows(actor, importId, { filter, page, pageSize }) {
      await requireImport(actor, importId)
      const { items, total } = await pageRows(db, importId, filter, page, pageSize)
      return { items: await withEnterpriseNames(db, items), total }
    },

    async fixRow(actor, importId, rowNumber, values) {
      const importRow = await requireEditable(actor, importId)
      const row = await findRow(db, importId, rowNumber)
      if (!row) throw registerImportErrors.ROW_NOT_FOUND()
      const columns = new Set(IMPORT_COLUMNS[importRow.listType].map((c) => c.key))
      if (Object.keys(values).some((key) => !columns.has(key))) throw registerImportErrors.UNKNOWN_COLUMN()
      const merged = { ...row.values, ...values }
      // The fixed text also goes into the cells, so a later change of mapping keeps the fix.
      const cells = [...row.cells]
      for (const [key, text] of Object.entries(values)) {
        const header = importRow.mapping[key]
        const position = header ? importRow.headers.indexOf(header) : -1
        if (position >= 0) cells[position] = text
      }
      const context = await loadLinkingContext(db, importRow.scopePath)
      const newKey = evaluateRow(context, importRow.listType, merged, () => null).duplicateKey
      const keys = [row.duplicateKey, newKey].filter((k): k is string => k !== null)
      // This row and every row sharing its old or new key, in file order: a fix may end or start a duplicate.
      const affected = (await rowsWithKeys(db, importId, keys)).filter((r) => r.rowNumber !== rowNumber)
      const ordered = [{ ...row, cells, values: merged }, ...affected].sort(
        (a, b) => a.rowNumber - b.rowNumber,
      )
      await recheckRows(context, importRow, ordered)
      const [updated] = await withEnterpriseNames(db, [(await findRow(db, importId, rowNumber))!])
      return updated!
    },

    async setMapping(actor, importId, mapping) {
      const importRow = await requireEditable(actor, importId)
      const columns = IMPORT_COLUMNS[importRow.listType]
      if (Object.keys(mapping).some((key) => !columns.some((c) => c.key === key)))
        throw registerImportErrors.UNKNOWN_COLUMN()
      if (Object.values(mapping).some((header) => header !== null && !importRow.headers.includes(header)))
        throw registerImportErrors.HEADER_NOT_IN_FILE()
      const complete = Object.fromEntries(columns.map((c) => [c.key, mapping[c.key] ?? null]))
      await updateImport(db, importId, { mapping: complete, status: 'processing', processedRows: 0 })
      await rememberMapping(db, importRow.listType, complete, actor.displayName)
      run(importId, () =>
        recheckAll(importId, importRow.listType, importRow.scopePath, importRow.headers, complete),
      )
      return view({ ...importRow, mapping: complete, status: 'processing', processedRows: 0 })
    },

    rememberedMapping: (listType) => findRememberedMapping(db, listType),

    async commit(actor, importId) {
      const importRow = await requireEditable(actor, importId)
      const counts = (await countRows(db, [importId])).get(importId)
      if (counts && counts.errors > 0)
        throw registerImportErrors.IMPORT_HAS_ERRORS(
          { errorRowCount: counts.errors },
          `名单中还有 ${counts.errors} 行有错误，未导入任何数据；请改正全部错误后再确认导入`,
        )
      const summary: ImportSummary = { created: 0, updated: 0, linked: 0, queued: 0, unchanged: 0 }
      const source = { importId, fileName: importRow.fileName }
      await db.transaction(async (tx) => {
        // Taken again inside the transaction: a second commit of the same batch waits here and then finds it done.
        const [locked] = await tx
          .select({ status: registerImports.status })
          .from(registerImports)
          .where(eq(registerImports.id, importId))
          .for('update')
        if (locked?.status !== 'ready') throw registerImportErrors.IMPORT_ALREADY_COMMITTED()
        let after = 0
        for (;;) {
          const rows = await readCommitBatch(tx, importId, after, IMPORT_BATCH_ROWS)
          if (rows.length === 0) break
          after = rows[rows.length - 1]!.rowNumber
          if (rows.some((r) => r.errorCount > 0 || !r.record)) throw registerImportErrors.IMPORT_HAS_ERRORS()
          const toWrite: RecordToWrite[] = rows
            .filter((r) => r.outcome !== 'review')
            .map((r) => ({ rowNumber: r.rowNumber, record: r.record!, enterpriseId: r.enterpriseId }))
          for (const outcome of await writeImportedRecords(tx, source, toWrite)) summary[outcome]++
          const queued = rows.filter((r) => r.outcome === 'review')
          if (queued.length > 0) {
            await tx.insert(registerReviewItems).values(
              queued.map((r) => {
                const subject = subjectOf(r.record!)
                return {
                  importId,
                  rowNumber: r.rowNumber,
                  listType: importRow.listType,
                  values: r.values,
                  record: r.record!,
                  subjectName: subject.name,
                  subjectCreditCode: subject.creditCode ?? null,
                  subjectRegionCode: subject.regionCode ?? null,
                  probability: r.probability ?? 0,
                  candidates: r.candidates,
                  scopePath: importRow.scopePath,
                }
              }),
            )
            summary.queued += queued.length
          }
        }
        await tx
          .update(registerImports)
          .set({ status: 'committed', summary, committedAt: new Date() })
          .where(eq(registerImports.id, importId))
        await audit.record(tx, actor, {
          entityType: 'register_import',
          entityId: importId,
          action: 'create',
          scopePath: importRow.scopePath,
          after: { listType: importRow.listType, fileName: importRow.fileName, summary },
        })
      })
      return view((await findImportInScope(db, importId, actor.scopePath))!)
    },

    async exportErrors(actor, importId) {
      const importRow = await requireImport(actor, importId)
      const columns = IMPORT_COLUMNS[importRow.listType]
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet('错误清单')
      sheet.addRow(['行号', ...columns.map((c) => c.header), '错误说明'])
      sheet.getRow(1).font = { bold: true }
      let after = 0
      for (;;) {
        const rows = await readRowBatch(
          db,
          importId,
          after,
          IMPORT_BATCH_ROWS,
          gt(registerImportRows.errorCount, 0),
        )
        if (rows.length === 0) break
        after = rows[rows.length - 1]!.rowNumber
        for (const row of rows) {
          const header = (key: string) => columns.find((c) => c.key === key)?.header ?? key
          sheet.addRow([
            row.rowNumber,
            ...columns.map((c) => row.values[c.key] ?? ''),
            row.errors.map((e) => `${header(e.column)}：${e.message}`).join('\n'),
          ])
        }
      }
      sheet.columns.forEach((column) => (column.width = 20))
      return {
        fileName: `${REGISTER_LIST_TYPE_LABELS[importRow.listType]}-错误清单.xlsx`,
        content: Buffer.from(await workbook.xlsx.writeBuffer()),
      }
    },

    async settled(importId) {
      await running.get(importId)
    },
  }
}

/** Repeated header texts get a suffix (企业名称 (2)) so each column can be chosen in the mapping. */
function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return cells.map((cell, i) => {
    const text = cell === '' ? `第 ${i + 1} 列` : cell
    const count = (seen.get(text) ?? 0) + 1
    seen.set(text, count)
    return count === 1 ? text : `${text} (${count})`
  })
}

function markDuplicate(row: EvaluatedRow, firstRow: number): EvaluatedRow {
  return {
    ...row,
    errors: [
      ...row.errors,
      { column: row.duplicateColumn ?? 'name', message: duplicateRowMessage(firstRow) },
    ],
    record: null,
    outcome: null,
    enterpriseId: null,
    probability: null,
    candidates: [],
  }
}

async function withEnterpriseNames(db: Executor, rows: StagedRow[]): Promise<ImportRowView[]> {
  const ids = [...new Set(rows.map((r) => r.enterpriseId).filter((id): id is string => id !== null))]
  const names =
    ids.length === 0
      ? []
      : await db
          .select({ id: tables.enterprises.id, name: tables.enterprises.name })
          .from(tables.enterprises)
          .where(inArray(tables.enterprises.id, ids))
  const nameOf = new Map(names.map((n) => [n.id, n.name]))
  return rows.map((r) => ({
    rowNumber: r.rowNumber,
    values: r.values,
    errors: r.errors,
    outcome: r.outcome,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseId ? (nameOf.get(r.enterpriseId) ?? null) : null,
    probability: r.probability,
    candidates: r.candidates,
  }))
}

function toView(
  row: ImportRow,
  counts: { errors: number; linked: number; review: number; new: number } | undefined,
): RegisterImport {
  return {
    id: row.id,
    listType: row.listType,
    fileName: row.fileName,
    fileBytes: row.fileBytes,
    status: row.status,
    processedBytes: row.processedBytes,
    processedRows: row.processedRows,
    errorRowCount: counts?.errors ?? 0,
    outcomeCounts: { linked: counts?.linked ?? 0, review: counts?.review ?? 0, new: counts?.new ?? 0 },
    headers: row.headers,
    mapping: row.mapping,
    missingColumns: listMissingRequiredColumns(row.listType, row.mapping),
    failure: row.failure,
    summary: row.summary,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
  }
}
