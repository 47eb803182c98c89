import {
  User,
  UserPage,
  UserWithPassword,
  type UserCreateInput,
  type UserQuery,
  type UserUpdateInput,
} from '@kechuang/core/accounts'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../../lib/api-client'

export type UserListQuery = Pick<UserQuery, 'page' | 'pageSize' | 'role' | 'status' | 'orgUnitId'> & {
  q?: string
}

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
}

/** One page of the users in the caller's scope; the previous page stays on screen while the next loads. */
export function usersQueryOptions(query: UserListQuery) {
  return queryOptions({
    queryKey: userKeys.list(query),
    queryFn: () => apiRequest('GET', '/users', UserPage, { query }),
    placeholderData: keepPreviousData,
  })
}

/** Without `password` the server generates one and returns it once, as `temporaryPassword`. */
export function createUser(input: UserCreateInput): Promise<UserWithPassword> {
  return apiRequest('POST', '/users', UserWithPassword, { body: input })
}

export function updateUser(id: string, input: UserUpdateInput): Promise<User> {
  return apiRequest('PATCH', `/users/${id}`, User, { body: input })
}

/** Sets a new one-time password, returned once; the user must change it at the next sign-in. */
export function resetUserPassword(id: string): Promise<UserWithPassword> {
  return apiRequest('POST', `/users/${id}/reset-password`, UserWithPassword, { body: {} })
}

/** 停用: the user cannot sign in until enabled again. */
export function lockUser(id: string): Promise<User> {
  return apiRequest('POST', `/users/${id}/lock`, User)
}

/** 启用 / 解锁: also ends an automatic lockout after too many wrong passwords. */
export function unlockUser(id: string): Promise<User> {
  return apiRequest('POST', `/users/${id}/unlock`, User)
}
