import { and, eq, ilike, isNull, like, or, sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import {
  IMPORT_COLUMNS,
  type ImportRecord,
  REGISTER_LIST_TYPE_LABELS,
  type ReviewItem,
  type ReviewStatus,
  linkDecisionKeyOf,
  orderReviewQueue,
} from '@kechuang/core/registers'
import { containsPattern, tables, type Database, type Executor } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import { writeImportedRecords } from './register-imports.records'
import { reviewQueueErrors } from './review-queue.errors'

const { registerReviewItems, registerImports, registerLinkDecisions, enterprises } = tables

type ReviewRow = typeof registerReviewItems.$inferSelect & { importFileName: string }

export interface ReviewQueueService {
  list(
    actor: Actor,
    query: { status: ReviewStatus; importId?: string },
  ): Promise<{ items: ReviewItem[]; total: number }>
  accept(actor: Actor, itemId: string, enterpriseId: string): Promise<ReviewItem>
  reject(actor: Actor, itemId: string, reason: string): Promise<ReviewItem>
  searchEnterprises(
    q: string,
  ): Promise<{ id: string; name: string; creditCode: string | null; regionCode: string | null }[]>
  exportPending(actor: Actor): Promise<{ fileName: string; content: Buffer }>
}

const ENTERPRISE_SEARCH_LIMIT = 20

/** Lists whose records name an enterprise by itself: a rejected one with a valid code becomes a new enterprise. */
const hasOwnEnterprise = (record: ImportRecord) => 'creditCode' in record && Boolean(record.creditCode)

/**
 * 待确认匹配: records the linker could not place, most uncertain first. A reviewer accepts a candidate or picks
 * another enterprise (POSITIVE), or rejects them (NEGATIVE); the staged record is then written, and the decision is
 * kept by name + region so the same record in a later list is linked or kept apart without asking again.
 */
export function createReviewQueueService({
  db,
  audit,
}: {
  db: Database
  audit: AuditService
}): ReviewQueueService {
  const selectItems = (tx: Executor) =>
    tx
      .select({ item: registerReviewItems, importFileName: registerImports.fileName })
      .from(registerReviewItems)
      .innerJoin(registerImports, eq(registerImports.id, registerReviewItems.importId))

  const requirePending = async (tx: Executor, actor: Actor, itemId: string): Promise<ReviewRow> => {
    const [row] = await selectItems(tx)
      .where(
        and(eq(registerReviewItems.id, itemId), like(registerReviewItems.scopePath, `${actor.scopePath}%`)),
      )
      .for('update', { of: registerReviewItems })
    if (!row) throw reviewQueueErrors.REVIEW_ITEM_NOT_FOUND()
    if (row.item.status !== 'pending') throw reviewQueueErrors.REVIEW_ITEM_DECIDED()
    return { ...row.item, importFileName: row.importFileName }
  }

  const decide = async (
    tx: Executor,
    actor: Actor,
    item: ReviewRow,
    change: { status: ReviewStatus; enterpriseId: string | null; reason: string | null },
  ) => {
    const [updated] = await tx
      .update(registerReviewItems)
      .set({ ...change, decidedBy: actor.userId, decidedByName: actor.displayName, decidedAt: new Date() })
      .where(eq(registerReviewItems.id, item.id))
      .returning()
    await audit.record(tx, actor, {
      entityType: 'register_review_item',
      entityId: item.id,
      action: 'update',
      scopePath: item.scopePath,
      before: { status: item.status, subjectName: item.subjectName },
      after: change,
    })
    return toReviewItem({ ...updated!, importFileName: item.importFileName })
  }

  const recordDecision = async (
    tx: Executor,
    actor: Actor,
    item: ReviewRow,
    enterpriseId: string,
    judgement: 'POSITIVE' | 'NEGATIVE',
  ) => {
    const recordKey = linkDecisionKeyOf({ name: item.subjectName, regionCode: item.subjectRegionCode })
    // One live decision per record and enterprise: a new one replaces the old (soft delete keeps the history).
    await tx
      .update(registerLinkDecisions)
      .set({ deletedAt: new Date() })
      .where(
        and(
          eq(registerLinkDecisions.recordKey, recordKey),
          eq(registerLinkDecisions.enterpriseId, enterpriseId),
          isNull(registerLinkDecisions.deletedAt),
        ),
      )
    await tx.insert(registerLinkDecisions).values({
      recordKey,
      enterpriseId,
      judgement,
      reviewItemId: item.id,
      userId: actor.userId,
      userName: actor.displayName,
    })
  }

  /**
   * The reviewer said the record is this enterprise: an enterprise known only by name takes the record's valid
   * credit code (and the 行政区划 it carries), so later lists link to it by code. A code another enterprise already
   * holds is left alone — that conflict is a merge for a person to decide, not a side effect of a review.
   */
  const adoptCreditCode = async (
    tx: Executor,
    enterprise: { id: string; creditCode: string | null },
    record: ImportRecord,
  ) => {
    const code = 'creditCode' in record ? record.creditCode : null
    if (!code || enterprise.creditCode !== null) return
    const [holder] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.creditCode, code))
    if (holder) return
    await tx
      .update(enterprises)
      .set({
        creditCode: code,
        regionCode: sql`coalesce(${enterprises.regionCode}, ${code.slice(2, 8)})`,
        updatedAt: new Date(),
      })
      .where(eq(enterprises.id, enterprise.id))
  }

  return {
    async list(actor, { status, importId }) {
      const rows = await selectItems(db)
        .where(
          and(
            eq(registerReviewItems.status, status),
            like(registerReviewItems.scopePath, `${actor.scopePath}%`),
            importId ? eq(registerReviewItems.importId, importId) : undefined,
          ),
        )
        .orderBy(registerReviewItems.createdAt, registerReviewItems.rowNumber)
      const items = rows.map((r) => toReviewItem({ ...r.item, importFileName: r.importFileName }))
      return { items: status === 'pending' ? orderReviewQueue(items) : items, total: items.length }
    },

    async accept(actor, itemId, enterpriseId) {
      return db.transaction(async (tx) => {
        const item = await requirePending(tx, actor, itemId)
        const [enterprise] = await tx
          .select({ id: enterprises.id, creditCode: enterprises.creditCode })
          .from(enterprises)
          .where(eq(enterprises.id, enterpriseId))
        if (!enterprise) throw reviewQueueErrors.ENTERPRISE_NOT_FOUND()
        await adoptCreditCode(tx, enterprise, item.record)
        await writeImportedRecords(tx, { importId: item.importId, fileName: item.importFileName }, [
          { rowNumber: item.rowNumber, record: item.record, enterpriseId },
        ])
        await recordDecision(tx, actor, item, enterpriseId, 'POSITIVE')
        return decide(tx, actor, item, { status: 'accepted', enterpriseId, reason: null })
      })
    },

    async reject(actor, itemId, reason) {
      return db.transaction(async (tx) => {
        const item = await requirePending(tx, actor, itemId)
        for (const candidate of item.candidates)
          await recordDecision(tx, actor, item, candidate.enterpriseId, 'NEGATIVE')
        // None of the candidates: the record is new when it can stand alone (its own valid code, or a platform
        // whose host stays a name); otherwise it stays rejected with the reason, written nowhere.
        if (hasOwnEnterprise(item.record) || item.record.listType === 'platforms') {
          await writeImportedRecords(tx, { importId: item.importId, fileName: item.importFileName }, [
            { rowNumber: item.rowNumber, record: item.record, enterpriseId: null },
          ])
          const created =
            'creditCode' in item.record && item.record.creditCode
              ? ((
                  await tx
                    .select({ id: enterprises.id })
                    .from(enterprises)
                    .where(eq(enterprises.creditCode, item.record.creditCode))
                )[0]?.id ?? null)
              : null
          return decide(tx, actor, item, { status: 'created', enterpriseId: created, reason })
        }
        return decide(tx, actor, item, { status: 'rejected', enterpriseId: null, reason })
      })
    },

    async searchEnterprises(q) {
      return db
        .select({
          id: enterprises.id,
          name: enterprises.name,
          creditCode: enterprises.creditCode,
          regionCode: enterprises.regionCode,
        })
        .from(enterprises)
        .where(
          and(
            eq(enterprises.id, enterprises.canonicalId),
            or(ilike(enterprises.name, containsPattern(q)), eq(enterprises.creditCode, q.toUpperCase())),
          ),
        )
        .orderBy(sql`length(${enterprises.name})`, enterprises.name)
        .limit(ENTERPRISE_SEARCH_LIMIT)
    },

    async exportPending(actor) {
      const { items } = await this.list(actor, { status: 'pending' })
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet('待确认匹配')
      sheet.addRow([
        '名单类型',
        '来源文件',
        '行号',
        '名单中的名称',
        '信用代码',
        '匹配概率',
        '候选企业（概率）',
        '名单原始内容',
      ])
      sheet.getRow(1).font = { bold: true }
      for (const item of items) {
        const columns = IMPORT_COLUMNS[item.listType]
        sheet.addRow([
          REGISTER_LIST_TYPE_LABELS[item.listType],
          item.importFileName,
          item.rowNumber,
          item.subjectName,
          item.subjectCreditCode ?? '',
          Math.round(item.probability * 1000) / 10,
          item.candidates.map((c) => `${c.name}（${Math.round(c.probability * 1000) / 10}%）`).join('\n'),
          columns.map((c) => `${c.header}：${item.values[c.key] ?? ''}`).join('；'),
        ])
      }
      sheet.columns.forEach((column) => (column.width = 24))
      return { fileName: '待确认匹配.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()) }
    },
  }
}

function toReviewItem(row: ReviewRow): ReviewItem {
  return {
    id: row.id,
    importId: row.importId,
    importFileName: row.importFileName,
    listType: row.listType,
    rowNumber: row.rowNumber,
    values: row.values,
    subjectName: row.subjectName,
    subjectCreditCode: row.subjectCreditCode,
    subjectRegionCode: row.subjectRegionCode,
    probability: row.probability,
    candidates: row.candidates,
    status: row.status,
    enterpriseId: row.enterpriseId,
    reason: row.reason,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}
