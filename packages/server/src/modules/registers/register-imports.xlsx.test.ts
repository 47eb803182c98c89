import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { readXlsxRows } from './register-imports.xlsx'

const dir = mkdtempSync(join(tmpdir(), 'kc-xlsx-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function save(name: string, build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  build(workbook)
  const path = join(dir, name)
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()))
  return path
}

async function readAll(path: string) {
  const rows: { rowNumber: number; cells: string[] }[] = []
  for await (const row of readXlsxRows(path)) rows.push(row)
  return rows
}

describe('readXlsxRows', () => {
  it('reads shared and rich text, numbers, dates, formulas and gaps of the first sheet only', async () => {
    const path = await save('kinds.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('名单')
      sheet.addRow(['企业名称', '年度', '发证日期', '合计'])
      const row = sheet.addRow([
        { richText: [{ text: '大冶市' }, { text: '宏泰 & 新材料', font: { bold: true } }] },
        2024,
        new Date(Date.UTC(2023, 10, 20)),
        { formula: 'B2+1', result: 2025 },
      ])
      row.getCell(3).numFmt = 'yyyy-mm-dd'
      sheet.getCell('F3').value = '<隔列>'
      workbook.addWorksheet('填表说明').addRow(['不读这一页'])
    })
    expect(await readAll(path)).toEqual([
      { rowNumber: 1, cells: ['企业名称', '年度', '发证日期', '合计'] },
      { rowNumber: 2, cells: ['大冶市宏泰 & 新材料', '2024', '2023-11-20', '2025'] },
      { rowNumber: 3, cells: ['', '', '', '', '', '<隔列>'] },
    ])
  })

  it('keeps every Chinese character whole across the chunks of a long sheet', async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `大冶市鑫华第${i}号轮毂制造有限公司`)
    const path = await save('long.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('名单')
      for (const name of names) sheet.addRow([name, '所属地区：大冶市'])
    })
    const rows = await readAll(path)
    expect(rows.map((r) => r.cells[0])).toEqual(names)
    expect(rows.every((r) => r.cells[1] === '所属地区：大冶市')).toBe(true)
  })
})
