import ExcelJS from 'exceljs'
import {
  FLAG_LABELS,
  RULE_SET_IDS,
  RULE_SET_LABELS,
  SELF_CHECK_LAYOUTS,
  type RuleSetId,
  type SelfCheckField,
  type SelfCheckList,
  type SelfCheckUpload,
} from '@kechuang/core/qualification'
import { selfCheckErrors } from './self-check.errors'

// The self-check workbook: one sheet of 基本信息 (a row per field), for 高企 a sheet of the fiscal years (a column
// per year), and a sheet per list (知识产权清单, and the direct-route evidence of 科技型中小企业), with dropdowns.
// Everything is drawn from the core SELF_CHECK_LAYOUTS, so the template, the upload and the web form agree.

export const SELF_CHECK_SHEETS = { meta: '模板信息', basics: '基本信息', fiscalYears: '会计年度' } as const
const TEMPLATE_MARK = 'kechuang-qualification-self-check'
/** 基本信息: header row, then one row per field; the entry column is B, the field key sits in E. */
const BASICS = { headerRow: 4, valueColumn: 2, keyColumn: 5 } as const
/** 会计年度: header row, the year row, then one row per figure; years in C–E, the key in F. */
const FISCAL = { headerRow: 4, yearRow: 5, firstYearColumn: 3, yearColumns: 3, keyColumn: 6 } as const
/** List sheets: header labels in row 3, items from row 4; dropdowns cover this many rows. */
const LIST = { headerRow: 3, firstRow: 4, validatedRows: 200 } as const

const THIN = { style: 'thin' } as const
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const
const ENTRY_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const
const KEY_FONT = { color: { argb: 'FF999999' }, size: 9 } as const

export interface SelfCheckTemplateOptions {
  ruleSet: RuleSetId
  /** Today (YYYY-MM-DD): prefills the evaluation / application date and the years asked for. */
  today: string
}

/** The empty template of a rule set, with dates and years prefilled from `today`. */
export async function writeSelfCheckTemplate({ ruleSet, today }: SelfCheckTemplateOptions): Promise<Buffer> {
  const layout = SELF_CHECK_LAYOUTS[ruleSet]
  const year = Number(today.slice(0, 4))
  const workbook = new ExcelJS.Workbook()

  const basics = workbook.addWorksheet(SELF_CHECK_SHEETS.basics, {
    views: [{ state: 'frozen', ySplit: BASICS.headerRow }],
  })
  basics.columns = [30, 18, 8, 50, 30].map((width) => ({ width }))
  writeTitle(basics, `${RULE_SET_LABELS[ruleSet]} · 资格自测`, 'A1:E1')
  basics.getCell('A2').value =
    '说明：只填写黄色的“数值”列。是否类可选“不确定”或留空，评价时显示为数据不足。金额单位为万元，最多保留 2 位小数；日期写成 2025-05-10。'
  basics.mergeCells('A2:E2')
  basics.getCell('A2').alignment = { wrapText: true, vertical: 'top' }
  basics.getRow(2).height = 32
  writeHeader(basics.getRow(BASICS.headerRow), ['项目', '数值', '单位', '说明', '字段（请勿修改）'])
  const prefilled: Record<string, string | number> = {
    evaluationDate: today,
    dataYear: year - 1,
    applicationDate: today,
  }
  layout.fields.forEach((field, index) => {
    const row = basics.getRow(BASICS.headerRow + 1 + index)
    row.values = [field.label, prefilled[field.key] ?? null, field.unit ?? '', hintOf(field), field.key]
    const cell = row.getCell(BASICS.valueColumn)
    styleEntry(cell, field)
    row.getCell(BASICS.keyColumn).font = KEY_FONT
    row.eachCell((c) => (c.border = BORDER))
  })

  if (layout.fiscalYearFields) {
    const sheet = workbook.addWorksheet(SELF_CHECK_SHEETS.fiscalYears)
    sheet.columns = [30, 8, 14, 14, 14, 28].map((width) => ({ width }))
    writeTitle(sheet, '近三个会计年度的财务与人员数据', 'A1:F1')
    sheet.getCell('A2').value =
      '说明：每列一个会计年度，从早到晚；成立不满三年的企业只填实际经营的年度，其余列留空。总收入、高新技术产品（服务）收入、职工与科技人员只读最近一年。'
    sheet.mergeCells('A2:F2')
    sheet.getCell('A2').alignment = { wrapText: true, vertical: 'top' }
    sheet.getRow(2).height = 32
    writeHeader(sheet.getRow(FISCAL.headerRow), [
      '项目',
      '单位',
      '第一年',
      '第二年',
      '第三年',
      '字段（请勿修改）',
    ])
    layout.fiscalYearFields.forEach((field, index) => {
      const row = sheet.getRow(FISCAL.yearRow + index)
      const isYear = field.key === 'year'
      row.values = [
        field.label,
        field.unit ?? '',
        ...Array.from({ length: FISCAL.yearColumns }, (_, i) =>
          isYear ? year - FISCAL.yearColumns + i : null,
        ),
        field.key,
      ]
      for (let i = 0; i < FISCAL.yearColumns; i++) styleEntry(row.getCell(FISCAL.firstYearColumn + i), field)
      row.getCell(FISCAL.keyColumn).font = KEY_FONT
      row.eachCell((c) => (c.border = BORDER))
    })
  }

  for (const list of layout.lists) {
    const sheet = workbook.addWorksheet(list.label, { views: [{ state: 'frozen', ySplit: LIST.headerRow }] })
    sheet.columns = list.columns.map(() => ({ width: 22 }))
    sheet.getCell('A1').value = list.isRouteEvidence
      ? `${list.label}（直接认定条件，没有可不填）：每行一项`
      : `${list.label}：每行一项，从下拉列表中选择`
    sheet.getCell('A1').font = { bold: true }
    writeHeader(
      sheet.getRow(LIST.headerRow),
      list.columns.map((column) => (column.hint ? `${column.label}（${column.hint}）` : column.label)),
    )
    list.columns.forEach((column, index) => {
      for (let r = LIST.firstRow; r < LIST.firstRow + LIST.validatedRows; r++) {
        styleEntry(sheet.getCell(r, index + 1), column)
      }
    })
  }

  const meta = workbook.addWorksheet(SELF_CHECK_SHEETS.meta, { state: 'hidden' })
  meta.getCell('A1').value = TEMPLATE_MARK
  meta.getCell('A2').value = ruleSet
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function writeTitle(sheet: ExcelJS.Worksheet, title: string, range: string) {
  sheet.mergeCells(range)
  sheet.getCell('A1').value = title
  sheet.getCell('A1').font = { bold: true, size: 14 }
}

function writeHeader(row: ExcelJS.Row, labels: string[]) {
  row.values = labels
  row.eachCell((cell) => {
    cell.font = { bold: true }
    cell.fill = HEADER_FILL
    cell.border = BORDER
  })
}

function hintOf(field: SelfCheckField): string {
  const parts = [field.required ? '必填' : null, field.hint ?? null]
  if (field.kind === 'date') parts.push('格式 YYYY-MM-DD')
  return parts.filter((p) => p !== null).join('；')
}

/** Yellow entry cell with the dropdown (or number check) its kind allows. */
function styleEntry(cell: ExcelJS.Cell, field: SelfCheckField) {
  cell.fill = ENTRY_FILL
  cell.border = BORDER
  const list = choicesOf(field)
  if (list) {
    cell.dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
      showErrorMessage: true,
      errorTitle: field.label,
      error: `请从下拉列表中选择：${list.join('、')}`,
    }
  } else if (field.kind === 'date') {
    cell.numFmt = '@'
  }
}

function choicesOf(field: SelfCheckField): string[] | null {
  if (field.kind === 'flag') return [FLAG_LABELS.true, FLAG_LABELS.false, FLAG_LABELS.unknown]
  if (field.kind === 'boolean') return [FLAG_LABELS.true, FLAG_LABELS.false]
  if (field.kind === 'choice') return (field.options ?? []).map((o) => o.label)
  return null
}

// ---------------------------------------------------------------------------------------------------------
// Reading a filled template back.

type Warning = SelfCheckUpload['warnings'][number]
type Parsed = { ok: true; value: unknown } | { ok: false; message: string } | { ok: 'empty' }

/** Reads the figures of a filled template into the rule input's shape; unreadable cells become warnings. */
export async function readSelfCheckWorkbook(content: Buffer): Promise<SelfCheckUpload> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer)
  } catch {
    throw selfCheckErrors.NOT_A_SPREADSHEET()
  }
  const meta = workbook.getWorksheet(SELF_CHECK_SHEETS.meta)
  const basics = workbook.getWorksheet(SELF_CHECK_SHEETS.basics)
  const ruleSet = meta?.getCell('A2').text.trim() as RuleSetId
  if (!meta || meta.getCell('A1').text !== TEMPLATE_MARK || !basics || !RULE_SET_IDS.includes(ruleSet)) {
    throw selfCheckErrors.NOT_A_TEMPLATE()
  }
  const layout = SELF_CHECK_LAYOUTS[ruleSet]
  const input: Record<string, unknown> = {}
  const warnings: Warning[] = []
  const read = (sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell, field: SelfCheckField): Parsed => {
    const parsed = parseCell(cell.value, field)
    if (parsed.ok === false) warnings.push({ cell: `${sheet.name}!${cell.address}`, message: parsed.message })
    return parsed
  }

  const fieldsByKey = new Map(layout.fields.map((f) => [f.key, f]))
  basics.eachRow((row, rowNumber) => {
    if (rowNumber <= BASICS.headerRow) return
    const field = fieldsByKey.get(row.getCell(BASICS.keyColumn).text.trim())
    if (!field) return
    const parsed = read(basics, row.getCell(BASICS.valueColumn), field)
    if (parsed.ok === true) input[field.key] = parsed.value
  })

  if (layout.fiscalYearFields) {
    const sheet = workbook.getWorksheet(SELF_CHECK_SHEETS.fiscalYears)
    input.fiscalYears = sheet ? readFiscalYears(sheet, layout.fiscalYearFields, read, warnings) : []
  }

  for (const list of layout.lists) {
    const sheet = workbook.getWorksheet(list.label)
    if (!sheet) continue
    const items = readList(sheet, list, read, warnings)
    if (items.length > 0 || !list.isRouteEvidence) input[list.key] = items
  }
  return { ruleSet, input, warnings }
}

type ReadCell = (sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell, field: SelfCheckField) => Parsed

function readFiscalYears(
  sheet: ExcelJS.Worksheet,
  fields: readonly SelfCheckField[],
  read: ReadCell,
  warnings: Warning[],
): Record<string, unknown>[] {
  const rowsByKey = new Map<string, number>()
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber > FISCAL.headerRow) rowsByKey.set(row.getCell(FISCAL.keyColumn).text.trim(), rowNumber)
  })
  const years: Record<string, unknown>[] = []
  for (let i = 0; i < FISCAL.yearColumns; i++) {
    const column = FISCAL.firstYearColumn + i
    const fiscalYear: Record<string, unknown> = {}
    let hasFigures = false
    for (const field of fields) {
      const rowNumber = rowsByKey.get(field.key)
      if (rowNumber === undefined) continue
      const parsed = read(sheet, sheet.getCell(rowNumber, column), field)
      if (parsed.ok !== true) continue
      fiscalYear[field.key] = parsed.value
      if (field.key !== 'year') hasFigures = true
    }
    // The template prefills the years: a column without figures is a year the enterprise did not trade.
    if (!hasFigures) continue
    if (fiscalYear.year === undefined) {
      const yearRow = rowsByKey.get('year') ?? FISCAL.yearRow
      warnings.push({
        cell: `${sheet.name}!${sheet.getCell(yearRow, column).address}`,
        message: '填写了数据但没有填写会计年度，该列未读取',
      })
      continue
    }
    years.push(fiscalYear)
  }
  return years
}

function readList(
  sheet: ExcelJS.Worksheet,
  list: SelfCheckList,
  read: ReadCell,
  warnings: Warning[],
): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = []
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < LIST.firstRow) return
    const isBlank = list.columns.every((_, index) => isEmpty(row.getCell(index + 1).value))
    if (isBlank) return
    const item: Record<string, unknown> = {}
    let isComplete = true
    list.columns.forEach((column, index) => {
      const cell = row.getCell(index + 1)
      const parsed = read(sheet, cell, column)
      if (parsed.ok === true) item[column.key] = parsed.value
      else if (parsed.ok === 'empty' && column.required) {
        warnings.push({
          cell: `${sheet.name}!${cell.address}`,
          message: `请填写“${column.label}”，该行未读取`,
        })
        isComplete = false
      } else if (parsed.ok === false && column.required) isComplete = false
    })
    if (isComplete) items.push(item)
  })
  return items
}

function isEmpty(value: ExcelJS.CellValue): boolean {
  const plain = plainValue(value)
  return plain === null || plain === undefined || (typeof plain === 'string' && plain.trim() === '')
}

/** A formula's result, rich text as text, a hyperlink's text. */
function plainValue(value: ExcelJS.CellValue): string | number | boolean | Date | null | undefined {
  if (value === null || value === undefined) return value
  if (typeof value !== 'object' || value instanceof Date) return value
  if ('result' in value) return plainValue(value.result as ExcelJS.CellValue)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('text' in value) return String(value.text)
  return null
}

/** 2025-02-29 is not a date: the round trip through Date would move it. */
function isCalendarDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso
}

// Excel counts days from 1899-12-30 (the 1900 leap-year bug included); 2958465 is 9999-12-31.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const EXCEL_DAY_MAX = 2958466
const DAY_MS = 86_400_000

const DATE_TEXT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/

/** One cell as the field's kind asks, or why it cannot be read (in Chinese, quoting the cell). */
export function parseCell(value: ExcelJS.CellValue, field: SelfCheckField): Parsed {
  const plain = plainValue(value)
  if (plain === null || plain === undefined || (typeof plain === 'string' && plain.trim() === '')) {
    return { ok: 'empty' }
  }
  const text = plain instanceof Date ? plain.toISOString().slice(0, 10) : String(plain).trim()
  const fail = (expected: string): Parsed => ({
    ok: false,
    message: `“${field.label}”应为${expected}，文件中为“${text}”`,
  })
  switch (field.kind) {
    case 'money':
    case 'headcount':
    case 'count':
    case 'year':
    case 'rank':
    case 'ratio': {
      if (typeof plain === 'number') return { ok: true, value: plain }
      const isPercent = field.kind === 'ratio' && text.endsWith('%')
      const number = Number(text.replace(/[,，]/g, '').replace(/%$/, ''))
      if (typeof plain !== 'string' || text === '' || !Number.isFinite(number)) {
        return fail(field.unit ? `数字（${field.unit}）` : '数字')
      }
      return { ok: true, value: isPercent ? number / 100 : number }
    }
    case 'date': {
      if (plain instanceof Date) return { ok: true, value: text }
      // A date pasted into the text-formatted cell arrives as Excel's day number.
      if (typeof plain === 'number' && Number.isInteger(plain) && plain > 0 && plain < EXCEL_DAY_MAX) {
        return { ok: true, value: new Date(EXCEL_EPOCH_MS + plain * DAY_MS).toISOString().slice(0, 10) }
      }
      const match = DATE_TEXT.exec(text)
      const iso = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : null
      return iso && isCalendarDate(iso) ? { ok: true, value: iso } : fail('日期（如 2025-05-10）')
    }
    case 'flag':
    case 'boolean': {
      if (typeof plain === 'boolean') return { ok: true, value: plain }
      if (text === FLAG_LABELS.true) return { ok: true, value: true }
      if (text === FLAG_LABELS.false) return { ok: true, value: false }
      if (field.kind === 'flag' && text === FLAG_LABELS.unknown) return { ok: true, value: null }
      return fail(field.kind === 'flag' ? '“是”“否”或“不确定”' : '“是”或“否”')
    }
    case 'choice': {
      const option = field.options?.find((o) => o.label === text || o.value === text)
      return option
        ? { ok: true, value: option.value }
        : fail(`以下之一：${(field.options ?? []).map((o) => o.label).join('、')}`)
    }
  }
}
