import { z } from 'zod'
import { REGISTER_LIST_TYPES } from './import-list-types'

/** The HTTP shapes of list import and the review queue (server routes and web pages share them). */

/** Files above this size are refused before parsing; a 100 000-row 高企 list is about 6 MB as .xlsx. */
export const REGISTER_IMPORT_MAX_BYTES = 30 * 1024 * 1024

export const RegisterListTypeSchema = z.enum(REGISTER_LIST_TYPES, { error: '不支持的名单类型' })

export const IMPORT_STATUSES = ['processing', 'ready', 'failed', 'committed'] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]

/** What committing a row will do: attach to a known enterprise, wait for a reviewer, or create a new record. */
export const IMPORT_ROW_OUTCOMES = ['linked', 'review', 'new'] as const
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number]

export const ImportCellErrorSchema = z.object({ column: z.string(), message: z.string() })

export const ImportCandidate = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  probability: z.number(),
  /** The linker's terms in Chinese, one per field, with their weight in bits. */
  explanation: z.array(z.object({ label: z.string(), weight: z.number() })),
})
export type ImportCandidate = z.infer<typeof ImportCandidate>

export const ImportSummary = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  linked: z.number().int(),
  queued: z.number().int(),
  unchanged: z.number().int(),
})
export type ImportSummary = z.infer<typeof ImportSummary>

export const ColumnMappingSchema = z.record(z.string(), z.string().nullable())

export const RegisterImport = z.object({
  id: z.string(),
  listType: RegisterListTypeSchema,
  fileName: z.string(),
  fileBytes: z.number().int(),
  status: z.enum(IMPORT_STATUSES),
  /** Bytes of the file read so far: the progress bar while the file is parsed. */
  processedBytes: z.number().int(),
  processedRows: z.number().int(),
  errorRowCount: z.number().int(),
  outcomeCounts: z.object({ linked: z.number().int(), review: z.number().int(), new: z.number().int() }),
  headers: z.array(z.string()),
  mapping: ColumnMappingSchema,
  missingColumns: z.array(z.string()),
  failure: z.string().nullable(),
  summary: ImportSummary.nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
})
export type RegisterImport = z.infer<typeof RegisterImport>

export const RegisterImportList = z.object({ items: z.array(RegisterImport) })

export const ImportIdParams = z.strictObject({ importId: z.uuid({ error: '导入批次编号格式不正确' }) })
export const ImportRowParams = ImportIdParams.extend({ rowNumber: z.coerce.number().int().min(1) })

export const IMPORT_ROW_FILTERS = ['all', 'errors', 'review', 'new', 'linked'] as const
export type ImportRowFilter = (typeof IMPORT_ROW_FILTERS)[number]
export const MAX_IMPORT_ROW_PAGE_SIZE = 200

export const ImportRowQuery = z.strictObject({
  filter: z.enum(IMPORT_ROW_FILTERS).default('all'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_IMPORT_ROW_PAGE_SIZE).default(50),
})
export type ImportRowQuery = z.infer<typeof ImportRowQuery>

export const ImportRowView = z.object({
  rowNumber: z.number().int(),
  values: z.record(z.string(), z.string()),
  errors: z.array(ImportCellErrorSchema),
  outcome: z.enum(IMPORT_ROW_OUTCOMES).nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  probability: z.number().nullable(),
  candidates: z.array(ImportCandidate),
})
export type ImportRowView = z.infer<typeof ImportRowView>

export const ImportRowPage = z.object({ items: z.array(ImportRowView), total: z.number().int() })
export type ImportRowPage = z.infer<typeof ImportRowPage>

/** An inline fix: new text for some cells of one row (column key → text). */
export const ImportRowPatch = z.strictObject({
  values: z.record(z.string(), z.string().max(1000, { error: '单元格内容不能超过 1000 个字符' })),
})
export type ImportRowPatch = z.infer<typeof ImportRowPatch>

export const ImportMappingBody = z.strictObject({ mapping: ColumnMappingSchema })
export const ListTypeParams = z.strictObject({ listType: RegisterListTypeSchema })
export const RememberedMapping = z.object({ listType: RegisterListTypeSchema, mapping: ColumnMappingSchema })

export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected', 'created'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const ReviewItem = z.object({
  id: z.string(),
  importId: z.string(),
  importFileName: z.string(),
  listType: RegisterListTypeSchema,
  rowNumber: z.number().int(),
  values: z.record(z.string(), z.string()),
  subjectName: z.string(),
  subjectCreditCode: z.string().nullable(),
  subjectRegionCode: z.string().nullable(),
  probability: z.number(),
  candidates: z.array(ImportCandidate),
  status: z.enum(REVIEW_STATUSES),
  enterpriseId: z.string().nullable(),
  reason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
})
export type ReviewItem = z.infer<typeof ReviewItem>

export const ReviewQuery = z.strictObject({
  status: z.enum(REVIEW_STATUSES).default('pending'),
  importId: z.uuid().optional(),
})
export const ReviewItemList = z.object({ items: z.array(ReviewItem), total: z.number().int() })
export const ReviewItemParams = z.strictObject({ itemId: z.uuid({ error: '待确认条目编号格式不正确' }) })
export const ReviewAccept = z.strictObject({ enterpriseId: z.uuid({ error: '请选择企业' }) })
export const ReviewReject = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, { error: '请填写不匹配的理由' })
    .max(500, { error: '理由不能超过 500 个字符' }),
})
export const EnterpriseSearchQuery = z.strictObject({
  q: z.string().trim().min(1, { error: '请输入企业名称或信用代码' }).max(100),
})
export const EnterpriseSearchResult = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      creditCode: z.string().nullable(),
      regionCode: z.string().nullable(),
    }),
  ),
})
