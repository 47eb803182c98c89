import { SessionInfo, type ChangePasswordInput, type LoginInput } from '@kechuang/core/accounts'
import { ApiError, NO_CONTENT, apiRequest, setCsrfToken } from '../lib/api-client'

export const sessionQueryKey = ['session'] as const

// Every answer that carries a SessionInfo also carries the CSRF token for the next writes.
function remember(info: SessionInfo): SessionInfo {
  setCsrfToken(info.csrfToken)
  return info
}

/** The signed-in user, or null when there is no (longer a) session. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return remember(await apiRequest('GET', '/auth/me', SessionInfo))
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null)
      return null
    }
    throw error
  }
}

export async function login(input: LoginInput): Promise<SessionInfo> {
  return remember(await apiRequest('POST', '/auth/login', SessionInfo, { body: input }))
}

export async function logout(): Promise<void> {
  try {
    await apiRequest('POST', '/auth/logout', NO_CONTENT)
  } finally {
    setCsrfToken(null)
  }
}

export async function changePassword(input: ChangePasswordInput): Promise<SessionInfo> {
  return remember(await apiRequest('POST', '/auth/change-password', SessionInfo, { body: input }))
}
