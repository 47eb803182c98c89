export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 128
export const PASSWORD_MIN_CHARACTER_CLASSES = 3

const CHARACTER_CLASSES: { label: string; pattern: RegExp }[] = [
  { label: '大写字母', pattern: /[A-Z]/ },
  { label: '小写字母', pattern: /[a-z]/ },
  { label: '数字', pattern: /[0-9]/ },
  { label: '特殊符号', pattern: /[^A-Za-z0-9]/ },
]

export const PASSWORD_RULE_TEXT = `密码长度 ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 位，至少包含大写字母、小写字母、数字、特殊符号中的 ${PASSWORD_MIN_CHARACTER_CLASSES} 类，且不能包含用户名`

/**
 * Complexity rules in line with 等保2.0 level-2 practice. Returns the problems in Chinese; an empty list
 * means the password is acceptable.
 */
export function checkPasswordStrength(password: string, username?: string): string[] {
  const problems: string[] = []
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 位`)
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 位`)
  const present = CHARACTER_CLASSES.filter((c) => c.pattern.test(password)).length
  if (present < PASSWORD_MIN_CHARACTER_CLASSES) {
    problems.push(`密码至少包含大写字母、小写字母、数字、特殊符号中的 ${PASSWORD_MIN_CHARACTER_CLASSES} 类`)
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('密码不能包含用户名')
  }
  if (/\s/.test(password)) problems.push('密码不能包含空格')
  return problems
}
