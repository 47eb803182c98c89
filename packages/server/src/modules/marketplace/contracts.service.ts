import {
  CONTRACT_TYPES,
  type ContractType,
  type TechContract,
  type TechContractInput,
  type TechContractPage,
  type TechContractQuery,
  type TechContractTotals,
  type TechContractTotalsQuery,
} from '@kechuang/core/marketplace'
import { isUniqueViolation, type Database, type Executor, type Transaction } from '@kechuang/db'
import { chinaDate, chinaYear } from '../../china-time'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import type { OrgUnitsService } from '../org-units/org-units.service'
import { writeContractsWorkbook } from './contracts.workbook'
import { dealErrors } from './deals.errors'
import {
  findContract,
  findContractIdByNumber,
  findEngagement,
  insertContract,
  insertEngagementStep,
  listChildUnits,
  listContracts,
  sumContracts,
  updateContract,
  updateEngagement,
  type EngagementRow,
  type TechContractRow,
} from './deals.repository'
import { auditScopeOf, isInScope, managesDealRegion, paging } from './deals.scope'
import { requireManageableEngagement } from './engagements.service'
import { techNeedDocument, type MarketplaceIndexService } from './marketplace-index.service'
import { marketplaceErrors } from './marketplace.errors'
import {
  enterpriseExists,
  findTechNeeds,
  institutionExists,
  updateTechNeed,
  type TechNeedRow,
} from './marketplace.repository'

export interface ContractsFile {
  fileName: string
  content: Buffer
}

export interface ContractsService {
  list(actor: Actor, query: TechContractQuery): Promise<TechContractPage>
  totals(actor: Actor, query: TechContractTotalsQuery): Promise<TechContractTotals>
  get(actor: Actor, id: string): Promise<TechContract>
  create(actor: Actor, input: TechContractInput): Promise<TechContract>
  update(actor: Actor, id: string, input: TechContractInput): Promise<TechContract>
  remove(actor: Actor, id: string): Promise<void>
  downloadWorkbook(actor: Actor, query: Omit<TechContractQuery, 'page' | 'pageSize'>): Promise<ContractsFile>
}

/** At most this many contracts go into one export. */
export const CONTRACT_EXPORT_MAX = 50_000
/** The totals cover this many years up to the current one unless asked otherwise. */
export const TOTALS_DEFAULT_YEARS = 5
const TOTALS_YEARS_MAX = 20

export function toTechContract(actor: Actor, row: TechContractRow): TechContract {
  return {
    id: row.id,
    registrationNumber: row.registrationNumber,
    title: row.title,
    type: row.type,
    amountWanYuan: row.amountWanYuan,
    sellerName: row.sellerName,
    sellerInstitutionId: row.sellerInstitutionId,
    sellerEnterpriseId: row.sellerEnterpriseId,
    buyerName: row.buyerName,
    buyerEnterpriseId: row.buyerEnterpriseId,
    signedOn: row.signedOn,
    regionOrgUnitId: row.regionOrgUnitId,
    regionName: row.regionName ?? '',
    engagementId: row.engagementId,
    note: row.note,
    canEdit: managesDealRegion(actor, row.regionPath),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export function createContractsService({
  db,
  audit,
  orgUnits,
  index,
  now = () => new Date(),
}: {
  db: Database
  audit: AuditService
  orgUnits: OrgUnitsService
  index: MarketplaceIndexService
  now?: () => Date
}): ContractsService {
  const requireContract = async (executor: Executor, actor: Actor, id: string) => {
    const row = await findContract(executor, id)
    if (!row || !isInScope(actor, row.regionPath)) throw dealErrors.CONTRACT_NOT_FOUND({ id })
    return row
  }
  const requireManageable = async (actor: Actor, id: string) => {
    const row = await findContract(db, id)
    if (!row) throw dealErrors.CONTRACT_NOT_FOUND({ id })
    if (!isInScope(actor, row.regionPath)) throw dealErrors.DEAL_NOT_EDITABLE({ contractId: id })
    return row
  }

  /** Checks of a contract's fields that need no transaction: the date, the register links, the number. */
  const checkInput = async (input: TechContractInput, ownId?: string) => {
    if (input.signedOn > chinaDate(now()))
      throw dealErrors.CONTRACT_DATE_IN_FUTURE({ signedOn: input.signedOn, today: chinaDate(now()) })
    if (input.sellerInstitutionId && !(await institutionExists(db, input.sellerInstitutionId)))
      throw marketplaceErrors.INSTITUTION_NOT_FOUND({ sellerInstitutionId: input.sellerInstitutionId })
    for (const field of ['sellerEnterpriseId', 'buyerEnterpriseId'] as const) {
      const id = input[field]
      if (id && !(await enterpriseExists(db, id)))
        throw marketplaceErrors.ENTERPRISE_NOT_FOUND({ [field]: id })
    }
    const holder = await findContractIdByNumber(db, input.registrationNumber)
    if (holder !== null && holder !== ownId)
      throw dealErrors.CONTRACT_NUMBER_TAKEN({ registrationNumber: input.registrationNumber })
  }

  /** The requested region (in the actor's scope), else the given default. */
  const resolveRegion = async (actor: Actor, requested: string | null, fallback: string) => {
    if (requested === null || requested === fallback) return fallback
    if (!(await orgUnits.findInScope(actor, requested)))
      throw marketplaceErrors.REGION_NOT_FOUND({ regionOrgUnitId: requested })
    return requested
  }

  const withNumberCheck = async <T>(input: TechContractInput, write: () => Promise<T>): Promise<T> => {
    try {
      return await write()
    } catch (error) {
      if (isUniqueViolation(error, 'tech_contracts_registration_number_uq'))
        throw dealErrors.CONTRACT_NUMBER_TAKEN({ registrationNumber: input.registrationNumber })
      throw error
    }
  }

  /** The 对接 a new contract concludes: in the actor's region, not closed, without a live contract yet. */
  const requireOpenEngagement = async (tx: Transaction, actor: Actor, engagementId: string) => {
    const engagement = await requireManageableEngagement(tx, actor, engagementId)
    if (engagement.status === 'closed') throw dealErrors.ENGAGEMENT_CLOSED({ engagementId })
    if (engagement.contractId !== null)
      throw dealErrors.ENGAGEMENT_HAS_CONTRACT(
        { engagementId, contractId: engagement.contractId },
        '该对接已登记技术合同，请先撤销原合同',
      )
    return engagement
  }

  /**
   * A contract concludes its 对接: the 对接 moves to 已签合同 with a step naming the contract, and its need, if
   * still 征集中, becomes 已对接. Returns the need when its status changed (the caller re-indexes it).
   */
  const concludeEngagement = async (
    tx: Transaction,
    actor: Actor,
    engagement: EngagementRow,
    contract: { id: string; registrationNumber: string },
  ): Promise<TechNeedRow | null> => {
    const engagementId = engagement.id
    await updateEngagement(tx, engagementId, { status: 'contract' })
    await insertEngagementStep(tx, {
      engagementId,
      fromStatus: engagement.status,
      toStatus: 'contract',
      contractId: contract.id,
      note: `登记技术合同 ${contract.registrationNumber}`,
      createdByUserId: actor.userId,
    })
    await audit.record(tx, actor, {
      entityType: 'tech_engagement',
      entityId: engagementId,
      action: 'update',
      scopePath: auditScopeOf(actor, engagement),
      before: { status: engagement.status },
      after: { status: 'contract', contractId: contract.id },
    })
    if (engagement.needStatus !== 'open') return null
    await updateTechNeed(tx, engagement.needId, { status: 'matched' })
    const [need] = await findTechNeeds(tx, [engagement.needId])
    if (!need) return null
    await audit.record(tx, actor, {
      entityType: 'tech_need',
      entityId: need.id,
      action: 'update',
      scopePath: auditScopeOf(actor, need),
      before: { status: 'open' },
      after: { status: 'matched' },
    })
    return need
  }

  return {
    async list(actor, { page, pageSize, ...filter }) {
      const { rows, total } = await listContracts(
        db,
        { ...filter, scopePath: actor.scopePath },
        paging({ page, pageSize }),
      )
      return { items: rows.map((row) => toTechContract(actor, row)), total, page, pageSize }
    },

    async totals(actor, query) {
      const orgUnitId = query.orgUnitId ?? actor.scopeOrgUnitId
      const unit = await orgUnits.findInScope(actor, orgUnitId)
      if (!unit) throw marketplaceErrors.REGION_NOT_FOUND({ regionOrgUnitId: orgUnitId })
      const thisYear = chinaYear(now())
      const toYear =
        query.toYear ??
        (query.fromYear === undefined
          ? thisYear
          : Math.min(Math.max(thisYear, query.fromYear), query.fromYear + TOTALS_YEARS_MAX - 1))
      const fromYear = query.fromYear ?? toYear - TOTALS_DEFAULT_YEARS + 1
      const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i)

      const sums = await sumContracts(db, { orgUnitId, fromYear, toYear })
      const children = await listChildUnits(db, orgUnitId)
      // grouping bits over (bucket, type, year): 4 = all buckets, 2 = all types, 1 = all years.
      const total = (grouping: number, match: (row: (typeof sums)[number]) => boolean) => {
        const row = sums.find((r) => r.grouping === grouping && match(r))
        return { count: row?.count ?? 0, amountWanYuan: row?.amount ?? 0 }
      }
      const byYearOf = (grouping: number, match: (row: (typeof sums)[number]) => boolean) =>
        years.map((year) => ({ year, ...total(grouping, (r) => r.year === year && match(r)) }))

      return {
        orgUnit: { id: unit.id, name: unit.name },
        years,
        regions: [{ id: unit.id, name: unit.name }, ...children].map((region) => ({
          orgUnitId: region.id,
          name: region.name,
          byYear: byYearOf(0b010, (r) => r.bucket === region.id),
          ...total(0b011, (r) => r.bucket === region.id),
        })),
        byType: CONTRACT_TYPES.map((type: ContractType) => ({
          type,
          byYear: byYearOf(0b100, (r) => r.type === type),
          ...total(0b101, (r) => r.type === type),
        })),
        byYear: byYearOf(0b110, () => true),
        ...total(0b111, () => true),
      }
    },

    async get(actor, id) {
      return toTechContract(actor, await requireContract(db, actor, id))
    },

    async create(actor, input) {
      await checkInput(input)
      const linked = input.engagementId === null ? null : await findEngagement(db, input.engagementId)
      if (input.engagementId !== null && !linked)
        throw dealErrors.ENGAGEMENT_NOT_FOUND({ id: input.engagementId })
      const regionOrgUnitId = await resolveRegion(
        actor,
        input.regionOrgUnitId,
        linked?.regionOrgUnitId ?? actor.scopeOrgUnitId,
      )
      const { contract, matchedNeed } = await withNumberCheck(input, () =>
        db.transaction(async (tx) => {
          const engagement =
            input.engagementId === null ? null : await requireOpenEngagement(tx, actor, input.engagementId)
          const id = await insertContract(tx, {
            ...input,
            regionOrgUnitId,
            createdByUserId: actor.userId,
          })
          const saved = (await findContract(tx, id))!
          await audit.record(tx, actor, {
            entityType: 'tech_contract',
            entityId: id,
            action: 'create',
            scopePath: auditScopeOf(actor, saved),
            after: { ...input, regionOrgUnitId },
          })
          const matched = engagement ? await concludeEngagement(tx, actor, engagement, saved) : null
          return { contract: saved, matchedNeed: matched }
        }),
      )
      // The need's status is a recommendation filter: keep the index in step, as the marketplace service does.
      if (matchedNeed) await index.upsert('needs', techNeedDocument(matchedNeed))
      return toTechContract(actor, contract)
    },

    async update(actor, id, input) {
      const before = await requireManageable(actor, id)
      if (input.engagementId !== before.engagementId)
        throw dealErrors.CONTRACT_ENGAGEMENT_CHANGED({ engagementId: before.engagementId })
      await checkInput(input, id)
      const regionOrgUnitId = await resolveRegion(actor, input.regionOrgUnitId, before.regionOrgUnitId)
      const saved = await withNumberCheck(input, () =>
        db.transaction(async (tx) => {
          await updateContract(tx, id, { ...input, regionOrgUnitId })
          const after = (await findContract(tx, id))!
          await audit.record(tx, actor, {
            entityType: 'tech_contract',
            entityId: id,
            action: 'update',
            scopePath: auditScopeOf(actor, after),
            before: audited(before),
            after: audited(after),
          })
          return after
        }),
      )
      return toTechContract(actor, saved)
    },

    // Withdrawing a contract reopens its 对接 for negotiation; the need stays 已对接.
    async remove(actor, id) {
      const before = await requireManageable(actor, id)
      await db.transaction(async (tx) => {
        await updateContract(tx, id, { deletedAt: new Date() })
        await audit.record(tx, actor, {
          entityType: 'tech_contract',
          entityId: id,
          action: 'delete',
          scopePath: auditScopeOf(actor, before),
          before: audited(before),
        })
        if (before.engagementId === null) return
        const engagement = await findEngagement(tx, before.engagementId)
        if (!engagement || engagement.status !== 'contract') return
        await updateEngagement(tx, engagement.id, { status: 'negotiating' })
        await insertEngagementStep(tx, {
          engagementId: engagement.id,
          fromStatus: 'contract',
          toStatus: 'negotiating',
          contractId: id,
          note: '技术合同已撤销',
          createdByUserId: actor.userId,
        })
        await audit.record(tx, actor, {
          entityType: 'tech_engagement',
          entityId: engagement.id,
          action: 'update',
          scopePath: auditScopeOf(actor, engagement),
          before: { status: 'contract', contractId: id },
          after: { status: 'negotiating' },
        })
      })
    },

    async downloadWorkbook(actor, filter) {
      const { rows, total } = await listContracts(
        db,
        { ...filter, scopePath: actor.scopePath },
        { limit: CONTRACT_EXPORT_MAX, offset: 0 },
      )
      const today = chinaDate(now())
      return {
        fileName: `技术合同登记_${today}.xlsx`,
        content: await writeContractsWorkbook({
          contracts: rows.map((row) => toTechContract(actor, row)),
          truncatedAt: total > CONTRACT_EXPORT_MAX ? CONTRACT_EXPORT_MAX : null,
          compiledOn: today,
        }),
      }
    },
  }
}

// The audit keeps the stored fields, without the joined region or bookkeeping columns.
function audited(row: TechContractRow) {
  const { regionName: _name, regionPath: _path, createdAt: _created, updatedAt: _updated, ...stored } = row
  return stored
}
