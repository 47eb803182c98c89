import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_WEIGHTS,
  PILOT_CHECK_DIGIT_MESSAGE,
  computeCreditCodeCheckCharacter,
  validateCreditCode,
} from './credit-code'
import { CreditCode } from './registers.schemas'

// Worked examples in the real format. Values: digits 0–9, A=10 B=11 … H=17 J=18 K=19 L=20 M=21 N=22 P=23
// Q=24 R=25 T=26 U=27 W=28 X=29 Y=30. Weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
//
// 91420281MA4BXQ7U2? (企业, 大冶市):
//   9×1+1×3+4×9+2×27+0×19+2×26+8×16+1×17+21×20+10×29+4×25+11×13+29×8+24×24+7×10+27×30+2×28 = 2996;
//   2996 mod 31 = 20; (31 − 20) mod 31 = 11 → "B".
const DAYE_ENTERPRISE = '91420281MA4BXQ7U2B'
// 12420200MB1G3418X? (事业单位, 黄石市):
//   1×1+2×3+4×9+2×27+0×19+2×26+0×16+0×17+21×20+11×29+1×25+16×13+3×8+4×24+1×10+8×30+29×28 = 2303;
//   2303 mod 31 = 9; 31 − 9 = 22 → "N".
const HUANGSHI_INSTITUTION = '12420200MB1G3418XN'
// 51420200MJH456789? (社会团体, 黄石市):
//   5×1+1×3+4×9+2×27+0×19+2×26+0×16+0×17+21×20+18×29+17×25+4×13+5×8+6×24+7×10+8×30+9×28 = 2315;
//   2315 mod 31 = 21; 31 − 21 = 10 → "A".
const HUANGSHI_ASSOCIATION = '51420200MJH456789A'
// 92420222MA4DTL0K1? (个体工商户, 阳新县):
//   9×1+2×3+4×9+2×27+0×19+2×26+2×16+2×17+21×20+10×29+4×25+13×13+26×8+20×24+0×10+19×30+1×28 = 2488;
//   2488 mod 31 = 8; 31 − 8 = 23 → "P".
const YANGXIN_SOLE_TRADER = '92420222MA4DTL0K1P'
// 91420200MA49K2W3C? : sum 1987; 1987 mod 31 = 3; 31 − 3 = 28 → "W".
const HUANGSHI_ENTERPRISE = '91420200MA49K2W3CW'

function problemKinds(input: string): string[] {
  const result = validateCreditCode(input)
  return result.isValid ? [] : result.problems.map((p) => p.kind)
}

describe('统一社会信用代码 check character', () => {
  it('uses the weights 3^(i−1) mod 31 published in GB 32100-2015', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
  })

  it('has 31 characters valued 0–30 without I, O, S, V, Z', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31)
    expect(CREDIT_CODE_ALPHABET).not.toMatch(/[IOSVZ]/)
  })

  it('computes the check characters of the worked examples', () => {
    expect(computeCreditCodeCheckCharacter(DAYE_ENTERPRISE.slice(0, 17))).toBe('B')
    expect(computeCreditCodeCheckCharacter(HUANGSHI_INSTITUTION.slice(0, 17))).toBe('N')
    expect(computeCreditCodeCheckCharacter(HUANGSHI_ASSOCIATION.slice(0, 17))).toBe('A')
    expect(computeCreditCodeCheckCharacter(YANGXIN_SOLE_TRADER.slice(0, 17))).toBe('P')
    expect(computeCreditCodeCheckCharacter(HUANGSHI_ENTERPRISE.slice(0, 17))).toBe('W')
  })
})

describe('validateCreditCode', () => {
  it('accepts well-formed codes and names their parts', () => {
    const result = validateCreditCode(DAYE_ENTERPRISE)
    expect(result).toMatchObject({
      isValid: true,
      code: DAYE_ENTERPRISE,
      flags: [],
      parts: {
        registrationAuthority: '9',
        registrationAuthorityLabel: '市场监督管理（工商）',
        organizationCategory: '1',
        organizationCategoryLabel: '企业',
        regionCode: '420281',
        organizationCode: 'MA4BXQ7U2',
        checkCharacter: 'B',
      },
    })
    for (const code of [
      HUANGSHI_INSTITUTION,
      HUANGSHI_ASSOCIATION,
      YANGXIN_SOLE_TRADER,
      HUANGSHI_ENTERPRISE,
    ]) {
      expect(validateCreditCode(code).isValid).toBe(true)
    }
    expect(validateCreditCode(HUANGSHI_INSTITUTION)).toMatchObject({
      parts: { registrationAuthorityLabel: '机构编制', organizationCategoryLabel: '事业单位' },
    })
  })

  it('ignores surrounding whitespace from spreadsheet cells', () => {
    expect(validateCreditCode(`  ${DAYE_ENTERPRISE}\t`)).toMatchObject({
      isValid: true,
      code: DAYE_ENTERPRISE,
    })
  })

  it('accepts the two pilot-period codes that fail the check digit, flagged 试点期代码，校验位不符', () => {
    // 91350100M0001TGQX: sum 2944, 2944 mod 31 = 30 → computes "1", printed "M".
    // 91350211M0000XUF4: sum 2207, 2207 mod 31 = 6 → computes "R" (25), printed "6".
    expect(computeCreditCodeCheckCharacter('91350100M0001TGQX')).toBe('1')
    expect(computeCreditCodeCheckCharacter('91350211M0000XUF4')).toBe('R')
    for (const code of ['91350100M0001TGQXM', '91350211M0000XUF46']) {
      expect(validateCreditCode(code)).toMatchObject({
        isValid: true,
        flags: [{ kind: 'pilot_check_digit_mismatch', message: PILOT_CHECK_DIGIT_MESSAGE }],
      })
    }
  })

  it('refuses an empty code', () => {
    expect(validateCreditCode('   ')).toEqual({
      isValid: false,
      problems: [{ kind: 'empty', message: '统一社会信用代码不能为空', positions: [] }],
      suggestion: null,
    })
  })

  it('refuses a wrong length and says how long it was', () => {
    const result = validateCreditCode(DAYE_ENTERPRISE.slice(0, 17))
    expect(result).toMatchObject({
      isValid: false,
      problems: [{ kind: 'wrong_length', message: '统一社会信用代码应为 18 位，实际为 17 位' }],
      suggestion: null,
    })
    expect(problemKinds(`${DAYE_ENTERPRISE}1`)).toEqual(['wrong_length'])
  })

  it('refuses lowercase letters but offers the uppercase code', () => {
    const result = validateCreditCode(DAYE_ENTERPRISE.toLowerCase())
    expect(result).toMatchObject({ isValid: false, suggestion: DAYE_ENTERPRISE })
    if (result.isValid) return
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.kind).toBe('lowercase')
    expect(result.problems[0]!.message).toContain('“m”（第 9 位）')
    expect(result.problems[0]!.message).toContain('字母应为大写')
  })

  it('refuses full-width characters but offers the half-width code', () => {
    const fullWidth = DAYE_ENTERPRISE.replace(/[0-9A-Z]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    )
    const result = validateCreditCode(fullWidth)
    expect(result).toMatchObject({
      isValid: false,
      problems: [{ kind: 'full_width' }],
      suggestion: DAYE_ENTERPRISE,
    })
    if (!result.isValid) expect(result.problems[0]!.message).toContain('应使用半角字符')
  })

  it('refuses inner spaces but offers the code without them', () => {
    expect(validateCreditCode('9142 0281 MA4B XQ7U 2B')).toMatchObject({
      isValid: false,
      problems: [{ kind: 'inner_whitespace' }],
      suggestion: DAYE_ENTERPRISE,
    })
  })

  it('refuses the letters I, O, S, V and Z explicitly instead of scoring them 0', () => {
    for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
      const code = `${DAYE_ENTERPRISE.slice(0, 10)}${letter}${DAYE_ENTERPRISE.slice(11)}`
      const result = validateCreditCode(code)
      expect(result.isValid).toBe(false)
      if (result.isValid) continue
      expect(result.problems[0]).toMatchObject({ kind: 'forbidden_letter', positions: [11] })
      expect(result.problems[0]!.message).toContain('不使用 I、O、S、V、Z')
    }
  })

  it('offers 0 for an O typed in place of a zero when that makes the code valid', () => {
    // 91420281MA4BXQ7U2B has no zero to mistype; 91420200MA49K2W3CW has zeros at positions 6 and 7.
    const typed = '914202OOMA49K2W3CW'
    expect(validateCreditCode(typed)).toMatchObject({ isValid: false, suggestion: HUANGSHI_ENTERPRISE })
  })

  it('refuses characters outside the alphabet', () => {
    expect(problemKinds('91420281MA4BXQ7U-B')).toEqual(['invalid_character'])
    expect(problemKinds('91420281MA4BXQ7U号B')).toEqual(['invalid_character'])
  })

  it('refuses a 行政区划码 that is not six digits', () => {
    const first17 = '91A20281MA4BXQ7U2'
    const code = first17 + computeCreditCodeCheckCharacter(first17)
    expect(validateCreditCode(code)).toMatchObject({
      isValid: false,
      problems: [{ kind: 'region_not_digits', positions: [3] }],
    })
  })

  it('refuses a wrong check character and names the expected one', () => {
    const result = validateCreditCode(`${DAYE_ENTERPRISE.slice(0, 17)}C`)
    expect(result).toMatchObject({
      isValid: false,
      problems: [{ kind: 'check_digit_mismatch', expected: 'B', positions: [18] }],
      suggestion: null,
    })
    if (!result.isValid)
      expect(result.problems[0]!.message).toBe(
        '统一社会信用代码校验位（第 18 位）应为“B”，实际为“C”，请核对代码是否抄错',
      )
  })

  it('reports every problem of a code at once', () => {
    expect(problemKinds('９1420281ma4bxq7u2')).toEqual(['full_width', 'lowercase', 'wrong_length'])
  })

  it('flags a code of an unassigned registration authority but accepts it', () => {
    const first17 = 'B1420281MA4BXQ7U2'
    expect(validateCreditCode(first17 + computeCreditCodeCheckCharacter(first17))).toMatchObject({
      isValid: true,
      flags: [{ kind: 'unknown_registration_authority' }],
    })
  })
})

const codeCharacter = fc.constantFrom(...CREDIT_CODE_ALPHABET)
const digit = fc.constantFrom(...'0123456789')
const validCode = fc
  .tuple(
    fc.array(codeCharacter, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
  )
  .chain(([head, region]) =>
    fc.array(codeCharacter, { minLength: 9, maxLength: 9 }).map((body) => {
      const first17 = [...head, ...region, ...body].join('')
      return first17 + computeCreditCodeCheckCharacter(first17)
    }),
  )

describe('统一社会信用代码 properties', () => {
  it('accepts every code whose check character is computed by the formula', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(validateCreditCode(code).isValid).toBe(true)
      }),
    )
  })

  it('refuses every code with exactly one character changed, unless it lands on a listed pilot code', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), codeCharacter, (code, position, replacement) => {
        fc.pre(code[position] !== replacement)
        const changed = code.slice(0, position) + replacement + code.slice(position + 1)
        const result = validateCreditCode(changed)
        if (result.isValid) expect(result.flags.map((f) => f.kind)).toContain('pilot_check_digit_mismatch')
        else expect(result.problems.length).toBeGreaterThan(0)
      }),
    )
  })
})

describe('CreditCode schema', () => {
  it('passes a valid code through, trimmed', () => {
    expect(CreditCode.parse(` ${DAYE_ENTERPRISE} `)).toBe(DAYE_ENTERPRISE)
  })

  it('reports the problems in Chinese with the suggested fix', () => {
    const result = CreditCode.safeParse(DAYE_ENTERPRISE.toLowerCase())
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      expect.stringContaining(`字母应为大写；可改为 ${DAYE_ENTERPRISE}`),
    ])
  })

  it('refuses a wrong check character', () => {
    const result = CreditCode.safeParse(`${DAYE_ENTERPRISE.slice(0, 17)}C`)
    expect(result.error?.issues[0]?.message).toContain('校验位（第 18 位）应为“B”')
  })
})
