import { hasPermission } from '@kechuang/core/accounts'
import {
  maskEmail,
  maskPhone,
  type Expert,
  type ExpertInput,
  type ExpertPage,
  type ExpertQuery,
  type TechNeed,
  type TechNeedInput,
  type TechNeedPage,
  type TechNeedQuery,
  type TechResult,
  type TechResultInput,
  type TechResultPage,
  type TechResultQuery,
} from '@kechuang/core/marketplace'
import { pageOffset } from '@kechuang/core/pagination'
import type { Database, Executor } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import type { OrgUnitsService } from '../org-units/org-units.service'
import {
  expertDocument,
  techNeedDocument,
  techResultDocument,
  type MarketplaceIndexService,
} from './marketplace-index.service'
import { marketplaceErrors } from './marketplace.errors'
import {
  enterpriseExists,
  findExperts,
  findTechNeeds,
  findTechResults,
  insertExpert,
  insertTechNeed,
  insertTechResult,
  institutionExists,
  listExperts,
  listTechNeeds,
  listTechResults,
  updateExpert,
  updateTechNeed,
  updateTechResult,
  type ExpertRow,
  type TechNeedRow,
  type TechResultRow,
} from './marketplace.repository'

export interface MarketplaceService {
  listResults(actor: Actor, query: TechResultQuery): Promise<TechResultPage>
  getResult(actor: Actor, id: string): Promise<TechResult>
  createResult(actor: Actor, input: TechResultInput): Promise<TechResult>
  updateResult(actor: Actor, id: string, input: TechResultInput): Promise<TechResult>
  deleteResult(actor: Actor, id: string): Promise<void>
  listNeeds(actor: Actor, query: TechNeedQuery): Promise<TechNeedPage>
  getNeed(actor: Actor, id: string): Promise<TechNeed>
  createNeed(actor: Actor, input: TechNeedInput): Promise<TechNeed>
  updateNeed(actor: Actor, id: string, input: TechNeedInput): Promise<TechNeed>
  deleteNeed(actor: Actor, id: string): Promise<void>
  listExperts(actor: Actor, query: ExpertQuery): Promise<ExpertPage>
  getExpert(actor: Actor, id: string): Promise<Expert>
  createExpert(actor: Actor, input: ExpertInput): Promise<Expert>
  updateExpert(actor: Actor, id: string, input: ExpertInput): Promise<Expert>
  deleteExpert(actor: Actor, id: string): Promise<void>
}

const isManager = (actor: Actor) => hasPermission(actor.role, 'marketplace:manage')

/** Marketplace staff manage the records of their own region (and those with no region). */
const managesRegion = (actor: Actor, regionPath: string | null) =>
  isManager(actor) && (regionPath === null || regionPath.startsWith(actor.scopePath))

/** Its publisher or marketplace staff may edit a record and read its contacts unmasked. */
export function mayEdit(actor: Actor, row: { createdByUserId: string | null; regionPath: string | null }) {
  return (
    (row.createdByUserId !== null && row.createdByUserId === actor.userId) ||
    managesRegion(actor, row.regionPath)
  )
}

const maskedPhone = (phone: string | null, visible: boolean) =>
  phone === null || visible ? phone : maskPhone(phone)

function toTechResult(actor: Actor, row: TechResultRow): TechResult {
  const canEdit = mayEdit(actor, row)
  return {
    id: row.id,
    title: row.title,
    abstract: row.abstract,
    keywords: row.keywords,
    industry: row.industry,
    maturity: row.maturity,
    ipNumbers: row.ipNumbers,
    ownerName: row.ownerName,
    ownerInstitutionId: row.ownerInstitutionId,
    contactName: row.contactName,
    contactPhone: maskedPhone(row.contactPhone, canEdit),
    transferMode: row.transferMode,
    priceWanYuan: row.priceWanYuan,
    regionOrgUnitId: row.regionOrgUnitId,
    regionName: row.regionName,
    source: row.source,
    isSynthetic: row.isSynthetic,
    canEdit,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** A stored need as a reader sees it: the contact phone masked unless the reader may edit it. */
export function toTechNeed(actor: Actor, row: TechNeedRow): TechNeed {
  const canEdit = mayEdit(actor, row)
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    keywords: row.keywords,
    industry: row.industry,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    budgetWanYuan: row.budgetWanYuan,
    deadline: row.deadline,
    status: row.status,
    contactName: row.contactName,
    contactPhone: maskedPhone(row.contactPhone, canEdit),
    regionOrgUnitId: row.regionOrgUnitId,
    regionName: row.regionName,
    source: row.source,
    planDirectionId: row.planDirectionId,
    isSynthetic: row.isSynthetic,
    canEdit,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

function toExpert(actor: Actor, row: ExpertRow): Expert {
  const canEdit = managesRegion(actor, row.regionPath)
  return {
    id: row.id,
    name: row.name,
    organization: row.organization,
    title: row.title,
    fields: row.fields,
    industry: row.industry,
    bio: row.bio,
    phone: maskedPhone(row.phone, canEdit),
    email: row.email === null || canEdit ? row.email : maskEmail(row.email),
    regionOrgUnitId: row.regionOrgUnitId,
    regionName: row.regionName,
    isSynthetic: row.isSynthetic,
    canEdit,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export function createMarketplaceService({
  db,
  audit,
  orgUnits,
  index,
}: {
  db: Database
  audit: AuditService
  orgUnits: OrgUnitsService
  index: MarketplaceIndexService
}): MarketplaceService {
  /**
   * The region a record is stored with. A publisher's record belongs to the publisher's own org unit (its enterprise
   * or institution); staff choose one in their scope. An unchanged region is kept as it is.
   */
  const resolveRegion = async (
    actor: Actor,
    requested: string | null,
    current?: { regionOrgUnitId: string | null },
  ): Promise<string | null> => {
    if (!isManager(actor)) return current ? current.regionOrgUnitId : actor.scopeOrgUnitId
    if (requested === null || requested === current?.regionOrgUnitId) return requested
    if (!(await orgUnits.findInScope(actor, requested)))
      throw marketplaceErrors.REGION_NOT_FOUND({ regionOrgUnitId: requested })
    return requested
  }

  const requireLinks = async (links: {
    enterpriseId?: string | null
    ownerInstitutionId?: string | null
  }) => {
    if (links.enterpriseId && !(await enterpriseExists(db, links.enterpriseId)))
      throw marketplaceErrors.ENTERPRISE_NOT_FOUND({ enterpriseId: links.enterpriseId })
    if (links.ownerInstitutionId && !(await institutionExists(db, links.ownerInstitutionId)))
      throw marketplaceErrors.INSTITUTION_NOT_FOUND({ ownerInstitutionId: links.ownerInstitutionId })
  }

  const requireResult = async (executor: Executor, id: string) => {
    const [row] = await findTechResults(executor, [id])
    if (!row) throw marketplaceErrors.TECH_RESULT_NOT_FOUND({ id })
    return row
  }
  const requireNeed = async (executor: Executor, id: string) => {
    const [row] = await findTechNeeds(executor, [id])
    if (!row) throw marketplaceErrors.TECH_NEED_NOT_FOUND({ id })
    return row
  }
  const requireExpert = async (executor: Executor, id: string) => {
    const [row] = await findExperts(executor, [id])
    if (!row) throw marketplaceErrors.EXPERT_NOT_FOUND({ id })
    return row
  }
  const requireEditable = <T extends { createdByUserId: string | null; regionPath: string | null }>(
    actor: Actor,
    row: T,
  ): T => {
    if (!mayEdit(actor, row)) throw marketplaceErrors.NOT_EDITABLE({ id: (row as { id?: string }).id })
    return row
  }

  const paging = (query: { page: number; pageSize: number }) => ({
    limit: query.pageSize,
    offset: pageOffset(query),
  })
  const scopeOf = (actor: Actor, row: { regionPath: string | null }) => row.regionPath ?? actor.scopePath

  return {
    // ----- 科技成果
    async listResults(actor, { page, pageSize, ...filter }) {
      const { rows, total } = await listTechResults(db, filter, paging({ page, pageSize }))
      return { items: rows.map((row) => toTechResult(actor, row)), total, page, pageSize }
    },
    async getResult(actor, id) {
      return toTechResult(actor, await requireResult(db, id))
    },
    async createResult(actor, input) {
      await requireLinks(input)
      const regionOrgUnitId = await resolveRegion(actor, input.regionOrgUnitId)
      const row = await db.transaction(async (tx) => {
        const id = await insertTechResult(tx, { ...input, regionOrgUnitId, createdByUserId: actor.userId })
        const saved = await requireResult(tx, id)
        await audit.record(tx, actor, {
          entityType: 'tech_result',
          entityId: id,
          action: 'create',
          scopePath: scopeOf(actor, saved),
          after: { ...input, regionOrgUnitId },
        })
        return saved
      })
      await index.upsert('results', techResultDocument(row))
      return toTechResult(actor, row)
    },
    async updateResult(actor, id, input) {
      const before = requireEditable(actor, await requireResult(db, id))
      await requireLinks(input)
      const regionOrgUnitId = await resolveRegion(actor, input.regionOrgUnitId, before)
      const row = await db.transaction(async (tx) => {
        await updateTechResult(tx, id, { ...input, regionOrgUnitId })
        const saved = await requireResult(tx, id)
        await audit.record(tx, actor, {
          entityType: 'tech_result',
          entityId: id,
          action: 'update',
          scopePath: scopeOf(actor, saved),
          before: audited(before),
          after: audited(saved),
        })
        return saved
      })
      await index.upsert('results', techResultDocument(row))
      return toTechResult(actor, row)
    },
    async deleteResult(actor, id) {
      const before = requireEditable(actor, await requireResult(db, id))
      await db.transaction(async (tx) => {
        await updateTechResult(tx, id, { deletedAt: new Date() })
        await audit.record(tx, actor, {
          entityType: 'tech_result',
          entityId: id,
          action: 'delete',
          scopePath: scopeOf(actor, before),
          before: audited(before),
        })
      })
      await index.remove('results', id)
    },

    // ----- 技术需求
    async listNeeds(actor, { page, pageSize, ...filter }) {
      const { rows, total } = await listTechNeeds(db, filter, paging({ page, pageSize }))
      return { items: rows.map((row) => toTechNeed(actor, row)), total, page, pageSize }
    },
    async getNeed(actor, id) {
      return toTechNeed(actor, await requireNeed(db, id))
    },
    async createNeed(actor, input) {
      await requireLinks(input)
      const regionOrgUnitId = await resolveRegion(actor, input.regionOrgUnitId)
      const row = await db.transaction(async (tx) => {
        const id = await insertTechNeed(tx, { ...input, regionOrgUnitId, createdByUserId: actor.userId })
        const saved = await requireNeed(tx, id)
        await audit.record(tx, actor, {
          entityType: 'tech_need',
          entityId: id,
          action: 'create',
          scopePath: scopeOf(actor, saved),
          after: { ...input, regionOrgUnitId },
        })
        return saved
      })
      await index.upsert('needs', techNeedDocument(row))
      return toTechNeed(actor, row)
    },
    async updateNeed(actor, id, input) {
      const before = requireEditable(actor, await requireNeed(db, id))
      await requireLinks(input)
      const regionOrgUnitId = await resolveRegion(actor, input.regionOrgUnitId, before)
      const row = await db.transaction(async (tx) => {
        await updateTechNeed(tx, id, { ...input, regionOrgUnitId })
        const saved = await requireNeed(tx, id)
        await audit.record(tx, actor, {
          entityType: 'tech_need',
          entityId: id,
          action: 'update',
          scopePath: scopeOf(actor, saved),
          before: audited(before),
          after: audited(saved),
        })
        return saved
      })
      await index.upsert('needs', techNeedDocument(row))
      return toTechNeed(actor, row)
    },
    async deleteNeed(actor, id) {
      const before = requireEditable(actor, await requireNeed(db, id))
      await db.transaction(async (tx) => {
        await updateTechNeed(tx, id, { deletedAt: new Date() })
        await audit.record(tx, actor, {
          entityType: 'tech_need',
          entityId: id,
          action: 'delete',
          scopePath: scopeOf(actor, before),
          before: audited(before),
        })
      })
      await index.remove('needs', id)
    },

    // ----- 专家库 (route permission marketplace:manage for every change)
    async listExperts(actor, { page, pageSize, ...filter }) {
      const { rows, total } = await listExperts(db, filter, paging({ page, pageSize }))
      return { items: rows.map((row) => toExpert(actor, row)), total, page, pageSize }
    },
    async getExpert(actor, id) {
      return toExpert(actor, await requireExpert(db, id))
    },
    async createExpert(actor, input) {
      const regionOrgUnitId = await resolveRegion(actor, input.regionOrgUnitId)
      const row = await db.transaction(async (tx) => {
        const id = await insertExpert(tx, { ...input, regionOrgUnitId, createdByUserId: actor.userId })
        const saved = await requireExpert(tx, id)
        await audit.record(tx, actor, {
          entityType: 'expert',
          entityId: id,
          action: 'create',
          scopePath: scopeOf(actor, saved),
          after: { ...input, regionOrgUnitId },
        })
        return saved
      })
      await index.upsert('experts', expertDocument(row))
      return toExpert(actor, row)
    },
    async updateExpert(actor, id, input) {
      const before = await requireExpert(db, id)
      if (!managesRegion(actor, before.regionPath)) throw marketplaceErrors.NOT_EDITABLE({ id })
      const regionOrgUnitId = await resolveRegion(actor, input.regionOrgUnitId, before)
      const row = await db.transaction(async (tx) => {
        await updateExpert(tx, id, { ...input, regionOrgUnitId })
        const saved = await requireExpert(tx, id)
        await audit.record(tx, actor, {
          entityType: 'expert',
          entityId: id,
          action: 'update',
          scopePath: scopeOf(actor, saved),
          before: audited(before),
          after: audited(saved),
        })
        return saved
      })
      await index.upsert('experts', expertDocument(row))
      return toExpert(actor, row)
    },
    async deleteExpert(actor, id) {
      const before = await requireExpert(db, id)
      if (!managesRegion(actor, before.regionPath)) throw marketplaceErrors.NOT_EDITABLE({ id })
      await db.transaction(async (tx) => {
        await updateExpert(tx, id, { deletedAt: new Date() })
        await audit.record(tx, actor, {
          entityType: 'expert',
          entityId: id,
          action: 'delete',
          scopePath: scopeOf(actor, before),
          before: audited(before),
        })
      })
      await index.remove('experts', id)
    },
  }
}

// The audit keeps the stored fields, without the joined region name and path or bookkeeping columns.
function audited<
  T extends { regionName: unknown; regionPath: unknown; createdAt: unknown; updatedAt: unknown },
>(row: T) {
  const { regionName: _name, regionPath: _path, createdAt: _created, updatedAt: _updated, ...stored } = row
  return stored
}
