/**
 * The Fellegi–Sunter model of enterprise linking (splink: docs/topic_guides/theory/fellegi_sunter.md). Each field
 * of a record/enterprise pair falls into one ordered comparison level; a level has m = P(level | same enterprise)
 * and u = P(level | different enterprises), and contributes log2(m/u) bits of evidence.
 *
 * Where the u values come from:
 * - exact 字号, exact 行业 and exact 法定代表人: term frequency in the register (u_v = count(v) / N), so a 字号
 *   held by one enterprise weighs far more than 科技 held by a fifth of them;
 * - region levels: the share of the register standing in that relation to the record's own 行政区划 (`regionU`);
 * - the fuzzy levels: `estimateUProbabilities` over random pairs of the register (splink's
 *   estimate_u_using_random_sampling); the defaults below are its output on the synthetic province (500 000
 *   enterprises, seed 1) rounded, for callers that do not estimate.
 * - exact 字号 also has a floor, `exactMinimum` (splink's tf_minimum_u_value), for the look-alikes names breed
 *   locally (宏泰铝业 beside 宏泰建材) that a register-wide frequency cannot see.
 * The m values describe how imported lists write a name they mean (mostly the registered name, sometimes a 简称 or
 * a typo); the register cannot tell them, labelled pairs can (`estimateMProbabilities`, see the defaults).
 */

export const TRADE_NAME_LEVELS = ['exact', 'one_edit', 'abbreviation', 'similar', 'different'] as const
export type TradeNameLevel = (typeof TRADE_NAME_LEVELS)[number]

export const INDUSTRY_LEVELS = ['exact', 'related', 'different', 'missing'] as const
export type IndustryLevel = (typeof INDUSTRY_LEVELS)[number]

export const LEGAL_REPRESENTATIVE_LEVELS = ['exact', 'similar', 'different', 'missing'] as const
export type LegalRepresentativeLevel = (typeof LEGAL_REPRESENTATIVE_LEVELS)[number]

export const BRANCH_LEVELS = ['same', 'different'] as const
export type BranchLevel = (typeof BRANCH_LEVELS)[number]

export interface LinkingModel {
  /**
   * Share of incoming records expected to have their enterprise in the register (0–1). With N enterprises the
   * prior odds that one given enterprise is a record's match, rather than the record having none, are
   * r / ((1 − r) · N).
   */
  expectedMatchRate: number
  /** m per level; `missing` levels carry no evidence and have none. */
  m: {
    tradeName: Record<TradeNameLevel, number>
    industry: Record<Exclude<IndustryLevel, 'missing'>, number>
    region: {
      same_county: number
      within_city: number
      same_city: number
      same_province: number
      different_province: number
    }
    legalRepresentative: Record<Exclude<LegalRepresentativeLevel, 'missing'>, number>
    branch: Record<BranchLevel, number>
    /** Both sides carry a valid credit code and the codes differ (equal codes link before any scoring). */
    creditCodeDifferent: number
  }
  /** u of the levels whose u is not a term frequency or a region share. */
  u: {
    /**
     * `exactMinimum` floors the term-frequency u of an exact 字号 (splink's tf_minimum_u_value): names cluster
     * locally, so even a 字号 held once in the register is shared by a neighbour this often.
     */
    tradeName: Record<Exclude<TradeNameLevel, 'exact'>, number> & { exactMinimum: number }
    industry: Record<'related' | 'different', number>
    legalRepresentative: Record<'similar' | 'different', number>
    branch: Record<BranchLevel, number>
    creditCodeDifferent: number
  }
  /** Link automatically at or above this match probability (after competing candidates are accounted for). */
  autoLinkProbability: number
  /** Queue for review at or above this probability; below it the record has no match. */
  reviewProbability: number
}

/**
 * Defaults. m: estimated from labelled pairs of a training set (`estimateMProbabilities`, synthetic seed 2:
 * 100 000 enterprises, 20 000 records; the benchmark reports on seed 1), rounded, with every level floored at
 * 0.005–0.04 because real lists hold variants the synthetic ones rarely do (a 简称 that drops characters of the
 * 字号, a 行业 written in other words, an enterprise that moved) — a level with m ≈ 0 would veto them outright.
 * u: `estimateUProbabilities` on the synthetic province (500 000 enterprises), rounded. Thresholds: probabilities,
 * not tuned — auto-link when the enterprise is at least 99 % likely, queue from 5 %.
 */
export const DEFAULT_LINKING_MODEL: LinkingModel = {
  expectedMatchRate: 0.8,
  m: {
    tradeName: { exact: 0.94, one_edit: 0.02, abbreviation: 0.01, similar: 0.02, different: 0.01 },
    industry: { exact: 0.95, related: 0.04, different: 0.01 },
    region: {
      same_county: 0.84,
      within_city: 0.12,
      same_city: 0.03,
      same_province: 0.005,
      different_province: 0.005,
    },
    legalRepresentative: { exact: 0.91, similar: 0.01, different: 0.08 },
    branch: { same: 0.995, different: 0.005 },
    creditCodeDifferent: 0.01,
  },
  u: {
    tradeName: { exactMinimum: 6e-5, one_edit: 3e-5, abbreviation: 7e-5, similar: 4e-3, different: 0.995 },
    industry: { related: 0.034, different: 0.94 },
    legalRepresentative: { similar: 7e-4, different: 0.999 },
    branch: { same: 0.945, different: 0.055 },
    creditCodeDifferent: 0.999,
  },
  autoLinkProbability: 0.99,
  reviewProbability: 0.05,
}

/** Match probability of a weight in bits: 2^w / (1 + 2^w), computed without overflow for large |w|. */
export function probabilityOfWeight(weight: number): number {
  return weight >= 0 ? 1 / (1 + 2 ** -weight) : 2 ** weight / (1 + 2 ** weight)
}

/** log2 of the prior odds that a given enterprise is the record's match (see `expectedMatchRate`). */
export function priorWeight(model: LinkingModel, enterpriseCount: number): number {
  const r = model.expectedMatchRate
  return Math.log2(r / ((1 - r) * Math.max(1, enterpriseCount)))
}
