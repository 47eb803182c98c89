import { and, eq, isNull, like, sql } from 'drizzle-orm'
import {
  type CanonicalEnterprise,
  type EnterpriseIndex,
  type ImportCandidate,
  type ImportRegion,
  type ImportRowOutcome,
  type LinkDecision,
  type RegisterListType,
  createEnterpriseIndex,
  duplicateRowMessage,
  linkDecisionKeyOf,
  linkEnterpriseRecord,
  normalizeRegionName,
  validateImportRow,
  type ImportCellError,
  type ImportRecord,
} from '@kechuang/core/registers'
import { tables, type Executor } from '@kechuang/db'

const { enterprises, orgUnits, registerLinkDecisions } = tables

/** What checking and linking a row needs, loaded once per file: places in scope, the register, past decisions. */
export interface LinkingContext {
  regions: ReadonlyMap<string, ImportRegion>
  index: EnterpriseIndex
  /**
   * The enterprises whose credit code is unknown. A record with a valid code that no enterprise holds can only be
   * one of these (an enterprise with another valid code is another legal person), so it is linked against them
   * alone — which is also what keeps a 100 000-row list with codes fast.
   */
  uncodedIndex: EnterpriseIndex
  /** Decision key → the enterprise a reviewer confirmed, and those a reviewer ruled out. */
  decisions: ReadonlyMap<string, { confirmed: string | null; ruledOut: Set<string> }>
}

export async function loadLinkingContext(db: Executor, scopePath: string): Promise<LinkingContext> {
  const units = await db
    .select({ id: orgUnits.id, name: orgUnits.name, aliases: orgUnits.aliases, code: orgUnits.divisionCode })
    .from(orgUnits)
    .where(and(like(orgUnits.path, `${scopePath}%`), isNull(orgUnits.deletedAt)))
  const regions = new Map<string, ImportRegion>()
  for (const unit of units) {
    const region: ImportRegion = {
      orgUnitId: unit.id,
      name: unit.name,
      regionCode: unit.code && /^\d{6}/.test(unit.code) ? unit.code.slice(0, 6) : null,
    }
    for (const name of [unit.name, ...unit.aliases]) regions.set(normalizeRegionName(name), region)
  }

  // The register as the linker sees it: one canonical row per enterprise (core enterprise-clusters.ts).
  const rows = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      aliases: enterprises.aliases,
      formerNames: enterprises.formerNames,
      regionCode: enterprises.regionCode,
      legalRepresentative: enterprises.legalRepresentative,
    })
    .from(enterprises)
    .where(eq(enterprises.id, enterprises.canonicalId))
  const index = createEnterpriseIndex(rows as CanonicalEnterprise[])
  const uncodedIndex = createEnterpriseIndex(
    rows.filter((r) => r.creditCode === null) as CanonicalEnterprise[],
  )

  const decisions = new Map<string, { confirmed: string | null; ruledOut: Set<string> }>()
  const edges = await db
    .select({
      key: registerLinkDecisions.recordKey,
      enterpriseId: registerLinkDecisions.enterpriseId,
      judgement: registerLinkDecisions.judgement,
    })
    .from(registerLinkDecisions)
    .where(isNull(registerLinkDecisions.deletedAt))
    .orderBy(sql`${registerLinkDecisions.createdAt}`)
  for (const edge of edges) {
    const entry = decisions.get(edge.key) ?? { confirmed: null, ruledOut: new Set<string>() }
    if (edge.judgement === 'POSITIVE') entry.confirmed = edge.enterpriseId
    if (edge.judgement === 'NEGATIVE') entry.ruledOut.add(edge.enterpriseId)
    decisions.set(edge.key, entry)
  }
  return { regions, index, uncodedIndex, decisions }
}

/** A row as staged: the checks and what commit will do with it. */
export interface EvaluatedRow {
  values: Record<string, string>
  errors: ImportCellError[]
  duplicateKey: string | null
  /** The column a duplicate of this row is reported on. */
  duplicateColumn: string | null
  record: ImportRecord | null
  outcome: ImportRowOutcome | null
  enterpriseId: string | null
  probability: number | null
  candidates: ImportCandidate[]
}

/** Lists whose rows are enterprises: a row with a valid code and no match in the register becomes a new one. */
const CREATES_ENTERPRISES: ReadonlySet<RegisterListType> = new Set(['hnte', 'tsme', 'enterprise_years'])

function candidatesOf(index: EnterpriseIndex, decision: LinkDecision): ImportCandidate[] {
  return decision.candidates.map((c) => {
    const enterprise = index.enterprises[c.position]!
    return {
      enterpriseId: c.enterpriseId,
      name: enterprise.names[0]!.written,
      creditCode: enterprise.creditCode,
      regionCode: enterprise.regionCode,
      probability: c.probability,
      explanation: c.terms.map((t) => ({ label: t.label, weight: t.weight })),
    }
  })
}

/**
 * Checks a row and links what it speaks of. A remembered POSITIVE decision links at once; NEGATIVE ones keep their
 * enterprises out. Then the core linker: linked, review, or no match — which becomes `new` when the row can create
 * its record without guessing (an enterprise with a valid code, or a platform whose host stays a name), and
 * `review` otherwise, so no duplicate enterprise is made from a bare name.
 */
export function evaluateRow(
  context: LinkingContext,
  listType: RegisterListType,
  values: Record<string, string>,
  firstRowWithKey: (key: string) => number | null,
): EvaluatedRow {
  const validation = validateImportRow(listType, values, context)
  const errors = [...validation.errors]
  const duplicateKey = validation.duplicateKey?.key ?? null
  if (validation.duplicateKey) {
    const first = firstRowWithKey(validation.duplicateKey.key)
    if (first !== null)
      errors.push({ column: validation.duplicateKey.column, message: duplicateRowMessage(first) })
  }
  const duplicateColumn = validation.duplicateKey?.column ?? null
  const base = { values, errors, duplicateKey, duplicateColumn, record: validation.record }
  if (errors.length > 0 || !validation.record || !validation.subject)
    return { ...base, record: null, outcome: null, enterpriseId: null, probability: null, candidates: [] }

  const subject = validation.subject
  const remembered = context.decisions.get(linkDecisionKeyOf(subject))
  if (remembered?.confirmed)
    return { ...base, outcome: 'linked', enterpriseId: remembered.confirmed, probability: 1, candidates: [] }
  const hasUnknownCode = Boolean(subject.creditCode) && !context.index.byCreditCode.has(subject.creditCode!)
  const index = hasUnknownCode ? context.uncodedIndex : context.index
  const decision = linkEnterpriseRecord(
    index,
    subject,
    remembered ? { excludedEnterpriseIds: remembered.ruledOut } : {},
  )
  const candidates = candidatesOf(index, decision)
  if (decision.outcome === 'linked')
    return {
      ...base,
      outcome: 'linked',
      enterpriseId: decision.enterpriseId,
      probability: decision.probability,
      candidates,
    }
  const canCreate =
    listType === 'platforms' || (CREATES_ENTERPRISES.has(listType) && Boolean(subject.creditCode))
  const outcome: ImportRowOutcome = decision.outcome === 'no_match' && canCreate ? 'new' : 'review'
  return { ...base, outcome, enterpriseId: null, probability: decision.probability, candidates }
}

/** Column key → cell text, read through the mapping (header → position in the file). */
export function mapCells(
  cells: readonly string[],
  headers: readonly string[],
  mapping: Readonly<Record<string, string | null>>,
): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, header] of Object.entries(mapping)) {
    if (!header) continue
    const position = headers.indexOf(header)
    if (position >= 0) values[key] = cells[position] ?? ''
  }
  return values
}
