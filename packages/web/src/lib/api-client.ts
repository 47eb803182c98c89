import { ErrorBody } from '@kechuang/core/errors'
import { t } from '../i18n/t'

/** A failed API call: the server's code and its Chinese message, ready to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /**
   * The session has ended (expired, or signed out elsewhere): the session handler has told the user and
   * sent them to the login page, so nobody else should show this error. A wrong password at login is a
   * 401 too, but not this.
   */
  isSessionEnded = false
}

/** Anything with Zod's `parse`: every response is checked with the core schema of its route. */
export interface ResponseSchema<T> {
  parse(data: unknown): T
}

/** For 204 answers (logout, delete). */
export const NO_CONTENT: ResponseSchema<void> = { parse: () => undefined }

export type QueryParams = Record<string, string | number | boolean | null | undefined>

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

const API_PREFIX = '/api'
const CSRF_HEADER = 'x-csrf-token'
const LOGIN_PATH = '/auth/login'

let csrfToken: string | null = null
let handleUnauthorized: (error: ApiError) => void = () => {}

/** The token of the current session (from SessionInfo); sent on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Called on every 401 except a failed login: the session has ended (expired or signed out elsewhere). */
export function setUnauthorizedHandler(handler: (error: ApiError) => void): void {
  handleUnauthorized = handler
}

/** `{ q: 'x', page: 2, role: undefined }` → `?q=x&page=2`; empty values are left out. */
export function buildQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue
    search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

export async function apiRequest<T>(
  method: Method,
  path: string,
  schema: ResponseSchema<T>,
  options: { query?: QueryParams; body?: unknown } = {},
): Promise<T> {
  // A FormData body (a file upload) goes as multipart; the browser writes its content type and boundary.
  const isFormData = typeof FormData !== 'undefined' && options.body instanceof FormData
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.body !== undefined && !isFormData) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken

  let response: Response
  try {
    response = await fetch(`${API_PREFIX}${path}${buildQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : isFormData
            ? (options.body as FormData)
            : JSON.stringify(options.body),
    })
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', t('errors.network'))
  }

  if (!response.ok) {
    const error = await readError(response)
    if (response.status === 401 && path !== LOGIN_PATH) {
      error.isSessionEnded = true
      handleUnauthorized(error)
    }
    throw error
  }
  if (response.status === 204) return schema.parse(undefined)
  try {
    return schema.parse(await response.json())
  } catch (cause) {
    console.error(`unexpected response from ${method} ${path}`, cause)
    throw new ApiError(response.status, 'INVALID_RESPONSE', t('errors.invalidResponse'))
  }
}

/**
 * Saves a file the API answers with (an Excel or Word export), named as the server says, else `fallbackName`.
 * Fetched rather than linked, so that a refusal (too many rows, a bad filter) throws the server's ApiError to show
 * instead of saving the error as a file.
 */
export async function downloadApiFile(path: string, query: QueryParams, fallbackName: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(`${API_PREFIX}${path}${buildQueryString(query)}`, { credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', t('errors.network'))
  }
  if (!response.ok) throw await readError(response)
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName
  link.click()
  URL.revokeObjectURL(url)
}

/** The UTF-8 file name of a `content-disposition` header (RFC 5987 `filename*`), else the plain one. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)
  if (encoded) return decodeURIComponent(encoded[1]!)
  const plain = /filename="([^"]+)"/i.exec(header)
  return plain ? plain[1]! : null
}

async function readError(response: Response): Promise<ApiError> {
  const body = ErrorBody.safeParse(await response.json().catch(() => null))
  if (body.success) {
    return new ApiError(response.status, body.data.code, body.data.message, body.data.details)
  }
  return new ApiError(response.status, 'HTTP_ERROR', t('errors.http', { status: response.status }))
}

/**
 * The text to show for a failure, or null when nothing should be shown: an ended session has already
 * been announced by the session handler ("登录已超时，请重新登录").
 */
export function describeError(error: unknown): string | null {
  if (error instanceof ApiError) return error.isSessionEnded ? null : error.message
  return t('errors.unknown')
}
