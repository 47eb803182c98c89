import { z } from 'zod'

/** Text that is trimmed and must be non-empty, with a named maximum used by both check and message. */
export function trimmedText(label: string, maxLength: number) {
  return z
    .string({ error: `${label}必须是文本` })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(maxLength, { error: `${label}不能超过 ${maxLength} 个字符` })
}

/** Optional text: empty strings become null so "cleared" and "absent" are stored alike. */
export function optionalText(label: string, maxLength: number) {
  return z
    .string({ error: `${label}必须是文本` })
    .trim()
    .max(maxLength, { error: `${label}不能超过 ${maxLength} 个字符` })
    .transform((value) => (value === '' ? null : value))
    .nullable()
}

export const uuid = (label: string) => z.uuid({ error: `${label}格式不正确` })
