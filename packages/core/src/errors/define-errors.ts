/** One error of an area: a stable code, the HTTP status it maps to and the Chinese message users see. */
export interface ErrorDefinition {
  status: number
  message: string
}

/**
 * Thrown for a broken precondition (not found, forbidden, conflict …). The error handler turns it into
 * `{ code, message, details }`; expected outcomes (verdicts, per-row import results) are values, not errors.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export type ErrorFactory = (details?: unknown, message?: string) => AppError

/**
 * Declares an area's errors side by side so no code is left without a status and a message:
 * `const errors = defineErrors({ NOT_FOUND: { status: 404, message: '…' } }); throw errors.NOT_FOUND()`.
 */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(
  definitions: T,
): { [K in keyof T]: ErrorFactory } {
  const factories = {} as { [K in keyof T]: ErrorFactory }
  for (const code of Object.keys(definitions) as (keyof T & string)[]) {
    const { status, message } = definitions[code]!
    factories[code] = (details, overrideMessage) =>
      new AppError(code, status, overrideMessage ?? message, details)
  }
  return factories
}
