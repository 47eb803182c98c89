import type { SelfCheckField, SelfCheckLayout } from '@kechuang/core/qualification'
import dayjs, { type Dayjs } from 'dayjs'

// The self-check form keeps the rule input's shape (field keys, `fiscalYears[i]`, `ipList[i]` …), so the API's
// problem paths ("fiscalYears.1.rdExpenseDomesticWanYuan") name form fields directly. Only the representation of
// a value differs: dates are dayjs for the date pickers, and 是/否/不确定 are the select's strings.

export type FlagChoice = 'true' | 'false' | 'unknown'
export type FormValue = number | string | Dayjs | null | undefined
export type FormRow = Record<string, FormValue>
export type SelfCheckFormValues = Record<string, FormValue | FormRow[]>

const DATE_FORMAT = 'YYYY-MM-DD'

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

function toInputValue(field: SelfCheckField, value: FormValue): unknown {
  if (isBlank(value)) return undefined
  switch (field.kind) {
    case 'date':
      return dayjs.isDayjs(value) ? value.format(DATE_FORMAT) : value
    case 'flag':
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : null
    default:
      return value
  }
}

function toFormValue(field: SelfCheckField, value: unknown): FormValue {
  if (value === undefined) return undefined
  switch (field.kind) {
    case 'date':
      return typeof value === 'string' ? dayjs(value) : undefined
    case 'flag':
    case 'boolean':
      return value === true ? 'true' : value === false ? 'false' : 'unknown'
    default:
      return typeof value === 'number' || typeof value === 'string' ? value : undefined
  }
}

function convertRow(
  fields: readonly SelfCheckField[],
  row: Record<string, unknown>,
  convert: (field: SelfCheckField, value: never) => unknown,
): Record<string, unknown> {
  const converted: Record<string, unknown> = {}
  for (const field of fields) {
    const value = convert(field, row[field.key] as never)
    if (value !== undefined) converted[field.key] = value
  }
  return converted
}

const rowsOf = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? (value as Record<string, unknown>[]) : []

/**
 * Form values → the rule input. Empty fields are left out (unknown, 数据不足); 不确定 is `null`. An empty IP
 * table means "no IP" (`[]`); empty route-evidence tables are left out (none claimed).
 */
export function toRuleInput(layout: SelfCheckLayout, values: SelfCheckFormValues): Record<string, unknown> {
  const input = convertRow(layout.fields, values, toInputValue)
  if (layout.fiscalYearFields) {
    const fields = layout.fiscalYearFields
    input.fiscalYears = rowsOf(values.fiscalYears).map((row) => convertRow(fields, row, toInputValue))
  }
  for (const list of layout.lists) {
    const items = rowsOf(values[list.key]).map((row) => convertRow(list.columns, row, toInputValue))
    if (items.length > 0 || !list.isRouteEvidence) input[list.key] = items
  }
  return input
}

/** The rule input (an upload, a saved check) → form values; fields the layout does not know are dropped. */
export function toFormValues(layout: SelfCheckLayout, input: Record<string, unknown>): SelfCheckFormValues {
  const values: SelfCheckFormValues = convertRow(layout.fields, input, toFormValue) as SelfCheckFormValues
  if (layout.fiscalYearFields) {
    const fields = layout.fiscalYearFields
    values.fiscalYears = rowsOf(input.fiscalYears).map(
      (row) => convertRow(fields, row, toFormValue) as FormRow,
    )
  }
  for (const list of layout.lists) {
    values[list.key] = rowsOf(input[list.key]).map(
      (row) => convertRow(list.columns, row, toFormValue) as FormRow,
    )
  }
  return values
}

/**
 * A new form: today as the evaluation / application date, the year before as TSME's data year, and for 高企 the
 * three years before this one (the user deletes the years the enterprise did not trade).
 */
export function initialFormValues(layout: SelfCheckLayout, today: Dayjs): SelfCheckFormValues {
  const year = today.year()
  const values: SelfCheckFormValues = {}
  for (const list of layout.lists) values[list.key] = []
  if (layout.ruleSet === 'tsme-2022') return { ...values, evaluationDate: today, dataYear: year - 1 }
  return {
    ...values,
    applicationDate: today,
    fiscalYears: [year - 3, year - 2, year - 1].map((y) => ({ year: y })),
  }
}

/** "fiscalYears.1.rdExpenseWanYuan" → ['fiscalYears', 1, 'rdExpenseWanYuan'], the form's name path. */
export function toNamePath(path: string): (string | number)[] {
  return path === '' ? [] : path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}
