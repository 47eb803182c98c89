import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { createEmptyDatabase, runCli } from './postgres-helpers'

const workDir = mkdtempSync(join(tmpdir(), 'kc-it-backup-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

async function tableContents(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const tables = (
      await client.query(`select tablename from pg_tables where schemaname = 'public' order by 1`)
    ).rows
    const result: Record<string, unknown[]> = {}
    for (const { tablename } of tables) {
      // Ordered by the whole row: not every table has an id column (some keys are composite).
      result[tablename] = (
        await client.query(`select row_to_json(t) as r from "${tablename}" t order by row_to_json(t)::text`)
      ).rows.map((r) => r.r)
    }
    return result
  } finally {
    await client.end()
  }
}

describe('CLI backup and restore on PostgreSQL', () => {
  it('moves a whole installation: PostgreSQL → file → empty PostgreSQL, and → empty embedded folder', async () => {
    const source = await createEmptyDatabase()
    const target = await createEmptyDatabase()
    try {
      runCli(['seed'], { DATABASE_URL: source.url })
      runCli(['create-admin', '--username', 'ops', '--password', 'Operator-Passw0rd!'], {
        DATABASE_URL: source.url,
      })
      const file = join(workDir, 'pg.jsonl.gz')
      expect(runCli(['backup', file], { DATABASE_URL: source.url })).toContain('已备份')
      expect(runCli(['restore', file], { DATABASE_URL: target.url })).toContain('已从')

      const before = await tableContents(source.url)
      const after = await tableContents(target.url)
      for (const table of Object.keys(before)) {
        if (table === 'audit_log') continue
        expect(after[table], table).toEqual(before[table])
      }
      // The restore itself is logged after the restored entries.
      expect(after.audit_log!.slice(0, before.audit_log!.length)).toEqual(before.audit_log)
      expect(after.audit_log!.at(-1)).toMatchObject({ action: 'restore' })

      // The same file restores into the embedded database.
      const folder = join(workDir, 'embedded')
      expect(runCli(['restore', file], { KECHUANG_DATA_DIR: folder, DATABASE_URL: '' })).toContain(
        'org_units',
      )
      expect(() => runCli(['restore', file], { KECHUANG_DATA_DIR: folder, DATABASE_URL: '' })).toThrow(
        /不是空库/,
      )
    } finally {
      await source.drop()
      await target.drop()
    }
  })
})
