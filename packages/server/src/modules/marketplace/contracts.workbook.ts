import ExcelJS from 'exceljs'
import { CONTRACT_TYPE_LABELS, type TechContract } from '@kechuang/core/marketplace'
import { plainText } from './need-directory'

// The 技术合同 list as a workbook: one sheet, one row per contract. Cells hold plain strings and numbers (never
// formulas), so text such as "=1+1" or "<b>" stays as typed.

export const CONTRACTS_SHEET = '技术合同'

const COLUMNS: { header: string; width: number }[] = [
  { header: '序号', width: 6 },
  { header: '登记编号', width: 20 },
  { header: '合同名称', width: 36 },
  { header: '合同类型', width: 10 },
  { header: '成交金额（万元）', width: 14 },
  { header: '卖方（受托方）', width: 28 },
  { header: '买方（委托方）', width: 28 },
  { header: '签订日期', width: 12 },
  { header: '登记地区', width: 14 },
  { header: '备注', width: 30 },
]

export async function writeContractsWorkbook(list: {
  contracts: TechContract[]
  /** Set when the selection was cut at this many rows. */
  truncatedAt: number | null
  compiledOn: string
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '科创平台'
  const sheet = workbook.addWorksheet(CONTRACTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = COLUMNS.map(({ width }) => ({ width }))
  const head = sheet.getRow(1)
  head.values = COLUMNS.map((c) => c.header)
  head.font = { bold: true }
  list.contracts.forEach((contract, i) => {
    sheet.addRow([
      i + 1,
      plainText(contract.registrationNumber),
      plainText(contract.title),
      CONTRACT_TYPE_LABELS[contract.type],
      contract.amountWanYuan,
      plainText(contract.sellerName),
      plainText(contract.buyerName),
      contract.signedOn,
      contract.regionName,
      plainText(contract.note ?? ''),
    ])
  })
  if (list.contracts.length === 0) sheet.addRow(['', '无'])
  const footer =
    `导出日期：${list.compiledOn}；共 ${list.contracts.length} 份` +
    (list.truncatedAt === null ? '' : `（仅列出前 ${list.truncatedAt} 份）`)
  sheet.addRow([])
  sheet.addRow(['', footer])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
