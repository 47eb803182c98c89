import ExcelJS from 'exceljs'
import {
  CURATION_ACTION_LABELS,
  LIBRARIES,
  LIBRARY_LABELS,
  LIBRARY_MEMBER_KINDS,
  LIBRARY_RULE_DESCRIPTIONS,
  PLATFORM_LEVEL_LABELS,
  PLATFORM_STATUS_LABELS,
  PLATFORM_TYPE_LABELS,
  PROJECT_STATUS_LABELS,
  TALENT_KIND_LABELS,
  checkHnteReserveRule,
  checkInvestmentProjectRule,
  checkPlatformReserveRule,
  checkRdTalentRule,
  checkTechIncubationRule,
  libraryErrors,
  type EnterpriseFigures,
  type Library,
  type LibraryCuration,
  type LibraryCurationInput,
  type LibraryMember,
  type LibraryMemberKind,
  type LibraryMemberPage,
  type LibraryMemberQuery,
  type LibrarySummaryList,
  type PlatformLevel,
  type PlatformStatus,
  type PlatformType,
  type ProjectKind,
  type ProjectStatus,
  type TalentKind,
} from '@kechuang/core/registers'
import { pageOffset } from '@kechuang/core/pagination'
import type { Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import type { OrgUnitsService } from '../org-units/org-units.service'
import {
  findCanonicalEnterpriseId,
  findCuration,
  findCurations,
  insertCuration,
  listLibraryRows,
  withdrawCuration,
  type CurationRow,
  type LibraryFilter,
  type LibraryRow,
} from './libraries.repository'
import { chinaDate } from '../../china-time'
import { registerScopeOf, resolveRegion } from './libraries.scope'

/** An export holds at most this many rows; a larger list is narrowed by region or search first. */
export const LIBRARY_EXPORT_MAX_ROWS = 50_000

const MEMBER_KIND_LABELS: Record<LibraryMemberKind, string> = {
  enterprise: '企业',
  project: '项目',
  talent: '人才',
  platform: '平台',
}

export interface LibrariesService {
  summaries(): LibrarySummaryList
  listMembers(actor: Actor, library: Library, query: LibraryMemberQuery): Promise<LibraryMemberPage>
  exportMembers(
    actor: Actor,
    library: Library,
    query: Omit<LibraryMemberQuery, 'page' | 'pageSize'>,
  ): Promise<{ fileName: string; content: Buffer }>
  curate(actor: Actor, library: Library, input: LibraryCurationInput): Promise<LibraryCuration>
  withdraw(actor: Actor, library: Library, curationId: string): Promise<LibraryCuration>
}

/**
 * The five 库 (core registers/libraries/library-rules.ts): rule members computed in SQL on today's date, plus
 * manual additions, minus manual removals, each with why it is in. Curation (add / remove with a reason, and
 * withdrawing it) is audited; M3's accepted 高企后备库 proposals use the same `curate` with their reason.
 */
export function createLibrariesService({
  db,
  audit,
  orgUnits,
  now = () => new Date(),
}: {
  db: Database
  audit: AuditService
  orgUnits: Pick<OrgUnitsService, 'findInScope'>
  now?: () => Date
}): LibrariesService {
  const resolveFilter = async (
    actor: Actor,
    query: Pick<LibraryMemberQuery, 'orgUnitId' | 'q'>,
  ): Promise<LibraryFilter> => ({
    ...(query.orgUnitId ? { regionPath: (await resolveRegion(orgUnits, actor, query.orgUnitId)).path } : {}),
    ...(query.q ? { q: query.q } : {}),
  })

  const toMembers = async (library: Library, rows: LibraryRow[], date: string): Promise<LibraryMember[]> => {
    const curations = new Map(
      (
        await findCurations(
          db,
          rows.flatMap((r) => (r.curation_id ? [r.curation_id] : [])),
        )
      ).map((c) => [c.id, toCuration(c)]),
    )
    return rows.map((row) => ({
      memberKind: LIBRARY_MEMBER_KINDS[library],
      memberId: row.member_id,
      name: row.name,
      detail: describeDetail(library, row),
      regionName: row.region_name,
      ruleReason: explainRule(library, row, date),
      isRuleMember: row.is_rule,
      curation: row.curation_id ? (curations.get(row.curation_id) ?? null) : null,
    }))
  }

  /** The member in scope with its rule verdict and live curation, or null. */
  const findCandidate = async (actor: Actor, library: Library, memberId: string, date: string) => {
    const id =
      LIBRARY_MEMBER_KINDS[library] === 'enterprise'
        ? await findCanonicalEnterpriseId(db, memberId)
        : memberId
    const [row] =
      id === null
        ? []
        : await listLibraryRows(db, library, registerScopeOf(actor), { memberId: id }, 'any', date, {
            limit: 1,
            offset: 0,
          })
    return row ?? null
  }

  return {
    summaries() {
      return {
        items: LIBRARIES.map((library) => ({
          library,
          label: LIBRARY_LABELS[library],
          memberKind: LIBRARY_MEMBER_KINDS[library],
          rule: LIBRARY_RULE_DESCRIPTIONS[library],
        })),
      }
    },

    async listMembers(actor, library, query) {
      const date = chinaDate(now())
      const rows = await listLibraryRows(
        db,
        library,
        registerScopeOf(actor),
        await resolveFilter(actor, query),
        query.view,
        date,
        { limit: query.pageSize, offset: pageOffset(query) },
      )
      return {
        items: await toMembers(library, rows, date),
        total: rows[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
        asOf: date,
      }
    },

    async exportMembers(actor, library, query) {
      const date = chinaDate(now())
      const rows = await listLibraryRows(
        db,
        library,
        registerScopeOf(actor),
        await resolveFilter(actor, query),
        query.view,
        date,
        { limit: LIBRARY_EXPORT_MAX_ROWS, offset: 0 },
      )
      const members = await toMembers(library, rows, date)
      return {
        fileName: `${LIBRARY_LABELS[library]}_${date}.xlsx`,
        content: await writeMembersWorkbook(library, members, date, (rows[0]?.total ?? 0) > rows.length),
      }
    },

    async curate(actor, library, input) {
      const expected = LIBRARY_MEMBER_KINDS[library]
      if (input.memberKind !== expected) {
        throw libraryErrors.MEMBER_KIND_MISMATCH(
          { library, expected, given: input.memberKind },
          `「${LIBRARY_LABELS[library]}」只收录${MEMBER_KIND_LABELS[expected]}，不能${CURATION_ACTION_LABELS[input.action]}${MEMBER_KIND_LABELS[input.memberKind]}`,
        )
      }
      const date = chinaDate(now())
      const row = await findCandidate(actor, library, input.memberId, date)
      if (!row) throw libraryErrors.MEMBER_NOT_FOUND({ memberId: input.memberId })
      if (row.curation_id) throw libraryErrors.CURATION_EXISTS({ curationId: row.curation_id })
      if (input.action === 'add' && row.is_rule)
        throw libraryErrors.ALREADY_MEMBER({ memberId: row.member_id })
      if (input.action === 'remove' && !row.is_rule)
        throw libraryErrors.NOT_MEMBER({ memberId: row.member_id })
      return db.transaction(async (tx) => {
        const saved = toCuration(
          await insertCuration(tx, {
            library,
            memberKind: expected,
            memberId: row.member_id,
            action: input.action,
            reason: input.reason,
            userId: actor.userId,
            userName: actor.displayName,
            createdAt: now(),
          }),
        )
        await audit.record(tx, actor, {
          entityType: 'library_curation',
          entityId: saved.id,
          action: 'create',
          scopePath: row.path ?? actor.scopePath,
          after: { ...saved, memberName: row.name },
        })
        return saved
      })
    },

    async withdraw(actor, library, curationId) {
      const curation = await findCuration(db, library, curationId)
      if (!curation) throw libraryErrors.CURATION_NOT_FOUND({ curationId })
      // The member must be in the caller's scope, like the curation's list.
      const row = await findCandidate(actor, library, curation.memberId, chinaDate(now()))
      if (!row) throw libraryErrors.CURATION_NOT_FOUND({ curationId })
      if (curation.withdrawnAt) throw libraryErrors.CURATION_WITHDRAWN({ curationId })
      return db.transaction(async (tx) => {
        const withdrawn = await withdrawCuration(tx, curation.id, now())
        if (!withdrawn) throw libraryErrors.CURATION_WITHDRAWN({ curationId })
        const after = toCuration(withdrawn)
        await audit.record(tx, actor, {
          entityType: 'library_curation',
          entityId: curation.id,
          action: 'update',
          scopePath: row.path ?? actor.scopePath,
          before: { ...toCuration(curation), memberName: row.name },
          after: { ...after, memberName: row.name },
        })
        return after
      })
    },
  }
}

function toCuration(row: CurationRow): LibraryCuration {
  return {
    id: row.id,
    library: row.library,
    memberKind: row.memberKind,
    memberId: row.memberId,
    action: row.action,
    reason: row.reason,
    userName: row.userName,
    createdAt: row.createdAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  }
}

// The facts the SQL returns (libraries.repository.ts `facts`), read back for the core rule functions.
type Facts = Record<string, unknown>
const str = (facts: Facts, key: string) => (typeof facts[key] === 'string' ? (facts[key] as string) : null)
const num = (facts: Facts, key: string) => (typeof facts[key] === 'number' ? (facts[key] as number) : null)

function figuresOf(facts: Facts): EnterpriseFigures {
  return {
    figuresYear: num(facts, 'figuresYear'),
    rdExpenseRatio: num(facts, 'rdExpenseRatio'),
    rdStaffCount: num(facts, 'rdStaffCount'),
    classOneIpCount: num(facts, 'classOneIpCount') ?? 0,
    classTwoIpCount: num(facts, 'classTwoIpCount') ?? 0,
    validQualifications: (facts.validQualifications ?? []) as EnterpriseFigures['validQualifications'],
    foundedOn: str(facts, 'foundedOn'),
  }
}

/** The rule's words for a row: why it is in, or why the rule leaves it out. */
function explainRule(library: Library, row: LibraryRow, date: string): string {
  const facts = row.facts
  switch (library) {
    case 'hnte_reserve':
      return checkHnteReserveRule(figuresOf(facts)).reason
    case 'tech_enterprise_incubation':
      return checkTechIncubationRule(figuresOf(facts), date).reason
    case 'investment_projects':
      return checkInvestmentProjectRule({
        kind: str(facts, 'kind') as ProjectKind,
        status: str(facts, 'status') as ProjectStatus,
      }).reason
    case 'rd_talents':
      return checkRdTalentRule({ kind: str(facts, 'kind') as TalentKind }).reason
    case 'platform_reserve':
      return checkPlatformReserveRule({
        status: str(facts, 'status') as PlatformStatus,
        level: str(facts, 'level') as PlatformLevel | null,
        targetLevel: str(facts, 'targetLevel') as PlatformLevel | null,
      }).reason
  }
}

function describeDetail(library: Library, row: LibraryRow): string | null {
  const facts = row.facts
  switch (LIBRARY_MEMBER_KINDS[library]) {
    case 'enterprise':
      return row.detail
    case 'project': {
      const status = str(facts, 'status') as ProjectStatus | null
      return [row.detail, status ? PROJECT_STATUS_LABELS[status] : null].filter(Boolean).join(' · ') || null
    }
    case 'talent': {
      const kind = str(facts, 'kind') as TalentKind | null
      return [kind ? TALENT_KIND_LABELS[kind] : null, row.detail].filter(Boolean).join(' · ') || null
    }
    case 'platform': {
      const level = str(facts, 'level') as PlatformLevel | null
      const status = str(facts, 'status') as PlatformStatus | null
      return (
        [
          row.detail ? PLATFORM_TYPE_LABELS[row.detail as PlatformType] : null,
          level ? PLATFORM_LEVEL_LABELS[level] : null,
          status ? PLATFORM_STATUS_LABELS[status] : null,
        ]
          .filter(Boolean)
          .join(' · ') || null
      )
    }
  }
}

async function writeMembersWorkbook(
  library: Library,
  members: LibraryMember[],
  date: string,
  isTruncated: boolean,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(LIBRARY_LABELS[library], { views: [{ state: 'frozen', ySplit: 3 }] })
  sheet.columns = [8, 36, 30, 16, 60, 12, 40, 14, 20].map((width) => ({ width }))
  sheet.getCell('A1').value = `${LIBRARY_LABELS[library]}（截至 ${date}）`
  sheet.getCell('A1').font = { bold: true, size: 14 }
  sheet.getCell('A2').value = isTruncated
    ? `仅导出前 ${LIBRARY_EXPORT_MAX_ROWS} 条，请按地区或关键词缩小范围后分批导出`
    : `共 ${members.length} 条。入库规则：${LIBRARY_RULE_DESCRIPTIONS[library]}`
  const header = sheet.getRow(3)
  header.values = [
    '序号',
    '名称',
    '说明',
    '所在地区',
    '规则判断',
    '人工调整',
    '调整理由',
    '调整人',
    '调整时间',
  ]
  header.font = { bold: true }
  members.forEach((member, index) => {
    sheet.addRow([
      index + 1,
      member.name,
      member.detail ?? '',
      member.regionName ?? '',
      member.ruleReason ?? '',
      member.curation ? CURATION_ACTION_LABELS[member.curation.action] : '',
      member.curation?.reason ?? '',
      member.curation?.userName ?? '',
      member.curation ? chinaDate(new Date(member.curation.createdAt)) : '',
    ])
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
