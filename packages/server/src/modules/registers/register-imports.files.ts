import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { TextDecoder } from 'node:util'
import { createCsvRowParser } from '@kechuang/core/registers'
import { registerImportErrors } from './register-imports.errors'
import { readXlsxRows } from './register-imports.xlsx'

/**
 * Uploaded lists on their way in: saved to a temporary file while counting bytes (never held in memory), recognised
 * by their content rather than their name, and read back row by row as text cells.
 */
export type SpreadsheetKind = 'xlsx' | 'csv'

export interface SavedUpload {
  path: string
  bytes: number
  kind: SpreadsheetKind
  remove(): Promise<void>
}

const SNIFF_BYTES = 4096
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])
// The compound-file header of .xls / .doc: a spreadsheet, but of the old binary kind.
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

/**
 * What the first bytes say the file is. An .xlsx is a zip; a CSV is text: no NUL or other control bytes, decodable
 * as UTF-8 or GB 18030 (what Excel in Chinese Windows saves). Anything else (images, PDF, .xls) is refused.
 */
export function sniffSpreadsheet(head: Buffer): SpreadsheetKind | 'xls' | null {
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx'
  if (head.subarray(0, 8).equals(OLE_MAGIC)) return 'xls'
  if (head.length === 0) return null
  for (const byte of head) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f) return null
  }
  // The sniffed block may end inside a character; only the complete part is checked.
  const text = decodeHead(head)
  return text === null || /[\uFFFD]/.test(text) ? null : 'csv'
}

function decodeHead(head: Buffer): string | null {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(head, { stream: true })
    } catch {
      // try the next encoding
    }
  }
  return null
}

/** Streams an upload to a temporary file, refusing it past `maxBytes` or when it is not a spreadsheet. */
export async function saveUpload(
  file: Readable & { truncated?: boolean },
  maxBytes: number,
  isTooLargeError: (error: unknown) => boolean,
): Promise<SavedUpload> {
  const folder = await mkdtemp(join(tmpdir(), 'kechuang-import-'))
  const path = join(folder, 'upload')
  const remove = () => rm(folder, { recursive: true, force: true })
  let bytes = 0
  let head = Buffer.alloc(0)
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length
      if (head.length < SNIFF_BYTES)
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)])
      if (bytes > maxBytes) callback(registerImportErrors.UPLOAD_TOO_LARGE())
      else callback(null, chunk)
    },
  })
  try {
    await pipeline(file, counter, createWriteStream(path))
  } catch (error) {
    await remove()
    if (isTooLargeError(error)) throw registerImportErrors.UPLOAD_TOO_LARGE()
    throw error
  }
  if (file.truncated) {
    await remove()
    throw registerImportErrors.UPLOAD_TOO_LARGE()
  }
  const kind = sniffSpreadsheet(head)
  if (kind === 'xls') {
    await remove()
    throw registerImportErrors.OLD_EXCEL_FORMAT()
  }
  if (kind === null) {
    await remove()
    throw registerImportErrors.NOT_A_SPREADSHEET()
  }
  return { path, bytes, kind, remove }
}

export interface SheetRow {
  /** Row number in the file, 1-based (the header row is normally 1). */
  rowNumber: number
  cells: string[]
}

/**
 * Reads the first worksheet of an .xlsx or a CSV as rows of text, streaming; `onBytes` reports how far into the
 * file the reading is, for the progress bar. Rows without any content are skipped.
 */
export async function* readSheetRows(
  path: string,
  kind: SpreadsheetKind,
  onBytes: (bytes: number) => void,
): AsyncGenerator<SheetRow> {
  if (kind === 'xlsx') {
    for await (const row of readXlsxRows(path, onBytes)) if (row.cells.some((c) => c !== '')) yield row
    return
  }
  let bytes = 0
  const source = createReadStream(path)
  source.on('data', (chunk) => {
    bytes += chunk.length
    onBytes(bytes)
  })
  const parser = createCsvRowParser()
  let decoder: TextDecoder | null = null
  let rowNumber = 0
  const emit = (rows: string[][]) =>
    rows
      .map((cells) => ({ rowNumber: ++rowNumber, cells: cells.map((c) => c.trim()) }))
      .filter((row) => row.cells.some((c) => c !== ''))
  for await (const chunk of source as AsyncIterable<Buffer>) {
    decoder ??= chooseDecoder(chunk)
    yield* emit(parser.push(decoder.decode(chunk, { stream: true })))
  }
  const tail = decoder ? parser.push(decoder.decode()) : []
  const last = parser.end()
  yield* emit([...tail, ...last.rows])
  if (last.error) throw registerImportErrors.FILE_UNREADABLE({}, last.error)
}

// UTF-8 when the first block decodes as UTF-8 (with or without BOM); otherwise GB 18030.
function chooseDecoder(first: Buffer): TextDecoder {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true })
    return new TextDecoder('utf-8')
  } catch {
    return new TextDecoder('gb18030')
  }
}
