import type { FormInstance } from 'antd'
import { ApiError, describeError } from './api-client'

/** One problem as Zod reports it (`issue.path`, `issue.message`) or the API returns it in `details`. */
export interface FieldProblem {
  path: readonly PropertyKey[]
  message: string
}

export interface FormFieldErrors {
  /** Per top-level form field, its messages (a field such as `aliases` shows its items' problems too). */
  fields: { name: string; errors: string[] }[]
  /** Problems about the whole input, not one field. */
  general: string[]
}

/** The shape of a Zod schema's `safeParse`, so forms check input with the same core schema as the API. */
export interface FormSchema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly FieldProblem[] } }
}

/** Problems → antd field errors, grouped by the first segment of each path. */
export function toFormFieldErrors(problems: readonly FieldProblem[]): FormFieldErrors {
  const byField = new Map<string, string[]>()
  const general: string[] = []
  for (const problem of problems) {
    const field = problem.path[0]
    if (field === undefined) {
      general.push(problem.message)
      continue
    }
    const messages = byField.get(String(field)) ?? []
    if (!messages.includes(problem.message)) messages.push(problem.message)
    byField.set(String(field), messages)
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors })), general }
}

export type FormValidation<T> = { success: true; data: T } | { success: false; formError: string | null }

/**
 * Checks `input` with `schema`; on failure puts the messages on the form's fields. Problems about no field
 * come back as `formError`, for the alert above the form.
 */
export function validateForm<T>(
  form: FormInstance,
  schema: FormSchema<T>,
  input: unknown,
): FormValidation<T> {
  const result = schema.safeParse(input)
  if (result.success) return { success: true, data: result.data }
  const { fields, general } = toFormFieldErrors(result.error.issues)
  form.setFields(fields)
  return { success: false, formError: general.length > 0 ? general.join('；') : null }
}

/**
 * For Form's `onValuesChange`: a field's errors go as soon as it is edited. antd clears them itself only
 * for fields with rules, and these forms check with the core schema on submit instead.
 */
export function clearErrorsOnChange(form: FormInstance): (changed: Record<string, unknown>) => void {
  return (changed) => form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })))
}

/**
 * Shows a server error on the form: field problems of a VALIDATION_FAILED answer and codes that belong to
 * one field (`{ NAME_TAKEN: 'name' }`) go on that field. Returns the message still to show elsewhere
 * (above the form), or null when every problem found its field or nothing needs showing (ended session).
 */
export function showServerErrors(
  form: FormInstance,
  error: unknown,
  fieldByCode: Record<string, string> = {},
): string | null {
  if (!(error instanceof ApiError)) return describeError(error)
  if (error.isSessionEnded) return null
  const field = fieldByCode[error.code]
  if (field) {
    form.setFields([{ name: field, errors: [error.message] }])
    return null
  }
  const problems = readFieldProblems(error.details)
  const known = new Set(form.getFieldsError().map((f) => String(f.name[0])))
  const { fields } = toFormFieldErrors(problems)
  const onForm = fields.filter((f) => known.has(f.name))
  form.setFields(onForm)
  return onForm.length > 0 && onForm.length === fields.length ? null : error.message
}

function readFieldProblems(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return []
  return details.flatMap((item: unknown) => {
    if (item === null || typeof item !== 'object') return []
    const { path, message } = item as { path?: unknown; message?: unknown }
    if (typeof path !== 'string' || typeof message !== 'string') return []
    return [{ path: path === '' ? [] : path.split('.'), message }]
  })
}
