import { readFileSync } from 'node:fs'

/** A file of `source/` (the copied seed data), parsed as JSON; each seed checks it with its own schema. */
export function readSeedSource(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./source/${name}`, import.meta.url), 'utf8'))
}
