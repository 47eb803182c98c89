import ExcelJS from 'exceljs'
import {
  INDICATOR_NATURE_LABELS,
  INDICATOR_STATUS_LABELS,
  OBSERVATION_VALUE_MAX_ABS,
  TEMPLATE_COLUMNS,
  countDecimals,
  type IndicatorView,
  type PlanDetail,
  type TemplateColumnKey,
} from '@kechuang/core/indicators'
import { formatTarget, targetYearsOf, type PlanReportRow } from './plan-report.rows'

// The Excel layouts: the entry template (written and read back) and the plan table in the plan's own layout.

export const TEMPLATE_SHEET = '填报'
export const TEMPLATE_META_SHEET = '模板信息'
/** Where the template's header block and table sit; the import reads the same positions. */
export const TEMPLATE_CELLS = { planName: 'B2', unitName: 'B3', year: 'B4', headerRow: 6 } as const
const META_KEYS = { planId: 'A1', orgUnitId: 'A2', year: 'A3' } as const

const THIN = { style: 'thin' } as const
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const
const ENTRY_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const

export function columnLetter(key: TemplateColumnKey): string {
  return String.fromCharCode(65 + TEMPLATE_COLUMNS.findIndex((c) => c.key === key))
}

/** Number format showing at least the decimals the plan prints for the indicator, and two more if typed. */
function numberFormat(indicator: IndicatorView): string {
  const printed = [indicator.baseline?.value, ...indicator.targets.map((t) => t.value)]
  const decimals = Math.max(0, ...printed.map((v) => (v == null ? 0 : countDecimals(v))))
  return decimals === 0 ? 'General' : `0.${'0'.repeat(decimals)}##`
}

export interface TemplateContext {
  plan: PlanDetail
  unit: { id: string; name: string }
  year: number
}

/** The entry template: header block, one row per enterable indicator, the current values prefilled. */
export async function writeTemplate({ plan, unit, year }: TemplateContext): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, {
    views: [{ state: 'frozen', ySplit: TEMPLATE_CELLS.headerRow }],
  })
  sheet.columns = [14, 14, 44, 10, 12, 14, 36, 24].map((width) => ({ width }))
  sheet.mergeCells('A1:H1')
  sheet.getCell('A1').value = `${plan.name} — 指标数值填报表`
  sheet.getCell('A1').font = { bold: true, size: 14 }
  sheet.getCell('A2').value = '规划'
  sheet.getCell(TEMPLATE_CELLS.planName).value = plan.name
  sheet.getCell('A3').value = '填报单位'
  sheet.getCell(TEMPLATE_CELLS.unitName).value = unit.name
  sheet.getCell('A4').value = '年份'
  sheet.getCell(TEMPLATE_CELLS.year).value = year
  sheet.getCell('A5').value =
    '说明：只填写黄色的“数值”“数据来源”“备注”三列；数值不填的行不导入。请勿改动其他单元格。'
  sheet.mergeCells('A5:H5')

  const header = sheet.getRow(TEMPLATE_CELLS.headerRow)
  header.values = TEMPLATE_COLUMNS.map((c) => c.header)
  header.eachCell((cell) => {
    cell.font = { bold: true }
    cell.fill = HEADER_FILL
    cell.border = BORDER
  })

  const enterable = plan.indicators.filter((i) => i.formula === null && year >= i.entryYears.from)
  enterable.forEach((indicator, index) => {
    const target = indicator.targets.find((t) => t.year === year)
    const current = indicator.actuals.find((o) => o.year === year)
    const row = sheet.getRow(TEMPLATE_CELLS.headerRow + 1 + index)
    row.values = [
      indicator.code,
      indicator.category,
      indicator.name,
      indicator.unit,
      target ? formatTarget(target) : '',
      current?.value ?? null,
      current?.source ?? '',
      current?.note ?? '',
    ]
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER
    })
    const value = row.getCell(columnLetter('value'))
    value.numFmt = numberFormat(indicator)
    value.dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      showErrorMessage: true,
      formulae: [-OBSERVATION_VALUE_MAX_ABS, OBSERVATION_VALUE_MAX_ABS],
      errorTitle: '数值格式不正确',
      error: `“数值”列只能填写数字（单位：${indicator.unit || '无'}）`,
    }
    for (const key of ['value', 'source', 'note'] as const) {
      const cell = row.getCell(columnLetter(key))
      cell.protection = { locked: false }
      cell.fill = ENTRY_FILL
    }
  })
  // Protected without a password: it guards against accidental edits of codes and units, not against intent.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true })

  const meta = workbook.addWorksheet(TEMPLATE_META_SHEET, { state: 'hidden' })
  meta.getCell(META_KEYS.planId).value = plan.id
  meta.getCell(META_KEYS.orgUnitId).value = unit.id
  meta.getCell(META_KEYS.year).value = year
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A cell's content as the user sees it: numbers, text (rich text and formulas resolved), or nothing. */
export type CellContent =
  { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'text'; text: string }

export function readCell(cell: ExcelJS.Cell): CellContent {
  const value = cell.value
  if (value === null || value === undefined) return { kind: 'empty' }
  if (typeof value === 'number') return { kind: 'number', value }
  if (typeof value === 'string')
    return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: value.trim() }
  if (typeof value === 'boolean' || value instanceof Date) return { kind: 'text', text: String(value) }
  if ('richText' in value)
    return readCell({ value: value.richText.map((r) => r.text).join('') } as ExcelJS.Cell)
  if ('result' in value) return readCell({ value: value.result ?? null } as ExcelJS.Cell)
  if ('text' in value) return readCell({ value: value.text } as ExcelJS.Cell)
  return { kind: 'text', text: cell.text }
}

export function cellText(cell: ExcelJS.Cell): string {
  const content = readCell(cell)
  return content.kind === 'empty' ? '' : content.kind === 'number' ? String(content.value) : content.text
}

/** The template's identity as written in its hidden sheet; null when the file has no such sheet. */
export function readTemplateMeta(
  workbook: ExcelJS.Workbook,
): { planId: string; orgUnitId: string; year: string } | null {
  const meta = workbook.getWorksheet(TEMPLATE_META_SHEET)
  if (!meta) return null
  return {
    planId: cellText(meta.getCell(META_KEYS.planId)),
    orgUnitId: cellText(meta.getCell(META_KEYS.orgUnitId)),
    year: cellText(meta.getCell(META_KEYS.year)),
  }
}

/**
 * The plan table as the plan prints it (序号, 指标类型 merged down each category, 指标名称, 单位, 属性, 基期,
 * one column per target year), then the chosen year's 实际值, 状态 and 差距 for one unit.
 */
export async function writePlanTable(
  plan: PlanDetail,
  unitName: string,
  year: number,
  rows: PlanReportRow[],
): Promise<Buffer> {
  const targetYears = targetYearsOf(plan)
  const hasNature = plan.indicators.some((i) => i.nature !== null)
  const hasPrintedActual = plan.indicators.some((i) => i.printedActual !== null)
  const baselineYears = [...new Set(plan.indicators.flatMap((i) => (i.baseline ? [i.baseline.year] : [])))]
  const columns: { header: string; width: number; cell: (row: PlanReportRow) => string | number | null }[] = [
    { header: '序号', width: 6, cell: (r) => r.indicator.order },
    { header: '指标类型', width: 14, cell: (r) => r.indicator.category },
    { header: '指标名称', width: 44, cell: (r) => r.indicator.name },
    { header: '单位', width: 10, cell: (r) => r.indicator.unit },
    ...(hasNature
      ? [
          {
            header: '属性',
            width: 8,
            cell: (r: PlanReportRow) =>
              r.indicator.nature ? INDICATOR_NATURE_LABELS[r.indicator.nature] : '',
          },
        ]
      : []),
    ...(baselineYears.length > 0
      ? [
          {
            header: baselineYears.length === 1 ? `${baselineYears[0]}年（基期）` : '基期',
            width: 14,
            cell: (r: PlanReportRow) => r.indicator.baseline?.valueText ?? '',
          },
        ]
      : []),
    ...targetYears.map((targetYear) => ({
      header: `${targetYear}年目标`,
      width: 12,
      cell: (r: PlanReportRow) => r.indicator.targets.find((t) => t.year === targetYear)?.valueText ?? '',
    })),
    ...(hasPrintedActual
      ? [
          {
            header: '规划所列实际值',
            width: 14,
            cell: (r: PlanReportRow) => r.indicator.printedActual?.valueText ?? '',
          },
        ]
      : []),
    {
      header: `${year}年实际值`,
      width: 14,
      cell: (r) => (r.status.current === null ? '' : r.status.current),
    },
    { header: '状态', width: 10, cell: (r) => INDICATOR_STATUS_LABELS[r.status.status] },
    { header: '差距', width: 26, cell: (r) => r.status.comparison?.gapText ?? '' },
  ]

  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('指标表', { views: [{ state: 'frozen', ySplit: 3, xSplit: 3 }] })
  sheet.columns = columns.map((c) => ({ width: c.width }))
  const lastColumn = sheet.getColumn(columns.length).letter
  sheet.mergeCells(`A1:${lastColumn}1`)
  sheet.getCell('A1').value = plan.source.title
  sheet.getCell('A1').font = { bold: true, size: 14 }
  sheet.getCell('A1').alignment = { horizontal: 'center' }
  sheet.mergeCells(`A2:${lastColumn}2`)
  sheet.getCell('A2').value =
    `实际值单位：${unitName}（${year}年）${plan.notes.length ? '\u3000' + plan.notes.join(' ') : ''}`

  const header = sheet.getRow(3)
  header.values = columns.map((c) => c.header)
  header.eachCell((cell) => {
    cell.font = { bold: true }
    cell.fill = HEADER_FILL
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  })

  const firstDataRow = 4
  rows.forEach((reportRow, index) => {
    const row = sheet.getRow(firstDataRow + index)
    row.values = columns.map((c) => c.cell(reportRow))
  })

  // 指标类型 merged down each run of indicators of one category, as printed.
  let start = 0
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || rows[i]!.indicator.category !== rows[start]!.indicator.category) {
      if (i - 1 > start) sheet.mergeCells(firstDataRow + start, 2, firstDataRow + i - 1, 2)
      start = i
    }
  }
  for (let r = 3; r < firstDataRow + rows.length; r++) {
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER
      cell.alignment = { vertical: 'middle', wrapText: true, ...cell.alignment }
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
