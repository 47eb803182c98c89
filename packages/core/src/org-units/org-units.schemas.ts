import { z } from 'zod'
import { optionalText, trimmedText, uuid } from '../validation/common-fields'
import { ORG_UNIT_TYPES } from './org-unit-types'

export const ORG_UNIT_NAME_MAX = 100
export const ORG_UNIT_ALIAS_MAX = 100
export const ORG_UNIT_ALIASES_MAX = 20

// 行政区划代码: 6 digits (GB/T 2260, down to county), 9 (with town) or 12 (statistical division code).
const DIVISION_CODE_PATTERN = /^\d{6}(\d{3}(\d{3})?)?$/

export const OrgUnitTypeSchema = z.enum(ORG_UNIT_TYPES, { error: '机构类型不正确' })

export const DivisionCode = z
  .string()
  .trim()
  .regex(DIVISION_CODE_PATTERN, { error: '行政区划代码应为 6、9 或 12 位数字' })

export const OrgUnit = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  path: z.string(),
  depth: z.number().int(),
  name: z.string(),
  type: OrgUnitTypeSchema,
  /** The kind as the source document names it (e.g. 国家高新区, 县级市), finer than `type`. */
  typeLabel: z.string().nullable(),
  divisionCode: z.string().nullable(),
  aliases: z.array(z.string()),
  sortOrder: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type OrgUnit = z.infer<typeof OrgUnit>

const aliases = z
  .array(trimmedText('别名', ORG_UNIT_ALIAS_MAX))
  .max(ORG_UNIT_ALIASES_MAX, { error: `别名最多 ${ORG_UNIT_ALIASES_MAX} 个` })

export const OrgUnitCreateInput = z.strictObject({
  parentId: uuid('上级机构'),
  name: trimmedText('机构名称', ORG_UNIT_NAME_MAX),
  type: OrgUnitTypeSchema,
  typeLabel: optionalText('类型说明', 30).optional(),
  divisionCode: DivisionCode.nullable().optional(),
  aliases: aliases.optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
})
export type OrgUnitCreateInput = z.infer<typeof OrgUnitCreateInput>

export const OrgUnitUpdateInput = z.strictObject({
  name: trimmedText('机构名称', ORG_UNIT_NAME_MAX).optional(),
  type: OrgUnitTypeSchema.optional(),
  typeLabel: optionalText('类型说明', 30).optional(),
  divisionCode: DivisionCode.nullable().optional(),
  aliases: aliases.optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
})
export type OrgUnitUpdateInput = z.infer<typeof OrgUnitUpdateInput>

export const OrgUnitMoveInput = z.strictObject({ parentId: uuid('新的上级机构') })
export type OrgUnitMoveInput = z.infer<typeof OrgUnitMoveInput>

export const OrgUnitIdParams = z.strictObject({ id: uuid('机构编号') })

export const OrgUnitList = z.object({ items: z.array(OrgUnit) })
export type OrgUnitList = z.infer<typeof OrgUnitList>
