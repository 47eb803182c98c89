import ExcelJS from 'exceljs'
import { hasPermission } from '@kechuang/core/accounts'
import { pageOffset } from '@kechuang/core/pagination'
import {
  ENTERPRISE_EXPORT_MAX_ROWS,
  PROFILE_LATEST_IP_COUNT,
  QUALIFICATION_TYPES,
  QUALIFICATION_TYPE_LABELS,
  buildClusters,
  buildTimeline,
  diffJudgements,
  isValidCreditCode,
  maskIdNumber,
  maskPhone,
  mergeClusters,
  qualificationValidity,
  rankCanonicalIds,
  splitCluster,
  validateCreditCode,
  withdrawCrossingJudgements,
  type CreditCodeExplanation,
  type EnterpriseClusterResult,
  type EnterpriseFilter,
  type EnterpriseIpItem,
  type EnterpriseIpPage,
  type EnterpriseIpQuery,
  type EnterpriseListItem,
  type EnterpriseListQuery,
  type EnterpriseMergeInput,
  type EnterpriseMergePreview,
  type EnterprisePage,
  type EnterpriseProfile,
  type EnterpriseSplitInput,
  type Judgement,
  type QualificationType,
  type TimelineInput,
} from '@kechuang/core/registers'
import type { Database, Executor } from '@kechuang/db'
import { chinaDate } from '../../china-time'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import type { OrgUnitsService } from '../org-units/org-units.service'
import { enterpriseErrors } from './enterprises.errors'
import {
  countIp,
  countIpByType,
  countRecords,
  findEnterpriseInScope,
  insertJudgements,
  listEnterprises,
  listIp,
  listLiveJudgementsAmong,
  listMembers,
  listPlatforms,
  listPositiveJudgementsTouching,
  listProjects,
  listQualifications,
  listTalents,
  listYears,
  namesOf,
  retireJudgements,
  setCanonicalId,
  type EnterpriseScope,
  type JudgementRow,
  type ListRow,
  type ResolvedFilter,
} from './enterprises.repository'

export interface EnterprisesService {
  list(actor: Actor, query: EnterpriseListQuery): Promise<EnterprisePage>
  exportWorkbook(actor: Actor, filter: EnterpriseFilter): Promise<{ fileName: string; content: Buffer }>
  getProfile(actor: Actor, id: string): Promise<EnterpriseProfile>
  listIp(actor: Actor, id: string, query: EnterpriseIpQuery): Promise<EnterpriseIpPage>
  previewMerge(actor: Actor, input: EnterpriseMergeInput): Promise<EnterpriseMergePreview>
  merge(actor: Actor, input: EnterpriseMergeInput): Promise<EnterpriseClusterResult>
  split(actor: Actor, id: string, input: EnterpriseSplitInput): Promise<EnterpriseClusterResult>
}

const AUDIT_ENTITY = 'enterprise'
// The bureau works on Beijing time: "valid today" turns at midnight there, not at UTC midnight.

export function createEnterprisesService({
  db,
  audit,
  orgUnits,
}: {
  db: Database
  audit: AuditService
  orgUnits: OrgUnitsService
}): EnterprisesService {
  const scopeOf = (actor: Actor): EnterpriseScope => ({
    scopePath: actor.scopePath,
    // A scope path of one id ('/root/') is the top of the tree.
    isRootScope: actor.scopePath.split('/').filter(Boolean).length === 1,
  })

  const requireEnterprise = async (executor: Executor, actor: Actor, id: string) => {
    const found = await findEnterpriseInScope(executor, id, scopeOf(actor))
    if (!found) throw enterpriseErrors.ENTERPRISE_NOT_FOUND({ id })
    return found
  }

  const resolveFilter = async (actor: Actor, filter: EnterpriseFilter): Promise<ResolvedFilter> => {
    const { regionOrgUnitId, sort: _sort, order: _order, ...rest } = filter
    if (!regionOrgUnitId) return rest
    const region = await orgUnits.findInScope(actor, regionOrgUnitId)
    if (!region) throw enterpriseErrors.REGION_NOT_FOUND({ regionOrgUnitId })
    return { ...rest, regionPath: region.path }
  }

  /** Reads both clusters of a merge (locked when `lock`) and checks the merge may happen. */
  const loadMerge = async (executor: Executor, actor: Actor, input: EnterpriseMergeInput, lock: boolean) => {
    const into = await requireEnterprise(executor, actor, input.intoId)
    const from = await requireEnterprise(executor, actor, input.fromId)
    if (into.head.id === from.head.id) throw enterpriseErrors.MERGE_SAME_ENTERPRISE({ id: into.head.id })
    const members = await listMembers(executor, [into.head.id, from.head.id], { lock })
    const intoMembers = members.filter((m) => m.canonicalId === into.head.id)
    const fromMembers = members.filter((m) => m.canonicalId === from.head.id)
    const codesOf = (rows: typeof members) => [
      ...new Set(
        rows.map((r) => r.creditCode).filter((c): c is string => c !== null && isValidCreditCode(c)),
      ),
    ]
    const [intoCodes, fromCodes] = [codesOf(intoMembers), codesOf(fromMembers)]
    // Rows of one cluster cannot share a code (it is unique), so two non-empty sets are two legal persons.
    const blockReason =
      intoCodes.length > 0 && fromCodes.length > 0
        ? `两家企业的统一社会信用代码不同（${intoCodes.join('、')} 与 ${fromCodes.join('、')}），是不同的法人主体，不能合并`
        : null
    return { into, from, intoMembers, fromMembers, members, blockReason }
  }

  return {
    async list(actor, query) {
      const { page, pageSize, sort, order, ...filter } = query
      const resolved = await resolveFilter(actor, { ...filter, sort, order })
      const { rows, total, totalIsCapped, rdExpenseYear } = await listEnterprises(
        db,
        scopeOf(actor),
        resolved,
        { sort, order },
        { limit: pageSize, offset: pageOffset({ page, pageSize }) },
        chinaDate(new Date()),
      )
      return { items: rows.map(toListItem), total, totalIsCapped, page, pageSize, rdExpenseYear }
    },

    async exportWorkbook(actor, filter) {
      const resolved = await resolveFilter(actor, filter)
      const { rows, total } = await listEnterprises(
        db,
        scopeOf(actor),
        resolved,
        { sort: filter.sort, order: filter.order },
        { limit: ENTERPRISE_EXPORT_MAX_ROWS, offset: 0 },
        chinaDate(new Date()),
        { exactTotal: true },
      )
      if (total > ENTERPRISE_EXPORT_MAX_ROWS) {
        throw enterpriseErrors.EXPORT_TOO_LARGE(
          { total, maxRows: ENTERPRISE_EXPORT_MAX_ROWS },
          `符合条件的企业有 ${total} 家，超过单次导出上限 ${ENTERPRISE_EXPORT_MAX_ROWS} 家，请缩小筛选范围后再导出`,
        )
      }
      return {
        fileName: `企业库-${chinaDate(new Date())}.xlsx`,
        content: await buildWorkbook(rows.map(toListItem)),
      }
    },

    async getProfile(actor, id) {
      const { head, regionName } = await requireEnterprise(db, actor, id)
      const members = await listMembers(db, [head.id])
      const memberIds = members.map((m) => m.id)
      const [years, quals, platformRows, ipCounts, latestIp, ipGrants, projectRows, talentRows, links] =
        await Promise.all([
          listYears(db, memberIds),
          listQualifications(db, memberIds),
          listPlatforms(db, memberIds),
          countIpByType(db, memberIds),
          listIp(db, memberIds, { limit: PROFILE_LATEST_IP_COUNT, offset: 0 }),
          listIp(db, memberIds, { limit: PROFILE_LATEST_IP_COUNT, offset: 0, grantedOnly: true }),
          listProjects(db, memberIds),
          listTalents(db, memberIds),
          listPositiveJudgementsTouching(db, memberIds),
        ])
      const otherIds = links.flatMap((l) => [l.leftId, l.rightId]).filter((i) => !memberIds.includes(i))
      const names = new Map([
        ...members.map((m) => [m.id, m.name] as const),
        ...(await namesOf(db, otherIds)),
      ])
      const parkName = head.parkOrgUnitId
        ? (await orgUnits.findInScope(actor, head.parkOrgUnitId))?.name
        : null
      const today = chinaDate(new Date())
      const mayReadPersonal = hasPermission(actor.role, 'talents:personal')
      const memberSet = new Set(memberIds)

      const qualifications = quals.map((q) => ({
        memberId: q.enterpriseId,
        source: q.source,
        id: q.id,
        type: q.type,
        title: q.title,
        status: q.status,
        number: q.number,
        year: q.year,
        validFrom: q.validFrom,
        validTo: q.validTo,
        level: q.level,
        validity: qualificationValidity(q, today),
      }))
      const platforms = platformRows.map(({ participant, platform }) => ({
        memberId: participant.enterpriseId!,
        source: platform.source,
        id: platform.id,
        role: participant.role,
        name: platform.name,
        type: platform.type,
        level: platform.level,
        status: platform.status,
        approvedOn: platform.approvedOn,
      }))
      const projects = projectRows.map((p) => ({
        memberId: p.enterpriseId!,
        source: p.source,
        id: p.id,
        kind: p.kind,
        name: p.name,
        number: p.number,
        amountWanYuan: p.amountWanYuan,
        startedOn: p.startedOn,
        endedOn: p.endedOn,
        status: p.status,
        isSynthetic: p.isSynthetic,
      }))
      const linkEvents = links.flatMap((l) => {
        // The row this edge joined to the enterprise: the one outside it (split off since), else the non-canonical end.
        const outside = [l.leftId, l.rightId].find((end) => !memberSet.has(end))
        const other = outside ?? (l.rightId === head.id ? l.leftId : l.rightId)
        const otherName = names.get(other) ?? other
        const events: TimelineInput['links'] = [
          { at: l.createdAt.toISOString(), kind: 'merge', otherName, userName: l.userName },
        ]
        if (l.deletedAt)
          events.push({ at: l.deletedAt.toISOString(), kind: 'split', otherName, userName: l.userName })
        return events
      })

      return {
        id: head.id,
        name: head.name,
        creditCode: head.creditCode,
        creditCodeExplanation: head.creditCode === null ? null : explainCreditCode(head.creditCode),
        aliases: unique(members.flatMap((m) => [...m.aliases, ...(m.id === head.id ? [] : [m.name])])).filter(
          (name) => name !== head.name,
        ),
        formerNames: members.flatMap((m) => m.formerNames),
        legalRepresentative:
          head.legalRepresentative ?? members.find((m) => m.legalRepresentative)?.legalRepresentative ?? null,
        region: head.regionOrgUnitId && regionName ? { id: head.regionOrgUnitId, name: regionName } : null,
        regionCode: head.regionCode,
        park: head.parkOrgUnitId && parkName ? { id: head.parkOrgUnitId, name: parkName } : null,
        industryCode: head.industryCode,
        industryText: head.industryText,
        leadingIndustry: head.leadingIndustry,
        foundedOn: head.foundedOn,
        isSynthetic: head.isSynthetic,
        source: head.source,
        members: members.map((m) => ({
          id: m.id,
          name: m.name,
          creditCode: m.creditCode,
          regionName: m.regionName,
          isCanonical: m.id === head.id,
          isSynthetic: m.isSynthetic,
          source: m.source,
          links: links
            .filter((l) => l.deletedAt === null && (l.leftId === m.id || l.rightId === m.id))
            .map((l) => ({
              otherId: l.leftId === m.id ? l.rightId : l.leftId,
              userName: l.userName,
              reason: l.reason,
              createdAt: l.createdAt.toISOString(),
            })),
        })),
        years: years.map(({ enterpriseId, createdAt: _c, updatedAt: _u, ...figures }) => ({
          memberId: enterpriseId,
          ...figures,
        })),
        qualifications,
        platforms,
        ip: {
          total: ipCounts.reduce((sum, row) => sum + row.count, 0),
          byType: ipCounts,
          latest: latestIp.map(toIpItem),
        },
        projects,
        talents: talentRows.map((t) => ({
          memberId: t.enterpriseId!,
          source: t.source,
          id: t.id,
          kind: t.kind,
          name: t.name,
          idNumber: t.idNumber === null || mayReadPersonal ? t.idNumber : maskIdNumber(t.idNumber),
          phone: t.phone === null || mayReadPersonal ? t.phone : maskPhone(t.phone),
          title: t.title,
          field: t.field,
          isSynthetic: t.isSynthetic,
        })),
        facts: members.flatMap((m) =>
          m.facts.map((f) => ({ memberId: m.id, source: f.source, text: f.text })),
        ),
        timeline: buildTimeline({
          qualifications,
          platforms,
          projects,
          ipGrants: ipGrants.map((ip) => ({ ...ip, grantedOn: ip.grantedOn! })),
          links: linkEvents,
        }),
      }
    },

    async listIp(actor, id, query) {
      const { head } = await requireEnterprise(db, actor, id)
      const memberIds = (await listMembers(db, [head.id])).map((m) => m.id)
      const [rows, total] = await Promise.all([
        listIp(db, memberIds, { limit: query.pageSize, offset: pageOffset(query), type: query.type }),
        countIp(db, memberIds, query.type),
      ])
      return { items: rows.map(toIpItem), total, page: query.page, pageSize: query.pageSize }
    },

    async previewMerge(actor, input) {
      const { into, from, intoMembers, fromMembers, members, blockReason } = await loadMerge(
        db,
        actor,
        input,
        false,
      )
      const [intoCounts, fromCounts] = await Promise.all([
        countRecords(
          db,
          intoMembers.map((m) => m.id),
        ),
        countRecords(
          db,
          fromMembers.map((m) => m.id),
        ),
      ])
      return {
        into: {
          id: into.head.id,
          name: into.head.name,
          creditCode: into.head.creditCode,
          counts: intoCounts,
        },
        from: {
          id: from.head.id,
          name: from.head.name,
          creditCode: from.head.creditCode,
          counts: fromCounts,
        },
        resultingId: rankCanonicalIds(members.map((m) => m.id)),
        canMerge: blockReason === null,
        blockReason,
      }
    },

    async merge(actor, input) {
      return db.transaction(async (tx) => {
        const { into, from, members, blockReason } = await loadMerge(tx, actor, input, true)
        if (blockReason !== null)
          throw enterpriseErrors.CREDIT_CODE_CONFLICT(
            { intoId: into.head.id, fromId: from.head.id },
            blockReason,
          )
        const memberIds = members.map((m) => m.id)
        const { edges, rows } = await loadEdges(tx, memberIds)
        const index = buildClusters(memberIds, edges)
        const at = new Date()
        const next = mergeClusters(
          edges,
          index,
          { into: index.clusterIdOf.get(into.head.id)!, from: index.clusterIdOf.get(from.head.id)! },
          { userId: actor.userId ?? 'system', at: at.toISOString() },
        )
        const result = await saveEdges(tx, actor, {
          edges,
          next,
          rows,
          memberIds,
          at,
          reason: input.reason ?? null,
        })
        await audit.record(tx, actor, {
          entityType: AUDIT_ENTITY,
          entityId: result.clusters[0]!.id,
          action: 'merge',
          scopePath: into.regionPath,
          before: {
            operation: 'merge',
            clusters: [
              {
                id: into.head.id,
                name: into.head.name,
                memberIds: members.filter((m) => m.canonicalId === into.head.id).map((m) => m.id),
              },
              {
                id: from.head.id,
                name: from.head.name,
                memberIds: members.filter((m) => m.canonicalId === from.head.id).map((m) => m.id),
              },
            ],
          },
          after: { operation: 'merge', reason: input.reason ?? null, ...result },
        })
        return result
      })
    },

    async split(actor, id, input) {
      return db.transaction(async (tx) => {
        const { head, regionPath } = await requireEnterprise(tx, actor, id)
        const members = await listMembers(tx, [head.id], { lock: true })
        const memberIds = members.map((m) => m.id)
        const part = [...new Set(input.memberIds)]
        if (part.length >= memberIds.length || part.some((p) => !memberIds.includes(p)))
          throw enterpriseErrors.SPLIT_MEMBERS_INVALID({ id: head.id, memberIds: input.memberIds })
        const { edges, rows } = await loadEdges(tx, memberIds)
        const at = new Date()
        const next = input.markDistinct
          ? splitCluster(edges, buildClusters(memberIds, edges), head.id, part, {
              userId: actor.userId ?? 'system',
              at: at.toISOString(),
            })
          : withdrawCrossingJudgements(edges, memberIds, part, at.toISOString())
        const result = await saveEdges(tx, actor, {
          edges,
          next,
          rows,
          memberIds,
          at,
          reason: input.reason ?? null,
        })
        await audit.record(tx, actor, {
          entityType: AUDIT_ENTITY,
          entityId: head.id,
          action: 'split',
          scopePath: regionPath,
          before: { operation: 'split', clusters: [{ id: head.id, name: head.name, memberIds }] },
          after: {
            operation: 'split',
            part,
            markDistinct: input.markDistinct ?? false,
            reason: input.reason ?? null,
            ...result,
          },
        })
        return result
      })
    },
  }
}

async function loadEdges(tx: Executor, memberIds: readonly string[]) {
  const rows = await listLiveJudgementsAmong(tx, memberIds)
  const edges: Judgement[] = rows.map((row) => ({
    left: row.leftId,
    right: row.rightId,
    judgement: row.judgement,
    score: row.score,
    userId: row.userId ?? 'system',
    createdAt: row.createdAt.toISOString(),
    deletedAt: null,
  }))
  return { edges, rows }
}

/** Writes what a merge or split changed in the judgements, then the cluster cache of every member row. */
async function saveEdges(
  tx: Executor,
  actor: Actor,
  change: {
    edges: Judgement[]
    next: Judgement[]
    rows: JudgementRow[]
    memberIds: string[]
    at: Date
    reason: string | null
  },
): Promise<EnterpriseClusterResult> {
  const { retired, added } = diffJudgements(change.edges, change.next)
  await retireJudgements(
    tx,
    retired.map((position) => change.rows[position]!.id),
    change.at,
  )
  await insertJudgements(
    tx,
    added.map((edge) => ({
      leftId: edge.left,
      rightId: edge.right,
      judgement: edge.judgement,
      score: edge.score,
      reason: change.reason,
      userId: actor.userId,
      userName: actor.displayName,
      createdAt: change.at,
    })),
  )
  const { clusters } = buildClusters(change.memberIds, change.next)
  for (const cluster of clusters) await setCanonicalId(tx, cluster.id, cluster.memberIds)
  return { clusters }
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}

function explainCreditCode(code: string): CreditCodeExplanation {
  const result = validateCreditCode(code)
  if (!result.isValid) {
    return {
      isValid: false,
      registrationAuthority: null,
      registrationAuthorityLabel: null,
      organizationCategory: null,
      organizationCategoryLabel: null,
      regionCode: null,
      organizationCode: null,
      checkCharacter: null,
      messages: result.problems.map((p) => p.message),
    }
  }
  return { isValid: true, ...result.parts, messages: result.flags.map((f) => f.message) }
}

function toIpItem(row: Awaited<ReturnType<typeof listIp>>[number]): EnterpriseIpItem {
  return {
    memberId: row.enterpriseId,
    source: row.source,
    id: row.id,
    type: row.type,
    ipClass: row.ipClass,
    number: row.number,
    title: row.title,
    appliedOn: row.appliedOn,
    grantedOn: row.grantedOn,
    legalStatus: row.legalStatus,
    isSynthetic: row.isSynthetic,
  }
}

function toListItem(row: ListRow): EnterpriseListItem {
  const held = new Set(row.current_qualifications)
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    regionName: row.region_name,
    industryCode: row.industry_code,
    industryText: row.industry_text,
    leadingIndustry: row.leading_industry,
    foundedOn: row.founded_on,
    currentQualifications: QUALIFICATION_TYPES.filter((type) => held.has(type)),
    ipCount: row.ip_count,
    platformCount: row.platform_count,
    latestRdExpenseWanYuan: row.rd_expense === null ? null : Number(row.rd_expense),
    latestRdExpenseYear: row.rd_year,
    memberCount: row.member_count,
    isSynthetic: row.is_synthetic,
  }
}

const EXPORT_COLUMNS: {
  header: string
  width: number
  value: (item: EnterpriseListItem) => string | number | null
}[] = [
  { header: '企业名称', width: 36, value: (i) => i.name },
  { header: '统一社会信用代码', width: 22, value: (i) => i.creditCode },
  { header: '所在地区', width: 14, value: (i) => i.regionName },
  { header: '行业代码', width: 10, value: (i) => i.industryCode },
  { header: '行业', width: 20, value: (i) => i.industryText },
  { header: '主导产业', width: 16, value: (i) => i.leadingIndustry },
  { header: '成立日期', width: 12, value: (i) => i.foundedOn },
  {
    header: '当前有效资质',
    width: 36,
    value: (i) =>
      i.currentQualifications.map((q: QualificationType) => QUALIFICATION_TYPE_LABELS[q]).join('、'),
  },
  { header: '知识产权数', width: 10, value: (i) => i.ipCount },
  { header: '创新平台数', width: 10, value: (i) => i.platformCount },
  { header: '最新研发费用（万元）', width: 16, value: (i) => i.latestRdExpenseWanYuan },
  { header: '研发费用年度', width: 12, value: (i) => i.latestRdExpenseYear },
  { header: '合成数据', width: 10, value: (i) => (i.isSynthetic ? '是' : '否') },
]

async function buildWorkbook(items: EnterpriseListItem[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('企业库')
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const item of items) sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(item)))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
