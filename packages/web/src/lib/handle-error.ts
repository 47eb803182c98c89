import { App } from 'antd'
import { useCallback } from 'react'
import { describeError } from './api-client'

/**
 * The one place that tells the user an action failed: shows the server's Chinese message (or a generic
 * one) as a toast. Forms that can point at a field use showServerErrors in form-validation.ts instead.
 */
export function useHandleError(): (error: unknown) => void {
  const { message } = App.useApp()
  return useCallback(
    (error: unknown) => {
      const text = describeError(error)
      if (text) void message.error(text)
    },
    [message],
  )
}
