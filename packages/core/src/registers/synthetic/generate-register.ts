import { ADMINISTRATIVE_DIVISIONS } from '../administrative-divisions'
import { CREDIT_CODE_ALPHABET, computeCreditCodeCheckCharacter } from '../credit-code'
import { normalizeEnterpriseName } from '../normalize-enterprise-name'
import {
  ipClassOf,
  PLATFORM_TYPE_LABELS,
  type EnterpriseYearField,
  type FactSource,
  type IpClass,
  type IpLegalStatus,
  type IpType,
  type PlatformLevel,
  type PlatformStatus,
  type PlatformType,
  type ProjectKind,
  type ProjectStatus,
  type QualificationType,
  type TalentKind,
} from '../register-vocabulary'
import { createSeededRandom, type SeededRandom } from '../seeded-random'
import {
  DESIGN_OBJECTS,
  INVENTION_SUFFIXES,
  PATENT_ADJECTIVES,
  PATENT_OBJECTS,
  PROJECT_PRODUCTS,
  SCIENCE_TOPICS,
  SOFTWARE_SYSTEMS,
  SYNTHETIC_INDUSTRY_CODES,
  SYNTHETIC_PLATFORM_TYPES,
  SYNTHETIC_PROJECT_KINDS,
  SYNTHETIC_TALENT_KINDS,
  TALENT_TITLES,
  type SyntheticIndustry,
} from './synthetic-register-vocabulary'
import {
  GIVEN_NAME_CHARACTERS,
  SURNAMES,
  SYNTHETIC_FORMS,
  SYNTHETIC_INDUSTRIES,
  TRADE_NAME_CHARACTERS,
} from './synthetic-vocabulary'

/**
 * SYNTHETIC. A made-up register for demos and load tests: enterprises with three years of figures, qualifications
 * with validity, IP, platforms, projects and talents. Every row says so (source kind `synthetic`; the loader sets
 * is_synthetic), names never take a 字号 or key of the real names passed in `reservedNames`, and the same seed
 * gives the same rows, byte for byte.
 *
 * It streams: `generateSyntheticRegister` yields the rows of `chunkSize` enterprises at a time (their figures,
 * qualifications, IP …), holding only the names already used, so 500 000 enterprises and 3 000 000 IP items never
 * sit in memory together. Counts of IP, platforms, projects and talents are exact: a first pass weighs every
 * enterprise (tech firms, larger firms and 高企 hold more), a second hands out the totals by systematic rounding
 * of the weights, so each enterprise gets ⌊share⌋ or ⌈share⌉.
 *
 * Region codes: 黄石's are real; a Hubei county outside 黄石 gets a made-up code (its city's first four digits and
 * 51, 52 …, a range Hubei does not use), since the gazetteer knows those counties only to their city.
 */

export interface SyntheticScale {
  /** Where the enterprises are: 大冶市 and its towns, or every county of Hubei. */
  area: 'county' | 'province'
  enterpriseCount: number
  ipCount: number
  platformCount: number
  projectCount: number
  talentCount: number
}

/** The two sizes of PRODUCT.md's quality bar: a county on the embedded database, a province on PostgreSQL. */
export const SYNTHETIC_SCALES = {
  county: {
    area: 'county',
    enterpriseCount: 10_000,
    ipCount: 30_000,
    platformCount: 150,
    projectCount: 800,
    talentCount: 600,
  },
  province: {
    area: 'province',
    enterpriseCount: 500_000,
    ipCount: 3_000_000,
    platformCount: 7_500,
    projectCount: 40_000,
    talentCount: 30_000,
  },
} as const satisfies Record<string, SyntheticScale>
export type SyntheticScaleName = keyof typeof SYNTHETIC_SCALES

/** The years of figures each enterprise gets (the span of 大冶's 2022–2024 plan). */
export const SYNTHETIC_YEARS = [2022, 2023, 2024] as const
/** Statuses (pending, in progress, expired …) are as of the end of the last year of figures. */
export const SYNTHETIC_REFERENCE_DATE = '2024-12-31'

export const DEFAULT_SYNTHETIC_CHUNK_SIZE = 2_000

export interface SyntheticRegisterOptions {
  scale: SyntheticScale
  seed: number
  /** Real enterprise names (and aliases): no synthetic name takes their 字号 or their 字号 + 行业 key. */
  reservedNames?: readonly string[]
  /** Enterprises per yielded chunk. */
  chunkSize?: number
}

/** Region as names from the province down (湖北省, 黄石市, 大冶市, 还地桥镇); the loader maps it to org units. */
export type RegionPath = readonly string[]

export interface SyntheticEnterprise {
  id: string
  canonicalId: string
  creditCode: string
  name: string
  nameKey: string
  legalRepresentative: string
  regionPath: RegionPath
  regionCode: string
  industryCode: string
  industryText: string
  leadingIndustry: string | null
  foundedOn: string
  source: FactSource
}

export type SyntheticEnterpriseYear = { enterpriseId: string; year: number; source: FactSource } & Record<
  EnterpriseYearField,
  number
>

export interface SyntheticQualification {
  id: string
  enterpriseId: string
  type: QualificationType
  title: string
  status: 'held'
  number: string | null
  year: number
  validFrom: string
  validTo: string
  level: PlatformLevel | null
  source: FactSource
}

export interface SyntheticPlatform {
  id: string
  name: string
  type: PlatformType
  typeText: string
  level: PlatformLevel | null
  status: PlatformStatus
  targetLevel: PlatformLevel | null
  regionPath: RegionPath
  approvedOn: string | null
  source: FactSource
}

export interface SyntheticPlatformParticipant {
  id: string
  platformId: string
  role: 'host'
  enterpriseId: string
  nameAsWritten: string
}

export interface SyntheticIpItem {
  id: string
  enterpriseId: string
  type: IpType
  ipClass: IpClass | null
  number: string
  title: string
  appliedOn: string
  grantedOn: string | null
  expiresOn: string | null
  legalStatus: IpLegalStatus
  applicantName: string
  usedInPriorHnteApplication: boolean
  source: FactSource
}

export interface SyntheticProject {
  id: string
  enterpriseId: string
  kind: ProjectKind
  name: string
  number: string
  amountWanYuan: number
  startedOn: string
  endedOn: string
  status: ProjectStatus
  regionPath: RegionPath
  source: FactSource
}

export interface SyntheticTalent {
  id: string
  enterpriseId: string
  kind: TalentKind
  name: string
  title: string
  field: string
  regionPath: RegionPath
  source: FactSource
}

/** The rows of one chunk of enterprises, in the order they can be inserted (referenced rows first). */
export interface SyntheticRegisterChunk {
  enterprises: SyntheticEnterprise[]
  enterpriseYears: SyntheticEnterpriseYear[]
  qualifications: SyntheticQualification[]
  platforms: SyntheticPlatform[]
  platformParticipants: SyntheticPlatformParticipant[]
  intellectualProperty: SyntheticIpItem[]
  projects: SyntheticProject[]
  talents: SyntheticTalent[]
}

// ---- ids, randomness, dates -------------------------------------------------------------------------------

/** Row kinds, written into the second group of their UUIDs. */
const ID_KINDS = {
  enterprise: 1,
  qualification: 2,
  platform: 3,
  participant: 4,
  ip: 5,
  project: 6,
  talent: 7,
} as const

/**
 * A UUID that names the seed, the kind of row and its running number (ssssssss-kkkk-4000-8000-nnnnnnnnnnnn), so
 * a synthetic row is recognisable by its id and ids are the same on every run.
 */
export function syntheticId(seed: number, kind: keyof typeof ID_KINDS, index: number): string {
  const seedHex = (seed >>> 0).toString(16).padStart(8, '0')
  const kindHex = ID_KINDS[kind].toString(16).padStart(4, '0')
  return `${seedHex}-${kindHex}-4000-8000-${index.toString(16).padStart(12, '0')}`
}

// Independent streams per enterprise: its profile (pass 1) and its rows (pass 2) do not shift when other
// enterprises draw more or fewer numbers.
const PROFILE_STREAM = 1
const DETAIL_STREAM = 2
const ALLOCATION_STREAM = 3

function streamRandom(seed: number, index: number, stream: number): SeededRandom {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(stream, 0x85ebca6b)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b)
  return createSeededRandom((h ^ (h >>> 16)) >>> 0)
}

/** Uniform in [min, max). */
function between(random: SeededRandom, min: number, max: number): number {
  return min + random.next() * (max - min)
}

/** Log-uniform integer in [min, max]: as many firms of 3–9 people as of 10–29. */
function logUniformInt(random: SeededRandom, min: number, max: number): number {
  return Math.floor(Math.exp(between(random, Math.log(min), Math.log(max + 1))))
}

function gaussian(random: SeededRandom): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next())
}

/** Money in 万元 to one decimal, the precision of the 信息表. */
function wanYuan(value: number): number {
  return Math.round(value * 10) / 10
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`
}

function randomDate(random: SeededRandom, year: number, fromMonth = 1, toMonth = 12): string {
  return isoDate(year, fromMonth + random.int(toMonth - fromMonth + 1), 1 + random.int(28))
}

/** `date` plus whole years and months (days stay ≤ 28, so every result is a real date). */
function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7)) - 1 + months
  return isoDate(year + Math.floor(month / 12), (month % 12) + 1, Number(date.slice(8, 10)))
}

function createWeightedPicker<T>(entries: readonly (readonly [T, number])[]): (random: SeededRandom) => T {
  const cumulative: number[] = []
  let total = 0
  for (const [, weight] of entries) cumulative.push((total += weight))
  return (random) => {
    const target = random.next() * total
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if (cumulative[mid]! > target) high = mid
      else low = mid + 1
    }
    return entries[low]![0]
  }
}

const zipf = <T>(items: readonly T[]) => items.map((item, i) => [item, 1 / (i + 5)] as const)

// ---- places -------------------------------------------------------------------------------------------------

interface SyntheticCounty {
  name: string
  shortName: string | null
  code: string
  cityName: string
  cityShortName: string
  towns: readonly string[]
}

const DAYE_CODE = '420281'
// Hubei's county-level codes use 01–3x for districts and counties and 8x for county-level cities.
const MADE_UP_COUNTY_CODE_START = 51

function buildCounties(): SyntheticCounty[] {
  const cities = new Map(
    ADMINISTRATIVE_DIVISIONS.filter((d) => d.level === 'city' && d.code?.startsWith('42')).map((d) => [
      d.code!,
      d,
    ]),
  )
  // 大冶's towns and street offices; the seed writes 金湖/东岳 as 街办, so the 街道 forms are left out.
  const dayeTowns = ADMINISTRATIVE_DIVISIONS.filter(
    (d) => d.level === 'town' && d.code === DAYE_CODE && !d.name.endsWith('街道'),
  ).map((d) => d.name)
  const running = new Map<string, number>()
  const counties: SyntheticCounty[] = []
  for (const division of ADMINISTRATIVE_DIVISIONS) {
    if (division.level !== 'county' || division.code === null) continue
    const cityCode = `${division.code.slice(0, 4)}00`
    const city = cities.get(cityCode)
    if (!city) continue
    let code = division.code
    if (code === cityCode) {
      const next = running.get(cityCode) ?? MADE_UP_COUNTY_CODE_START
      running.set(cityCode, next + 1)
      code = `${cityCode.slice(0, 4)}${next}`
    }
    counties.push({
      name: division.name,
      shortName: division.shortName,
      code,
      cityName: city.name,
      cityShortName: city.shortName ?? city.name,
      towns: code === DAYE_CODE ? dayeTowns : [],
    })
  }
  return counties
}

const PROVINCE_NAME = '湖北省'
// Share of a county's enterprises registered in one of its towns rather than the county seat.
const TOWN_SHARE = 0.6

// ---- the enterprise profile (pass 1) -------------------------------------------------------------------------

type SizeClass = 0 | 1 | 2 | 3
/** 微型 / 小型 / 中型 / 大型 by head count, with their shares in a county register (most firms are micro). */
const SIZE_SHARES: readonly (readonly [SizeClass, number])[] = [
  [0, 80],
  [1, 16.5],
  [2, 3.2],
  [3, 0.3],
]
const EMPLOYEES_BY_SIZE: Record<SizeClass, readonly [number, number]> = {
  0: [3, 19],
  1: [20, 99],
  2: [100, 999],
  3: [1000, 4000],
}

/** Chance of being a 高企 / 科技型中小企业 by size, for firms of R&D-doing industries. */
const HNTE_CHANCE: Record<SizeClass, number> = { 0: 0.01, 1: 0.1, 2: 0.25, 3: 0.35 }
const TSME_CHANCE: Record<SizeClass, number> = { 0: 0.06, 1: 0.18, 2: 0.25, 3: 0 }
const GAZELLE_CHANCE_OF_HNTE = 0.06
const LITTLE_GIANT_CHANCE_OF_MEDIUM_HNTE = 0.12
const SPECIALIZED_CHANCE_OF_TECH = 0.15

// 科技型中小企业 limits (职工总数 ≤ 500 人, 销售收入 and 资产总额 ≤ 2 亿元) kept with a margin.
const TSME_MAX_EMPLOYEES = 300
const TSME_MAX_WAN_YUAN = 19_000
// 规模以上工业企业: 主营业务收入 2000 万元 and more.
const ABOVE_SCALE_REVENUE_WAN_YUAN = 2_000

interface Profile {
  county: SyntheticCounty
  town: string | null
  industryWord: string
  industry: SyntheticIndustry
  size: SizeClass
  isHnte: boolean
  isTsme: boolean
  isGazelle: boolean
  isLittleGiant: boolean
  isSpecialized: boolean
  weights: Record<AllocatedKind, number>
}

const ALLOCATED_KINDS = ['ip', 'platform', 'project', 'talent'] as const
type AllocatedKind = (typeof ALLOCATED_KINDS)[number]

const pickSize = createWeightedPicker(SIZE_SHARES)
const pickIndustryWord = createWeightedPicker(SYNTHETIC_INDUSTRIES)
const pickForm = createWeightedPicker(SYNTHETIC_FORMS)
const pickTradeCharacter = createWeightedPicker(zipf(TRADE_NAME_CHARACTERS))
const pickSurname = createWeightedPicker(zipf(SURNAMES))
const pickGiven = createWeightedPicker(zipf(GIVEN_NAME_CHARACTERS))
const pickPlatformType = createWeightedPicker(SYNTHETIC_PLATFORM_TYPES)
const pickProjectKind = createWeightedPicker(SYNTHETIC_PROJECT_KINDS)
const pickTalentKind = createWeightedPicker(SYNTHETIC_TALENT_KINDS)

function buildProfile(random: SeededRandom, pickCounty: (random: SeededRandom) => SyntheticCounty): Profile {
  const county = pickCounty(random)
  const town = county.towns.length > 0 && random.chance(TOWN_SHARE) ? random.pick(county.towns) : null
  const industryWord = pickIndustryWord(random)
  const industry = SYNTHETIC_INDUSTRY_CODES[industryWord]
  if (!industry) throw new Error(`no GB/T 4754 code for the synthetic industry ${industryWord}`)
  const size = pickSize(random)
  const tech = industry.isTechIntensive
  const isHnte = random.chance(tech ? HNTE_CHANCE[size] : industry.isIndustrial && size > 0 ? 0.01 : 0)
  const isTsme = size < 3 && (isHnte ? random.chance(0.8) : tech && random.chance(TSME_CHANCE[size]))
  const isGazelle = isHnte && size > 0 && random.chance(GAZELLE_CHANCE_OF_HNTE)
  const isLittleGiant = isHnte && size > 1 && random.chance(LITTLE_GIANT_CHANCE_OF_MEDIUM_HNTE)
  const isSpecialized =
    isLittleGiant || ((isHnte || isTsme) && size > 0 && random.chance(SPECIALIZED_CHANCE_OF_TECH))
  // Holdings grow with size and R&D; the log-normal factor gives the long tail of real patent portfolios.
  const sizeFactor = [0.4, 1, 3, 8][size]!
  const rank = isHnte ? 5 : isTsme ? 2 : 1
  const weights: Record<AllocatedKind, number> = {
    ip: (tech ? 1 : 0.1) * sizeFactor * rank * Math.exp(0.8 * gaussian(random)),
    platform: (isHnte ? 6 : isTsme ? 1.5 : tech ? 0.2 : 0.02) * [0.2, 1, 3, 6][size]!,
    project: (industry.isIndustrial ? 1 : 0.3) * [0.1, 1, 4, 10][size]! * (tech ? 1.5 : 1),
    talent: (tech ? 1 : 0.1) * sizeFactor * (isHnte ? 3 : 1),
  }
  return {
    county,
    town,
    industryWord,
    industry,
    size,
    isHnte,
    isTsme,
    isGazelle,
    isLittleGiant,
    isSpecialized,
    weights,
  }
}

/**
 * Hands out `total` items over enterprises in proportion to their weights: the running share is rounded with one
 * random offset (systematic sampling), so each gets ⌊share⌋ or ⌈share⌉ and the last one closes the total exactly.
 */
class SystematicAllocator {
  private cumulative = 0
  private allocated = 0
  private readonly scale: number

  constructor(
    private readonly total: number,
    weightSum: number,
    private readonly offset: number,
  ) {
    this.scale = weightSum > 0 ? total / weightSum : 0
  }

  next(weight: number, isLast: boolean): number {
    if (isLast) return this.total - this.allocated
    const before = Math.floor(this.cumulative + this.offset)
    this.cumulative += weight * this.scale
    const count = Math.max(
      0,
      Math.min(this.total - this.allocated, Math.floor(this.cumulative + this.offset) - before),
    )
    this.allocated += count
    return count
  }
}

// ---- the generator (pass 2) ----------------------------------------------------------------------------------

// 组织机构代码 part of the credit code: MA + 7 characters of a bijection of the running number (new-style codes
// issued since 2015). Multiplying by a number prime to 31 permutes 0 … 31^7 − 1, so codes never repeat.
const CODE_BODY_SPACE = 31 ** 7
const CODE_BODY_MULTIPLIER = 7_368_787

function creditCodeOf(regionCode: string, index: number, seed: number): string {
  let body = ((index + 1) * CODE_BODY_MULTIPLIER + (seed % CODE_BODY_SPACE)) % CODE_BODY_SPACE
  let encoded = ''
  for (let i = 0; i < 7; i++) {
    encoded = CREDIT_CODE_ALPHABET[body % 31]! + encoded
    body = Math.floor(body / 31)
  }
  const first17 = `91${regionCode}MA${encoded}`
  return first17 + computeCreditCodeCheckCharacter(first17)
}

/**
 * Check character of a Chinese patent application number (12 digits since 2003): digits weighted 2…9, 2…5,
 * sum mod 11, 10 written X.
 */
export function patentApplicationCheckCharacter(digits: string): string {
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
  let sum = 0
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * weights[i % weights.length]!
  const check = sum % 11
  return check === 10 ? 'X' : String(check)
}

const PATENT_TYPE_DIGITS: Partial<Record<IpType, string>> = { invention: '1', utilityModel: '2', design: '3' }

/** An enterprise row with its 字号, which names its platforms, projects and software. */
interface Named {
  enterprise: SyntheticEnterprise
  tradeName: string
}

class RegisterGenerator {
  private readonly counters = {
    enterprise: 0,
    qualification: 0,
    platform: 0,
    participant: 0,
    ip: 0,
    project: 0,
    talent: 0,
  }
  private readonly serials = { hnte: 0, tsme: 0, project: 0, patent: 0, software: 0 }
  private readonly usedKeys = new Set<string>()
  private readonly reservedKeys = new Set<string>()
  private readonly reservedTradeNames = new Set<string>()
  readonly source: FactSource

  constructor(
    private readonly seed: number,
    reservedNames: readonly string[],
  ) {
    this.source = { kind: 'synthetic', ref: `SYNTHETIC seed ${seed}` }
    for (const name of reservedNames) {
      const normalized = normalizeEnterpriseName(name)
      this.reservedKeys.add(normalized.key)
      this.reservedTradeNames.add(normalized.tradeName)
    }
  }

  private id(kind: keyof typeof ID_KINDS): string {
    return syntheticId(this.seed, kind, this.counters[kind]++)
  }

  personName(random: SeededRandom): string {
    const given = pickGiven(random) + (random.chance(0.7) ? pickGiven(random) : '')
    return pickSurname(random) + given
  }

  private tradeName(random: SeededRandom): string {
    const roll = random.next()
    const length = roll < 0.5 ? 2 : roll < 0.85 ? 3 : 4
    let name = ''
    for (let i = 0; i < length; i++) name += pickTradeCharacter(random)
    return name
  }

  private namePrefix(random: SeededRandom, profile: Profile): string {
    const { county } = profile
    const roll = random.next()
    if (roll < 0.45) return county.shortName !== null && random.chance(0.5) ? county.shortName : county.name
    if (roll < 0.7) return random.chance(0.5) ? county.cityShortName : county.cityName
    if (roll < 0.9) return random.chance(0.5) ? '湖北' : PROVINCE_NAME
    return ''
  }

  /** A name whose 字号 + 行业 is new, that the normaliser reads back as built and no real name resembles. */
  enterpriseName(random: SeededRandom, profile: Profile): { name: string; key: string; tradeName: string } {
    for (;;) {
      const tradeName = this.tradeName(random)
      const key = tradeName + profile.industryWord
      if (this.usedKeys.has(key) || this.reservedKeys.has(key) || this.reservedTradeNames.has(tradeName))
        continue
      const name = `${this.namePrefix(random, profile)}${tradeName}${profile.industryWord}${pickForm(random)}`
      const normalized = normalizeEnterpriseName(name)
      if (normalized.key !== key) continue
      this.usedKeys.add(key)
      return { name, key, tradeName }
    }
  }

  enterprise(index: number, profile: Profile, random: SeededRandom): Named {
    const id = this.id('enterprise')
    const { name, key, tradeName } = this.enterpriseName(random, profile)
    const { county } = profile
    const lastYear = SYNTHETIC_YEARS.at(-1)!
    // Tech firms are younger: most R&D-doing firms of a county register were founded in the last 15 years.
    const age = Math.min(30, 1 + logUniformInt(random, 1, profile.industry.isTechIntensive ? 15 : 28))
    const enterprise: SyntheticEnterprise = {
      id,
      canonicalId: id,
      creditCode: creditCodeOf(county.code, index, this.seed),
      name,
      nameKey: key,
      legalRepresentative: this.personName(random),
      regionPath: [
        PROVINCE_NAME,
        county.cityName,
        county.name,
        ...(profile.town === null ? [] : [profile.town]),
      ],
      regionCode: county.code,
      industryCode: profile.industry.code,
      industryText: profile.industry.codeName,
      leadingIndustry: profile.industry.leadingIndustry,
      foundedOn: randomDate(random, lastYear - age),
      source: this.source,
    }
    return { enterprise, tradeName }
  }

  /** Three years of figures that hang together and meet the thresholds of the qualifications the firm holds. */
  years(enterpriseId: string, profile: Profile, random: SeededRandom): SyntheticEnterpriseYear[] {
    const { industry, isHnte, isTsme } = profile
    const tech = industry.isTechIntensive
    const [minEmployees, maxEmployees] = EMPLOYEES_BY_SIZE[profile.size]
    let employees = logUniformInt(
      random,
      minEmployees,
      isTsme ? Math.min(maxEmployees, TSME_MAX_EMPLOYEES) : maxEmployees,
    )
    // 万元 per head: factories turn over more than shops and services.
    let revenuePerEmployee = industry.isIndustrial
      ? Math.exp(between(random, Math.log(15), Math.log(90)))
      : Math.exp(between(random, Math.log(8), Math.log(50)))
    const techShare = isHnte
      ? between(random, 0.12, 0.35)
      : isTsme
        ? between(random, 0.1, 0.3)
        : tech
          ? between(random, 0.03, 0.2)
          : between(random, 0, 0.06)
    const assetTurnover = between(random, 0.5, 2.2)
    const rows: SyntheticEnterpriseYear[] = []
    for (const year of SYNTHETIC_YEARS) {
      const growth = between(random, 0.9, 1.22)
      employees = Math.max(1, Math.round(employees * Math.sqrt(growth)))
      if (isTsme) employees = Math.min(employees, TSME_MAX_EMPLOYEES)
      revenuePerEmployee *= Math.sqrt(growth)
      let operating = wanYuan(employees * revenuePerEmployee)
      if (isTsme) operating = Math.min(operating, TSME_MAX_WAN_YUAN)
      const sales = wanYuan(operating * between(random, 0.85, 1))
      const totalIncome = wanYuan(operating * between(random, 1, 1.05))
      const costs = wanYuan(totalIncome * between(random, 0.82, 1.03))
      // 高企: R&D over sales at least 5 % / 4 % / 3 % by sales band (工作指引); a margin keeps rounding above it.
      const hnteMinimum = sales < 5_000 ? 0.05 : sales < 20_000 ? 0.04 : 0.03
      const rdIntensity = isHnte
        ? hnteMinimum + between(random, 0.003, 0.03)
        : isTsme
          ? between(random, 0.03, 0.08)
          : tech
            ? between(random, 0, 0.03)
            : random.chance(0.6)
              ? 0
              : between(random, 0, 0.01)
      const rdExpense = wanYuan(sales * rdIntensity)
      // 高企: 境内研发费用 at least 60 % of all R&D.
      const rdDomestic = wanYuan(rdExpense * (isHnte ? between(random, 0.85, 1) : between(random, 0.95, 1)))
      const techStaff = Math.min(employees, Math.ceil(employees * techShare))
      const rdStaff = Math.floor(techStaff * between(random, 0.5, 0.9))
      // 高企: 高新技术产品（服务）收入 at least 60 % of total income.
      const hiTechShare = isHnte ? between(random, 0.62, 0.95) : isTsme || tech ? between(random, 0, 0.5) : 0
      let totalAssets = wanYuan(Math.max(10, operating * assetTurnover))
      if (isTsme) totalAssets = Math.min(totalAssets, TSME_MAX_WAN_YUAN)
      rows.push({
        enterpriseId,
        year,
        employeeCount: employees,
        techStaffCount: techStaff,
        rdStaffCount: rdStaff,
        salesRevenueWanYuan: sales,
        operatingRevenueWanYuan: operating,
        totalIncomeWanYuan: totalIncome,
        costExpenseTotalWanYuan: costs,
        rdExpenseWanYuan: rdExpense,
        rdExpenseDomesticWanYuan: rdDomestic,
        totalAssetsWanYuan: totalAssets,
        netAssetsWanYuan: wanYuan(totalAssets * between(random, 0.15, 0.7)),
        hiTechRevenueWanYuan: wanYuan(totalIncome * hiTechShare),
        profitWanYuan: wanYuan(totalIncome - costs),
        taxWanYuan: wanYuan(operating * between(random, 0.01, 0.06)),
        source: this.source,
      })
    }
    return rows
  }

  private qualification(
    enterpriseId: string,
    fields: Omit<SyntheticQualification, 'id' | 'enterpriseId' | 'status' | 'source'>,
  ): SyntheticQualification {
    return { id: this.id('qualification'), enterpriseId, status: 'held', source: this.source, ...fields }
  }

  /** Qualifications with validity and numbers; 规上 follows from the figures, year by year. */
  qualifications(
    enterprise: SyntheticEnterprise,
    profile: Profile,
    years: SyntheticEnterpriseYear[],
    random: SeededRandom,
  ): { rows: SyntheticQualification[]; priorHnteYear: number | null } {
    const rows: SyntheticQualification[] = []
    const id = enterprise.id
    const firstYear = SYNTHETIC_YEARS[0]
    const lastYear = SYNTHETIC_YEARS.at(-1)!
    // No title before the firm has a full year behind it.
    const earliest = Number(enterprise.foundedOn.slice(0, 4)) + 1
    let priorHnteYear: number | null = null
    if (profile.isHnte) {
      // The current 证书 (3 years) was issued in the span; some firms are on their second certificate.
      const issued = Math.max(earliest, firstYear + random.int(SYNTHETIC_YEARS.length))
      const certificateYears = random.chance(0.4) && issued - 3 >= earliest ? [issued - 3, issued] : [issued]
      if (certificateYears.length === 2) priorHnteYear = certificateYears[0]!
      for (const year of certificateYears) {
        const validFrom = randomDate(random, year, 11, 12)
        rows.push(
          this.qualification(id, {
            type: 'hnte',
            title: '高新技术企业',
            number: `GR${year}42${String(++this.serials.hnte).padStart(6, '0')}`,
            year,
            validFrom,
            validTo: addMonths(validFrom, 36),
            level: null,
          }),
        )
      }
    }
    if (profile.isTsme) {
      // 入库 each year from the first year it qualified; the listing is valid to the end of that year.
      const since = Math.max(earliest, firstYear + random.int(SYNTHETIC_YEARS.length))
      for (let year = since; year <= lastYear; year++) {
        const batch = pad2(1 + random.int(4))
        rows.push(
          this.qualification(id, {
            type: 'tsme',
            title: '科技型中小企业',
            number: `${year}${enterprise.regionCode}${batch}${String(++this.serials.tsme).padStart(6, '0')}`,
            year,
            validFrom: randomDate(random, year, 3, 9),
            validTo: isoDate(year, 12, 31),
            level: null,
          }),
        )
      }
    }
    const recognition = (type: QualificationType, title: string, level: PlatformLevel, months: number) => {
      const year = Math.max(earliest, firstYear - 1 + random.int(SYNTHETIC_YEARS.length + 1))
      const validFrom = randomDate(random, year, 5, 9)
      rows.push(
        this.qualification(id, {
          type,
          title,
          number: null,
          year,
          validFrom,
          validTo: addMonths(validFrom, months),
          level,
        }),
      )
    }
    if (profile.isSpecialized) recognition('specialized', '湖北省专精特新中小企业', 'provincial', 36)
    if (profile.isLittleGiant) recognition('little_giant', '专精特新“小巨人”企业', 'national', 36)
    if (profile.isGazelle) recognition('gazelle', '湖北省瞪羚企业', 'provincial', 24)
    if (profile.industry.isIndustrial) {
      for (const figures of years) {
        if (figures.operatingRevenueWanYuan < ABOVE_SCALE_REVENUE_WAN_YUAN) continue
        rows.push(
          this.qualification(id, {
            type: 'above_scale',
            title: '规模以上工业企业',
            number: null,
            year: figures.year,
            validFrom: isoDate(figures.year, 1, 1),
            validTo: isoDate(figures.year, 12, 31),
            level: null,
          }),
        )
      }
    }
    return { rows, priorHnteYear }
  }

  ipItems(
    enterprise: SyntheticEnterprise,
    tradeName: string,
    count: number,
    priorHnteYear: number | null,
    random: SeededRandom,
  ): SyntheticIpItem[] {
    const isSoftwareFirm = /^(6|R)/.test(enterprise.industryCode)
    const pickType = createIpTypePicker(isSoftwareFirm)
    const foundedYear = Number(enterprise.foundedOn.slice(0, 4))
    const lastYear = SYNTHETIC_YEARS.at(-1)!
    const items: SyntheticIpItem[] = []
    for (let i = 0; i < count; i++) {
      const type = pickType(random)
      // Applications since the firm was founded, more of them in recent years.
      const earliest = Math.max(foundedYear, 2010)
      const year = lastYear - Math.floor((lastYear - earliest + 1) * random.next() ** 1.6)
      const appliedOn = randomDate(random, year)
      const dates = ipDates(type, appliedOn, random)
      let number: string
      if (type === 'softwareCopyright') {
        number = `${(dates.grantedOn ?? appliedOn).slice(0, 4)}SR${String(++this.serials.software).padStart(7, '0')}`
      } else {
        const digits = `${year}${PATENT_TYPE_DIGITS[type]}${String(++this.serials.patent).padStart(7, '0')}`
        const application = `${digits}.${patentApplicationCheckCharacter(digits)}`
        number = dates.grantedOn === null ? application : `ZL${application}`
      }
      items.push({
        id: this.id('ip'),
        enterpriseId: enterprise.id,
        type,
        ipClass: ipClassOf(type),
        number,
        title: ipTitle(type, tradeName, random),
        appliedOn,
        ...dates,
        applicantName: enterprise.name,
        usedInPriorHnteApplication:
          priorHnteYear !== null &&
          dates.grantedOn !== null &&
          Number(dates.grantedOn.slice(0, 4)) < priorHnteYear,
        source: this.source,
      })
    }
    return items
  }

  platforms(
    enterprise: SyntheticEnterprise,
    tradeName: string,
    profile: Profile,
    count: number,
    random: SeededRandom,
  ): { platforms: SyntheticPlatform[]; participants: SyntheticPlatformParticipant[] } {
    const platforms: SyntheticPlatform[] = []
    const participants: SyntheticPlatformParticipant[] = []
    const foundedYear = Number(enterprise.foundedOn.slice(0, 4))
    const lastYear = SYNTHETIC_YEARS.at(-1)!
    for (let i = 0; i < count; i++) {
      const type = pickPlatformType(random)
      const label = PLATFORM_TYPE_LABELS[type]
      const status: PlatformStatus = random.chance(0.8) ? 'built' : 'striving'
      // National platforms are for large firms and 高企; a striving platform seeks the level above its own.
      const roll = random.next()
      const canBeNational = profile.size >= 2 && profile.isHnte
      const builtLevel: PlatformLevel =
        roll < 0.5 ? 'municipal' : roll < 0.9 || !canBeNational ? 'provincial' : 'national'
      const level = status === 'built' ? builtLevel : random.chance(0.5) ? 'municipal' : null
      const targetLevel: PlatformLevel | null =
        status === 'built'
          ? null
          : level === 'municipal'
            ? 'provincial'
            : random.chance(0.7)
              ? 'provincial'
              : 'national'
      const ownName = ['maker_space', 'incubator', 'star_innovation_base'].includes(type)
        ? tradeName
        : enterprise.nameKey
      const id = this.id('platform')
      platforms.push({
        id,
        name: `${ownName}${label}`,
        type,
        typeText: label,
        level,
        status,
        targetLevel,
        regionPath: enterprise.regionPath,
        approvedOn:
          status === 'built'
            ? randomDate(random, Math.min(lastYear, Math.max(2010, foundedYear + 1) + random.int(6)))
            : null,
        source: this.source,
      })
      participants.push({
        id: this.id('participant'),
        platformId: id,
        role: 'host',
        enterpriseId: enterprise.id,
        nameAsWritten: enterprise.name,
      })
    }
    return { platforms, participants }
  }

  projects(
    enterprise: SyntheticEnterprise,
    tradeName: string,
    profile: Profile,
    count: number,
    random: SeededRandom,
  ): SyntheticProject[] {
    const projects: SyntheticProject[] = []
    for (let i = 0; i < count; i++) {
      let kind = pickProjectKind(random)
      if (kind === 'technical_renovation' && !profile.industry.isIndustrial) kind = 'science_program'
      const product = random.pick(PROJECT_PRODUCTS)
      const startYear = 2019 + random.int(7)
      const startedOn = randomDate(random, startYear)
      const plan = projectPlan(kind, tradeName, product, random)
      const endedOn = addMonths(startedOn, plan.months)
      projects.push({
        id: this.id('project'),
        enterpriseId: enterprise.id,
        kind,
        name: plan.name,
        number: `${plan.numberPrefix}${startYear}${String(++this.serials.project).padStart(6, '0')}`,
        amountWanYuan: plan.amountWanYuan,
        startedOn,
        endedOn,
        status: projectStatus(kind, startedOn, endedOn, random),
        regionPath: enterprise.regionPath,
        source: this.source,
      })
    }
    return projects
  }

  talents(enterprise: SyntheticEnterprise, count: number, random: SeededRandom): SyntheticTalent[] {
    const talents: SyntheticTalent[] = []
    for (let i = 0; i < count; i++) {
      const kind = pickTalentKind(random)
      const senior = kind === 'leading_talent' || kind === 'expert'
      talents.push({
        id: this.id('talent'),
        enterpriseId: enterprise.id,
        kind,
        name: this.personName(random),
        title: senior ? random.pick(TALENT_TITLES.slice(3)) : random.pick(TALENT_TITLES.slice(0, 4)),
        field: enterprise.industryText,
        regionPath: enterprise.regionPath,
        source: this.source,
      })
    }
    return talents
  }
}

function createIpTypePicker(isSoftwareFirm: boolean): (random: SeededRandom) => IpType {
  return isSoftwareFirm ? SOFTWARE_FIRM_IP_TYPES : OTHER_FIRM_IP_TYPES
}
const SOFTWARE_FIRM_IP_TYPES = createWeightedPicker<IpType>([
  ['softwareCopyright', 60],
  ['invention', 15],
  ['utilityModel', 20],
  ['design', 5],
])
const OTHER_FIRM_IP_TYPES = createWeightedPicker<IpType>([
  ['invention', 22],
  ['utilityModel', 50],
  ['design', 13],
  ['softwareCopyright', 15],
])

// Months from application to grant, chance of rejection, and term in years (外观设计: 10, 15 for applications since
// 2021-06-01, the amended Patent Law).
const IP_RULES: Record<
  'invention' | 'utilityModel' | 'design',
  { grantMonths: [number, number]; rejected: number }
> = {
  invention: { grantMonths: [18, 42], rejected: 0.12 },
  utilityModel: { grantMonths: [5, 12], rejected: 0.05 },
  design: { grantMonths: [3, 9], rejected: 0.04 },
}
const LAPSED_FOR_FEES = 0.1

function termYears(type: IpType, appliedOn: string): number {
  if (type === 'invention') return 20
  if (type === 'utilityModel') return 10
  if (type === 'design') return appliedOn >= '2021-06-01' ? 15 : 10
  return 50
}

/** Grant, expiry and legal status as of the reference date, consistent with the application date. */
function ipDates(
  type: IpType,
  appliedOn: string,
  random: SeededRandom,
): { grantedOn: string | null; expiresOn: string | null; legalStatus: IpLegalStatus } {
  if (type === 'softwareCopyright') {
    const grantedOn = addMonths(appliedOn, 1 + random.int(3))
    if (grantedOn > SYNTHETIC_REFERENCE_DATE)
      return { grantedOn: null, expiresOn: null, legalStatus: 'pending' }
    return {
      grantedOn,
      expiresOn: addMonths(appliedOn, 12 * termYears(type, appliedOn)),
      legalStatus: 'granted',
    }
  }
  const rule = IP_RULES[type as keyof typeof IP_RULES]
  const months = rule.grantMonths[0] + random.int(rule.grantMonths[1] - rule.grantMonths[0] + 1)
  const decidedOn = addMonths(appliedOn, months)
  if (decidedOn > SYNTHETIC_REFERENCE_DATE)
    return { grantedOn: null, expiresOn: null, legalStatus: 'pending' }
  if (random.chance(rule.rejected)) return { grantedOn: null, expiresOn: null, legalStatus: 'invalid' }
  const expiresOn = addMonths(appliedOn, 12 * termYears(type, appliedOn))
  const lapsed =
    expiresOn <= SYNTHETIC_REFERENCE_DATE || (decidedOn < '2022-01-01' && random.chance(LAPSED_FOR_FEES))
  return { grantedOn: decidedOn, expiresOn, legalStatus: lapsed ? 'expired' : 'granted' }
}

function ipTitle(type: IpType, tradeName: string, random: SeededRandom): string {
  switch (type) {
    case 'invention':
      return `一种${random.pick(PATENT_ADJECTIVES)}${random.pick(PATENT_OBJECTS)}${random.pick(INVENTION_SUFFIXES)}`
    case 'design':
      return `${random.pick(DESIGN_OBJECTS)}（${random.pick(['一', '二', 'A型', 'B型'])}）`
    case 'softwareCopyright':
      return `${tradeName}${random.pick(SOFTWARE_SYSTEMS)}软件V${1 + random.int(3)}.0`
    default:
      return `一种${random.pick(PATENT_ADJECTIVES)}${random.pick(PATENT_OBJECTS)}`
  }
}

/** Name, number prefix, amount (万元) and duration of a project by kind: 技改 and 招商 are large, 科技计划 small. */
function projectPlan(
  kind: ProjectKind,
  tradeName: string,
  product: string,
  random: SeededRandom,
): { name: string; numberPrefix: string; amountWanYuan: number; months: number } {
  switch (kind) {
    case 'technical_renovation':
      return {
        name: `${tradeName}${product}生产线智能化技术改造项目`,
        numberPrefix: 'JG',
        amountWanYuan: logUniformInt(random, 300, 30_000),
        months: 12 + random.int(13),
      }
    case 'investment_attraction':
      return {
        name: `年产${10 * (1 + random.int(50))}万件${product}项目`,
        numberPrefix: 'ZS',
        amountWanYuan: logUniformInt(random, 2_000, 100_000),
        months: 12 + random.int(25),
      }
    case 'science_program':
      return {
        name: `${random.pick(SCIENCE_TOPICS)}关键技术研究与应用`,
        numberPrefix: 'KJ',
        amountWanYuan: logUniformInt(random, 20, 500),
        months: 24 + random.int(13),
      }
  }
}

function projectStatus(
  kind: ProjectKind,
  startedOn: string,
  endedOn: string,
  random: SeededRandom,
): ProjectStatus {
  if (endedOn <= SYNTHETIC_REFERENCE_DATE) return random.chance(0.05) ? 'terminated' : 'completed'
  if (startedOn <= SYNTHETIC_REFERENCE_DATE) return 'in_progress'
  return kind === 'investment_attraction' && random.chance(0.6) ? 'signed' : 'planned'
}

/**
 * Yields the synthetic register chunk by chunk (see the file comment). The first pass only weighs enterprises;
 * nothing is kept between chunks but the set of names in use and running numbers.
 */
export function* generateSyntheticRegister(
  options: SyntheticRegisterOptions,
): Generator<SyntheticRegisterChunk> {
  const { scale, seed } = options
  const chunkSize = options.chunkSize ?? DEFAULT_SYNTHETIC_CHUNK_SIZE
  const counties = buildCounties()
  const daye = counties.find((c) => c.code === DAYE_CODE)!
  // Wuhan's districts hold more enterprises than a mountain county; 黄石 is the home region.
  const pickCounty =
    scale.area === 'county'
      ? () => daye
      : createWeightedPicker(
          counties.map(
            (c) => [c, c.code.startsWith('4201') ? 3 : c.code.startsWith('4202') ? 2 : 1] as const,
          ),
        )
  const profileOf = (index: number) => buildProfile(streamRandom(seed, index, PROFILE_STREAM), pickCounty)

  const weightSums: Record<AllocatedKind, number> = { ip: 0, platform: 0, project: 0, talent: 0 }
  for (let index = 0; index < scale.enterpriseCount; index++) {
    const { weights } = profileOf(index)
    for (const kind of ALLOCATED_KINDS) weightSums[kind] += weights[kind]
  }
  const offsets = streamRandom(seed, 0, ALLOCATION_STREAM)
  const totals: Record<AllocatedKind, number> = {
    ip: scale.ipCount,
    platform: scale.platformCount,
    project: scale.projectCount,
    talent: scale.talentCount,
  }
  const allocators = Object.fromEntries(
    ALLOCATED_KINDS.map((kind) => [
      kind,
      new SystematicAllocator(totals[kind], weightSums[kind], offsets.next()),
    ]),
  ) as Record<AllocatedKind, SystematicAllocator>

  const generator = new RegisterGenerator(seed, options.reservedNames ?? [])
  let chunk = emptyChunk()
  for (let index = 0; index < scale.enterpriseCount; index++) {
    const profile = profileOf(index)
    const isLast = index === scale.enterpriseCount - 1
    const counts = Object.fromEntries(
      ALLOCATED_KINDS.map((kind) => [kind, allocators[kind].next(profile.weights[kind], isLast)]),
    ) as Record<AllocatedKind, number>
    const random = streamRandom(seed, index, DETAIL_STREAM)
    const { enterprise, tradeName } = generator.enterprise(index, profile, random)
    const years = generator.years(enterprise.id, profile, random)
    const { rows: qualifications, priorHnteYear } = generator.qualifications(
      enterprise,
      profile,
      years,
      random,
    )
    const hosted = generator.platforms(enterprise, tradeName, profile, counts.platform, random)
    chunk.enterprises.push(enterprise)
    chunk.enterpriseYears.push(...years)
    chunk.qualifications.push(...qualifications)
    chunk.platforms.push(...hosted.platforms)
    chunk.platformParticipants.push(...hosted.participants)
    chunk.intellectualProperty.push(
      ...generator.ipItems(enterprise, tradeName, counts.ip, priorHnteYear, random),
    )
    chunk.projects.push(...generator.projects(enterprise, tradeName, profile, counts.project, random))
    chunk.talents.push(...generator.talents(enterprise, counts.talent, random))
    if (chunk.enterprises.length === chunkSize || isLast) {
      yield chunk
      chunk = emptyChunk()
    }
  }
}

function emptyChunk(): SyntheticRegisterChunk {
  return {
    enterprises: [],
    enterpriseYears: [],
    qualifications: [],
    platforms: [],
    platformParticipants: [],
    intellectualProperty: [],
    projects: [],
    talents: [],
  }
}
