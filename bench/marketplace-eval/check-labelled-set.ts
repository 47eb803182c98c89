// Validates labelled-set.json (the M5 matcher evaluation set) and prints its counts.
// Run: npx tsx bench/marketplace-eval/check-labelled-set.ts [path]
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const MATURITIES = ['lab', 'small_pilot', 'pilot', 'industrial'] as const
const KINDS = ['same-term', 'synonym', 'different-wording'] as const
const MAX_RELEVANT = 5

const path = process.argv[2] ?? fileURLToPath(new URL('./labelled-set.json', import.meta.url))
const data: unknown = JSON.parse(readFileSync(path, 'utf8'))
const problems: string[] = []

type Row = Record<string, unknown>
const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (row: Row, key: string, where: string): string => {
  const v = row[key]
  if (typeof v !== 'string' || v.trim() === '') {
    problems.push(`${where}: ${key} must be a non-empty string`)
    return ''
  }
  return v
}
const keywords = (row: Row, where: string): void => {
  const v = row.keywords
  if (!Array.isArray(v) || v.length === 0 || v.some((k) => typeof k !== 'string' || k.trim() === '')) {
    problems.push(`${where}: keywords must be a non-empty list of non-empty strings`)
  }
}
const rows = (root: Row, key: string): Row[] => {
  const v = root[key]
  if (!Array.isArray(v) || v.length === 0) {
    problems.push(`${key} must be a non-empty array`)
    return []
  }
  return v.filter((row, i) => isRow(row) || (problems.push(`${key}[${i}] is not an object`), false)) as Row[]
}
const count = (values: string[]): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const v of values) out[v] = (out[v] ?? 0) + 1
  return out
}

if (!isRow(data)) throw new Error(`${path}: top level must be an object`)
text(data, 'about', 'top level')
const results = rows(data, 'results')
const needs = rows(data, 'needs')

const ids = new Set<string>()
const claimId = (row: Row, pattern: RegExp, where: string): string => {
  const id = text(row, 'id', where)
  if (id && !pattern.test(id)) problems.push(`${where}: id ${id} does not match ${pattern}`)
  if (ids.has(id)) problems.push(`${where}: duplicate id ${id}`)
  ids.add(id)
  return id
}

const resultIds = new Set<string>()
for (const [i, r] of results.entries()) {
  const where = `results[${i}]`
  resultIds.add(claimId(r, /^R\d{3}$/, where))
  text(r, 'title', where)
  text(r, 'abstract', where)
  text(r, 'industry', where)
  keywords(r, where)
  if (!MATURITIES.includes(r.maturity as (typeof MATURITIES)[number])) {
    problems.push(`${where}: maturity must be one of ${MATURITIES.join('|')}`)
  }
}

const judgements: { need: string; result: string; grade: number }[] = []
for (const [i, n] of needs.entries()) {
  const where = `needs[${i}]`
  const id = claimId(n, /^N\d{3}$/, where)
  text(n, 'title', where)
  text(n, 'description', where)
  text(n, 'industry', where)
  keywords(n, where)
  if (!KINDS.includes(n.kind as (typeof KINDS)[number]))
    problems.push(`${where}: kind must be one of ${KINDS.join('|')}`)
  const relevant = n.relevant
  if (!isRow(relevant)) {
    problems.push(`${where}: relevant must be an object of result id → grade`)
    continue
  }
  const entries = Object.entries(relevant)
  if (entries.length === 0 || entries.length > MAX_RELEVANT) {
    problems.push(`${where}: needs 1–${MAX_RELEVANT} relevant results, has ${entries.length}`)
  }
  if (!entries.some(([, g]) => g === 2)) problems.push(`${where}: no result graded 2`)
  for (const [resultId, grade] of entries) {
    if (!resultIds.has(resultId)) problems.push(`${where}: relevant result ${resultId} does not exist`)
    if (grade !== 1 && grade !== 2) problems.push(`${where}: grade of ${resultId} must be 1 or 2`)
    judgements.push({ need: id, result: resultId, grade: Number(grade) })
  }
}

const referenced = new Set(judgements.map((j) => j.result))
const byIndustryAndKind: Record<string, Record<string, number>> = {}
for (const n of needs) {
  const row = (byIndustryAndKind[String(n.industry)] ??= {})
  row[String(n.kind)] = (row[String(n.kind)] ?? 0) + 1
}
console.log(`results: ${results.length}`)
console.log('  by industry:', count(results.map((r) => String(r.industry))))
console.log('  by maturity:', count(results.map((r) => String(r.maturity))))
console.log(
  `  referenced by some need: ${referenced.size}; never relevant (distractors): ${results.length - referenced.size}`,
)
console.log(`needs: ${needs.length}`)
console.log('  by kind:', count(needs.map((n) => String(n.kind))))
console.log('  by industry:', count(needs.map((n) => String(n.industry))))
console.table(byIndustryAndKind)
console.log(
  `judgements: ${judgements.length} (grade 2: ${judgements.filter((j) => j.grade === 2).length}, grade 1: ${
    judgements.filter((j) => j.grade === 1).length
  }); relevant per need: ${(judgements.length / Math.max(needs.length, 1)).toFixed(2)}`,
)

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`)
  process.exit(1)
}
console.log('\nok: ids unique, references exist, grades 1|2, every need has 1–5 relevant results')
