import {
  computeCompositeIndex,
  createIndicatorStatusEvaluator,
  createIndicatorValueCube,
  INDICATOR_STATUSES,
  type CompositeIndexRecipe,
  type CubeEntry,
  type IndicatorStatus,
  type PathModel,
  type StatusIndicator,
  type Target,
} from '@kechuang/core/indicators'
import { percentile } from './measure'

// Issue 3: status and composite index for 200 org units × 60 indicators × 10 years in the core, under 100 ms.
// Deterministic synthetic data shaped like the plans: a 2020 baseline, yearly targets (as Daye prints them) for
// half the indicators and one final target (as Huangshi) for the rest, some lower-is-better, some "＞", some
// 约束性, about 5% of values missing.
const ORG_UNITS = 200
const INDICATORS = 60
const YEARS = Array.from({ length: 10 }, (_, i) => 2021 + i)
const BASELINE_YEAR = 2020
const WARM_UP_RUNS = 5
const MEASURED_RUNS = 25
const TARGET_MS = 100

/** mulberry32: a small seeded generator, so every run times the same data. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface BenchIndicator {
  code: string
  category: string
  definition: StatusIndicator
  pathModel: PathModel
}

function makeIndicators(random: () => number): BenchIndicator[] {
  return Array.from({ length: INDICATORS }, (_, i) => {
    const isLower = i % 10 === 9
    const base = isLower ? 0.3 + random() * 0.2 : 10 + random() * 500
    const yearlyGrowth = isLower ? -0.02 : 0.05 + random() * 0.1
    const targetYears = i % 2 === 0 ? YEARS : [YEARS.at(-1)!]
    const op: Target['op'] = isLower ? '<=' : i % 7 === 0 ? '>' : '>='
    const targets: Target[] = targetYears.map((year) => {
      const value = Number((base * (1 + yearlyGrowth) ** (year - BASELINE_YEAR)).toFixed(2))
      return { year, op, value, valueText: String(value) }
    })
    const value = Number(base.toFixed(2))
    return {
      code: `IND-${String(i + 1).padStart(2, '0')}`,
      category: `类别${(i % 5) + 1}`,
      definition: {
        direction: isLower ? 'lower' : 'higher',
        nature: i % 3 === 0 ? 'binding' : 'expected',
        unit: isLower ? '吨标准煤/万元' : '家',
        baseline: { year: BASELINE_YEAR, value, valueText: String(value), note: null },
        targets,
      },
      pathModel: i % 4 === 1 ? 'constant_growth' : 'linear',
    }
  })
}

/** observations[indicator][orgUnit]: year → value. */
function makeObservations(random: () => number, indicators: BenchIndicator[]): Map<number, number>[][] {
  return indicators.map(({ definition }) => {
    const base = definition.baseline!.value!
    const final = definition.targets.at(-1)!.value!
    // The plan's yearly rate; units move at 40–140% of it, so every status occurs.
    const plannedRate = (final / base) ** (1 / YEARS.length) - 1
    return Array.from({ length: ORG_UNITS }, () => {
      const unitScale = 0.9 + random() * 0.2
      const pace = plannedRate * (0.4 + random())
      const byYear = new Map<number, number>()
      for (const year of YEARS) {
        if (random() < 0.05) continue
        const noise = 0.95 + random() * 0.1
        byYear.set(year, Number((base * unitScale * (1 + pace) ** (year - BASELINE_YEAR) * noise).toFixed(2)))
      }
      return byYear
    })
  })
}

const random = createRandom(20240601)
const indicators = makeIndicators(random)
const orgUnitIds = Array.from({ length: ORG_UNITS }, (_, u) => `unit-${String(u).padStart(3, '0')}`)
const observations = makeObservations(random, indicators)
const entries: CubeEntry[] = indicators.flatMap(({ code }, i) =>
  orgUnitIds.flatMap((orgUnitId, u) =>
    [...observations[i]![u]!].map(([year, value]) => ({ indicatorCode: code, orgUnitId, year, value })),
  ),
)
const recipe: CompositeIndexRecipe = {
  indicators: indicators.map(({ code, category, definition }) => ({
    code,
    category,
    direction: definition.direction,
  })),
  normalisation: { method: 'min_max' },
  weighting: { method: 'entropy' },
  aggregation: 'topsis',
}

function computeAllStatuses(): Record<IndicatorStatus, number> {
  const counts = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, 0])) as Record<IndicatorStatus, number>
  indicators.forEach(({ definition, pathModel }, i) => {
    const evaluate = createIndicatorStatusEvaluator(definition, { pathModel })
    for (const byYear of observations[i]!) {
      for (const year of YEARS) counts[evaluate(byYear, year).status]++
    }
  })
  return counts
}

function computeIndex() {
  const cube = createIndicatorValueCube(
    indicators.map((i) => i.code),
    orgUnitIds,
    YEARS,
    entries,
  )
  return computeCompositeIndex({ recipe, cube, year: YEARS.at(-1)! })
}

function time<T>(run: () => T): { ms: number; result: T } {
  const started = performance.now()
  const result = run()
  return { ms: performance.now() - started, result }
}

for (let run = 0; run < WARM_UP_RUNS; run++) {
  computeAllStatuses()
  computeIndex()
}
const statusMs: number[] = []
const indexMs: number[] = []
const totalMs: number[] = []
let counts: Record<IndicatorStatus, number> | null = null
let leader = ''
for (let run = 0; run < MEASURED_RUNS; run++) {
  const status = time(computeAllStatuses)
  const index = time(computeIndex)
  statusMs.push(status.ms)
  indexMs.push(index.ms)
  totalMs.push(status.ms + index.ms)
  counts = status.result
  leader = index.result.units.find((u) => u.rank === 1)?.orgUnitId ?? ''
}
for (const list of [statusMs, indexMs, totalMs]) list.sort((a, b) => a - b)

const cells = ORG_UNITS * INDICATORS * YEARS.length
const LABEL_WIDTH = 52
const format = (label: string, sorted: number[]) =>
  `${label.padEnd(LABEL_WIDTH)} p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, min ${sorted[0]!.toFixed(1)} ms`
console.log(
  `data: ${ORG_UNITS} org units × ${INDICATORS} indicators × ${YEARS.length} years = ${cells} cells, ${entries.length} values (${cells - entries.length} missing)`,
)
console.log(`runs: ${WARM_UP_RUNS} warm-up, ${MEASURED_RUNS} measured, Node ${process.version}`)
console.log(format(`status of all ${cells} cells:`, statusMs))
console.log(format('composite index (cube, min–max, entropy, TOPSIS):', indexMs))
console.log(format('total:', totalMs))
console.log(`statuses: ${JSON.stringify(counts)}; rank 1: ${leader}`)
const p50 = percentile(totalMs, 50)
console.log(
  `target: total under ${TARGET_MS} ms — ${p50 < TARGET_MS ? 'met' : 'NOT MET'} (p50 ${p50.toFixed(1)} ms)`,
)
if (p50 >= TARGET_MS) process.exitCode = 1
