import { ADMINISTRATIVE_DIVISIONS } from '../administrative-divisions'
import { CREDIT_CODE_ALPHABET, computeCreditCodeCheckCharacter } from '../credit-code'
import { normalizeEnterpriseName } from '../normalize-enterprise-name'
import type { CanonicalEnterprise, IncomingEnterpriseRecord } from '../registers.schemas'
import { type SeededRandom, createSeededRandom } from '../seeded-random'
import { traditionalTablePairs } from '../traditional-to-simplified'
import {
  GIVEN_NAME_CHARACTERS,
  OTHER_PROVINCE_CITIES,
  SURNAMES,
  SYNTHETIC_FORMS,
  SYNTHETIC_INDUSTRIES,
  TRADE_NAME_CHARACTERS,
} from './synthetic-vocabulary'

/**
 * SYNTHETIC. A labelled benchmark for enterprise linking: a register of made-up Hubei enterprises and incoming
 * records that either name one of them the way imported lists do, or are look-alikes that are not in the register.
 * Every id starts with SYNTHETIC_ID_PREFIX; 黄石's county codes are real, the others' county codes are made up
 * (city code + a running number). Deterministic for a seed.
 *
 * The world it imitates:
 * - Names follow registration: 字号 + 行业 is unique where the name's place says it was registered (a 大冶-prefixed
 *   name in 大冶, a 黄石-prefixed one in 黄石市, a 湖北-prefixed or placeless one in the province), so 大冶宏泰铝业
 *   and 阳新宏泰铝业 coexist but two 黄石宏泰铝业 do not.
 * - Names cluster locally: NEIGHBOUR_NAME_SHARE of enterprises take a neighbour's 字号 for another 行业, or
 *   change one character of it; look-alikes that are not in the register arise the same way.
 * - Every record carries a region (imports are made under an org unit): mostly its county, sometimes only its
 *   city, occasionally a wrong county of the same city.
 */

export const SYNTHETIC_ID_PREFIX = 'syn-'

// Tries at a free name before giving up on one way of making it.
const MAX_ATTEMPTS = 20

/** How a matching record writes its enterprise's name. */
export const MATCH_VARIANTS = [
  'registered_name',
  'form_changed',
  'region_prefix_changed',
  'written_differently',
  'alias',
  'short_name',
  'typo',
  'former_name',
  'combined',
] as const
export type MatchVariant = (typeof MATCH_VARIANTS)[number]

/** What a record that is not in the register looks like. */
export const NON_MATCH_VARIANTS = [
  'same_name_other_county',
  'same_trade_name_other_industry',
  'one_char_different',
  'same_name_other_province',
  'unregistered_branch',
  'new_enterprise',
] as const
export type NonMatchVariant = (typeof NON_MATCH_VARIANTS)[number]

export type SyntheticVariant = MatchVariant | NonMatchVariant

/**
 * Shares of the variants. Matching records mostly carry the registered name as written elsewhere (form, place,
 * writing changed); 简称 and typos are the minority they are in official lists. Look-alikes are adversarial on
 * purpose: every one shares a 字号, a name or a place with an enterprise of the register.
 */
export const MATCH_VARIANT_SHARES: Record<MatchVariant, number> = {
  registered_name: 34,
  form_changed: 12,
  region_prefix_changed: 14,
  written_differently: 10,
  alias: 6,
  short_name: 7,
  typo: 4,
  former_name: 5,
  combined: 8,
}

/**
 * Share of records that carry a credit code (a matching record only when its enterprise has one, and a few
 * mistype it): official lists (高企, 科技型中小企业) carry one, patent, project and talent lists do not.
 */
export const RECORD_CREDIT_CODE_SHARE = 0.3
/** Share of records that name the 法定代表人 (project and 高企 lists do, patent lists do not). */
export const RECORD_LEGAL_REPRESENTATIVE_SHARE = 0.35
export const NON_MATCH_VARIANT_SHARES: Record<NonMatchVariant, number> = {
  new_enterprise: 35,
  same_trade_name_other_industry: 20,
  one_char_different: 15,
  same_name_other_county: 15,
  same_name_other_province: 10,
  unregistered_branch: 5,
}

/** Share of enterprises named after a neighbour in their county (same 字号 other 行业, or one character changed). */
export const NEIGHBOUR_NAME_SHARE = 0.12

export interface LabelledRecord {
  record: IncomingEnterpriseRecord
  /** The enterprise the record names, or null when it is not in the register. */
  enterpriseId: string | null
  variant: SyntheticVariant
}

export interface LinkingBenchmark {
  enterprises: CanonicalEnterprise[]
  records: LabelledRecord[]
}

export interface LinkingBenchmarkOptions {
  enterpriseCount: number
  recordCount: number
  seed: number
  /** Share of records whose enterprise is in the register (default 0.85; the rest are look-alikes). */
  matchShare?: number
}

interface County {
  name: string
  shortName: string | null
  code: string
  cityCode: string
  cityName: string
  cityShortName: string
}

/** Where a name was registered, read from its place: the county, the city, or the province (no place). */
type Jurisdiction = 'county' | 'city' | 'province'

/** A name in parts, so variants can re-render it. */
interface NameParts {
  jurisdiction: Jurisdiction
  prefix: string
  tradeName: string
  bracket: string
  industry: string
  form: string
  branchSuffix: string
}

interface GeneratedEnterprise {
  enterprise: CanonicalEnterprise
  parts: NameParts
  county: County
}

function render(parts: NameParts): string {
  const bracket = parts.bracket === '' ? '' : `（${parts.bracket}）`
  return `${parts.prefix}${parts.tradeName}${bracket}${parts.industry}${parts.form}${parts.branchSuffix}`
}

function createWeightedPicker<T>(
  items: readonly T[],
  weights: readonly number[],
): (random: SeededRandom) => T {
  const cumulative: number[] = []
  let total = 0
  for (const weight of weights) cumulative.push((total += weight))
  return (random) => {
    const target = random.next() * total
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if (cumulative[mid]! > target) high = mid
      else low = mid + 1
    }
    return items[low]!
  }
}

function zipfWeights(length: number): number[] {
  return Array.from({ length }, (_, i) => 1 / (i + 5))
}

function buildCounties(): County[] {
  const cities = new Map(
    ADMINISTRATIVE_DIVISIONS.filter((d) => d.level === 'city' && d.code?.startsWith('42')).map((d) => [
      d.code!,
      d,
    ]),
  )
  const running = new Map<string, number>()
  const counties: County[] = []
  for (const division of ADMINISTRATIVE_DIVISIONS) {
    if (division.level !== 'county' || division.code === null) continue
    const cityCode = `${division.code.slice(0, 4)}00`
    const city = cities.get(cityCode)
    if (!city) continue
    let code = division.code
    if (code === cityCode) {
      // Made-up county code (SYNTHETIC): the gazetteer knows these counties only to their city.
      const next = (running.get(cityCode) ?? 0) + 1
      running.set(cityCode, next)
      code = `${cityCode.slice(0, 4)}${String(next).padStart(2, '0')}`
    }
    counties.push({
      name: division.name,
      shortName: division.shortName,
      code,
      cityCode,
      cityName: city.name,
      cityShortName: city.shortName ?? city.name,
    })
  }
  return counties
}

/**
 * Which names are taken, by the jurisdiction their place gives them: 字号 + 行业 (the key) must be free in the
 * county, city or province where a new name would be registered. Branches are registered per location.
 */
class NameRegistry {
  private readonly countyPlaced = new Set<string>()
  private readonly cityPlaced = new Set<string>()
  private readonly provincePlaced = new Set<string>()
  private readonly inCity = new Set<string>()
  private readonly inProvince = new Set<string>()
  private readonly branches = new Set<string>()

  isFree(county: County, parts: NameParts, key: string): boolean {
    const city = `${county.cityCode}|${key}`
    if (parts.branchSuffix !== '') return !this.branches.has(`${county.code}|${key}`)
    switch (parts.jurisdiction) {
      case 'county':
        return (
          !this.countyPlaced.has(`${county.code}|${key}`) &&
          !this.cityPlaced.has(city) &&
          !this.provincePlaced.has(key)
        )
      case 'city':
        return !this.inCity.has(city) && !this.provincePlaced.has(key)
      case 'province':
        return !this.inProvince.has(key)
    }
  }

  reserve(county: County, parts: NameParts, key: string): void {
    if (parts.branchSuffix !== '') {
      this.branches.add(`${county.code}|${key}`)
      return
    }
    const city = `${county.cityCode}|${key}`
    if (parts.jurisdiction === 'county') this.countyPlaced.add(`${county.code}|${key}`)
    if (parts.jurisdiction === 'city') this.cityPlaced.add(city)
    if (parts.jurisdiction === 'province') this.provincePlaced.add(key)
    this.inCity.add(city)
    this.inProvince.add(key)
  }
}

/** The generator's state: pools, pickers and what the register already holds. */
class BenchmarkGenerator {
  readonly counties = buildCounties()
  readonly countiesByCity = new Map<string, County[]>()
  readonly pickCounty: (random: SeededRandom) => County
  readonly pickCharacter = createWeightedPicker(
    TRADE_NAME_CHARACTERS,
    zipfWeights(TRADE_NAME_CHARACTERS.length),
  )
  readonly pickIndustry = createWeightedPicker(
    SYNTHETIC_INDUSTRIES.map(([industry]) => industry),
    SYNTHETIC_INDUSTRIES.map(([, share]) => share),
  )
  readonly pickForm = createWeightedPicker(
    SYNTHETIC_FORMS.map(([form]) => form),
    SYNTHETIC_FORMS.map(([, share]) => share),
  )
  readonly pickSurname = createWeightedPicker(SURNAMES, zipfWeights(SURNAMES.length))
  readonly pickGiven = createWeightedPicker(GIVEN_NAME_CHARACTERS, zipfWeights(GIVEN_NAME_CHARACTERS.length))
  readonly pickMatchVariant = createWeightedPicker(
    MATCH_VARIANTS,
    MATCH_VARIANTS.map((v) => MATCH_VARIANT_SHARES[v]),
  )
  readonly pickNonMatchVariant = createWeightedPicker(
    NON_MATCH_VARIANTS,
    NON_MATCH_VARIANTS.map((v) => NON_MATCH_VARIANT_SHARES[v]),
  )
  readonly traditionalOf = new Map<string, string>()
  readonly names = new NameRegistry()
  readonly usedCreditCodes = new Set<string>()
  readonly validTradeNames = new Map<string, boolean>()
  readonly generated: GeneratedEnterprise[] = []
  readonly byCounty = new Map<string, GeneratedEnterprise[]>()
  readonly withAlias: GeneratedEnterprise[] = []
  readonly withFormerName: GeneratedEnterprise[] = []

  constructor(readonly random: SeededRandom) {
    for (const county of this.counties) {
      const list = this.countiesByCity.get(county.cityCode) ?? []
      list.push(county)
      this.countiesByCity.set(county.cityCode, list)
    }
    // Wuhan's districts hold more enterprises than a mountain county; 黄石 is the home register.
    const weights = this.counties.map((c) => (c.cityCode === '420100' ? 3 : c.cityCode === '420200' ? 2 : 1))
    this.pickCounty = createWeightedPicker(this.counties, weights)
    for (const [traditional, simplified] of traditionalTablePairs()) {
      if (!this.traditionalOf.has(simplified)) this.traditionalOf.set(simplified, traditional)
    }
  }

  /** A 字号 of 2–4 characters that the normaliser reads back whole (no place at its start, no 行业 at its end). */
  tradeName(): string {
    for (;;) {
      const roll = this.random.next()
      const length = roll < 0.5 ? 2 : roll < 0.85 ? 3 : 4
      let name = ''
      for (let i = 0; i < length; i++) name += this.pickCharacter(this.random)
      if (this.isValidTradeName(name)) return name
    }
  }

  isValidTradeName(name: string): boolean {
    let valid = this.validTradeNames.get(name)
    if (valid === undefined) {
      const normalized = normalizeEnterpriseName(`${name}科技有限公司`)
      valid = normalized.tradeName === name && normalized.regions.length === 0
      this.validTradeNames.set(name, valid)
    }
    return valid
  }

  personName(): string {
    const given = this.pickGiven(this.random) + (this.random.chance(0.7) ? this.pickGiven(this.random) : '')
    return this.pickSurname(this.random) + given
  }

  countyWritten(county: County): string {
    return county.shortName !== null && this.random.chance(0.6) ? county.shortName : county.name
  }

  /** Where the place goes in a registered name: county, city or province prefix, in brackets, or none. */
  placement(county: County): Pick<NameParts, 'jurisdiction' | 'prefix' | 'bracket'> {
    const roll = this.random.next()
    const random = this.random
    if (roll < 0.45) return { jurisdiction: 'county', prefix: this.countyWritten(county), bracket: '' }
    if (roll < 0.7) {
      return {
        jurisdiction: 'city',
        prefix: random.chance(0.5) ? county.cityShortName : county.cityName,
        bracket: '',
      }
    }
    if (roll < 0.85)
      return { jurisdiction: 'province', prefix: random.chance(0.5) ? '湖北' : '湖北省', bracket: '' }
    if (roll < 0.92) return { jurisdiction: 'city', prefix: '', bracket: county.cityShortName }
    return { jurisdiction: 'province', prefix: '', bracket: '' }
  }

  creditCode(county: County): string {
    for (;;) {
      let body = ''
      for (let i = 0; i < 7; i++) body += CREDIT_CODE_ALPHABET[this.random.int(CREDIT_CODE_ALPHABET.length)]
      const first17 = `91${county.code}MA${body}`
      const code = first17 + computeCreditCodeCheckCharacter(first17)
      if (!this.usedCreditCodes.has(code)) {
        this.usedCreditCodes.add(code)
        return code
      }
    }
  }

  isoDate(fromYear: number, toYear: number): string {
    const year = fromYear + this.random.int(toYear - fromYear + 1)
    const month = 1 + this.random.int(12)
    const day = 1 + this.random.int(28)
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  }

  /**
   * A name `make` builds that is free in `county` under the registration rule, reserved; null when `make` keeps
   * producing taken names (a fixed key the jurisdiction already has).
   */
  freshName(county: County, make: () => NameParts): { parts: NameParts; name: string } | null {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const parts = make()
      const name = render(parts)
      const key = normalizeEnterpriseName(name).key
      if (this.names.isFree(county, parts, key)) {
        this.names.reserve(county, parts, key)
        return { parts, name }
      }
    }
    return null
  }

  randomParts(county: County): NameParts {
    return {
      ...this.placement(county),
      tradeName: this.tradeName(),
      industry: this.pickIndustry(this.random),
      form: this.pickForm(this.random),
      branchSuffix: '',
    }
  }

  /** A neighbour's 字号 with another 行业, or its 字号 with one character changed and the same 行业. */
  neighbourParts(county: County, neighbour: NameParts, sameTradeName: boolean): NameParts {
    const tradeName = sameTradeName ? neighbour.tradeName : this.typo(neighbour).tradeName
    const industry = sameTradeName ? this.pickIndustry(this.random) : neighbour.industry
    return { ...this.randomParts(county), tradeName, industry }
  }

  newName(county: County): { parts: NameParts; name: string } {
    const neighbours = this.byCounty.get(county.code) ?? []
    if (neighbours.length > 0 && this.random.chance(NEIGHBOUR_NAME_SHARE)) {
      const neighbour = this.random.pick(neighbours).parts
      const sameTradeName = this.random.chance(0.5)
      const fresh = this.freshName(county, () => this.neighbourParts(county, neighbour, sameTradeName))
      if (fresh) return fresh
    }
    for (;;) {
      const fresh = this.freshName(county, () => this.randomParts(county))
      if (fresh) return fresh
    }
  }

  addEnterprise(index: number): void {
    const random = this.random
    const county = this.pickCounty(random)
    const id = `${SYNTHETIC_ID_PREFIX}e${String(index).padStart(7, '0')}`
    const parent = this.generated.length > 100 && random.chance(0.03) ? random.pick(this.generated) : null
    const branch =
      parent && parent.parts.branchSuffix === '' && parent.county.code !== county.code
        ? this.freshName(county, () => ({
            ...parent.parts,
            branchSuffix: `${this.countyWritten(county)}分公司`,
          }))
        : null
    const { parts, name } = branch ?? this.newName(county)
    const enterprise: CanonicalEnterprise = {
      id,
      name,
      regionCode: county.code,
      creditCode: random.chance(0.7) ? this.creditCode(county) : null,
      legalRepresentative: random.chance(0.85) ? this.personName() : null,
      aliases: [],
      formerNames: [],
    }
    if (parts.branchSuffix === '' && random.chance(0.25)) {
      const roll = random.next()
      const firstWord = normalizeEnterpriseName(name).industryWords[0] ?? ''
      const alias =
        roll < 0.4
          ? parts.tradeName
          : roll < 0.8
            ? parts.tradeName + firstWord
            : county.cityShortName + parts.tradeName
      enterprise.aliases = [alias]
    }
    const former =
      parts.branchSuffix === '' && random.chance(0.06)
        ? this.freshName(county, () => ({ ...parts, tradeName: this.tradeName() }))
        : null
    if (former) {
      enterprise.formerNames = [
        { name: former.name, validFrom: this.isoDate(2003, 2012), validTo: this.isoDate(2013, 2020) },
      ]
    }
    const generated = { enterprise, parts, county }
    this.generated.push(generated)
    const inCounty = this.byCounty.get(county.code) ?? []
    inCounty.push(generated)
    this.byCounty.set(county.code, inCounty)
    if (enterprise.aliases!.length > 0) this.withAlias.push(generated)
    if (enterprise.formerNames!.length > 0) this.withFormerName.push(generated)
  }

  /** The region code a list gives: mostly the county, sometimes only the city, occasionally a wrong county. */
  recordRegionCode(county: County): string {
    const roll = this.random.next()
    if (roll < 0.85) return county.code
    if (roll < 0.97) return county.cityCode
    const neighbours = this.countiesByCity.get(county.cityCode)!.filter((c) => c.code !== county.code)
    return neighbours.length > 0 ? this.random.pick(neighbours).code : county.code
  }

  replaceForm(parts: NameParts): NameParts {
    const forms = ['有限公司', '有限责任公司', '股份有限公司', '集团有限公司', '公司', ''].filter(
      (f) => f !== parts.form,
    )
    return { ...parts, form: this.random.pick(forms) }
  }

  replacePlace(parts: NameParts, county: County): NameParts {
    // A branch's name carries its parent's place, which says nothing of the branch's county: lists rewrite its form.
    if (parts.branchSuffix !== '') return this.replaceForm(parts)
    const options: Pick<NameParts, 'prefix' | 'bracket'>[] = [
      { prefix: '', bracket: '' },
      { prefix: county.name, bracket: '' },
      { prefix: county.cityShortName, bracket: '' },
      { prefix: county.cityName, bracket: '' },
      { prefix: '湖北', bracket: '' },
      { prefix: `湖北省${county.cityName}${county.name}`, bracket: '' },
      { prefix: '', bracket: county.shortName ?? county.name },
    ].filter((o) => o.prefix !== parts.prefix || o.bracket !== parts.bracket)
    return { ...parts, ...this.random.pick(options) }
  }

  /** A 简称: 字号 + 行业, 字号 + the first 行业 word, or the 字号 alone; no place, no form. */
  shortName(parts: NameParts, name: string): NameParts {
    const roll = this.random.next()
    const words = normalizeEnterpriseName(name).industryWords
    const industry = roll < 0.5 ? parts.industry : roll < 0.8 ? (words[0] ?? parts.industry) : ''
    return { ...parts, prefix: '', bracket: '', industry, form: '' }
  }

  typo(parts: NameParts): NameParts {
    for (;;) {
      const chars = Array.from(parts.tradeName)
      const at = this.random.int(chars.length)
      let replacement = chars[at]!
      while (replacement === chars[at]) replacement = this.pickCharacter(this.random)
      chars[at] = replacement
      const tradeName = chars.join('')
      if (this.isValidTradeName(tradeName)) return { ...parts, tradeName }
    }
  }

  /** Traditional characters, a space inside, or quotes and half-width brackets around the name. */
  writeDifferently(name: string): string {
    const roll = this.random.next()
    const traditional = Array.from(name, (c) => this.traditionalOf.get(c) ?? c).join('')
    if (roll < 0.4 && traditional !== name) return traditional
    if (roll < 0.7) {
      const chars = Array.from(name)
      const at = 1 + this.random.int(Math.max(1, chars.length - 1))
      return (
        chars.slice(0, at).join('') + (this.random.chance(0.5) ? ' ' : '\u3000') + chars.slice(at).join('')
      )
    }
    return `“${name.replace('（', '(').replace('）', ')')}”`
  }

  matchingRecord(): LabelledRecord {
    const random = this.random
    const variant = this.pickMatchVariant(random)
    // A record can only use a 简称 or 曾用名 the enterprise has; those variants draw from such enterprises.
    const pool =
      variant === 'alias' ? this.withAlias : variant === 'former_name' ? this.withFormerName : this.generated
    const source = random.pick(pool.length > 0 ? pool : this.generated)
    const { enterprise, county } = source
    let parts = source.parts
    let asOfDate: string | null = this.isoDate(2019, 2024)
    let name: string
    switch (variant) {
      case 'registered_name':
        name = enterprise.name
        break
      case 'form_changed':
        name = render(this.replaceForm(parts))
        break
      case 'region_prefix_changed':
        name = render(this.replacePlace(parts, county))
        break
      case 'written_differently':
        name = this.writeDifferently(enterprise.name)
        break
      case 'alias':
        name = enterprise.aliases![0] ?? enterprise.name
        break
      case 'short_name':
        name = render(this.shortName(parts, enterprise.name))
        break
      case 'typo':
        name = render(this.typo(parts))
        break
      case 'former_name': {
        const former = enterprise.formerNames![0]
        name = former?.name ?? enterprise.name
        if (former)
          asOfDate = this.isoDate(Number(former.validFrom!.slice(0, 4)), Number(former.validTo!.slice(0, 4)))
        break
      }
      case 'combined': {
        const roll = random.next()
        if (roll < 0.3) parts = this.replacePlace(this.replaceForm(parts), county)
        else if (roll < 0.55) parts = this.replaceForm(parts)
        else if (roll < 0.8) parts = this.replacePlace(parts, county)
        else parts = this.shortName(parts, enterprise.name)
        name = this.writeDifferently(render(parts))
        break
      }
    }
    const record: IncomingEnterpriseRecord = { name, regionCode: this.recordRegionCode(county), asOfDate }
    if (enterprise.creditCode && random.chance(RECORD_CREDIT_CODE_SHARE)) {
      record.creditCode = random.chance(0.95)
        ? enterprise.creditCode
        : this.mistypeCode(enterprise.creditCode)
    }
    if (enterprise.legalRepresentative && random.chance(RECORD_LEGAL_REPRESENTATIVE_SHARE)) {
      record.legalRepresentative = random.chance(0.92) ? enterprise.legalRepresentative : this.personName()
    }
    return { record, enterpriseId: enterprise.id, variant }
  }

  /** One character of the code's 组织机构代码 part changed, as a typing slip does. */
  mistypeCode(code: string): string {
    const at = 8 + this.random.int(9)
    const replacement = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(code[at]!) + 1) % 31]!
    return code.slice(0, at) + replacement + code.slice(at + 1)
  }

  /** A look-alike that is not in the register; retried until its name is free where it is placed. */
  nonMatchingRecord(): LabelledRecord {
    for (;;) {
      const variant = this.pickNonMatchVariant(this.random)
      const lookAlike = this.lookAlike(variant, this.random.pick(this.generated))
      if (lookAlike === null) continue
      const record: IncomingEnterpriseRecord = {
        name: lookAlike.name,
        regionCode: lookAlike.regionCode,
        asOfDate: this.isoDate(2019, 2024),
      }
      if (this.random.chance(RECORD_CREDIT_CODE_SHARE)) record.creditCode = this.creditCode(lookAlike.county)
      if (this.random.chance(RECORD_LEGAL_REPRESENTATIVE_SHARE))
        record.legalRepresentative = this.personName()
      return { record, enterpriseId: null, variant }
    }
  }

  lookAlike(
    variant: NonMatchVariant,
    source: GeneratedEnterprise,
  ): { name: string; regionCode: string; county: County } | null {
    const random = this.random
    const plain = { ...source.parts, branchSuffix: '' }
    const placed = (county: County, fresh: { name: string } | null) =>
      fresh && { name: fresh.name, regionCode: this.recordRegionCode(county), county }
    switch (variant) {
      case 'new_enterprise': {
        const county = this.pickCounty(random)
        return placed(county, this.newName(county))
      }
      case 'same_trade_name_other_industry':
      case 'one_char_different': {
        const sameTradeName = variant === 'same_trade_name_other_industry'
        return placed(
          source.county,
          this.freshName(source.county, () => this.neighbourParts(source.county, plain, sameTradeName)),
        )
      }
      case 'same_name_other_county': {
        // Legal only with a county prefix in another county (大冶宏泰铝业 beside 阳新宏泰铝业).
        const county = random.pick(this.counties)
        if (county.code === source.county.code) return null
        const parts = {
          ...plain,
          jurisdiction: 'county' as const,
          prefix: this.countyWritten(county),
          bracket: '',
        }
        return placed(
          county,
          this.freshName(county, () => parts),
        )
      }
      case 'same_name_other_province': {
        const [prefix, code] = random.pick(OTHER_PROVINCE_CITIES)
        return { name: render({ ...plain, prefix, bracket: '' }), regionCode: code, county: source.county }
      }
      case 'unregistered_branch': {
        const county = random.pick(this.counties)
        if (county.code === source.county.code) return null
        const parts = { ...plain, branchSuffix: `${this.countyWritten(county)}分公司` }
        return placed(
          county,
          this.freshName(county, () => parts),
        )
      }
    }
  }
}

/**
 * Generates the register and the labelled incoming records (SYNTHETIC). A look-alike reserves its name in the
 * generator so that no later enterprise takes it: a record labelled "not in the register" never has a twin there.
 */
export function generateLinkingBenchmark(options: LinkingBenchmarkOptions): LinkingBenchmark {
  const generator = new BenchmarkGenerator(createSeededRandom(options.seed))
  for (let i = 0; i < options.enterpriseCount; i++) generator.addEnterprise(i)
  const matchShare = options.matchShare ?? 0.85
  const records: LabelledRecord[] = []
  for (let i = 0; i < options.recordCount; i++) {
    records.push(
      generator.random.chance(matchShare) ? generator.matchingRecord() : generator.nonMatchingRecord(),
    )
  }
  return { enterprises: generator.generated.map((g) => g.enterprise), records }
}
