import { describe, expect, it } from 'vitest'
import { createEnterpriseIndex } from './enterprise-index'
import { estimateMProbabilities, estimateUProbabilities } from './estimate-model-parameters'
import { generateLinkingBenchmark } from './synthetic/generate-linking-benchmark'

const { enterprises, records } = generateLinkingBenchmark({
  enterpriseCount: 2000,
  recordCount: 600,
  seed: 5,
})
const index = createEnterpriseIndex(enterprises)

describe('estimating the model', () => {
  it('estimates u from random pairs, the same for a seed, all shares in (0, 1)', () => {
    const model = estimateUProbabilities(index, { pairs: 20_000, seed: 3 })
    expect(estimateUProbabilities(index, { pairs: 20_000, seed: 3 })).toEqual(model)
    for (const value of Object.values(model.u.tradeName)) {
      expect(value).toBeGreaterThan(0)
      expect(value).toBeLessThan(1)
    }
    expect(model.u.tradeName.different).toBeGreaterThan(0.9)
    expect(model.m).toEqual(index.model.m)
  })

  it('estimates m from labelled pairs, summing to one per field', () => {
    const labelled = records.flatMap((r) =>
      r.enterpriseId ? [{ record: r.record, enterpriseId: r.enterpriseId }] : [],
    )
    const { m } = estimateMProbabilities(index, labelled)
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)
    for (const field of [m.tradeName, m.industry, m.region, m.legalRepresentative, m.branch]) {
      expect(sum(field)).toBeGreaterThan(0.99)
      expect(sum(field)).toBeLessThan(1.01)
    }
    expect(m.tradeName.exact).toBeGreaterThan(0.8)
    expect(m.region.same_county).toBeGreaterThan(m.region.different_province)
  })
})
