/**
 * An incremental CSV reader (RFC 4180: quoted fields, doubled quotes, CR LF or LF line ends) that is fed decoded
 * text chunk by chunk and hands back the rows completed so far, so a large file is never held whole. A byte-order
 * mark at the start is dropped; empty lines are skipped.
 */
export interface CsvRowParser {
  push(chunk: string): string[][]
  /** Ends the input: the last row, and an error message when a quoted field was never closed. */
  end(): { rows: string[][]; error: string | null }
}

export function createCsvRowParser(delimiter = ','): CsvRowParser {
  let field = ''
  let row: string[] = []
  let isQuoted = false
  // Inside quotes, a quote may close the field or start a doubled quote: decided by the next character.
  let pendingQuote = false
  let isStart = true

  const finishRow = (rows: string[][]) => {
    row.push(field)
    field = ''
    if (!(row.length === 1 && row[0] === '')) rows.push(row)
    row = []
  }

  return {
    push(chunk) {
      const rows: string[][] = []
      let start = 0
      if (isStart && chunk.length > 0) {
        isStart = false
        if (chunk.charCodeAt(0) === 0xfeff) start = 1
      }
      for (let i = start; i < chunk.length; i++) {
        const char = chunk[i]!
        if (pendingQuote) {
          pendingQuote = false
          if (char === '"') {
            field += '"'
            continue
          }
          isQuoted = false
        }
        if (isQuoted) {
          if (char === '"') pendingQuote = true
          else field += char
          continue
        }
        if (char === '"' && field === '') isQuoted = true
        else if (char === delimiter) {
          row.push(field)
          field = ''
        } else if (char === '\n') finishRow(rows)
        else if (char !== '\r') field += char
      }
      return rows
    },
    end() {
      if (pendingQuote) {
        pendingQuote = false
        isQuoted = false
      }
      const error = isQuoted ? 'CSV 文件中有未闭合的引号，文件可能不完整' : null
      const rows: string[][] = []
      if (field !== '' || row.length > 0) finishRow(rows)
      return { rows, error }
    },
  }
}
