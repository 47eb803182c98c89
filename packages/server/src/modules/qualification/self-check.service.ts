import { commonErrors } from '@kechuang/core/errors'
import {
  RULE_SET_LABELS,
  evaluateQualification,
  qualifiedValueOf,
  type RuleSetId,
  type SaveSelfCheckRequest,
  type SavedSelfCheck,
  type SelfCheckUpload,
} from '@kechuang/core/qualification'
import type { Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import { chinaDate } from '../../china-time'
import { selfCheckErrors } from './self-check.errors'
import {
  deleteSelfCheckOfUser,
  insertSelfCheck,
  listSelfChecksOfUser,
  type SelfCheckRow,
} from './self-check.repository'
import { readSelfCheckWorkbook, writeSelfCheckTemplate } from './self-check.workbook'

const ENTITY_TYPE = 'qualification_self_check'

export interface SelfCheckService {
  downloadTemplate(ruleSet: RuleSetId): Promise<{ fileName: string; content: Buffer }>
  /** Reads a filled template into the rule input's shape; nothing is stored. */
  readUpload(content: Buffer): Promise<SelfCheckUpload>
  save(actor: Actor, request: SaveSelfCheckRequest): Promise<SavedSelfCheck>
  list(actor: Actor): Promise<SavedSelfCheck[]>
  remove(actor: Actor, selfCheckId: string): Promise<void>
}

/**
 * The enterprise self-check: its Excel template and upload (read, never stored), and the checks a user asked to
 * keep — each user sees and deletes only their own, whatever their role.
 */
export function createSelfCheckService({
  db,
  audit,
}: {
  db: Database
  audit: AuditService
}): SelfCheckService {
  return {
    async downloadTemplate(ruleSet) {
      const today = chinaDate(new Date())
      return {
        fileName: `资格自测模板-${RULE_SET_LABELS[ruleSet]}.xlsx`,
        content: await writeSelfCheckTemplate({ ruleSet, today }),
      }
    },

    readUpload: (content) => readSelfCheckWorkbook(content),

    async save(actor, { ruleSet, name, input }) {
      const userId = ownerOf(actor)
      // Only input the rule set accepts is kept: evaluating throws QUALIFICATION_INPUT_INVALID otherwise.
      const verdict = evaluateQualification(ruleSet, input)
      const row = await db.transaction(async (tx) => {
        const saved = await insertSelfCheck(tx, {
          userId,
          ruleSet,
          name,
          input: input as Record<string, unknown>,
          qualified: qualifiedValueOf(verdict.qualified),
          summary: verdict.summary.zh,
        })
        await audit.record(tx, actor, {
          entityType: ENTITY_TYPE,
          entityId: saved.id,
          action: 'create',
          scopePath: actor.scopePath,
          after: { name, ruleSet, qualified: saved.qualified },
        })
        return saved
      })
      return toSavedSelfCheck(row)
    },

    async list(actor) {
      return (await listSelfChecksOfUser(db, ownerOf(actor))).map(toSavedSelfCheck)
    },

    async remove(actor, selfCheckId) {
      const userId = ownerOf(actor)
      await db.transaction(async (tx) => {
        const deleted = await deleteSelfCheckOfUser(tx, userId, selfCheckId)
        if (!deleted) throw selfCheckErrors.SELF_CHECK_NOT_FOUND()
        await audit.record(tx, actor, {
          entityType: ENTITY_TYPE,
          entityId: deleted.id,
          action: 'delete',
          scopePath: actor.scopePath,
          before: { name: deleted.name, ruleSet: deleted.ruleSet, qualified: deleted.qualified },
        })
      })
    },
  }
}

function ownerOf(actor: Actor): string {
  if (actor.userId === null) throw commonErrors.FORBIDDEN()
  return actor.userId
}

function toSavedSelfCheck(row: SelfCheckRow): SavedSelfCheck {
  return {
    id: row.id,
    ruleSet: row.ruleSet,
    name: row.name,
    input: row.input,
    qualified: row.qualified,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
  }
}
