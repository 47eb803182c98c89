import { describe, expect, it } from 'vitest'
import { validateCreditCode } from '../credit-code'
import { normalizeEnterpriseName } from '../normalize-enterprise-name'
import { ipClassOf } from '../register-vocabulary'
import {
  SYNTHETIC_REFERENCE_DATE,
  SYNTHETIC_SCALES,
  SYNTHETIC_YEARS,
  generateSyntheticRegister,
  patentApplicationCheckCharacter,
  type SyntheticRegisterChunk,
  type SyntheticScale,
} from './generate-register'
import { SYNTHETIC_INDUSTRY_CODES } from './synthetic-register-vocabulary'
import { SYNTHETIC_INDUSTRIES } from './synthetic-vocabulary'

const SMALL: SyntheticScale = {
  area: 'county',
  enterpriseCount: 3_000,
  ipCount: 9_000,
  platformCount: 60,
  projectCount: 240,
  talentCount: 180,
}
const RESERVED = ['劲牌', '迪峰', '普罗格智芯', '华新水泥', '宏泰铝业', '大冶有色']

function collect(scale: SyntheticScale, seed: number, chunkSize?: number): SyntheticRegisterChunk {
  const all: SyntheticRegisterChunk = {
    enterprises: [],
    enterpriseYears: [],
    qualifications: [],
    platforms: [],
    platformParticipants: [],
    intellectualProperty: [],
    projects: [],
    talents: [],
  }
  for (const chunk of generateSyntheticRegister({ scale, seed, reservedNames: RESERVED, chunkSize })) {
    for (const key of Object.keys(all) as (keyof SyntheticRegisterChunk)[])
      (all[key] as unknown[]).push(...chunk[key])
  }
  return all
}

const register = collect(SMALL, 7, 500)
const allRows = Object.values(register).flat() as { source?: { kind: string } }[]

describe('synthetic register', () => {
  it('is the same for the same seed, whatever the chunk size, and differs for another seed', () => {
    expect(collect(SMALL, 7, 1_000)).toEqual(register)
    const other = collect({ ...SMALL, enterpriseCount: 50, ipCount: 100 }, 8)
    expect(other.enterprises.map((e) => e.name)).not.toEqual(
      register.enterprises.slice(0, 50).map((e) => e.name),
    )
  })

  it('yields chunks of the requested number of enterprises', () => {
    const sizes = [...generateSyntheticRegister({ scale: SMALL, seed: 7, chunkSize: 700 })].map(
      (c) => c.enterprises.length,
    )
    expect(sizes).toEqual([700, 700, 700, 700, 200])
  })

  it('produces exactly the counts of the scale', () => {
    expect(register.enterprises).toHaveLength(SMALL.enterpriseCount)
    expect(register.enterpriseYears).toHaveLength(SMALL.enterpriseCount * SYNTHETIC_YEARS.length)
    expect(register.intellectualProperty).toHaveLength(SMALL.ipCount)
    expect(register.platforms).toHaveLength(SMALL.platformCount)
    expect(register.platformParticipants).toHaveLength(SMALL.platformCount)
    expect(register.projects).toHaveLength(SMALL.projectCount)
    expect(register.talents).toHaveLength(SMALL.talentCount)
  })

  it('marks every row as synthetic and gives unique ids', () => {
    for (const row of allRows) if (row.source) expect(row.source.kind).toBe('synthetic')
    const ids = allRows.flatMap((r) => ('id' in r ? [r.id as string] : []))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('gives valid, unique credit codes registered in 大冶 for the county scale', () => {
    const codes = register.enterprises.map((e) => e.creditCode)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) {
      const validation = validateCreditCode(code)
      expect(validation.isValid, code).toBe(true)
      expect(code.slice(2, 8)).toBe('420281')
    }
    for (const e of register.enterprises)
      expect(e.regionPath.slice(0, 3)).toEqual(['湖北省', '黄石市', '大冶市'])
  })

  it('names enterprises with unique keys the normaliser reads back, never a reserved 字号', () => {
    const reservedTradeNames = new Set(RESERVED.map((n) => normalizeEnterpriseName(n).tradeName))
    const keys = new Set<string>()
    for (const e of register.enterprises) {
      const normalized = normalizeEnterpriseName(e.name)
      expect(normalized.key).toBe(e.nameKey)
      expect(reservedTradeNames.has(normalized.tradeName), e.name).toBe(false)
      expect(keys.has(e.nameKey)).toBe(false)
      keys.add(e.nameKey)
      expect(e.canonicalId).toBe(e.id)
    }
  })

  it('has a GB/T 4754 code for every industry word of the name vocabulary', () => {
    for (const [word] of SYNTHETIC_INDUSTRIES) expect(SYNTHETIC_INDUSTRY_CODES[word], word).toBeDefined()
    for (const e of register.enterprises) expect(e.industryCode).toMatch(/^([A-T]|\d{2,4})$/)
  })

  it('keeps every year’s figures consistent: parts never exceed their whole', () => {
    for (const y of register.enterpriseYears) {
      expect(y.techStaffCount).toBeLessThanOrEqual(y.employeeCount)
      expect(y.rdStaffCount).toBeLessThanOrEqual(y.techStaffCount)
      expect(y.rdExpenseDomesticWanYuan).toBeLessThanOrEqual(y.rdExpenseWanYuan)
      expect(y.rdExpenseWanYuan).toBeLessThanOrEqual(y.costExpenseTotalWanYuan)
      expect(y.salesRevenueWanYuan).toBeLessThanOrEqual(y.operatingRevenueWanYuan)
      expect(y.operatingRevenueWanYuan).toBeLessThanOrEqual(y.totalIncomeWanYuan)
      expect(y.hiTechRevenueWanYuan).toBeLessThanOrEqual(y.totalIncomeWanYuan)
      expect(y.netAssetsWanYuan).toBeLessThanOrEqual(y.totalAssetsWanYuan)
      expect(y.profitWanYuan).toBeCloseTo(y.totalIncomeWanYuan - y.costExpenseTotalWanYuan, 0)
    }
  })

  it('gives 高企 figures that meet the 高企 thresholds and 科技型中小企业 figures within the size limits', () => {
    const figures = new Map(register.enterpriseYears.map((y) => [`${y.enterpriseId}|${y.year}`, y]))
    const hnte = register.qualifications.filter((q) => q.type === 'hnte')
    expect(hnte.length).toBeGreaterThan(0)
    for (const q of hnte) {
      for (const year of SYNTHETIC_YEARS) {
        const y = figures.get(`${q.enterpriseId}|${year}`)!
        const minimum = y.salesRevenueWanYuan < 5_000 ? 0.05 : y.salesRevenueWanYuan < 20_000 ? 0.04 : 0.03
        expect(y.rdExpenseWanYuan).toBeGreaterThanOrEqual(y.salesRevenueWanYuan * minimum - 0.05)
        expect(y.hiTechRevenueWanYuan).toBeGreaterThanOrEqual(y.totalIncomeWanYuan * 0.6)
        expect(y.techStaffCount).toBeGreaterThanOrEqual(y.employeeCount * 0.1)
      }
    }
    for (const q of register.qualifications.filter((r) => r.type === 'tsme')) {
      const y = figures.get(`${q.enterpriseId}|${q.year}`)!
      expect(y.employeeCount).toBeLessThanOrEqual(500)
      expect(y.salesRevenueWanYuan).toBeLessThanOrEqual(20_000)
      expect(y.totalAssetsWanYuan).toBeLessThanOrEqual(20_000)
    }
    for (const q of register.qualifications.filter((r) => r.type === 'above_scale')) {
      expect(figures.get(`${q.enterpriseId}|${q.year}`)!.operatingRevenueWanYuan).toBeGreaterThanOrEqual(
        2_000,
      )
    }
  })

  it('gives qualifications validity periods and unique numbers in the official formats', () => {
    const types = new Set(register.qualifications.map((q) => q.type))
    for (const type of ['tsme', 'hnte', 'above_scale', 'specialized']) expect(types).toContain(type)
    const numbered = register.qualifications.filter((q) => q.number !== null)
    expect(new Set(numbered.map((q) => `${q.type}|${q.number}`)).size).toBe(numbered.length)
    const founded = new Map(register.enterprises.map((e) => [e.id, Number(e.foundedOn.slice(0, 4))]))
    for (const q of register.qualifications) {
      expect(q.validFrom < q.validTo, q.id).toBe(true)
      expect(q.year).toBeGreaterThanOrEqual(founded.get(q.enterpriseId)!)
      if (q.type === 'hnte') expect(q.number).toMatch(/^GR20\d{2}42\d{6}$/)
      if (q.type === 'tsme') expect(q.number).toMatch(/^20\d{2}420281\d{8}$/)
    }
    // Shares a county register shows: a few per cent 科技型中小企业 and 规上, about one per cent 高企.
    const holders = (type: string) =>
      new Set(register.qualifications.filter((q) => q.type === type).map((q) => q.enterpriseId)).size /
      SMALL.enterpriseCount
    expect(holders('hnte')).toBeGreaterThan(0.005)
    expect(holders('hnte')).toBeLessThan(0.04)
    expect(holders('tsme')).toBeGreaterThan(holders('hnte'))
    expect(holders('above_scale')).toBeGreaterThan(0.01)
    expect(holders('above_scale')).toBeLessThan(0.15)
  })

  it('computes the patent application check character of published numbers', () => {
    // 201710601862.3 (12-digit form since 2003) and ZL95115608.X (8-digit form, remainder 10 → X).
    expect(patentApplicationCheckCharacter('201710601862')).toBe('3')
    expect(patentApplicationCheckCharacter('95115608')).toBe('X')
  })

  it('gives IP its class, unique numbers with a correct check character and dates that fit the status', () => {
    const numbers = new Set(register.intellectualProperty.map((ip) => `${ip.type}|${ip.number}`))
    expect(numbers.size).toBe(register.intellectualProperty.length)
    const types = new Set(register.intellectualProperty.map((ip) => ip.type))
    expect([...types].sort()).toEqual(['design', 'invention', 'softwareCopyright', 'utilityModel'])
    for (const ip of register.intellectualProperty) {
      expect(ip.ipClass).toBe(ipClassOf(ip.type))
      if (ip.type !== 'softwareCopyright') {
        const match = /^(ZL)?(\d{12})\.([\dX])$/.exec(ip.number)!
        expect(match, ip.number).not.toBeNull()
        expect(match[3]).toBe(patentApplicationCheckCharacter(match[2]!))
        expect(match[1] === 'ZL').toBe(ip.grantedOn !== null)
      }
      expect(ip.appliedOn <= SYNTHETIC_REFERENCE_DATE).toBe(true)
      if (ip.legalStatus === 'granted') {
        expect(ip.grantedOn! > ip.appliedOn).toBe(true)
        expect(ip.expiresOn! > SYNTHETIC_REFERENCE_DATE).toBe(true)
      }
      if (ip.legalStatus === 'pending') expect(ip.grantedOn).toBeNull()
    }
    const statuses = new Set(register.intellectualProperty.map((ip) => ip.legalStatus))
    expect([...statuses].sort()).toEqual(['expired', 'granted', 'invalid', 'pending'])
  })

  it('links every platform, project and talent to a generated enterprise', () => {
    const ids = new Set(register.enterprises.map((e) => e.id))
    for (const row of [...register.platformParticipants, ...register.projects, ...register.talents])
      expect(ids.has(row.enterpriseId)).toBe(true)
    const platformIds = new Set(register.platforms.map((p) => p.id))
    for (const p of register.platformParticipants) expect(platformIds.has(p.platformId)).toBe(true)
    for (const p of register.platforms) {
      if (p.status === 'built') expect(p.targetLevel).toBeNull()
      else expect(p.targetLevel).not.toBeNull()
    }
    for (const p of register.projects) expect(p.startedOn < p.endedOn).toBe(true)
  })

  it('spreads the province scale over Hubei’s counties with codes of their city', () => {
    const province = collect(
      {
        ...SYNTHETIC_SCALES.province,
        enterpriseCount: 2_000,
        ipCount: 1_000,
        platformCount: 10,
        projectCount: 10,
        talentCount: 10,
      },
      3,
    )
    const cities = new Set(province.enterprises.map((e) => e.regionPath[1]))
    expect(cities.size).toBeGreaterThan(10)
    for (const e of province.enterprises) {
      expect(e.regionPath[0]).toBe('湖北省')
      expect(e.creditCode.slice(2, 8)).toBe(e.regionCode)
      expect(e.regionCode.startsWith('42')).toBe(true)
    }
  })
})
