import {
  DEFAULT_LINKING_MODEL,
  type EnterpriseIndex,
  type LinkDecision,
  type LinkingModel,
  MATCH_VARIANTS,
  NON_MATCH_VARIANTS,
  type SyntheticVariant,
  createEnterpriseIndex,
  estimateMProbabilities,
  estimateUProbabilities,
  generateLinkingBenchmark,
  linkEnterpriseRecord,
  withLinkingModel,
} from '@kechuang/core/registers'

// Linking incoming records against the enterprise register (issue 4, Performance): precision and recall of
// automatic links on a labelled SYNTHETIC set, the size of the review queue, and the time to link.
// Sizes default to the (500 000 enterprises, 100 000 records); override with
// `npx tsx bench/registers-linking.bench.ts --enterprises=50000 --records=10000 [--seed=1] [--estimate-m]`.
// --estimate-m also estimates m from a separate labelled training set (seed + 1) and prints it beside the
// model's m, without using it.

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`))
  return arg ? Number(arg.slice(name.length + 3)) : fallback
}

const ENTERPRISES = option('enterprises', 500_000)
const RECORDS = option('records', 100_000)
const SEED = option('seed', 1)
const U_SAMPLE_PAIRS = 300_000

function seconds(from: number): string {
  return `${((performance.now() - from) / 1000).toFixed(1)} s`
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? '—' : (part / whole).toFixed(4)
}

let started = performance.now()
const { enterprises, records } = generateLinkingBenchmark({
  enterpriseCount: ENTERPRISES,
  recordCount: RECORDS,
  seed: SEED,
})
const matchCount = records.filter((r) => r.enterpriseId !== null).length
console.log(
  `data (SYNTHETIC, seed ${SEED}): ${enterprises.length} enterprises ` +
    `(${enterprises.filter((e) => e.creditCode).length} with a credit code, ` +
    `${enterprises.filter((e) => e.aliases?.length).length} with a 简称, ` +
    `${enterprises.filter((e) => e.formerNames?.length).length} with a 曾用名); ` +
    `${records.length} records (${matchCount} name an enterprise of the register, ${records.length - matchCount} look-alikes); ` +
    `generated in ${seconds(started)}`,
)

started = performance.now()
const linkingStarted = started
let index: EnterpriseIndex = createEnterpriseIndex(enterprises)
const indexTime = seconds(started)
started = performance.now()
index = withLinkingModel(index, estimateUProbabilities(index, { pairs: U_SAMPLE_PAIRS, seed: SEED }))
const estimateTime = seconds(started)
started = performance.now()
const decisions: LinkDecision[] = records.map(({ record }) => linkEnterpriseRecord(index, record))
const linkTime = seconds(started)
const totalTime = seconds(linkingStarted)
const rssMiB = process.memoryUsage().rss / 2 ** 20

console.log(
  `time: index ${indexTime} + u estimation ${estimateTime} (${U_SAMPLE_PAIRS} pairs ×2) + linking ${linkTime} ` +
    `= ${totalTime} for ${records.length} records against ${enterprises.length} enterprises ` +
    `(Node ${process.version}, RSS ${rssMiB.toFixed(0)} MiB)`,
)

interface Tally {
  records: number
  linkedRight: number
  linkedWrong: number
  review: number
  reviewWithTruth: number
  noMatch: number
}
const emptyTally = (): Tally => ({
  records: 0,
  linkedRight: 0,
  linkedWrong: 0,
  review: 0,
  reviewWithTruth: 0,
  noMatch: 0,
})
const byVariant = new Map<SyntheticVariant, Tally>()
const byMethod = new Map<string, { right: number; wrong: number }>()
const all = emptyTally()
records.forEach(({ enterpriseId, variant }, i) => {
  const decision = decisions[i]!
  const tally = byVariant.get(variant) ?? emptyTally()
  byVariant.set(variant, tally)
  for (const t of [tally, all]) {
    t.records++
    if (decision.outcome === 'linked') {
      if (decision.enterpriseId === enterpriseId) t.linkedRight++
      else t.linkedWrong++
    } else if (decision.outcome === 'review') {
      t.review++
      if (decision.candidates.some((c) => c.enterpriseId === enterpriseId)) t.reviewWithTruth++
    } else t.noMatch++
  }
  if (decision.outcome === 'linked') {
    const method = byMethod.get(decision.method!) ?? { right: 0, wrong: 0 }
    byMethod.set(decision.method!, method)
    if (decision.enterpriseId === enterpriseId) method.right++
    else method.wrong++
  }
})

const autoLinks = all.linkedRight + all.linkedWrong
const matchesQueued = records.filter(
  (r, i) => r.enterpriseId !== null && decisions[i]!.outcome === 'review',
).length
const matchesMissed = records.filter(
  (r, i) => r.enterpriseId !== null && decisions[i]!.outcome === 'no_match',
).length
console.log(
  `auto-links: ${autoLinks}, precision ${ratio(all.linkedRight, autoLinks)} (target ≥ 0.99), ` +
    `recall ${ratio(all.linkedRight, matchCount)} (target ≥ 0.95), wrong links ${all.linkedWrong}`,
)
for (const [method, { right, wrong }] of byMethod) {
  console.log(`  by ${method.padEnd(13)}: ${right + wrong} links, precision ${ratio(right, right + wrong)}`)
}
console.log(
  `review queue: ${all.review} records (${ratio(all.review, records.length)} of all); ` +
    `${matchesQueued} of them name an enterprise of the register, which is among the candidates shown for ` +
    `${all.reviewWithTruth}; no match: ${all.noMatch} records, ${matchesMissed} of which do name an enterprise`,
)

console.log('\nvariant                          records   linked ✓  linked ✗   review  no match')
for (const variant of [...MATCH_VARIANTS, ...NON_MATCH_VARIANTS]) {
  const t = byVariant.get(variant)
  if (!t) continue
  const cells = [t.records, t.linkedRight, t.linkedWrong, t.review, t.noMatch].map((n) =>
    String(n).padStart(9),
  )
  console.log(`${variant.padEnd(30)}${cells.join('')}`)
}

function describeU(model: LinkingModel): string {
  const u = model.u
  return (
    `字号 exact≥${u.tradeName.exactMinimum.toExponential(1)} one_edit ${u.tradeName.one_edit.toExponential(1)} ` +
    `abbreviation ${u.tradeName.abbreviation.toExponential(1)} similar ${u.tradeName.similar.toExponential(1)}; ` +
    `行业 related ${u.industry.related.toFixed(3)} different ${u.industry.different.toFixed(3)}; ` +
    `法定代表人 similar ${u.legalRepresentative.similar.toExponential(1)}`
  )
}
console.log(
  `\nmodel: thresholds auto-link ≥ ${index.model.autoLinkProbability}, review ≥ ${index.model.reviewProbability}; ` +
    `prior match rate ${index.model.expectedMatchRate}; u estimated from the register: ${describeU(index.model)}`,
)

if (process.argv.includes('--estimate-m')) {
  // m from labelled pairs of a separate training set, printed beside the model's m (not used for the figures).
  const training = generateLinkingBenchmark({
    enterpriseCount: ENTERPRISES,
    recordCount: RECORDS,
    seed: SEED + 1,
  })
  const trainingIndex = createEnterpriseIndex(training.enterprises)
  const labelled = training.records.flatMap((r) =>
    r.enterpriseId ? [{ record: r.record, enterpriseId: r.enterpriseId }] : [],
  )
  const estimated = estimateMProbabilities(trainingIndex, labelled).m
  const rounded = (m: object) =>
    JSON.stringify(m, (_, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(3)) : v))
  console.log(`m of the model:           ${rounded(DEFAULT_LINKING_MODEL.m)}`)
  console.log(`m from training labels:   ${rounded(estimated)}`)
}
