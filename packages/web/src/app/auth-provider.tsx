import type { Permission, SessionInfo } from '@kechuang/core/accounts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react'
import { t } from '../i18n/t'
import { setUnauthorizedHandler } from '../lib/api-client'
import { fetchSession, logout, sessionQueryKey } from './session.api'

interface AuthContextValue {
  /** null: not signed in; undefined only while the first check is under way. */
  session: SessionInfo | null | undefined
  /** The first check failed for another reason than "not signed in" (server unreachable …). */
  sessionError: unknown
  retrySession(): void
  /** Starts a new session (after login or a password change); drops data cached for anyone else. */
  signIn(session: SessionInfo): void
  signOut(): Promise<void>
  can(permission: Permission): boolean
}

const AuthContext = createContext<AuthContextValue | null>(null)

/** The session lives in the query cache under sessionQueryKey; this provider reads and replaces it. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const { message } = App.useApp()
  const {
    data: session,
    error: sessionError,
    refetch,
  } = useQuery({
    queryKey: sessionQueryKey,
    queryFn: fetchSession,
    staleTime: 60_000,
  })

  const replaceSession = useCallback(
    (next: SessionInfo | null) => {
      // Another user's lists must not flash up after a change of user.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] })
      queryClient.setQueryData(sessionQueryKey, next)
    },
    [queryClient],
  )

  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (!queryClient.getQueryData(sessionQueryKey)) return
      void message.warning(t('auth.sessionExpired'))
      replaceSession(null)
    })
    return () => setUnauthorizedHandler(() => {})
  }, [message, queryClient, replaceSession])

  const value = useMemo<AuthContextValue>(
    () => ({
      session,
      sessionError,
      retrySession: () => void refetch(),
      signIn: replaceSession,
      async signOut() {
        try {
          await logout()
        } finally {
          replaceSession(null)
        }
      },
      can: (permission) => session?.permissions.includes(permission) ?? false,
    }),
    [session, sessionError, refetch, replaceSession],
  )
  return <AuthContext value={value}>{children}</AuthContext>
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>')
  return value
}

/** The signed-in session, for pages behind RequireAuth. */
export function useSession(): SessionInfo {
  const { session } = useAuth()
  if (!session) throw new Error('useSession must be used behind <RequireAuth>')
  return session
}
