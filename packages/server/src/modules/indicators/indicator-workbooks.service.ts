import ExcelJS from 'exceljs'
import { AppError } from '@kechuang/core/errors'
import {
  collectDerivedFormulas,
  indicatorEntryYears,
  listFormulaInputs,
  orderDerivedIndicators,
  type DerivedFormula,
  ObservationInput,
  PlanWorkbookQuery,
  TEMPLATE_COLUMNS,
  type ImportResult,
  type ImportRowError,
  type PlanReportQuery,
  type TemplateColumnKey,
} from '@kechuang/core/indicators'
import type { Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import type { OrgUnitsService } from '../org-units/org-units.service'
import {
  cellText,
  columnLetter,
  readCell,
  readTemplateMeta,
  TEMPLATE_CELLS,
  TEMPLATE_SHEET,
  writePlanTable,
  writeTemplate,
} from './indicator-workbooks.sheets'
import { indicatorWorkbookErrors } from './indicator-workbooks.errors'
import { indicatorErrors } from './indicators.errors'
import { listIndicatorsOfPlan, type IndicatorRow } from './indicators.repository'
import type { IndicatorsService } from './indicators.service'
import {
  assertPeriodOpen,
  assertYearWithin,
  planYears,
  requireUnitForPlan,
  requireVisiblePlan,
} from './plan-access'
import { buildPlanReportRows, planReportYears } from './plan-report.rows'
import { saveObservationBatch, type BatchObservation } from './save-observation-batch'

export interface DownloadFile {
  fileName: string
  content: Buffer
}

export interface IndicatorWorkbooksService {
  downloadTemplate(actor: Actor, planId: string, query: PlanWorkbookQuery): Promise<DownloadFile>
  importTemplate(actor: Actor, planId: string, file: Buffer): Promise<ImportResult>
  downloadPlanTable(actor: Actor, planId: string, query: PlanReportQuery): Promise<DownloadFile>
}

const NUMBER_TEXT = /^[+-]?\d+(\.\d+)?$/
const CELL_REF = /^([A-Z]+)(\d+)$/

/**
 * Excel in and out of a plan: the entry template of one unit and year, its upload (all rows or none, checked
 * like form entry: scope, region, years, locks, derived indicators), and the plan table in the plan's layout.
 */
export function createIndicatorWorkbooksService({
  db,
  audit,
  orgUnits,
  indicators,
}: {
  db: Database
  audit: AuditService
  orgUnits: Pick<OrgUnitsService, 'findInScope'>
  indicators: Pick<IndicatorsService, 'getPlan'>
}): IndicatorWorkbooksService {
  return {
    async downloadTemplate(actor, planId, { orgUnitId, year }) {
      const plan = await indicators.getPlan(actor, planId, { orgUnitId })
      assertYearWithin(year, planReportYears(plan))
      const unit = plan.valuesOrgUnit
      return {
        fileName: `${plan.name}-${unit.name}-${year}年-填报模板.xlsx`,
        content: await writeTemplate({ plan, unit, year }),
      }
    },

    async importTemplate(actor, planId, file) {
      const plan = await requireVisiblePlan(db, actor, planId)
      const workbook = await loadWorkbook(file)
      const meta = readTemplateMeta(workbook)
      const sheet = workbook.getWorksheet(TEMPLATE_SHEET)
      const identity = meta && PlanWorkbookQuery.safeParse({ orgUnitId: meta.orgUnitId, year: meta.year })
      if (!meta || !sheet || !identity?.success) throw indicatorWorkbookErrors.NOT_A_TEMPLATE()
      if (meta.planId !== plan.id)
        throw indicatorWorkbookErrors.TEMPLATE_OF_OTHER_PLAN({ planId: meta.planId })
      const { orgUnitId, year } = identity.data
      const errors: ImportRowError[] = []

      // The header block: the unit (scope, region), the year (plan years, locks), and that what the sheet
      // shows still says what the template was made for.
      const unit = await collectError(errors, TEMPLATE_CELLS.unitName, () =>
        requireUnitForPlan(orgUnits, actor, plan, orgUnitId),
      )
      const shownUnit = cellText(sheet.getCell(TEMPLATE_CELLS.unitName))
      if (unit && shownUnit !== unit.name) {
        errors.push({
          ...at(TEMPLATE_CELLS.unitName),
          message: `填报单位应为“${unit.name}”（模板下载时选定），文件中为“${shownUnit}”；如需填报其他单位，请下载该单位的模板`,
        })
      }
      const shownYear = readCell(sheet.getCell(TEMPLATE_CELLS.year))
      if (shownYear.kind !== 'number' || shownYear.value !== year) {
        errors.push({
          ...at(TEMPLATE_CELLS.year),
          message: `年份应为 ${year}（模板下载时选定），文件中为“${cellText(sheet.getCell(TEMPLATE_CELLS.year))}”；如需填报其他年份，请下载该年份的模板`,
        })
      }
      const planIndicators = await listIndicatorsOfPlan(db, plan.id)
      const years = planYears(plan, planIndicators)
      const isYearInPlan = await collectError(errors, TEMPLATE_CELLS.year, async () => {
        assertYearWithin(year, years)
        return true
      })
      if (unit && isYearInPlan) {
        await collectError(errors, TEMPLATE_CELLS.year, () => assertPeriodOpen(db, plan.id, unit.path, year))
      }

      const headerRow = sheet.getRow(TEMPLATE_CELLS.headerRow)
      TEMPLATE_COLUMNS.forEach((column, index) => {
        const shown = cellText(headerRow.getCell(index + 1))
        if (shown !== column.header) {
          errors.push({
            row: TEMPLATE_CELLS.headerRow,
            column: columnLetter(column.key),
            message: `表头应为“${column.header}”，文件中为“${shown}”；请勿改动模板的列`,
          })
        }
      })
      // With the columns moved the rows cannot be read reliably: report the header problems only.
      if (errors.some((e) => e.row === TEMPLATE_CELLS.headerRow)) throw rejected(errors)

      const formulas = collectDerivedFormulas(planIndicators)
      const entries = readRows(sheet, planIndicators, { plan, orgUnitId, year, formulas }, errors)
      if (errors.length > 0 || !unit) throw rejected(errors)

      const outcomes = await saveObservationBatch(
        { db, audit },
        actor,
        { planId: plan.id, unit, year, kind: 'imported', planIndicators, formulas, planYears: years },
        entries.map((e) => e.observation),
      )
      const rows = entries.map((e, i) => ({
        row: e.row,
        indicatorCode: e.observation.indicator.code,
        outcome: outcomes[i]!,
      }))
      return {
        created: outcomes.filter((o) => o === 'created').length,
        updated: outcomes.filter((o) => o === 'updated').length,
        unchanged: outcomes.filter((o) => o === 'unchanged').length,
        rows,
      }
    },

    async downloadPlanTable(actor, planId, { orgUnitId, year }) {
      const plan = await indicators.getPlan(actor, planId, orgUnitId ? { orgUnitId } : {})
      const rows = buildPlanReportRows(plan, year)
      const unitName = plan.valuesOrgUnit.name
      return {
        fileName: `${plan.name}-${unitName}-${year}年.xlsx`,
        content: await writePlanTable(plan, unitName, year, rows),
      }
    },
  }
}

async function loadWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer)
  } catch {
    throw indicatorWorkbookErrors.NOT_A_SPREADSHEET()
  }
  return workbook
}

function rejected(errors: ImportRowError[]): AppError {
  const sorted = [...errors].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))
  return indicatorWorkbookErrors.IMPORT_REJECTED(
    { errors: sorted },
    `文件中有 ${sorted.length} 处错误，未导入任何数据；请改正后重新上传`,
  )
}

function at(cellRef: string): { row: number; column: string } {
  const [, column, row] = CELL_REF.exec(cellRef)!
  return { row: Number(row), column: column! }
}

// A broken precondition of the header becomes one line of the error list instead of ending the upload.
async function collectError<T>(
  errors: ImportRowError[],
  cellRef: string,
  check: () => Promise<T>,
): Promise<T | null> {
  try {
    return await check()
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error
    errors.push({ ...at(cellRef), message: error.message })
    return null
  }
}

interface RowContext {
  plan: { startYear: number; endYear: number }
  orgUnitId: string
  year: number
  formulas: ReadonlyMap<string, DerivedFormula>
}

// Each filled row becomes an ObservationInput checked by the core schema; every problem is listed.
function readRows(
  sheet: ExcelJS.Worksheet,
  planIndicators: IndicatorRow[],
  { plan, orgUnitId, year, formulas }: RowContext,
  errors: ImportRowError[],
): { row: number; observation: BatchObservation }[] {
  const byCode = new Map(planIndicators.map((i) => [i.code, i]))
  // As in form entry: a value read by formulas that form a cycle is refused, the message naming the cycle.
  const order = orderDerivedIndicators(formulas)
  const readByFormulas = new Set([...formulas.values()].flatMap(listFormulaInputs))
  const firstRowOf = new Map<string, number>()
  const entries: { row: number; observation: BatchObservation }[] = []
  for (let rowNumber = TEMPLATE_CELLS.headerRow + 1; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.getRow(rowNumber)
    const cell = (key: TemplateColumnKey) => row.getCell(columnLetter(key))
    const fail = (key: TemplateColumnKey, message: string) =>
      errors.push({ row: rowNumber, column: columnLetter(key), message })
    const code = cellText(cell('code'))
    const value = readCell(cell('value'))
    // A row without a value is not reported this time (the template lists every indicator).
    if (value.kind === 'empty') continue
    if (!code) {
      fail('code', '缺少指标编码')
      continue
    }
    const indicator = byCode.get(code)
    if (!indicator) {
      fail('code', `本规划没有编码为“${code}”的指标`)
      continue
    }
    const firstRow = firstRowOf.get(code)
    if (firstRow !== undefined) {
      fail('code', `指标 ${code} 重复：第 ${firstRow} 行已填写该指标`)
      continue
    }
    firstRowOf.set(code, rowNumber)
    let isValid = true
    const reject = (key: TemplateColumnKey, message: string) => {
      fail(key, message)
      isValid = false
    }
    if (indicator.formula)
      reject('code', `${indicatorErrors.INDICATOR_DERIVED().message}（${indicator.name}）`)
    if (!order.ok && readByFormulas.has(code)) reject('code', order.message)
    const unitText = cellText(cell('unit'))
    if (unitText !== indicator.unit) {
      reject('unit', `单位应为“${indicator.unit}”（${indicator.name}），文件中为“${unitText}”`)
    }
    const entryYears = indicatorEntryYears(plan, indicator)
    if (year < entryYears.from) {
      reject('value', `${indicator.name}只能填报 ${entryYears.from}—${entryYears.to} 年的数值`)
    }
    // "12%" typed into Excel is stored as 0.12 with a percent format: the plan's "%" figures are 12, not 0.12.
    if (value.kind === 'number' && cell('value').numFmt?.includes('%')) {
      reject('value', '“数值”请填写百分数的数字部分（如 12.5），不要带 % 号')
      continue
    }
    const number =
      value.kind === 'number' ? value.value : NUMBER_TEXT.test(value.text) ? Number(value.text) : null
    if (number === null) {
      reject('value', `“数值”应为数字，文件中为“${value.kind === 'text' ? value.text : ''}”`)
      continue
    }
    const note = cellText(cell('note'))
    const parsed = ObservationInput.safeParse({
      indicatorCode: code,
      orgUnitId,
      year,
      value: number,
      source: cellText(cell('source')),
      ...(note ? { note } : {}),
    })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'value')
        reject(field === 'source' || field === 'note' ? field : 'value', issue.message)
      }
      continue
    }
    if (!isValid) continue
    entries.push({
      row: rowNumber,
      observation: {
        indicator,
        value: parsed.data.value,
        source: parsed.data.source,
        note: parsed.data.note ?? null,
      },
    })
  }
  return entries
}
