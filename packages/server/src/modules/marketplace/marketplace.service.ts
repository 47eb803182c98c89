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
import type { MatchDocument } from '@kechuang/core/matching'
import type { Database, Executor } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import type { OrgUnitsService } from '../org-units/org-units.service'
import {
  expertDocument,
  techNeedDocument,
  techResultDocument,
  type IndexKind,
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

  const paging = (query: { page: number; pageSize: number }) => ({
    limit: query.pageSize,
    offset: pageOffset(query),
  })
  const scopeOf = (actor: Actor, row: { regionPath: string | null }) => row.regionPath ?? actor.scopePath

  /** The three kinds of record share one write path; these are what differs between them. */
  const RESULTS: RecordKind<TechResultRow, TechResultInput> = {
    index: 'results',
    entityType: 'tech_result',
    find: requireResult,
    insert: insertTechResult,
    update: updateTechResult,
    document: techResultDocument,
    mayChange: mayEdit,
  }
  const NEEDS: RecordKind<TechNeedRow, TechNeedInput> = {
    index: 'needs',
    entityType: 'tech_need',
    find: requireNeed,
    insert: insertTechNeed,
    update: updateTechNeed,
    document: techNeedDocument,
    mayChange: mayEdit,
  }
  // The 专家库 is kept by marketplace staff only (the routes ask for marketplace:manage too).
  const EXPERTS: RecordKind<ExpertRow, ExpertInput> = {
    index: 'experts',
    entityType: 'expert',
    find: requireExpert,
    insert: insertExpert,
    update: updateExpert,
    document: expertDocument,
    mayChange: (actor, row) => managesRegion(actor, row.regionPath),
  }

  /** Stores a new record in the publisher's region (or the one staff chose), audited, and indexes it. */
  async function createRecord<Row extends StoredRow, Input extends RecordInput>(
    kind: RecordKind<Row, Input>,
    actor: Actor,
    input: Input,
  ): Promise<Row> {
    await requireLinks(input)
    const regionOrgUnitId = await resolveRegion(actor, input.regionOrgUnitId)
    const row = await db.transaction(async (tx) => {
      const id = await kind.insert(tx, { ...input, regionOrgUnitId, createdByUserId: actor.userId })
      const saved = await kind.find(tx, id)
      await audit.record(tx, actor, {
        entityType: kind.entityType,
        entityId: id,
        action: 'create',
        scopePath: scopeOf(actor, saved),
        after: { ...input, regionOrgUnitId },
      })
      return saved
    })
    await index.upsert(kind.index, kind.document(row))
    return row
  }

  /** Replaces a record the actor may change, audited with before and after, and re-indexes it. */
  async function updateRecord<Row extends StoredRow, Input extends RecordInput>(
    kind: RecordKind<Row, Input>,
    actor: Actor,
    id: string,
    input: Input,
  ): Promise<Row> {
    const before = await kind.find(db, id)
    if (!kind.mayChange(actor, before)) throw marketplaceErrors.NOT_EDITABLE({ id })
    await requireLinks(input)
    const regionOrgUnitId = await resolveRegion(actor, input.regionOrgUnitId, before)
    const row = await db.transaction(async (tx) => {
      await kind.update(tx, id, { ...input, regionOrgUnitId })
      const saved = await kind.find(tx, id)
      await audit.record(tx, actor, {
        entityType: kind.entityType,
        entityId: id,
        action: 'update',
        scopePath: scopeOf(actor, saved),
        before: audited(before),
        after: audited(saved),
      })
      return saved
    })
    await index.upsert(kind.index, kind.document(row))
    return row
  }

  /** Soft-deletes a record the actor may change, audited, and takes it out of the index. */
  async function deleteRecord<Row extends StoredRow, Input extends RecordInput>(
    kind: RecordKind<Row, Input>,
    actor: Actor,
    id: string,
  ): Promise<void> {
    const before = await kind.find(db, id)
    if (!kind.mayChange(actor, before)) throw marketplaceErrors.NOT_EDITABLE({ id })
    await db.transaction(async (tx) => {
      await kind.update(tx, id, { deletedAt: new Date() })
      await audit.record(tx, actor, {
        entityType: kind.entityType,
        entityId: id,
        action: 'delete',
        scopePath: scopeOf(actor, before),
        before: audited(before),
      })
    })
    await index.remove(kind.index, id)
  }

  return {
    // ----- 科技成果
    async listResults(actor, { page, pageSize, ...filter }) {
      const { rows, total } = await listTechResults(db, filter, paging({ page, pageSize }))
      return { items: rows.map((row) => toTechResult(actor, row)), total, page, pageSize }
    },
    async getResult(actor, id) {
      return toTechResult(actor, await requireResult(db, id))
    },
    createResult: async (actor, input) => toTechResult(actor, await createRecord(RESULTS, actor, input)),
    updateResult: async (actor, id, input) =>
      toTechResult(actor, await updateRecord(RESULTS, actor, id, input)),
    deleteResult: (actor, id) => deleteRecord(RESULTS, actor, id),

    // ----- 技术需求
    async listNeeds(actor, { page, pageSize, ...filter }) {
      const { rows, total } = await listTechNeeds(db, filter, paging({ page, pageSize }))
      return { items: rows.map((row) => toTechNeed(actor, row)), total, page, pageSize }
    },
    async getNeed(actor, id) {
      return toTechNeed(actor, await requireNeed(db, id))
    },
    createNeed: async (actor, input) => toTechNeed(actor, await createRecord(NEEDS, actor, input)),
    updateNeed: async (actor, id, input) => toTechNeed(actor, await updateRecord(NEEDS, actor, id, input)),
    deleteNeed: (actor, id) => deleteRecord(NEEDS, actor, id),

    // ----- 专家库
    async listExperts(actor, { page, pageSize, ...filter }) {
      const { rows, total } = await listExperts(db, filter, paging({ page, pageSize }))
      return { items: rows.map((row) => toExpert(actor, row)), total, page, pageSize }
    },
    async getExpert(actor, id) {
      return toExpert(actor, await requireExpert(db, id))
    },
    createExpert: async (actor, input) => toExpert(actor, await createRecord(EXPERTS, actor, input)),
    updateExpert: async (actor, id, input) => toExpert(actor, await updateRecord(EXPERTS, actor, id, input)),
    deleteExpert: (actor, id) => deleteRecord(EXPERTS, actor, id),
  }
}

/** What every stored record has that the write path reads. */
interface StoredRow {
  id: string
  createdByUserId: string | null
  regionOrgUnitId: string | null
  regionName: unknown
  regionPath: string | null
  createdAt: unknown
  updatedAt: unknown
}
type RecordInput = {
  regionOrgUnitId: string | null
  enterpriseId?: string | null
  ownerInstitutionId?: string | null
}

interface RecordKind<Row extends StoredRow, Input extends RecordInput> {
  index: IndexKind
  entityType: 'tech_result' | 'tech_need' | 'expert'
  find: (executor: Executor, id: string) => Promise<Row>
  insert: (
    executor: Executor,
    values: Input & { regionOrgUnitId: string | null; createdByUserId: string | null },
  ) => Promise<string>
  update: (executor: Executor, id: string, values: Partial<Input> | { deletedAt: Date }) => Promise<void>
  document: (row: Row) => MatchDocument
  /** Who may change a stored record. */
  mayChange: (actor: Actor, row: Row) => boolean
}

// The audit keeps the stored fields, without the joined region name and path or bookkeeping columns.
function audited<
  T extends { regionName: unknown; regionPath: unknown; createdAt: unknown; updatedAt: unknown },
>(row: T) {
  const { regionName: _name, regionPath: _path, createdAt: _created, updatedAt: _updated, ...stored } = row
  return stored
}
