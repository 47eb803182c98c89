import { afterEach, describe, expect, it, vi } from 'vitest'
import { OrgUnitList } from '@kechuang/core/org-units'
import {
  ApiError,
  NO_CONTENT,
  apiRequest,
  buildQueryString,
  describeError,
  fileNameOf,
  setCsrfToken,
  setUnauthorizedHandler,
} from './api-client'

function answer(status: number, body?: unknown) {
  return vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  )
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  setCsrfToken(null)
  setUnauthorizedHandler(() => {})
})

describe('apiRequest', () => {
  it('sends the CSRF token on state-changing requests but not on reads', async () => {
    const fetchMock = answer(200, { ok: true })
    vi.stubGlobal('fetch', fetchMock)
    setCsrfToken('token-1')
    const schema = { parse: (data: unknown) => data }

    await apiRequest('GET', '/org-units', schema)
    await apiRequest('POST', '/org-units', schema, { body: { name: 'x' } })

    const [getCall, postCall] = fetchMock.mock.calls
    expect(getCall?.[0]).toBe('/api/org-units')
    expect(new Headers(getCall?.[1].headers).get('x-csrf-token')).toBeNull()
    expect(new Headers(postCall?.[1].headers).get('x-csrf-token')).toBe('token-1')
    expect(postCall?.[1].body).toBe('{"name":"x"}')
  })

  it('sends a file upload as multipart, leaving its content type to the browser', async () => {
    const fetchMock = answer(200, { ok: true })
    vi.stubGlobal('fetch', fetchMock)
    setCsrfToken('token-1')
    const form = new FormData()
    form.append('file', new Blob(['x']), 'values.xlsx')

    await apiRequest('POST', '/plans/p/import', { parse: (data: unknown) => data }, { body: form })

    const init = fetchMock.mock.calls[0]?.[1]
    expect(init?.body).toBe(form)
    expect(new Headers(init?.headers).get('content-type')).toBeNull()
    expect(new Headers(init?.headers).get('x-csrf-token')).toBe('token-1')
  })

  it('turns an error body into an ApiError with the server message', async () => {
    vi.stubGlobal('fetch', answer(409, { code: 'NAME_TAKEN', message: '同一上级机构下已有同名机构' }))
    const error = await apiRequest('POST', '/org-units', NO_CONTENT).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 409, code: 'NAME_TAKEN', message: '同一上级机构下已有同名机构' })
  })

  it('reports a 401 to the session handler, except for a failed login', async () => {
    const onUnauthorized = vi.fn()
    setUnauthorizedHandler(onUnauthorized)
    vi.stubGlobal('fetch', answer(401, { code: 'SESSION_EXPIRED', message: '登录已超时，请重新登录' }))

    const expired = await apiRequest('GET', '/users', NO_CONTENT).catch((e: unknown) => e)
    const wrongPassword = await apiRequest('POST', '/auth/login', NO_CONTENT).catch((e: unknown) => e)
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
    expect(expired).toMatchObject({ status: 401, isSessionEnded: true })
    expect(wrongPassword).toMatchObject({ status: 401, isSessionEnded: false })
  })

  it('explains an answer that is not the expected shape', async () => {
    vi.stubGlobal('fetch', answer(200, { unexpected: true }))
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const error = await apiRequest('GET', '/org-units', OrgUnitList).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE' })
  })

  it('gives a Chinese message when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    await expect(apiRequest('GET', '/x', NO_CONTENT)).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
  })
})

describe('buildQueryString', () => {
  it('leaves out empty values', () => {
    expect(buildQueryString({ q: '大冶', page: 2, role: undefined, status: '', x: null })).toBe(
      '?q=%E5%A4%A7%E5%86%B6&page=2',
    )
    expect(buildQueryString({})).toBe('')
  })
})

describe('describeError', () => {
  it('shows the server message, nothing for an ended session and a generic text for anything else', () => {
    expect(describeError(new ApiError(409, 'HAS_USERS', '还有用户'))).toBe('还有用户')
    expect(describeError(new ApiError(401, 'INVALID_CREDENTIALS', '用户名或密码错误'))).toBe(
      '用户名或密码错误',
    )
    const ended = new ApiError(401, 'SESSION_EXPIRED', '登录已超时')
    ended.isSessionEnded = true
    expect(describeError(ended)).toBeNull()
    expect(describeError(new Error('boom'))).toBe('操作失败，请稍后再试')
  })
})

describe('fileNameOf', () => {
  it('reads the UTF-8 name of an export, else the plain one', () => {
    expect(
      fileNameOf(
        `attachment; filename="contracts.xlsx"; filename*=UTF-8''${encodeURIComponent('技术合同登记.xlsx')}`,
      ),
    ).toBe('技术合同登记.xlsx')
    expect(fileNameOf('attachment; filename="enterprises.xlsx"')).toBe('enterprises.xlsx')
    expect(fileNameOf(null)).toBeNull()
    expect(fileNameOf('inline')).toBeNull()
  })
})
