import ExcelJS from 'exceljs'
import type { z } from 'zod'
import { AppError } from '@kechuang/core/errors'
import { pageOffset, type PageQuery } from '@kechuang/core/pagination'
import {
  QUALIFIED_LABELS,
  RULE_SET_IDS,
  RULE_SET_LABELS,
  describeProposalReason,
  evaluateRegisterFacts,
  qualifiedValueOf,
  rankNearlyQualified,
  type QualifiedValue,
  type RegisterFacts,
  type RuleSetId,
  screenedConditionOf,
  storedConditionsOf,
  type ScreenedEnterprise,
  type ScreenedVerdict,
  type Screening,
  type ScreeningFilter,
  type ScreeningPage,
  type ScreeningResultPage,
  type ScreeningResultQuery,
  type ScreeningSummary,
  type StartScreeningRequest,
  type Verdict,
} from '@kechuang/core/qualification'
import {
  checkHnteReserveRule,
  enterpriseFiguresOn,
  ipClassOf,
  isQualificationValidOn,
  type QualificationType,
} from '@kechuang/core/registers'
import type { Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import type { OrgUnitsService } from '../org-units/org-units.service'
import { chinaDate } from '../../china-time'
import { findEnterprisesNotToPropose, insertProposals, countProposals } from './proposals.repository'
import {
  countSelected,
  readRegisterFacts,
  readSelectedBatch,
  registerScopeOf,
  type ScreeningSelection,
} from './register-evaluations.repository'
import { screeningErrors } from './screenings.errors'
import {
  countChanges,
  countVerdicts,
  countVerdictsByRegion,
  deleteResults,
  findPreviousScreening,
  pruneScreenings,
  findRunningScreenings,
  findScreeningInScope,
  insertResults,
  insertScreening,
  listResults,
  listScreeningsInScope,
  readVerdicts,
  updateScreening,
  type ResultFilter,
  type ResultToWrite,
  type ScreeningRow,
} from './screenings.repository'

/** Enterprises read and evaluated per batch, and results written per INSERT. */
export const SCREENING_BATCH_SIZE = 5000
/**
 * Completed runs kept per region and filter, with their results and proposals (a run of 100 000 enterprises holds
 * ~250 MB of results). Older ones are deleted when a newer run completes.
 */
export const SCREENING_RUNS_KEPT = 3
const RESULT_WRITE_BATCH_SIZE = 5000
const RESULT_WRITES_IN_FLIGHT = 2
/** At most this many 高企后备库 proposals per run, from the top of the 高企 nearly-qualified ranking. */
export const PROPOSALS_PER_SCREENING_MAX = 200
/** "接近达标": at most this many failed conditions, each with a gap (more is a programme, not a step). */
export const NEARLY_QUALIFIED_MAX_FAILED = 2
/** The qualification a rule set assesses: an enterprise holding it valid is not ranked as nearly there. */
const QUALIFICATION_OF_RULE_SET: Record<RuleSetId, QualificationType> = {
  'tsme-2022': 'tsme',
  'hnte-2016': 'hnte',
}
/** An export holds at most this many rows; a larger list is narrowed by region or verdict first. */
export const SCREENING_EXPORT_MAX_ROWS = 50_000

export interface ScreeningsService {
  /** Records the run and starts it; the page polls `get` for its progress. */
  start(actor: Actor, request: StartScreeningRequest): Promise<Screening>
  list(actor: Actor, query: PageQuery): Promise<z.infer<typeof ScreeningPage>>
  get(actor: Actor, screeningId: string): Promise<ScreeningSummary>
  results(actor: Actor, screeningId: string, query: ScreeningResultQuery): Promise<ScreeningResultPage>
  exportResults(
    actor: Actor,
    screeningId: string,
    query: Omit<ScreeningResultQuery, 'page' | 'pageSize'>,
  ): Promise<{ fileName: string; content: Buffer }>
  /** Resolves when the run has finished, whatever its outcome (tests, bench, shutdown). */
  settled(screeningId: string): Promise<void>
}

/** The screening run in the scope of the actor, or 404. */
export async function requireScreening(
  db: Database,
  actor: Actor,
  screeningId: string,
): Promise<ScreeningRow> {
  const row = await findScreeningInScope(db, screeningId, actor.scopePath)
  if (!row) throw screeningErrors.SCREENING_NOT_FOUND({ screeningId })
  return row
}

/**
 * 批量筛查 (issue M3 scope 4): every enterprise of a region (narrowed by industry and the synthetic flag) against
 * both rule sets on its register data, in the background of this process. The register is read in batches (keyset
 * by id), each enterprise evaluated (core evaluateRegisterFacts), the nearly-qualified ranked per rule set
 * (rankNearlyQualified), then the compact results written in multi-row INSERTs, each with the verdict of the
 * previous completed run of the same region and filter. The top of the 高企 ranking becomes 高企后备库 proposals.
 * A failed run keeps no results. One run per region at a time.
 */
export function createScreeningsService({
  db,
  audit,
  orgUnits,
  now = () => new Date(),
  batchSize = SCREENING_BATCH_SIZE,
}: {
  db: Database
  audit: AuditService
  orgUnits: Pick<OrgUnitsService, 'findInScope'>
  now?: () => Date
  batchSize?: number
}): ScreeningsService {
  const running = new Map<string, Promise<void>>()
  // Regions with a run in this process; checked before any await so two requests cannot both start one.
  const runningRegions = new Set<string>()

  async function runScreening(row: ScreeningRow, scopePath: string): Promise<void> {
    const started = performance.now()
    const timings = { read: 0, evaluate: 0, write: 0 }
    const lap = (phase: keyof typeof timings, since: number) => {
      const at = performance.now()
      timings[phase] += at - since
      return at
    }
    const filter = row.filter
    const selection: ScreeningSelection = {
      scope: registerScopeOf(scopePath),
      ...(filter.industryPrefix ? { industryPrefix: filter.industryPrefix } : {}),
      includeSynthetic: filter.includeSynthetic,
    }
    // A run of the root without a region filter also covers enterprises without a region (the M2 rule).
    if (filter.orgUnitId) selection.scope = { scopePath, isRootScope: false }
    const date = row.evaluationDate
    const year = Number(date.slice(0, 4))
    let at = performance.now()
    const previous = row.previousScreeningId ? await readVerdicts(db, row.previousScreeningId) : null
    const enterpriseCount = await countSelected(db, selection)
    await updateScreening(db, row.id, { enterpriseCount })
    at = lap('read', at)

    // Each result is kept as its JSON text until the ranking gives it its place: 200 000 strings cost the
    // collector far less than 200 000 object graphs.
    const results: Record<RuleSetId, PendingResult[]> = { 'tsme-2022': [], 'hnte-2016': [] }
    const screened: Record<RuleSetId, ScreenedEnterprise<PendingResult>[]> = {
      'tsme-2022': [],
      'hnte-2016': [],
    }
    const reserveMembers = new Set<string>()
    // The next batch is read while this one is evaluated (on PostgreSQL the database works meanwhile).
    const readBatch = async (after: string | null) => {
      const heads = await readSelectedBatch(db, selection, after, batchSize)
      if (heads.length === 0) return null
      const ids = heads.map((h) => h.id)
      return { heads, facts: await readRegisterFacts(db, ids, year) }
    }
    const prefetch = (after: string | null) => {
      const next = readBatch(after)
      // Handled where it is awaited; this keeps a failure of an abandoned read from going unhandled.
      next.catch(() => undefined)
      return next
    }
    let next = prefetch(null)
    let processed = 0
    for (;;) {
      at = performance.now()
      const batch = await next
      at = lap('read', at)
      if (batch === null) break
      const { heads, facts } = batch
      next = prefetch(heads[heads.length - 1]!.id)
      for (const head of heads) {
        const enterpriseFacts = facts.get(head.id)!
        for (const evaluation of evaluateRegisterFacts(enterpriseFacts, date)) {
          const ruleSet = evaluation.ruleSet
          const verdict = evaluation.verdict
          const values: Omit<ResultToWrite, 'nearly_rank'> = {
            screening_id: row.id,
            rule_set: ruleSet,
            enterprise_id: head.id,
            region_org_unit_id: head.region_org_unit_id,
            qualified: verdict ? qualifiedValueOf(verdict.qualified) : 'needs-review',
            previous_qualified: previous?.get(ruleSet)?.get(head.id) ?? null,
            score_min: verdict?.scoreBand.min ?? 0,
            score_max: verdict?.scoreBand.max ?? 0,
            conditions: verdict ? storedConditionsOf(verdict) : [],
            problems: evaluation.problems.map((p) => p.message),
          }
          const result: PendingResult = { enterpriseId: head.id, json: JSON.stringify(values), rank: null }
          results[ruleSet].push(result)
          const holds = enterpriseFacts.qualifications.some(
            (q) => q.type === QUALIFICATION_OF_RULE_SET[ruleSet] && isQualificationValidOn(q, date),
          )
          if (verdict && verdict.qualified !== true && !holds) {
            screened[ruleSet].push({ key: result, verdict: compactVerdict(verdict) })
            if (ruleSet === 'hnte-2016' && isHnteReserveMember(enterpriseFacts, date))
              reserveMembers.add(head.id)
          }
        }
      }
      processed += heads.length
      at = lap('evaluate', at)
      await updateScreening(db, row.id, { processedCount: processed })
      at = lap('write', at)
      await yieldToEventLoop()
    }

    at = performance.now()
    const ranked = Object.fromEntries(
      RULE_SET_IDS.map((ruleSet) => [
        ruleSet,
        rankNearlyQualified(screened[ruleSet], { maxFailedConditions: NEARLY_QUALIFIED_MAX_FAILED }),
      ]),
    ) as Record<RuleSetId, ReturnType<typeof rankNearlyQualified<PendingResult>>>
    for (const ruleSet of RULE_SET_IDS) for (const entry of ranked[ruleSet]) entry.key.rank = entry.rank
    at = lap('evaluate', at)

    // Two INSERTs in flight: on PostgreSQL each has its own connection, so the database uses both cores while
    // this process only serialises (PGlite runs them one after the other).
    const batches = RULE_SET_IDS.flatMap((ruleSet) => {
      const rows = results[ruleSet]
      return Array.from({ length: Math.ceil(rows.length / RESULT_WRITE_BATCH_SIZE) }, (_, i) =>
        rows.slice(i * RESULT_WRITE_BATCH_SIZE, (i + 1) * RESULT_WRITE_BATCH_SIZE),
      )
    })
    for (let i = 0; i < batches.length; i += RESULT_WRITES_IN_FLIGHT) {
      await Promise.all(
        batches.slice(i, i + RESULT_WRITES_IN_FLIGHT).map((batch) => insertResults(db, resultsJson(batch))),
      )
      await yieldToEventLoop()
    }
    // 高企后备库 proposals: the top of the 高企 ranking not already in the 库 (by rule or by hand) or proposed.
    const excluded = await findEnterprisesNotToPropose(db)
    const proposals = ranked['hnte-2016']
      .filter((entry) => !reserveMembers.has(entry.key.enterpriseId) && !excluded.has(entry.key.enterpriseId))
      .slice(0, PROPOSALS_PER_SCREENING_MAX)
      .map((entry) => ({
        screeningId: row.id,
        enterpriseId: entry.key.enterpriseId,
        rank: entry.rank,
        reason: describeProposalReason(
          entry.rank,
          (JSON.parse(entry.key.json) as ResultToWrite).conditions.map(screenedConditionOf),
        ),
      }))
    await insertProposals(db, proposals)
    lap('write', at)
    const seconds = (ms: number) => Math.round(ms) / 1000
    await updateScreening(db, row.id, {
      status: 'completed',
      processedCount: processed,
      finishedAt: now(),
      timings: {
        read: seconds(timings.read),
        evaluate: seconds(timings.evaluate),
        write: seconds(timings.write),
        total: seconds(performance.now() - started),
      },
    })
  }

  const run = (row: ScreeningRow, scopePath: string) => {
    const task = runScreening(row, scopePath)
      // Retention is housekeeping: when it fails, more runs are kept; the completed run stays completed.
      .then(() =>
        pruneScreenings(db, row.scopeOrgUnitId, row.filter, SCREENING_RUNS_KEPT).then(
          () => undefined,
          () => undefined,
        ),
      )
      .catch(async (error: unknown) => {
        const message =
          error instanceof AppError && error.status < 500
            ? error.message
            : screeningErrors.SCREENING_FAILED().message
        await deleteResults(db, row.id)
        await updateScreening(db, row.id, { status: 'failed', error: message, finishedAt: now() })
      })
      // Nothing more can be done when even marking the failure fails (the database is gone); a restart marks the
      // run interrupted when its region is screened again.
      .catch(() => undefined)
      .finally(() => {
        running.delete(row.id)
        runningRegions.delete(row.scopeOrgUnitId)
      })
    running.set(row.id, task)
  }

  const toSummary = async (row: ScreeningRow): Promise<ScreeningSummary> => {
    const isCompleted = row.status === 'completed'
    const [counts, byRegion, changes, proposals] = isCompleted
      ? [
          await countVerdicts(db, row.id),
          await countVerdictsByRegion(db, row.id, row.scopeOrgUnitId),
          row.previousScreeningId ? await countChanges(db, row.id) : [],
          await countProposals(db, row.id),
        ]
      : [[], [], [], { pending: 0, accepted: 0, rejected: 0 }]
    return {
      ...toScreening(row),
      counts: counts.map((c) => ({ ruleSet: c.rule_set, qualified: c.qualified, count: c.count })),
      byRegion: byRegion.map((c) => ({
        orgUnitId: c.org_unit_id,
        orgUnitName: c.org_unit_name ?? '未注明地区',
        ruleSet: c.rule_set,
        qualified: c.qualified,
        count: c.count,
      })),
      changes: changes.map((c) => ({ ruleSet: c.rule_set, from: c.from, to: c.to, count: c.count })),
      proposals,
    }
  }

  const requireCompleted = async (actor: Actor, screeningId: string) => {
    const row = await requireScreening(db, actor, screeningId)
    if (row.status !== 'completed') throw screeningErrors.SCREENING_NOT_COMPLETED({ screeningId })
    return row
  }

  const resolveFilter = async (
    actor: Actor,
    query: Omit<ScreeningResultQuery, 'page' | 'pageSize'>,
  ): Promise<ResultFilter> => {
    const { orgUnitId, ...rest } = query
    if (!orgUnitId) return rest
    const unit = await orgUnits.findInScope(actor, orgUnitId)
    if (!unit) throw screeningErrors.REGION_NOT_FOUND({ orgUnitId })
    return { ...rest, regionPath: unit.path }
  }

  return {
    async start(actor, request) {
      const { evaluationDate, ...filter } = request
      const regionId = filter.orgUnitId ?? actor.scopeOrgUnitId
      const region = await orgUnits.findInScope(actor, regionId)
      if (!region) throw screeningErrors.REGION_NOT_FOUND({ orgUnitId: regionId })
      if (runningRegions.has(region.id)) throw screeningErrors.SCREENING_RUNNING({ orgUnitId: region.id })
      runningRegions.add(region.id)
      try {
        // A run marked running that this process does not hold was cut short by a restart.
        for (const stale of await findRunningScreenings(db, region.id)) {
          if (running.has(stale.id)) throw screeningErrors.SCREENING_RUNNING({ orgUnitId: region.id })
          await deleteResults(db, stale.id)
          await updateScreening(db, stale.id, {
            status: 'failed',
            error: screeningErrors.SCREENING_INTERRUPTED().message,
            finishedAt: now(),
          })
        }
        const storedFilter: ScreeningFilter = filter
        const previous = await findPreviousScreening(db, region.id, storedFilter)
        const created = await db.transaction(async (tx) => {
          const saved = await insertScreening(tx, {
            status: 'running',
            evaluationDate: evaluationDate ?? chinaDate(now()),
            filter: storedFilter,
            scopeOrgUnitId: region.id,
            scopeName: region.name,
            previousScreeningId: previous?.id ?? null,
            startedByUserId: actor.userId,
            startedBy: actor.displayName,
            startedAt: now(),
          })
          await audit.record(tx, actor, {
            entityType: 'qualification_screening',
            entityId: saved.id,
            action: 'create',
            scopePath: region.path,
            after: toScreening(saved),
          })
          return saved
        })
        run(created, region.path)
        return toScreening(created)
      } catch (error) {
        runningRegions.delete(region.id)
        throw error
      }
    },

    async list(actor, query) {
      const { rows, total } = await listScreeningsInScope(db, actor.scopePath, {
        limit: query.pageSize,
        offset: pageOffset(query),
      })
      return { items: rows.map(toScreening), total, page: query.page, pageSize: query.pageSize }
    },

    async get(actor, screeningId) {
      return toSummary(await requireScreening(db, actor, screeningId))
    },

    async results(actor, screeningId, query) {
      const row = await requireCompleted(actor, screeningId)
      const { page, pageSize, ...rest } = query
      const rows = await listResults(db, row.id, await resolveFilter(actor, rest), {
        limit: pageSize,
        offset: pageOffset({ page, pageSize }),
      })
      return { items: rows.map(toResult), total: rows[0]?.total ?? 0, page, pageSize }
    },

    async exportResults(actor, screeningId, query) {
      const row = await requireCompleted(actor, screeningId)
      const rows = await listResults(db, row.id, await resolveFilter(actor, query), {
        limit: SCREENING_EXPORT_MAX_ROWS,
        offset: 0,
      })
      const total = rows[0]?.total ?? 0
      return {
        fileName: `资格筛查_${RULE_SET_LABELS[query.ruleSet]}_${row.scopeName}_${row.evaluationDate}.xlsx`,
        content: await writeResultsWorkbook(row, query.ruleSet, rows.map(toResult), total > rows.length),
      }
    },

    async settled(screeningId) {
      await running.get(screeningId)
    },
  }
}

/**
 * Lets requests in between batches. PGlite answers in-process, so a run's queries resolve as microtasks and would
 * otherwise hold off every other request (the page's progress polls among them) until the run ends.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** A result waiting for its place on the ranking: the row as JSON, without `nearly_rank`. */
interface PendingResult {
  enterpriseId: string
  json: string
  rank: number | null
}

/** Rows for `insertResults`: one JSON array, each row's text with its rank put in front. */
function resultsJson(rows: readonly PendingResult[]): string {
  return `[${rows.map((r) => `{"nearly_rank":${r.rank ?? 'null'},${r.json.slice(1)}`).join(',')}]`
}

/** What ranking reads of a verdict: its failed conditions' ids and gaps, nothing that holds the trace alive. */
function compactVerdict(verdict: Verdict): ScreenedVerdict {
  const failed: ScreenedVerdict['conditions'][number][] = []
  for (const c of verdict.conditions) if (c.status === 'fail') failed.push({ id: c.id, gap: c.gap })
  return {
    ruleSet: verdict.ruleSet,
    qualified: verdict.qualified,
    scoreBand: verdict.scoreBand,
    failedConditions: verdict.failedConditions,
    reviewConditions: verdict.reviewConditions,
    conditions: failed,
  }
}

/** Whether the 高企后备库 rule (M2) already lists the enterprise on `date`. */
function isHnteReserveMember(facts: RegisterFacts, date: string): boolean {
  const figures = enterpriseFiguresOn(
    {
      foundedOn: facts.foundedOn,
      qualifications: facts.qualifications,
      years: facts.years,
      ip: facts.ip.map((ip) => ({
        ipClass: ipClassOf(ip.type),
        legalStatus: ip.legalStatus,
        grantedOn: ip.grantedOn,
      })),
    },
    date,
  )
  return checkHnteReserveRule(figures).isMember
}

function toScreening(row: ScreeningRow): Screening {
  return {
    id: row.id,
    status: row.status,
    evaluationDate: row.evaluationDate,
    filter: row.filter,
    scopeName: row.scopeName,
    enterpriseCount: row.enterpriseCount,
    processedCount: row.processedCount,
    previousScreeningId: row.previousScreeningId,
    error: row.error,
    startedBy: row.startedBy,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    timings: row.timings,
  }
}

function toResult(
  row: Awaited<ReturnType<typeof listResults>>[number],
): ScreeningResultPage['items'][number] {
  return {
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    creditCode: row.credit_code,
    regionName: row.region_name,
    ruleSet: row.rule_set,
    qualified: row.qualified,
    previousQualified: row.previous_qualified,
    scoreBand: { min: row.score_min, max: row.score_max },
    nearlyRank: row.nearly_rank,
    conditions: row.conditions.map(screenedConditionOf),
    problems: row.problems,
  }
}

const verdictLabel = (value: QualifiedValue | null) => (value === null ? '' : QUALIFIED_LABELS[value])

async function writeResultsWorkbook(
  screening: ScreeningRow,
  ruleSet: RuleSetId,
  results: ScreeningResultPage['items'],
  isTruncated: boolean,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(RULE_SET_LABELS[ruleSet], { views: [{ state: 'frozen', ySplit: 3 }] })
  sheet.columns = [8, 36, 22, 16, 10, 10, 12, 12, 70, 40].map((width) => ({ width }))
  sheet.getCell('A1').value =
    `${screening.scopeName} ${RULE_SET_LABELS[ruleSet]}预评价筛查（评价日期 ${screening.evaluationDate}）`
  sheet.getCell('A1').font = { bold: true, size: 14 }
  sheet.getCell('A2').value = isTruncated
    ? `仅导出前 ${SCREENING_EXPORT_MAX_ROWS} 条，请按地区或结论缩小范围后分批导出`
    : `共 ${results.length} 条。预评价依据登记库数据，仅供参考；未满足与待核实条件见各行说明。`
  const header = sheet.getRow(3)
  header.values = [
    '序号',
    '企业名称',
    '统一社会信用代码',
    '所在地区',
    '结论',
    '上次结论',
    '得分区间',
    '接近符合排名',
    '未满足或待核实的条件',
    '无法评价的原因',
  ]
  header.font = { bold: true }
  results.forEach((result, index) => {
    const band = result.scoreBand
    sheet.addRow([
      index + 1,
      result.enterpriseName,
      result.creditCode ?? '',
      result.regionName ?? '',
      verdictLabel(result.qualified),
      verdictLabel(result.previousQualified),
      band.min === band.max ? `${band.min}` : `${band.min}–${band.max}`,
      result.nearlyRank ?? '',
      result.conditions.map((c) => c.text).join('\n'),
      result.problems.join('；'),
    ])
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export type { ScreeningRow }
