import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError, commonErrors, type ErrorBody } from '@kechuang/core/errors'

// Fastify's own error codes for bad requests, mapped to ours so every answer has a Chinese message.
const FASTIFY_ERRORS: Record<string, () => AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => commonErrors.MALFORMED_JSON(),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => commonErrors.MALFORMED_JSON(undefined, '请求内容为空，应为 JSON'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => commonErrors.UNSUPPORTED_MEDIA_TYPE(),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => commonErrors.MALFORMED_JSON(),
  FST_ERR_CTP_BODY_TOO_LARGE: () => commonErrors.PAYLOAD_TOO_LARGE(),
}

/** One error handler: every failure answers `{ code, message, details }`; 5xx internals stay in the log. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error)
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: appError.code, status: appError.status }, 'request rejected')
    const body: ErrorBody = { code: appError.code, message: appError.message }
    if (appError.details !== undefined) body.details = appError.details
    return reply.status(appError.status).send(body)
  })

  app.setNotFoundHandler((request, reply) => {
    const error = commonErrors.ROUTE_NOT_FOUND({ method: request.method, url: request.url })
    return reply.status(error.status).send({ code: error.code, message: error.message })
  })
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where =
      error.validationContext === 'querystring'
        ? '查询参数'
        : error.validationContext === 'params'
          ? '路径参数'
          : '提交内容'
    return commonErrors.VALIDATION_FAILED(
      error.validation.map((v) => ({
        path: (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? '格式不正确',
      })),
      `${where}不符合要求：${error.validation.map((v) => v.message).join('；')}`,
    )
  }
  const mapped = error.code ? FASTIFY_ERRORS[error.code] : undefined
  if (mapped) return mapped()
  if (error.statusCode === 429) return commonErrors.RATE_LIMITED()
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.code ?? 'BAD_REQUEST', error.statusCode, '请求无效')
  }
  return commonErrors.INTERNAL()
}
