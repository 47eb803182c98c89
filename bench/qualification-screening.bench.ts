import {
  evaluateQualification,
  evaluateValidated,
  HNTE_SCORE_ITEMS,
  type HnteExpertScores,
  type HnteInput,
  type HnteScoreItem,
  type HnteIpItem,
  rankNearlyQualified,
  type ScreenedVerdict,
  type TsmeInput,
  validateQualificationInput,
  type Verdict,
} from '@kechuang/core/qualification'
import { availableParallelism, loadavg } from 'node:os'
import { createSeededRandom, type SeededRandom } from '../packages/core/src/registers/seeded-random'

// M3 Performance: screening 100 000 enterprises with three years of figures each against both rule sets
// (tsme-2022 on the latest year, hnte-2016 on all three) in the core, under 5 s — evaluation and the full trace
// included. A screening reads files that were validated when they were entered, so it evaluates them with
// `evaluateValidated`; validating all of them (`validateQualificationInput`, what `evaluateQualification` adds)
// is timed and printed separately. Deterministic SYNTHETIC enterprises: sizes from micro to just over the TSME
// limits, R&D from none to 10 % of sales, some negative net assets, some missing figures, IP lists of every kind.
// A quarter of the 高企 files carry expert scores inside their bands (drawn with one evaluation while generating),
// so every verdict kind occurs. `npx tsx bench/qualification-screening.bench.ts [--enterprises=100000] [--seed=1]`

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`))
  return arg ? Number(arg.slice(name.length + 3)) : fallback
}

const ENTERPRISES = option('enterprises', 100_000)
const SEED = option('seed', 1)
const TARGET_SECONDS = 5
const WARM_UP_ENTERPRISES = 2_000
const YEARS = [2022, 2023, 2024] as const
/** Share of 高企 files that already carry expert scores (the others are pre-assessed on data alone). */
const EXPERT_SCORED_SHARE = 0.25
const IP_TYPES = ['invention', 'utilityModel', 'design', 'softwareCopyright', 'trademark'] as const

/** A money figure in 万元 with two decimals. */
function wanYuan(value: number): number {
  return Math.round(value * 100) / 100
}

function maybeMissing<T>(random: SeededRandom, value: T): T | null {
  return random.chance(0.02) ? null : value
}

interface SyntheticEnterprise {
  tsme: TsmeInput
  hnte: HnteInput
}

function makeEnterprise(random: SeededRandom): SyntheticEnterprise {
  const employeeCount = 5 + random.int(560)
  const techStaffCount = Math.floor(employeeCount * random.next() * 0.5)
  const baseSales = 50 * Math.exp(random.next() * 6.2) // about 50 … 25 000 万元
  const growth = 0.8 + random.next() * 0.7
  const rdShare = random.next() * 0.1
  const sales = YEARS.map((_, i) => wanYuan(baseSales * growth ** i))
  const rd = sales.map((s) => wanYuan(s * rdShare * (0.8 + random.next() * 0.4)))
  const domestic = rd.map((r) => wanYuan(r * (0.5 + random.next() * 0.5)))
  const netAssetsBase = baseSales * (random.chance(0.03) ? -0.2 : 0.3 + random.next())
  const netAssets = YEARS.map((_, i) => wanYuan(netAssetsBase * (0.9 + random.next() * 0.5) ** i))
  const latest = sales[2]!
  const totalIncome = wanYuan(latest * (1 + random.next() * 0.1))
  const ipCount = random.int(7)
  const ipTypes = Array.from({ length: ipCount }, () => random.pick(IP_TYPES))
  const tsmeIp: TsmeInput['ipList'] = ipTypes.map((type) => ({
    type,
    valid: random.chance(0.95),
    relatedToMainProducts: random.chance(0.9),
    disputed: random.chance(0.03),
  }))
  const hnteIp: HnteIpItem[] = ipTypes.map((type) => ({
    type,
    status: random.chance(0.9) ? 'granted' : 'pending',
    ownedByApplicant: random.chance(0.97),
    acquisition: random.chance(0.85) ? 'self-developed' : 'transfer',
    usedInPriorHnteApplication: random.chance(0.1),
  }))

  const tsme: TsmeInput = {
    evaluationDate: '2025-05-10',
    dataYear: 2024,
    residentEnterprise: true,
    accountingSound: random.chance(0.97),
    taxCollectionMethod: random.chance(0.95) ? 'audit' : 'deemed',
    employeeCount,
    techStaffCount,
    salesRevenueWanYuan: latest,
    totalAssetsWanYuan: maybeMissing(random, wanYuan(baseSales * (0.5 + random.next()))),
    rdExpenseWanYuan: rd[2],
    costExpenseTotalWanYuan: maybeMissing(random, wanYuan(latest * (0.6 + random.next() * 0.35))),
    industryRestrictedOrEliminated: random.chance(0.02),
    industryExcludedFromRdSuperDeduction: random.chance(0.05),
    majorIncidentOrMisconduct: false,
    onAbnormalOrSeriousDishonestList: random.chance(0.01),
    ipList: maybeMissing(random, tsmeIp),
    hnteCertificates: random.chance(0.1) ? [{ issueDate: '2023-11-20' }] : [],
  }
  const hnte: HnteInput = {
    applicationDate: '2025-07-01',
    registrationDate: `20${String(10 + random.int(12)).padStart(2, '0')}-0${1 + random.int(9)}-15`,
    residentEnterprise: true,
    fiscalYears: YEARS.map((year, i) => ({
      year,
      salesRevenueWanYuan: sales[i],
      rdExpenseWanYuan: rd[i],
      rdExpenseDomesticWanYuan: domestic[i],
      netAssetsYearEndWanYuan: maybeMissing(random, netAssets[i]),
      ...(i === 2
        ? {
            totalIncomeWanYuan: totalIncome,
            hiTechRevenueWanYuan: wanYuan(totalIncome * (0.3 + random.next() * 0.7)),
            employeeCount,
            techStaffCount,
          }
        : {}),
    })),
    ipList: hnteIp,
    coreIpSupportConfirmed: random.chance(0.7) ? true : null,
    techDomainConfirmed: random.chance(0.8) ? true : null,
    majorIncidentWithinYear: false,
    transformationCount3y: random.int(20),
    participatedStandards: random.chance(0.2),
  }
  if (random.chance(EXPERT_SCORED_SHARE)) hnte.expertScores = expertScoresWithinBands(random, hnte)
  return { tsme, hnte }
}

/** Expert scores as a review panel would give them: an integer inside each item's band (§3.4.1). */
function expertScoresWithinBands(random: SeededRandom, hnte: HnteInput): HnteExpertScores {
  const scores: HnteExpertScores = {}
  for (const item of evaluateQualification('hnte-2016', hnte).indicators) {
    if (!Object.hasOwn(HNTE_SCORE_ITEMS, item.id)) continue
    // Panels tend to the upper half of a band.
    const { min, max } = item.band
    scores[item.id as HnteScoreItem] = max - random.int(Math.floor((max - min) / 2) + 1)
  }
  return scores
}

/** Running counts of one rule set's verdicts; full traces are not kept, as a screening of 100k would not. */
function createTally() {
  const counts = { qualified: 0, notQualified: 0, needsReview: 0 }
  const failures = new Map<string, number>()
  return {
    add(verdict: Verdict) {
      if (verdict.qualified === true) counts.qualified++
      else if (verdict.qualified === false) counts.notQualified++
      else counts.needsReview++
      for (const id of verdict.failedConditions) failures.set(id, (failures.get(id) ?? 0) + 1)
    },
    print(label: string) {
      const total = counts.qualified + counts.notQualified + counts.needsReview
      const share = (n: number) => `${((100 * n) / total).toFixed(1)}%`
      console.log(
        `${label}: 符合 ${counts.qualified} (${share(counts.qualified)}) · 不符合 ${counts.notQualified} (${share(counts.notQualified)}) · 需复核 ${counts.needsReview} (${share(counts.needsReview)})`,
      )
      const top = [...failures].sort((a, b) => b[1] - a[1]).slice(0, 4)
      console.log(`  most failed: ${top.map(([id, n]) => `${id} ${n}`).join(', ')}`)
    },
  }
}

/** What the 后备库 ranking needs of a verdict that is not (yet) qualified. */
function screened(verdict: Verdict): ScreenedVerdict {
  return {
    ruleSet: verdict.ruleSet,
    qualified: verdict.qualified,
    scoreBand: verdict.scoreBand,
    failedConditions: verdict.failedConditions,
    reviewConditions: verdict.reviewConditions,
    conditions: verdict.conditions.filter((c) => c.status === 'fail'),
  }
}

const random = createSeededRandom(SEED)
let started = performance.now()
const enterprises = Array.from({ length: ENTERPRISES }, () => makeEnterprise(random))
console.log(
  `generated ${ENTERPRISES} synthetic enterprises × ${YEARS.length} fiscal years (seed ${SEED}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

/** Wall and CPU seconds since `start`. */
function elapsed(start: { wall: number; cpu: NodeJS.CpuUsage }) {
  const cpu = process.cpuUsage(start.cpu)
  return { wall: (performance.now() - start.wall) / 1000, cpu: (cpu.user + cpu.system) / 1e6 }
}
function startClock() {
  return { wall: performance.now(), cpu: process.cpuUsage() }
}
function validated<Id extends 'tsme-2022' | 'hnte-2016'>(ruleSetId: Id, input: unknown) {
  const validation = validateQualificationInput(ruleSetId, input)
  if (!validation.success)
    throw new Error(`synthetic ${ruleSetId} input rejected: ${validation.issues[0]!.message}`)
  return validation.input
}

// Warm-up as in the other benchmarks: the JIT compiles the engine on a few thousand files first (a screening service
// is warm); the timed runs then validate and evaluate every enterprise once.
for (let i = 0; i < Math.min(WARM_UP_ENTERPRISES, ENTERPRISES); i++) {
  evaluateQualification('tsme-2022', enterprises[i]!.tsme)
  evaluateQualification('hnte-2016', enterprises[i]!.hnte)
}

// Validation: what `evaluateQualification` does before evaluating; a screening of stored files does not repeat it.
let clock = startClock()
const inputs = enterprises.map((e) => ({
  tsme: validated('tsme-2022', e.tsme),
  hnte: validated('hnte-2016', e.hnte),
}))
const validation = elapsed(clock)
// A screening holds the validated files only, not the raw ones as well.
enterprises.length = 0

clock = startClock()
const tsmeTally = createTally()
const hnteTally = createTally()
const tsmeCandidates: { key: number; verdict: ScreenedVerdict }[] = []
let tsmeMs = 0
for (let i = 0; i < ENTERPRISES; i++) {
  const t0 = performance.now()
  const tsme = evaluateValidated('tsme-2022', inputs[i]!.tsme)
  const t1 = performance.now()
  const hnte = evaluateValidated('hnte-2016', inputs[i]!.hnte)
  tsmeMs += t1 - t0
  tsmeTally.add(tsme)
  hnteTally.add(hnte)
  if (tsme.qualified !== true) tsmeCandidates.push({ key: i, verdict: screened(tsme) })
}
const screening = elapsed(clock)
const seconds = screening.wall
const hnteSeconds = seconds - tsmeMs / 1000

console.log(
  `screened ${ENTERPRISES} enterprises against tsme-2022 and hnte-2016 (${2 * ENTERPRISES} verdicts with full trace) in ${seconds.toFixed(2)} s — ${Math.round(ENTERPRISES / seconds)} enterprises/s, ${Math.round((2 * ENTERPRISES) / seconds)} verdicts/s (tsme ${(tsmeMs / 1000).toFixed(2)} s, hnte ${hnteSeconds.toFixed(2)} s); target < ${TARGET_SECONDS} s: ${seconds < TARGET_SECONDS ? 'met' : 'NOT met'}`,
)
// On a shared machine wall time includes waiting for a CPU; the process's own CPU time shows the work.
console.log(
  `CPU time of the screening: ${screening.cpu.toFixed(2)} s (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs)`,
)
console.log(
  `validation of the same ${2 * ENTERPRISES} inputs (done once when a file is entered): ${validation.wall.toFixed(2)} s wall, ${validation.cpu.toFixed(2)} s CPU; validation + screening ${(validation.wall + screening.wall).toFixed(2)} s wall, ${(validation.cpu + screening.cpu).toFixed(2)} s CPU`,
)
tsmeTally.print('tsme-2022')
hnteTally.print('hnte-2016')

started = performance.now()
const nearly = rankNearlyQualified(tsmeCandidates)
console.log(
  `rankNearlyQualified (tsme-2022): ${nearly.length} of ${tsmeCandidates.length} not-qualified enterprises ranked in ${(performance.now() - started).toFixed(0)} ms`,
)
for (const entry of [nearly[0], nearly.find((e) => e.gaps.length > 0)]) {
  if (entry === undefined) continue
  const open = entry.reviewConditions.length > 0 ? ` open: ${entry.reviewConditions.join(', ')}` : ''
  const gaps = entry.gaps.map((g) => `${g.conditionId} ${g.gap.text}`).join('; ')
  console.log(`  #${entry.rank}: enterprise ${entry.key}${open}${gaps === '' ? '' : ` gaps: ${gaps}`}`)
}
if (seconds >= TARGET_SECONDS) process.exitCode = 1
