import {
  type AdministrativeDivision,
  type DivisionLevel,
  findDivision,
  matchDivisionPrefix,
  matchDivisionSuffix,
} from './administrative-divisions'
import { BRANCH_SUFFIXES, INDUSTRY_WORDS, ORGANIZATION_FORMS } from './enterprise-name-vocabulary'
import { refineRegionCode } from './region-codes'
import { toSimplifiedChinese } from './traditional-to-simplified'

/** A place named in an enterprise name, as written, with the finest region code known for it. */
export interface RegionMention {
  written: string
  division: AdministrativeDivision
  code: string | null
  /** Where it stood: leading prefix (湖北黄石…), in brackets (华新水泥（大冶）…), or naming a branch (…大冶分公司). */
  position: 'prefix' | 'bracket' | 'branch'
}

/** The place a name was registered under, by its full division name (大冶 → 大冶市) so written forms compare. */
export interface NamePlace {
  name: string
  level: DivisionLevel
  code: string | null
}

/** An enterprise name split as 企业名称登记管理规定 builds it: 行政区划 + 字号 + 行业 + 组织形式 (+ 分支机构). */
export interface NormalizedEnterpriseName {
  original: string
  /** NFKC, simplified, uppercase Latin, brackets opened, punctuation and spaces removed. */
  cleaned: string
  regions: RegionMention[]
  /** The finest region code the name itself implies (prefix first, refined by a bracketed place), or null. */
  regionCode: string | null
  /**
   * The place the name was registered under: the last place of the prefix (湖北省黄石市大冶市 → 大冶市), else the
   * bracketed one (华新水泥（大冶） → 大冶市); null for a name without a place.
   */
  place: NamePlace | null
  /** 字号, at least MIN_TRADE_NAME_LENGTH characters unless the whole name is shorter. */
  tradeName: string
  /** 行业 words after the 字号 (新材料科技), or null when the name has none (简称 such as 劲牌). */
  industry: string | null
  /** The vocabulary words `industry` is made of, in order (新材料科技 → 新材料, 科技). */
  industryWords: string[]
  /** 组织形式 as written in the name (集团有限公司), or null. */
  organizationForm: string | null
  isBranch: boolean
  /** What names the branch (大冶 in …有限公司大冶分公司), or null. */
  branchLocation: string | null
  /** Comparison key: 字号 + 行业. Equal keys mean the same name up to place, legal form and writing. */
  key: string
}

/** Chinese naming rules ask for a 字号 of two characters or more; stripping never leaves it shorter. */
export const MIN_TRADE_NAME_LENGTH = 2

const OPEN_BRACKETS = '([{【〔「『〈《'
const CLOSE_BRACKETS = ')]}】〕」』〉》'
const BRACKETED = new RegExp(
  `[${escapeForClass(OPEN_BRACKETS)}]([^${escapeForClass(OPEN_BRACKETS + CLOSE_BRACKETS)}]*)[${escapeForClass(CLOSE_BRACKETS)}]`,
  'gu',
)
// Punctuation, symbols, separators and control/format characters; letters, digits and CJK stay.
const NOT_NAME_CHARACTER = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}]/gu

const INDUSTRY_SET = new Set(INDUSTRY_WORDS)
const LONGEST_INDUSTRY_WORD = Math.max(...INDUSTRY_WORDS.map((w) => w.length))
const FORMS_BY_LENGTH = [...ORGANIZATION_FORMS].sort((a, b) => b.length - a.length)
const FORM_SET = new Set(ORGANIZATION_FORMS)

function escapeForClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&')
}

/** NFKC (full-width → half-width), traditional → simplified, uppercase Latin. */
export function foldEnterpriseNameCharacters(name: string): string {
  return toSimplifiedChinese(name.normalize('NFKC')).toUpperCase()
}

/** Removes punctuation, symbols and spaces (after brackets have been dealt with). */
function stripPunctuation(text: string): string {
  return text.replace(NOT_NAME_CHARACTER, '')
}

function stripSuffix(text: string, candidates: readonly string[]): { rest: string; suffix: string } | null {
  for (const candidate of candidates) {
    if (text.length > candidate.length && text.endsWith(candidate)) {
      return { rest: text.slice(0, -candidate.length), suffix: candidate }
    }
  }
  return null
}

/**
 * Brackets: a place inside them (华新水泥（大冶）, 黄石（武汉）…) is recorded and dropped, a legal form ((有限合伙))
 * joins the 组织形式, anything else is kept without its brackets, since it is part of the name.
 */
function openBrackets(text: string, regions: RegionMention[], forms: string[]): string {
  return text.replace(BRACKETED, (_, inner: string) => {
    const content = stripPunctuation(inner)
    const division = findDivision(content)
    if (division) {
      regions.push({ written: content, division, code: division.code, position: 'bracket' })
      return ''
    }
    if (FORM_SET.has(content)) {
      forms.push(content)
      return ''
    }
    return content
  })
}

function splitBranch(text: string): { parent: string; isBranch: boolean; location: string | null } {
  const branch = stripSuffix(text, BRANCH_SUFFIXES)
  if (!branch) return { parent: text, isBranch: false, location: null }
  // The parent's name ends at its last legal-form word (…有限公司大冶分公司 → …有限公司 + 大冶).
  let cut = -1
  for (const form of ['公司', '集团', '厂', '合作社']) {
    const at = branch.rest.lastIndexOf(form)
    if (at >= 0) cut = Math.max(cut, at + form.length)
  }
  if (cut > 0 && cut < branch.rest.length) {
    return { parent: branch.rest.slice(0, cut), isBranch: true, location: branch.rest.slice(cut) }
  }
  // No legal form before the locator (祥捷正电子松滋市分公司): a trailing place name is the locator.
  const place = cut === branch.rest.length ? null : matchDivisionSuffix(branch.rest)
  if (place && branch.rest.length - place.written.length >= MIN_TRADE_NAME_LENGTH) {
    return { parent: branch.rest.slice(0, -place.written.length), isBranch: true, location: place.written }
  }
  return { parent: branch.rest, isBranch: true, location: null }
}

function stripOrganizationForms(text: string, forms: string[]): string {
  let rest = text
  const found: string[] = []
  for (
    let stripped = stripSuffix(rest, FORMS_BY_LENGTH);
    stripped;
    stripped = stripSuffix(rest, FORMS_BY_LENGTH)
  ) {
    found.unshift(stripped.suffix)
    rest = stripped.rest
  }
  forms.unshift(...found)
  return rest
}

/** Leading places (湖北省黄石市…, 湖北黄石…), stopping before the rest would be shorter than a 字号. */
function stripRegionPrefix(text: string, regions: RegionMention[]): string {
  let rest = text
  for (let match = matchDivisionPrefix(rest); match; match = matchDivisionPrefix(rest)) {
    if (rest.length - match.written.length < MIN_TRADE_NAME_LENGTH) break
    regions.push({
      written: match.written,
      division: match.division,
      code: match.division.code,
      position: 'prefix',
    })
    rest = rest.slice(match.written.length)
  }
  return rest
}

/** Splits 行业 words off the end; `minLength` is what must stay in front. */
function splitIndustry(text: string, minLength: number): { head: string; words: string[] } {
  let head = text
  const words: string[] = []
  for (;;) {
    let word: string | null = null
    // Longest word first, so 新材料 is taken whole rather than as 材料 leaving 新 in the 字号.
    for (let length = Math.min(LONGEST_INDUSTRY_WORD, head.length - minLength); length >= 2; length--) {
      const candidate = head.slice(-length)
      if (INDUSTRY_SET.has(candidate)) {
        word = candidate
        break
      }
    }
    if (word === null) return { head, words }
    words.unshift(word)
    head = head.slice(0, -word.length)
  }
}

function regionCodeOf(regions: readonly RegionMention[]): string | null {
  let code: string | null = null
  for (const position of ['prefix', 'bracket'] as const) {
    for (const region of regions) {
      if (region.position === position && region.code !== null) code = refineRegionCode(code, region.code)
    }
  }
  return code
}

function placeOf(regions: readonly RegionMention[]): NamePlace | null {
  const mention =
    regions.findLast((r) => r.position === 'prefix') ?? regions.findLast((r) => r.position === 'bracket')
  if (!mention) return null
  return { name: mention.division.name, level: mention.division.level, code: mention.division.code }
}

/**
 * Splits an enterprise name into 行政区划, 字号, 行业 and 组织形式 and builds the comparison key 字号 + 行业.
 *
 * - Writing: NFKC (full-width letters, digits and brackets become half-width), traditional → simplified for the
 *   characters of `toSimplifiedChinese`, Latin uppercased, punctuation and spaces dropped.
 * - A trailing 分公司/分厂/… marks a branch; its locator (大冶 in …有限公司大冶分公司) is kept apart.
 * - Legal forms come off the end (有限公司, 股份有限公司, 集团, 控股 …), places off the front (湖北, 黄石市 …).
 * - When nothing but 行业 words would remain (大冶 + 特钢), the place is the 字号: names such as 大冶特钢 or
 *   大冶有色 use the place as their trade name, and dropping it would make them all equal.
 */
export function normalizeEnterpriseName(name: string): NormalizedEnterpriseName {
  const regions: RegionMention[] = []
  const forms: string[] = []
  const folded = foldEnterpriseNameCharacters(name)
  const cleaned = stripPunctuation(openBrackets(folded, regions, forms))

  const branch = splitBranch(cleaned)
  if (branch.location !== null) {
    const division = findDivision(branch.location)
    if (division) {
      regions.push({ written: branch.location, division, code: division.code, position: 'branch' })
    }
  }
  const withoutForms = stripOrganizationForms(branch.parent, forms)

  const prefixRegions: RegionMention[] = []
  let core = stripRegionPrefix(withoutForms, prefixRegions)
  const allIndustry = splitIndustry(core, 0).head === ''
  if (allIndustry && prefixRegions.length > 0) core = prefixRegions.at(-1)!.written + core
  regions.unshift(...prefixRegions)
  const { head: tradeName, words } = splitIndustry(core, MIN_TRADE_NAME_LENGTH)
  const industry = words.join('')

  return {
    original: name,
    cleaned,
    regions,
    regionCode: regionCodeOf(regions),
    place: placeOf(regions),
    tradeName,
    industry: industry === '' ? null : industry,
    industryWords: words,
    organizationForm: forms.length > 0 ? forms.join('') : null,
    isBranch: branch.isBranch,
    branchLocation: branch.location,
    key: tradeName + industry,
  }
}
