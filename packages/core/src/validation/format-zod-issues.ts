import type { z } from 'zod'
import type { FieldIssue } from '../errors/error-body.schemas'

/** Zod issues → `[{ path: 'a.b', message }]`, the shape of `details` in validation errors. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
}
