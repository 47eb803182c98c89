import type { EnterpriseIndex } from './enterprise-index'
import {
  INDUSTRY_LEVELS,
  LEGAL_REPRESENTATIVE_LEVELS,
  type LinkingModel,
  TRADE_NAME_LEVELS,
} from './linking-model'
import { type PreparedEnterprise, prepareIncomingRecord } from './prepared-record'
import type { IncomingEnterpriseRecord } from './registers.schemas'
import {
  compareCandidate,
  createRecordScoring,
  compareIndustries,
  compareLegalRepresentatives,
  compareTradeNames,
} from './compare-candidate'
import { createSeededRandom } from './seeded-random'

/**
 * Estimating the model from data, as splink does: u from random pairs of the register (almost all non-matches),
 * m from labelled pairs (records whose enterprise a reviewer or a benchmark knows).
 */

export interface EstimateUOptions {
  /** Random pairs per sample; rare levels (one_edit ≈ 1e-5) need around a million. */
  pairs?: number
  seed?: number
}

export const DEFAULT_U_SAMPLE_PAIRS = 1_000_000

function counter<K extends string>(levels: readonly K[]): Record<K, number> {
  return Object.fromEntries(levels.map((level) => [level, 0])) as Record<K, number>
}

/** count / total, with a level never seen taken as half a count: rarer than one in `total`, never zero. */
function share(count: number, total: number): number {
  return Math.max(count, 0.5) / Math.max(total, 1)
}

interface PairCounts {
  pairs: number
  tradeName: Record<(typeof TRADE_NAME_LEVELS)[number], number>
  industry: Record<(typeof INDUSTRY_LEVELS)[number], number>
  person: Record<(typeof LEGAL_REPRESENTATIVE_LEVELS)[number], number>
  branchDifferent: number
}

function countPairs(pairs: Iterable<[PreparedEnterprise, PreparedEnterprise]>): PairCounts {
  const counts: PairCounts = {
    pairs: 0,
    tradeName: counter(TRADE_NAME_LEVELS),
    industry: counter(INDUSTRY_LEVELS),
    person: counter(LEGAL_REPRESENTATIVE_LEVELS),
    branchDifferent: 0,
  }
  for (const [a, b] of pairs) {
    const nameA = a.names[0]!
    const nameB = b.names[0]!
    counts.pairs++
    counts.tradeName[compareTradeNames(nameA.tradeName, nameB.tradeName)]++
    counts.industry[compareIndustries(nameA, nameB)]++
    counts.person[compareLegalRepresentatives(a.legalRepresentative, b.legalRepresentative)]++
    if (nameA.isBranch !== nameB.isBranch) counts.branchDifferent++
  }
  return counts
}

/**
 * u of the fuzzy levels from random pairs of the register (splink's estimate_u_using_random_sampling), with one
 * refinement: names cluster locally (a county holds 宏泰铝业 and 宏泰建材, 华鑫 beside 华新), and records are
 * decided against their neighbours, so the name levels are measured among pairs of the same county, where that
 * clustering shows. `exactMinimum` is how much more often neighbours share a 字号 than random pairs do — the part of
 * a 字号's rarity that its register-wide term frequency overstates. Registered names are compared; 行业 and
 * 法定代表人 shares are among pairs where both have one, as their m values are. Deterministic for a seed.
 */
export function estimateUProbabilities(index: EnterpriseIndex, options: EstimateUOptions = {}): LinkingModel {
  const { enterprises, model } = index
  if (enterprises.length < 2) return model
  const pairs = options.pairs ?? DEFAULT_U_SAMPLE_PAIRS
  const random = createSeededRandom(options.seed ?? 1)
  const byRegion = new Map<string, number[]>()
  enterprises.forEach((enterprise, position) => {
    if (enterprise.regionCode === null) return
    const list = byRegion.get(enterprise.regionCode) ?? []
    list.push(position)
    byRegion.set(enterprise.regionCode, list)
  })

  function* randomPairs(): Generator<[PreparedEnterprise, PreparedEnterprise]> {
    for (let k = 0; k < pairs; k++) {
      const i = random.int(enterprises.length)
      let j = random.int(enterprises.length - 1)
      if (j >= i) j++
      yield [enterprises[i]!, enterprises[j]!]
    }
  }
  function* neighbourPairs(): Generator<[PreparedEnterprise, PreparedEnterprise]> {
    for (let k = 0; k < pairs; k++) {
      const a = enterprises[random.int(enterprises.length)]!
      const neighbours = a.regionCode === null ? undefined : byRegion.get(a.regionCode)
      if (!neighbours || neighbours.length < 2) continue
      const b = enterprises[neighbours[random.int(neighbours.length)]!]!
      if (b !== a) yield [a, b]
    }
  }
  const everywhere = countPairs(randomPairs())
  const near = countPairs(neighbourPairs())
  const withIndustry = everywhere.pairs - everywhere.industry.missing
  const withPerson = everywhere.pairs - everywhere.person.missing
  const excessSameTradeName =
    near.tradeName.exact / near.pairs - everywhere.tradeName.exact / everywhere.pairs
  return {
    ...model,
    u: {
      ...model.u,
      tradeName: {
        exactMinimum: Math.max(excessSameTradeName, share(0, near.pairs)),
        one_edit: share(near.tradeName.one_edit, near.pairs),
        abbreviation: share(near.tradeName.abbreviation, near.pairs),
        similar: share(near.tradeName.similar, near.pairs),
        different: share(near.tradeName.different, near.pairs),
      },
      industry: {
        related: share(everywhere.industry.related, withIndustry),
        different: share(everywhere.industry.different, withIndustry),
      },
      legalRepresentative: {
        similar: share(everywhere.person.similar, withPerson),
        different: share(everywhere.person.different, withPerson),
      },
      branch: {
        same: share(everywhere.pairs - everywhere.branchDifferent, everywhere.pairs),
        different: share(everywhere.branchDifferent, everywhere.pairs),
      },
    },
  }
}

export interface LabelledPair {
  record: IncomingEnterpriseRecord
  enterpriseId: string
}

/**
 * m of every level from labelled pairs (splink's estimate_m_from_label_column): the share of true pairs at each
 * level, among pairs where the field is present on both sides. The names compared are the best pair under the
 * current model, as in scoring. Pairs whose enterprise is not in the index are skipped.
 */
export function estimateMProbabilities(index: EnterpriseIndex, pairs: readonly LabelledPair[]): LinkingModel {
  const positions = new Map(index.enterprises.map((enterprise, position) => [enterprise.id, position]))
  const levels = new Map<string, number>()
  const present = new Map<string, number>()
  const add = (field: string, level: string) => {
    levels.set(`${field}|${level}`, (levels.get(`${field}|${level}`) ?? 0) + 1)
    present.set(field, (present.get(field) ?? 0) + 1)
  }
  for (const { record, enterpriseId } of pairs) {
    const position = positions.get(enterpriseId)
    if (position === undefined) continue
    const prepared = prepareIncomingRecord(record)
    const enterprise = index.enterprises[position]!
    const comparison = compareCandidate(index, createRecordScoring(index, prepared), enterprise, position)
    add('tradeName', comparison.tradeName)
    add('branch', comparison.branch)
    if (comparison.industry !== 'missing') add('industry', comparison.industry)
    if (comparison.region !== 'unknown') add('region', comparison.region)
    if (comparison.legalRepresentative !== 'missing')
      add('legalRepresentative', comparison.legalRepresentative)
    if (prepared.creditCode !== null && enterprise.creditCode !== null) {
      add('creditCode', prepared.creditCode === enterprise.creditCode ? 'same' : 'different')
    }
  }
  const m = (field: string, level: string) =>
    share(levels.get(`${field}|${level}`) ?? 0, present.get(field) ?? 0)
  const { model } = index
  return {
    ...model,
    m: {
      tradeName: {
        exact: m('tradeName', 'exact'),
        one_edit: m('tradeName', 'one_edit'),
        abbreviation: m('tradeName', 'abbreviation'),
        similar: m('tradeName', 'similar'),
        different: m('tradeName', 'different'),
      },
      industry: {
        exact: m('industry', 'exact'),
        related: m('industry', 'related'),
        different: m('industry', 'different'),
      },
      region: {
        same_county: m('region', 'same_county'),
        within_city: m('region', 'within_city'),
        same_city: m('region', 'same_city'),
        same_province: m('region', 'same_province'),
        different_province: m('region', 'different_province'),
      },
      legalRepresentative: {
        exact: m('legalRepresentative', 'exact'),
        similar: m('legalRepresentative', 'similar'),
        different: m('legalRepresentative', 'different'),
      },
      branch: { same: m('branch', 'same'), different: m('branch', 'different') },
      creditCodeDifferent: m('creditCode', 'different'),
    },
  }
}
