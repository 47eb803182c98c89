import { defineErrors } from './define-errors'

/** Errors that any area can raise; area-specific ones live in `<area>.errors.ts`. */
export const commonErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, message: '提交的数据不符合要求' },
  MALFORMED_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请求内容类型不受支持，请使用 JSON' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已超时，请重新登录' },
  CSRF_TOKEN_INVALID: { status: 403, message: '安全校验失败（CSRF 令牌缺失或无效），请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '您没有执行此操作的权限' },
  NOT_FOUND: { status: 404, message: '请求的资源不存在' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  NOT_READY: { status: 503, message: '服务尚未就绪' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后再试或联系管理员' },
})
