import { maskPhone } from '../registers/enterprise-profile-rules'

export { maskPhone }

/** An e-mail address with only the first letter of its name shown: wang@example.com → w***@example.com. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at <= 0) return '***'
  return `${email.slice(0, 1)}***${email.slice(at)}`
}
