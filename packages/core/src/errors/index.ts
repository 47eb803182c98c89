export { AppError, defineErrors, type ErrorDefinition, type ErrorFactory } from './define-errors'
export { commonErrors } from './common.errors'
export { ErrorBody, FieldIssue } from './error-body.schemas'
