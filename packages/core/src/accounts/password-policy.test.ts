import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PASSWORD_MIN_LENGTH, checkPasswordStrength } from './password-policy'

describe('password complexity', () => {
  it('accepts a long password with three character classes', () => {
    expect(checkPasswordStrength('Kechuang2026')).toEqual([])
    expect(checkPasswordStrength('kechuang-2026')).toEqual([])
  })

  it(`refuses passwords shorter than ${PASSWORD_MIN_LENGTH}`, () => {
    expect(checkPasswordStrength('Ab1-xyz')).toContain(`密码至少 ${PASSWORD_MIN_LENGTH} 位`)
  })

  it('refuses passwords with fewer than three character classes', () => {
    expect(checkPasswordStrength('abcdefghijkl')).toHaveLength(1)
    expect(checkPasswordStrength('abcdef123456')).toHaveLength(1)
  })

  it('refuses a password that contains the username, in any case', () => {
    expect(checkPasswordStrength('Zhangsan-2026', 'zhangsan')).toContain('密码不能包含用户名')
  })

  it('refuses spaces', () => {
    expect(checkPasswordStrength('Kechuang 2026')).toContain('密码不能包含空格')
  })

  it('never accepts a password of a single character class, however long (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{10,40}$/), (password) => {
        expect(checkPasswordStrength(password).length).toBeGreaterThan(0)
      }),
    )
  })
})
