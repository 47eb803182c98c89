import { describe, expect, it } from 'vitest'
import { validateCreditCode } from '../credit-code'
import { normalizeEnterpriseName } from '../normalize-enterprise-name'
import { CanonicalEnterprise, IncomingEnterpriseRecord } from '../registers.schemas'
import {
  MATCH_VARIANTS,
  NON_MATCH_VARIANTS,
  SYNTHETIC_ID_PREFIX,
  generateLinkingBenchmark,
} from './generate-linking-benchmark'

const benchmark = generateLinkingBenchmark({ enterpriseCount: 3000, recordCount: 1500, seed: 11 })

describe('synthetic linking benchmark', () => {
  it('is the same for the same seed', () => {
    const again = generateLinkingBenchmark({ enterpriseCount: 300, recordCount: 100, seed: 11 })
    expect(generateLinkingBenchmark({ enterpriseCount: 300, recordCount: 100, seed: 11 })).toEqual(again)
  })

  it('marks every enterprise as synthetic and passes the register schema', () => {
    for (const enterprise of benchmark.enterprises) {
      expect(enterprise.id.startsWith(SYNTHETIC_ID_PREFIX)).toBe(true)
      expect(CanonicalEnterprise.safeParse(enterprise).success).toBe(true)
    }
    for (const { record } of benchmark.records)
      expect(IncomingEnterpriseRecord.safeParse(record).success).toBe(true)
  })

  it('gives valid, unique credit codes', () => {
    const codes = benchmark.enterprises.flatMap((e) => (e.creditCode ? [e.creditCode] : []))
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) expect(validateCreditCode(code).isValid).toBe(true)
  })

  it('keeps 字号 + 行业 unique where a name is registered (no two 黄石-placed names alike)', () => {
    const seen = new Set<string>()
    for (const e of benchmark.enterprises) {
      const n = normalizeEnterpriseName(e.name)
      if (n.isBranch) continue
      const slot = `${n.place?.name ?? '湖北省'}|${n.key}`
      expect(seen.has(slot)).toBe(false)
      seen.add(slot)
    }
  })

  it('labels matching records with an enterprise of the register and look-alikes with none', () => {
    const ids = new Set(benchmark.enterprises.map((e) => e.id))
    for (const { enterpriseId, variant } of benchmark.records) {
      if ((MATCH_VARIANTS as readonly string[]).includes(variant)) expect(ids.has(enterpriseId!)).toBe(true)
      if ((NON_MATCH_VARIANTS as readonly string[]).includes(variant)) expect(enterpriseId).toBeNull()
    }
  })

  it('produces every kind of variant', () => {
    const variants = new Set(benchmark.records.map((r) => r.variant))
    for (const variant of [...MATCH_VARIANTS, ...NON_MATCH_VARIANTS]) expect(variants).toContain(variant)
  })
})
