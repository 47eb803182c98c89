import { describe, expect, it } from 'vitest'
import { maskEmail, maskPhone } from './mask-contact'

describe('contact masking', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })

  it('keeps the first letter and the domain of an e-mail address', () => {
    expect(maskEmail('wang@example.com')).toBe('w***@example.com')
    expect(maskEmail('not-an-address')).toBe('***')
  })
})
