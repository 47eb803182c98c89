import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { TextDecoder } from 'node:util'
import { createInflateRaw } from 'node:zlib'
import { registerImportErrors } from './register-imports.errors'

/**
 * A streaming reader of the first worksheet of an .xlsx, rows of text cells, for lists of any length in little
 * memory: the zip's central directory is read from the end of the saved file, each part is inflated as a stream
 * from its offset, and the sheet XML is decoded with a streaming decoder and cut into `<row>` elements as they
 * arrive. Only the shared strings (the distinct texts) are kept in memory.
 *
 * Why not ExcelJS's WorkbookReader: it decodes each inflated chunk on its own (`TextDecoder.decode` without
 * `stream: true`), so a Chinese character split across two chunks comes out as U+FFFD — 大冶市 read as 大冶��
 * on about one row in five thousand of a real list.
 */

interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  localHeaderOffset: number
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
const EOCD_MAX_SEARCH = 65_557

async function readZipDirectory(path: string): Promise<Map<string, ZipEntry> & { readonly path: string }> {
  const file = await open(path, 'r')
  try {
    const { size } = await file.stat()
    const tailLength = Math.min(size, EOCD_MAX_SEARCH)
    const tail = Buffer.alloc(tailLength)
    await file.read(tail, 0, tailLength, size - tailLength)
    let eocd = -1
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i
        break
      }
    }
    if (eocd < 0) throw registerImportErrors.FILE_UNREADABLE()
    const entryCount = tail.readUInt16LE(eocd + 10)
    const directorySize = tail.readUInt32LE(eocd + 12)
    const directoryOffset = tail.readUInt32LE(eocd + 16)
    const directory = Buffer.alloc(directorySize)
    await file.read(directory, 0, directorySize, directoryOffset)
    const entries = new Map<string, ZipEntry>() as Map<string, ZipEntry> & { path: string }
    entries.path = path
    let at = 0
    for (let i = 0; i < entryCount; i++) {
      if (directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw registerImportErrors.FILE_UNREADABLE()
      const nameLength = directory.readUInt16LE(at + 28)
      const extraLength = directory.readUInt16LE(at + 30)
      const commentLength = directory.readUInt16LE(at + 32)
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength)
      entries.set(name, {
        name,
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      })
      at += 46 + nameLength + extraLength + commentLength
    }
    return entries
  } finally {
    await file.close()
  }
}

/** The decoded text of one part, chunk by chunk (a character split between chunks is kept whole). */
async function* readPart(
  path: string,
  entry: ZipEntry,
  onBytes?: (position: number) => void,
): AsyncGenerator<string> {
  const file = await open(path, 'r')
  const header = Buffer.alloc(30)
  try {
    await file.read(header, 0, 30, entry.localHeaderOffset)
  } finally {
    await file.close()
  }
  if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw registerImportErrors.FILE_UNREADABLE()
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  if (entry.compressedSize === 0) return
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1 })
  if (entry.method !== 0 && entry.method !== 8) throw registerImportErrors.FILE_UNREADABLE()
  const stream = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw
  raw.on('error', (error) => stream.destroy(error))
  if (onBytes) raw.on('data', () => onBytes(start + raw.bytesRead))
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of stream as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true })
  const rest = decoder.decode()
  if (rest) yield rest
}

/** Elements named `tag` of a part, whole, as the text arrives. */
async function* readElements(chunks: AsyncIterable<string>, tag: string): AsyncGenerator<string> {
  const open = `<${tag}`
  const close = `</${tag}>`
  let buffer = ''
  for await (const chunk of chunks) {
    buffer += chunk
    let consumed = 0
    for (;;) {
      const start = findTag(buffer, open, consumed)
      if (start < 0) break
      const headEnd = buffer.indexOf('>', start)
      if (headEnd < 0) break
      if (buffer[headEnd - 1] === '/') {
        yield buffer.slice(start, headEnd + 1)
        consumed = headEnd + 1
        continue
      }
      const end = buffer.indexOf(close, headEnd)
      if (end < 0) break
      yield buffer.slice(start, end + close.length)
      consumed = end + close.length
    }
    // Keep from the first unfinished element on (or a possible partial tag at the end).
    const next = findTag(buffer, open, consumed)
    buffer = next >= 0 ? buffer.slice(next) : buffer.slice(Math.max(consumed, buffer.length - open.length))
  }
}

// `<c` must not match `<cols`: the tag name ends at a space, `>` or `/`.
function findTag(text: string, open: string, from: number): number {
  let at = text.indexOf(open, from)
  while (at >= 0) {
    const after = text[at + open.length]
    if (after === undefined || after === ' ' || after === '>' || after === '/') return at
    at = text.indexOf(open, at + 1)
  }
  return -1
}

async function readWholePart(path: string, entry: ZipEntry | undefined): Promise<string> {
  if (!entry) return ''
  let text = ''
  for await (const chunk of readPart(path, entry)) text += chunk
  return text
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g
function decodeXml(text: string): string {
  return text.replace(ENTITY, (_, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10))
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name]!
  })
}

const attribute = (head: string, name: string): string | null => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(head)
  return match ? match[1]! : null
}

// The text runs of a shared string or an inline string, without phonetic guides (<rPh>).
function textOf(element: string): string {
  const withoutPhonetics = element.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '')
  let text = ''
  for (const match of withoutPhonetics.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += match[1]
  return decodeXml(text)
}

// Built-in number formats that are dates (ECMA-376 §18.8.30), and custom ones whose code has date letters.
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57])
function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')
  return /[ymdhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare)
}

async function readDateStyles(path: string, entry: ZipEntry | undefined): Promise<Set<number>> {
  const styles = await readWholePart(path, entry)
  const customDates = new Set<number>()
  for (const match of styles.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = Number(attribute(match[0], 'numFmtId'))
    const code = decodeXml(attribute(match[0], 'formatCode') ?? '')
    if (isDateFormatCode(code)) customDates.add(id)
  }
  const dateStyles = new Set<number>()
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? ''
  let index = 0
  for (const match of cellXfs.matchAll(/<xf\s[^>]*>/g)) {
    const id = Number(attribute(match[0], 'numFmtId') ?? 0)
    if (BUILT_IN_DATE_FORMATS.has(id) || customDates.has(id)) dateStyles.add(index)
    index++
  }
  return dateStyles
}

const DAY_MS = 86_400_000
// Serial day 0 of the 1900 date system is 1899-12-30 (Excel's 1900 leap-year bug included); 1904 adds 1462 days.
function serialToIsoDate(serial: number, is1904: boolean): string {
  const days = Math.floor(serial) + (is1904 ? 1462 : 0)
  return new Date(Date.UTC(1899, 11, 30) + days * DAY_MS).toISOString().slice(0, 10)
}

function columnIndex(reference: string): number {
  let index = 0
  for (const char of reference) {
    const code = char.charCodeAt(0)
    if (code < 65 || code > 90) break
    index = index * 26 + (code - 64)
  }
  return index - 1
}

export interface XlsxRow {
  rowNumber: number
  cells: string[]
}

/**
 * The rows of the first worksheet, in order, as text: shared and inline strings, numbers as written, booleans as
 * TRUE/FALSE, dates (number cells with a date format) as YYYY-MM-DD, formulas by their cached result.
 */
export async function* readXlsxRows(
  path: string,
  onBytes?: (position: number) => void,
): AsyncGenerator<XlsxRow> {
  const entries = await readZipDirectory(path)
  const workbook = await readWholePart(path, entries.get('xl/workbook.xml'))
  const firstSheet = /<sheet\s[^>]*>/.exec(workbook)?.[0]
  const relationId = firstSheet ? attribute(firstSheet, 'r:id') : null
  const relations = await readWholePart(path, entries.get('xl/_rels/workbook.xml.rels'))
  let sheetPath = 'xl/worksheets/sheet1.xml'
  for (const match of relations.matchAll(/<Relationship\s[^>]*>/g)) {
    if (attribute(match[0], 'Id') !== relationId) continue
    const target = attribute(match[0], 'Target') ?? ''
    sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`
  }
  const sheet = entries.get(sheetPath)
  if (!sheet) throw registerImportErrors.FILE_UNREADABLE()
  const is1904 = /date1904="(1|true)"/.test(workbook)
  const dateStyles = await readDateStyles(path, entries.get('xl/styles.xml'))
  const sharedStrings: string[] = []
  const shared = entries.get('xl/sharedStrings.xml')
  if (shared)
    for await (const si of readElements(readPart(path, shared), 'si')) sharedStrings.push(textOf(si))

  let lastRow = 0
  for await (const row of readElements(readPart(path, sheet, onBytes), 'row')) {
    const head = row.slice(0, row.indexOf('>'))
    const rowNumber = Number(attribute(head, 'r') ?? lastRow + 1)
    lastRow = rowNumber
    const cells: string[] = []
    let nextColumn = 0
    for (const match of row.matchAll(/<c(?:\s([^>]*?))?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = ` ${match[1] ?? ''}`
      const body = match[2] ?? ''
      const reference = attribute(attributes, 'r')
      const column = reference ? columnIndex(reference) : nextColumn
      nextColumn = column + 1
      const type = attribute(attributes, 't') ?? 'n'
      const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1]
      let text = ''
      if (type === 'inlineStr') text = textOf(body)
      else if (value === undefined) text = ''
      else if (type === 's') text = sharedStrings[Number(value)] ?? ''
      else if (type === 'str' || type === 'd') text = decodeXml(value)
      else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE'
      else if (type === 'e') text = ''
      else {
        const number = Number(value)
        const style = Number(attribute(attributes, 's') ?? 0)
        text =
          dateStyles.has(style) && Number.isFinite(number) ? serialToIsoDate(number, is1904) : String(number)
      }
      cells[column] = text.trim()
    }
    for (let i = 0; i < cells.length; i++) cells[i] ??= ''
    yield { rowNumber, cells }
  }
}
