import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCsvRowParser } from './parse-csv'

function parseInChunks(text: string, chunkSize: number) {
  const parser = createCsvRowParser()
  const rows: string[][] = []
  for (let i = 0; i < text.length; i += chunkSize) rows.push(...parser.push(text.slice(i, i + chunkSize)))
  const end = parser.end()
  return { rows: [...rows, ...end.rows], error: end.error }
}

describe('createCsvRowParser', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    const text = '\uFEFF企业名称,备注\r\n"甲,乙公司","说""好""的\n换行"\r\n\r\n丙公司,'
    expect(parseInChunks(text, 1000).rows).toEqual([
      ['企业名称', '备注'],
      ['甲,乙公司', '说"好"的\n换行'],
      ['丙公司', ''],
    ])
  })

  it('reports an unclosed quote', () => {
    expect(parseInChunks('a,"b', 10).error).toContain('未闭合的引号')
  })

  it('gives the same rows whatever the chunk size', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', '甲', ' '), minLength: 1 })
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 7 }),
        (table, size) => {
          const quoted = table
            .map((row) => row.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))
            .join('\r\n')
          expect(parseInChunks(quoted, size).rows).toEqual(table)
        },
      ),
    )
  })
})
