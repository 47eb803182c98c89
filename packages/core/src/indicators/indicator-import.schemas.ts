import { z } from 'zod'
import { uuid } from '../validation/common-fields'
import { YEAR_MAX, YEAR_MIN } from './indicators.schemas'

/**
 * The Excel template of one plan × org unit × year (download, fill in, upload) and the answer to an upload.
 * Each row of an upload is checked with ObservationInput, like a value entered by form.
 */

/** The template's columns, in order; the header row must read exactly these. */
export const TEMPLATE_COLUMNS = [
  { key: 'code', header: '指标编码' },
  { key: 'category', header: '类别' },
  { key: 'name', header: '指标名称' },
  { key: 'unit', header: '单位' },
  { key: 'target', header: '目标值' },
  { key: 'value', header: '数值' },
  { key: 'source', header: '数据来源' },
  { key: 'note', header: '备注' },
] as const
export type TemplateColumnKey = (typeof TEMPLATE_COLUMNS)[number]['key']

/** Largest template upload accepted; the check and its message both use it. */
export const TEMPLATE_UPLOAD_MAX_BYTES = 2 * 1024 * 1024

const YearParam = z.coerce
  .number({ error: '年份必须是数字' })
  .int({ error: '年份必须是整数' })
  .min(YEAR_MIN, { error: `年份不能早于 ${YEAR_MIN}` })
  .max(YEAR_MAX, { error: `年份不能晚于 ${YEAR_MAX}` })

/** Which unit and year a template, the plan table or the report is for. */
export const PlanWorkbookQuery = z.strictObject({
  orgUnitId: uuid('机构编号'),
  year: YearParam,
})
export type PlanWorkbookQuery = z.infer<typeof PlanWorkbookQuery>

/** The plan table and the report: the unit defaults to the plan's region (or the reader's own unit). */
export const PlanReportQuery = z.strictObject({
  orgUnitId: uuid('机构编号').optional(),
  year: YearParam,
})
export type PlanReportQuery = z.infer<typeof PlanReportQuery>

/** One problem of an upload: the spreadsheet row (1-based) and column letter, in Chinese. */
export const ImportRowError = z.object({
  row: z.number().int().min(1),
  column: z.string(),
  message: z.string(),
})
export type ImportRowError = z.infer<typeof ImportRowError>

export const IMPORT_ROW_OUTCOMES = ['created', 'updated', 'unchanged'] as const
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number]

/** An accepted upload: what happened to each filled row (rows without a value are skipped). */
export const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rows: z.array(
    z.object({ row: z.number().int(), indicatorCode: z.string(), outcome: z.enum(IMPORT_ROW_OUTCOMES) }),
  ),
})
export type ImportResult = z.infer<typeof ImportResult>
