/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters = 登记管理部门 1 + 机构类别 1 + 行政区划码 6 + 组织机构代码 9 +
 * 校验码 1, over the 31 characters 0–9 and A–Y without I, O, S, V, Z (values 0–30).
 */

export const CREDIT_CODE_LENGTH = 18

/** Character → value is its index here: '0' = 0 … 'Y' = 30. I, O, S, V and Z are not used (too like 1, 0, 5, U, 2). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

const FORBIDDEN_LETTERS = 'IOSVZ'

/**
 * Weights of positions 1–17: 3^(i−1) mod 31 (GB 32100-2015 §5). Computed rather than copied so the rule is the
 * source; the test compares it with the published list 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
 */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from(
  { length: CREDIT_CODE_LENGTH - 1 },
  (_, i) => {
    let weight = 1
    for (let k = 0; k < i; k++) weight = (weight * 3) % 31
    return weight
  },
)

/**
 * Codes issued in the 2015 pilot before the check-digit rule was final: legal, printed on licences, yet their
 * check character disagrees with the formula (91350100M0001TGQXM computes 1, 91350211M0000XUF46 computes R;
 * LEARN-FROM M2). Accepted with a flag. Only listed codes are excused: a general "pilot" pattern would also excuse
 * typing errors, which is what the check digit exists to catch.
 */
export const PILOT_PERIOD_CREDIT_CODES: ReadonlySet<string> = new Set([
  '91350100M0001TGQXM',
  '91350211M0000XUF46',
])

/** 登记管理部门代码 (GB 32100-2015 附录 A, with the codes assigned to further departments since). */
export const REGISTRATION_AUTHORITY_LABELS: Readonly<Record<string, string>> = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '市场监督管理（工商）',
  A: '中央军委改革和编制办公室',
  N: '农业农村',
  Y: '其他',
}

/** 机构类别代码, per 登记管理部门. */
export const ORGANIZATION_CATEGORY_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '1': { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  '2': { '1': '外国常住新闻机构', '9': '其他' },
  '3': {
    '1': '律师执业机构',
    '2': '公证处',
    '3': '基层法律服务所',
    '4': '司法鉴定机构',
    '5': '仲裁委员会',
    '9': '其他',
  },
  '4': { '1': '外国在华文化中心', '9': '其他' },
  '5': { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' },
  '6': { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  '7': { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' },
  '8': { '1': '基层工会', '9': '其他' },
  '9': { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' },
  A: { '1': '军队事业单位', '9': '其他' },
  N: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  Y: { '1': '其他' },
}

/** The parts of a well-formed code, with the Chinese labels of the first two (null when the code is unassigned). */
export interface CreditCodeParts {
  registrationAuthority: string
  registrationAuthorityLabel: string | null
  organizationCategory: string
  organizationCategoryLabel: string | null
  /** 登记管理机关行政区划码 (GB/T 2260), e.g. 420281 for 大冶市. */
  regionCode: string
  /** 主体标识码（组织机构代码）, 9 characters. */
  organizationCode: string
  checkCharacter: string
}

export type CreditCodeProblemKind =
  | 'empty'
  | 'full_width'
  | 'lowercase'
  | 'inner_whitespace'
  | 'forbidden_letter'
  | 'invalid_character'
  | 'wrong_length'
  | 'region_not_digits'
  | 'check_digit_mismatch'

export interface CreditCodeProblem {
  kind: CreditCodeProblemKind
  /** One sentence in Chinese naming the code, ready for a row-level import error. */
  message: string
  /** 1-based positions concerned, when the problem sits at particular characters. */
  positions: number[]
  /** For `check_digit_mismatch`: the check character the first 17 characters call for. */
  expected?: string
}

export type CreditCodeFlagKind = 'pilot_check_digit_mismatch' | 'unknown_registration_authority'

export interface CreditCodeFlag {
  kind: CreditCodeFlagKind
  message: string
}

export type CreditCodeValidation =
  | { isValid: true; code: string; parts: CreditCodeParts; flags: CreditCodeFlag[] }
  | {
      isValid: false
      problems: CreditCodeProblem[]
      /** A corrected code to offer the user ("是否改为 …？"), only when the correction is itself valid. */
      suggestion: string | null
    }

export const PILOT_CHECK_DIGIT_MESSAGE = '试点期代码，校验位不符'

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/
const FORBIDDEN = new RegExp(`[${FORBIDDEN_LETTERS}]`)
const OUTSIDE_ALPHABET = new RegExp(`[^${CREDIT_CODE_ALPHABET}${FORBIDDEN_LETTERS}]`)
const NOT_DIGIT = /[^0-9]/
const WELL_FORMED = new RegExp(`^[${CREDIT_CODE_ALPHABET}]{2}\\d{6}[${CREDIT_CODE_ALPHABET}]{10}$`)
const LOWERCASE = /[a-z]/
const WHITESPACE = /\s/

/** Letters that are easily typed or read for a digit; offered as a suggestion, never applied silently. */
const LOOK_ALIKE_DIGITS: Readonly<Record<string, string>> = { I: '1', O: '0', S: '5', Z: '2' }

/**
 * The check character for the first 17 characters: (31 − Σ value×weight mod 31) mod 31. Throws when `first17`
 * is not 17 characters of the code alphabet (a programming error, not user input).
 */
export function computeCreditCodeCheckCharacter(first17: string): string {
  if (first17.length !== CREDIT_CODE_LENGTH - 1) throw new Error('需要 17 位本体代码')
  let sum = 0
  for (let i = 0; i < first17.length; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]!)
    if (value < 0) throw new Error(`“${first17[i]}”不属于统一社会信用代码字符集`)
    sum += value * CREDIT_CODE_WEIGHTS[i]!
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!
}

/**
 * The form a typed or pasted code most likely meant: full-width → half-width (NFKC), lowercase → uppercase,
 * inner spaces removed. Used to build a suggestion; validation never accepts the input on its own behalf.
 */
export function normalizeCreditCodeInput(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
}

function positionsMatching(text: string, pattern: RegExp): number[] {
  const positions: number[] = []
  Array.from(text).forEach((char, i) => {
    if (pattern.test(char)) positions.push(i + 1)
  })
  return positions
}

function quoteChars(text: string, positions: number[]): string {
  const chars = Array.from(text)
  return positions.map((p) => `“${chars[p - 1]}”（第 ${p} 位）`).join('、')
}

/** Problems of a string that is already half-width, uppercase and without spaces. */
function structuralProblems(code: string, pilotCodes: ReadonlySet<string>): CreditCodeProblem[] {
  const problems: CreditCodeProblem[] = []
  const forbidden = positionsMatching(code, FORBIDDEN)
  if (forbidden.length > 0) {
    problems.push({
      kind: 'forbidden_letter',
      message: `统一社会信用代码含字母 ${quoteChars(code, forbidden)}，而代码不使用 I、O、S、V、Z`,
      positions: forbidden,
    })
  }
  const invalid = positionsMatching(code, OUTSIDE_ALPHABET)
  if (invalid.length > 0) {
    problems.push({
      kind: 'invalid_character',
      message: `统一社会信用代码含非法字符 ${quoteChars(code, invalid)}，只能使用数字和大写字母`,
      positions: invalid,
    })
  }
  const length = Array.from(code).length
  if (length !== CREDIT_CODE_LENGTH) {
    problems.push({
      kind: 'wrong_length',
      message: `统一社会信用代码应为 ${CREDIT_CODE_LENGTH} 位，实际为 ${length} 位`,
      positions: [],
    })
  }
  if (problems.length > 0) return problems

  const region = code.slice(2, 8)
  if (!/^\d{6}$/.test(region)) {
    problems.push({
      kind: 'region_not_digits',
      message: `统一社会信用代码第 3–8 位（行政区划码）应为 6 位数字，实际为“${region}”`,
      positions: positionsMatching(code, NOT_DIGIT).filter((p) => p >= 3 && p <= 8),
    })
    return problems
  }
  const expected = computeCreditCodeCheckCharacter(code.slice(0, CREDIT_CODE_LENGTH - 1))
  const actual = code[CREDIT_CODE_LENGTH - 1]!
  if (expected !== actual && !pilotCodes.has(code)) {
    problems.push({
      kind: 'check_digit_mismatch',
      message: `统一社会信用代码校验位（第 18 位）应为“${expected}”，实际为“${actual}”，请核对代码是否抄错`,
      positions: [CREDIT_CODE_LENGTH],
      expected,
    })
  }
  return problems
}

function partsOf(code: string): CreditCodeParts {
  const registrationAuthority = code[0]!
  const organizationCategory = code[1]!
  return {
    registrationAuthority,
    registrationAuthorityLabel: REGISTRATION_AUTHORITY_LABELS[registrationAuthority] ?? null,
    organizationCategory,
    organizationCategoryLabel:
      ORGANIZATION_CATEGORY_LABELS[registrationAuthority]?.[organizationCategory] ?? null,
    regionCode: code.slice(2, 8),
    organizationCode: code.slice(8, 17),
    checkCharacter: code[17]!,
  }
}

/**
 * Validates a 统一社会信用代码 as written. Surrounding whitespace is ignored (spreadsheet cells carry it); anything
 * else that is off — full-width characters, lowercase, inner spaces, I/O/S/V/Z, wrong length, a non-numeric
 * 行政区划码, a wrong check character — is a problem in Chinese. When fixing the form (width, case, spaces) or a
 * look-alike letter (O→0, I→1, S→5, Z→2) gives a valid code, it is offered as `suggestion`, never accepted.
 * Codes in `pilotCodes` pass despite their check character, flagged 试点期代码，校验位不符.
 */
export function validateCreditCode(
  input: string,
  pilotCodes: ReadonlySet<string> = PILOT_PERIOD_CREDIT_CODES,
): CreditCodeValidation {
  const trimmed = input.trim()
  // Fast path for the common case (registers of 500 000 codes): well-formed with a matching check character.
  if (WELL_FORMED.test(trimmed) && computeCreditCodeCheckCharacter(trimmed.slice(0, 17)) === trimmed[17]) {
    return { isValid: true, code: trimmed, parts: partsOf(trimmed), flags: flagsOf(trimmed, pilotCodes) }
  }
  if (trimmed === '') {
    return {
      isValid: false,
      problems: [{ kind: 'empty', message: '统一社会信用代码不能为空', positions: [] }],
      suggestion: null,
    }
  }

  const formProblems: CreditCodeProblem[] = []
  const fullWidth = positionsMatching(trimmed, FULL_WIDTH)
  if (fullWidth.length > 0) {
    formProblems.push({
      kind: 'full_width',
      message: `统一社会信用代码含全角字符 ${quoteChars(trimmed, fullWidth)}，应使用半角字符`,
      positions: fullWidth,
    })
  }
  const lowercase = positionsMatching(trimmed, LOWERCASE)
  if (lowercase.length > 0) {
    formProblems.push({
      kind: 'lowercase',
      message: `统一社会信用代码含小写字母 ${quoteChars(trimmed, lowercase)}，字母应为大写`,
      positions: lowercase,
    })
  }
  const spaces = positionsMatching(trimmed, WHITESPACE)
  if (spaces.length > 0) {
    formProblems.push({
      kind: 'inner_whitespace',
      message: `统一社会信用代码中间含空格（第 ${spaces.join('、')} 位）`,
      positions: spaces,
    })
  }

  const normalized = normalizeCreditCodeInput(trimmed)
  const problems = [...formProblems, ...structuralProblems(normalized, pilotCodes)]
  if (problems.length === 0) {
    return {
      isValid: true,
      code: normalized,
      parts: partsOf(normalized),
      flags: flagsOf(normalized, pilotCodes),
    }
  }
  return { isValid: false, problems, suggestion: suggestFix(normalized, formProblems.length > 0, pilotCodes) }
}

function flagsOf(code: string, pilotCodes: ReadonlySet<string>): CreditCodeFlag[] {
  const flags: CreditCodeFlag[] = []
  if (pilotCodes.has(code))
    flags.push({ kind: 'pilot_check_digit_mismatch', message: PILOT_CHECK_DIGIT_MESSAGE })
  if (REGISTRATION_AUTHORITY_LABELS[code[0]!] === undefined) {
    flags.push({
      kind: 'unknown_registration_authority',
      message: `登记管理部门代码“${code[0]}”未在 GB 32100 中分配，请核对`,
    })
  }
  return flags
}

function suggestFix(
  normalized: string,
  hasFormProblems: boolean,
  pilotCodes: ReadonlySet<string>,
): string | null {
  const candidates = [normalized, normalized.replace(/[IOSZ]/g, (letter) => LOOK_ALIKE_DIGITS[letter]!)]
  for (const candidate of candidates) {
    const changed = candidate !== normalized || hasFormProblems
    if (changed && structuralProblems(candidate, pilotCodes).length === 0) return candidate
  }
  return null
}

/** Whether a code is acceptable as written (pilot-period codes included). */
export function isValidCreditCode(input: string): boolean {
  return validateCreditCode(input).isValid
}
