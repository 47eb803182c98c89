import { describe, expect, it } from 'vitest'
import { importProgressPercent } from './import-progress'

describe('importProgressPercent', () => {
  it('follows the bytes read while the file is first read', () => {
    expect(
      importProgressPercent(
        { status: 'processing', fileBytes: 1000, processedBytes: 250, processedRows: 90 },
        0,
      ),
    ).toBe(25)
  })

  it('follows the rows re-checked after a new mapping', () => {
    expect(
      importProgressPercent(
        { status: 'processing', fileBytes: 1000, processedBytes: 1000, processedRows: 300 },
        1200,
      ),
    ).toBe(25)
  })

  it('never shows 100 before the batch is ready, and 100 once it is', () => {
    expect(
      importProgressPercent({ status: 'processing', fileBytes: 10, processedBytes: 10, processedRows: 0 }, 0),
    ).toBe(99)
    expect(
      importProgressPercent({ status: 'ready', fileBytes: 10, processedBytes: 3, processedRows: 0 }, 0),
    ).toBe(100)
  })
})
