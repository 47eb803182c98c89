import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { createGunzip, createGzip } from 'node:zlib'
import { sql } from 'drizzle-orm'
import { appliedMigrationCount, queryRows, type DatabaseHandle, type Executor } from './client'

/**
 * Logical backup to one gzip file of JSON lines, the same on PGlite and PostgreSQL: a header line, then
 * batches `{ table, rows }` in foreign-key order. Restore goes into an empty database at the same
 * migration level, in one transaction (all or nothing).
 */
const BACKUP_FORMAT = 'kechuang-backup'
const BACKUP_VERSION = 1
const BATCH_SIZE = 1000

interface BackupHeader {
  format: typeof BACKUP_FORMAT
  version: number
  createdAt: string
  migrations: number
  tables: string[]
}

interface TableInfo {
  name: string
  primaryKey: string[]
  /** Columns that reference the same table (a tree's parent_id): restored in a second pass. */
  selfReferences: string[]
}

export interface BackupSummary {
  file: string
  tables: Record<string, number>
}

export async function writeBackup(handle: DatabaseHandle, file: string): Promise<BackupSummary> {
  const { db } = handle
  const tables = await listDataTables(db)
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    migrations: await appliedMigrationCount(db),
    tables: tables.map((t) => t.name),
  }
  const gzip = createGzip()
  const out = createWriteStream(file)
  gzip.pipe(out)
  const writeLine = async (value: unknown) => {
    if (!gzip.write(JSON.stringify(value) + '\n')) await once(gzip, 'drain')
  }
  const counts: Record<string, number> = {}
  await writeLine(header)
  for (const table of tables) {
    counts[table.name] = 0
    let last: unknown = null
    for (;;) {
      const rows = await readBatch(db, table, last)
      if (rows.length === 0) break
      await writeLine({ table: table.name, rows })
      counts[table.name] = (counts[table.name] ?? 0) + rows.length
      last = rows[rows.length - 1]
      if (rows.length < BATCH_SIZE) break
    }
  }
  gzip.end()
  await once(out, 'close')
  return { file, tables: counts }
}

export async function restoreBackup(handle: DatabaseHandle, file: string): Promise<BackupSummary> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })
  const iterator = lines[Symbol.asyncIterator]()
  const first = await iterator.next()
  const header = parseHeader(first.done ? '' : first.value)
  const currentMigrations = await appliedMigrationCount(handle.db)
  if (header.migrations !== currentMigrations) {
    throw new Error(
      `备份的数据库版本（${header.migrations} 个迁移）与当前程序（${currentMigrations} 个迁移）不一致，无法恢复`,
    )
  }
  const tables = new Map((await listDataTables(handle.db)).map((t) => [t.name, t]))
  const counts: Record<string, number> = {}
  await handle.db.transaction(async (tx) => {
    for (const table of tables.values()) {
      const rows = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from ${sql.identifier(table.name)}`,
      )
      if ((rows[0]?.n ?? 0) > 0)
        throw new Error(`目标数据库不是空库（表 ${table.name} 已有数据），请恢复到空的数据目录或数据库`)
    }
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (next.value.trim() === '') continue
      const batch = JSON.parse(next.value) as { table: string; rows: Record<string, unknown>[] }
      const table = tables.get(batch.table)
      if (!table) throw new Error(`备份中的表 ${batch.table} 在当前数据库中不存在`)
      await insertBatch(tx, table, batch.rows)
      counts[table.name] = (counts[table.name] ?? 0) + batch.rows.length
    }
    for (const table of tables.values()) await resetSequences(tx, table.name)
  })
  return { file, tables: counts }
}

/** Tables of the public schema, parents before children, with their keys. */
export async function listDataTables(db: Executor): Promise<TableInfo[]> {
  const names = (
    await queryRows<{ name: string }>(
      db,
      sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    )
  ).map((r) => r.name)
  const keys = await queryRows<{ table: string; columns: string[] }>(
    db,
    sql`select c.conrelid::regclass::text as table,
          array(select a.attname from unnest(c.conkey) with ordinality k(attnum, ord)
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.ord)::text[] as columns
        from pg_constraint c where c.contype = 'p' and c.connamespace = 'public'::regnamespace`,
  )
  const foreignKeys = await queryRows<{ child: string; parent: string; columns: string[] }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
          array(select a.attname from unnest(c.conkey) k(attnum)
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum)::text[] as columns
        from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  )
  const infos = new Map<string, TableInfo>()
  for (const name of names) {
    const primaryKey = keys.find((k) => k.table === name)?.columns
    if (!primaryKey) throw new Error(`table ${name} has no primary key; backups need one to page through it`)
    const selfReferences = foreignKeys
      .filter((f) => f.child === name && f.parent === name)
      .flatMap((f) => f.columns)
    infos.set(name, { name, primaryKey, selfReferences })
  }
  // Depth-first topological order: every table after the tables it references.
  const ordered: TableInfo[] = []
  const visiting = new Set<string>()
  const visit = (name: string) => {
    if (visiting.has(name) || ordered.some((t) => t.name === name)) return
    visiting.add(name)
    for (const fk of foreignKeys) if (fk.child === name && fk.parent !== name) visit(fk.parent)
    ordered.push(infos.get(name)!)
  }
  for (const name of names) visit(name)
  return ordered
}

async function readBatch(db: Executor, table: TableInfo, after: unknown): Promise<Record<string, unknown>[]> {
  const t = sql.identifier(table.name)
  const key = sql.join(
    table.primaryKey.map((c) => sql`t.${sql.identifier(c)}`),
    sql`, `,
  )
  const afterKey = sql.join(
    table.primaryKey.map((c) => sql`r.${sql.identifier(c)}`),
    sql`, `,
  )
  // Keyset paging on the primary key; the previous batch's last row is turned back into the key's types.
  const where =
    after === null
      ? sql``
      : sql`where (${key}) > (select ${afterKey} from json_populate_record(null::${t}, ${JSON.stringify(after)}::json) r)`
  const rows = await queryRows<{ row: Record<string, unknown> }>(
    db,
    sql`select row_to_json(t) as row from ${t} t ${where} order by ${key} limit ${BATCH_SIZE}`,
  )
  return rows.map((r) => r.row)
}

async function insertBatch(tx: Executor, table: TableInfo, rows: Record<string, unknown>[]): Promise<void> {
  const t = sql.identifier(table.name)
  const firstPass = table.selfReferences.length
    ? rows.map((row) => ({ ...row, ...Object.fromEntries(table.selfReferences.map((c) => [c, null])) }))
    : rows
  await tx.execute(
    sql`insert into ${t} select * from json_populate_recordset(null::${t}, ${JSON.stringify(firstPass)}::json)`,
  )
  if (table.selfReferences.length === 0) return
  const assignments = sql.join(
    table.selfReferences.map((c) => sql`${sql.identifier(c)} = r.${sql.identifier(c)}`),
    sql`, `,
  )
  const match = sql.join(
    table.primaryKey.map((c) => sql`${t}.${sql.identifier(c)} = r.${sql.identifier(c)}`),
    sql` and `,
  )
  await tx.execute(
    sql`update ${t} set ${assignments} from json_populate_recordset(null::${t}, ${JSON.stringify(rows)}::json) r where ${match}`,
  )
}

async function resetSequences(tx: Executor, table: string): Promise<void> {
  const columns = await queryRows<{ column: string; sequence: string }>(
    tx,
    sql`select a.attname as column, pg_get_serial_sequence(${table}, a.attname) as sequence
        from pg_attribute a where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped
          and pg_get_serial_sequence(${table}, a.attname) is not null`,
  )
  for (const { column, sequence } of columns) {
    await tx.execute(
      sql`select setval(${sequence}, coalesce((select max(${sql.identifier(column)}) from ${sql.identifier(table)}), 0) + 1, false)`,
    )
  }
}

function parseHeader(line: string): BackupHeader {
  let header: Partial<BackupHeader>
  try {
    header = JSON.parse(line) as Partial<BackupHeader>
  } catch {
    throw new Error('备份文件无法读取：不是科创平台的备份文件')
  }
  if (header.format !== BACKUP_FORMAT) throw new Error('备份文件无法读取：不是科创平台的备份文件')
  if (header.version !== BACKUP_VERSION) throw new Error(`备份文件格式版本 ${header.version} 不受支持`)
  return header as BackupHeader
}
