import ExcelJS from 'exceljs'
import { NEED_STATUS_LABELS } from '@kechuang/core/marketplace'
import {
  formatContact,
  formatSource,
  needDirectoryTitle,
  plainText,
  sheetNames,
  type NeedDirectory,
} from './need-directory'

// The 需求目录 as a workbook: a 汇总 sheet with the count per industry, then one sheet per industry. Cells hold
// plain strings and numbers (never formulas), so text such as "=1+1" or "<b>" stays as typed.

export const SUMMARY_SHEET = '汇总'

const NEED_COLUMNS: { header: string; width: number }[] = [
  { header: '序号', width: 6 },
  { header: '需求名称', width: 30 },
  { header: '需求企业', width: 24 },
  { header: '需求描述', width: 60 },
  { header: '关键词', width: 24 },
  { header: '预算（万元）', width: 12 },
  { header: '截止日期', width: 12 },
  { header: '联系人', width: 24 },
  { header: '需求状态', width: 10 },
  { header: '所在地区', width: 14 },
  { header: '来源', width: 20 },
]

const wrap = { wrapText: true, vertical: 'top' } as const

export async function writeNeedDirectoryWorkbook(directory: NeedDirectory): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '科创平台'
  const summary = workbook.addWorksheet(SUMMARY_SHEET)
  summary.columns = [{ width: 8 }, { width: 24 }, { width: 12 }]
  summary.getCell('A1').value = needDirectoryTitle(directory.year)
  summary.getCell('A1').font = { bold: true, size: 14 }
  summary.getCell('A2').value = plainText(
    `范围：${directory.scope}；编制日期：${directory.compiledOn}` +
      (directory.truncatedAt === null ? '' : `；仅列出前 ${directory.truncatedAt} 项`),
  )
  const header = summary.getRow(3)
  header.values = ['序号', '产业领域', '需求数']
  header.font = { bold: true }
  if (directory.groups.length === 0) summary.addRow(['', '无', 0])
  directory.groups.forEach((group, index) => summary.addRow([index + 1, group.industry, group.needs.length]))
  summary.addRow(['', '合计', directory.total]).font = { bold: true }

  const names = sheetNames(
    directory.groups.map((g) => g.industry),
    [SUMMARY_SHEET],
  )
  directory.groups.forEach((group, index) => {
    const sheet = workbook.addWorksheet(names[index]!, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = NEED_COLUMNS.map(({ width }) => ({ width, style: { alignment: wrap } }))
    const head = sheet.getRow(1)
    head.values = NEED_COLUMNS.map((c) => c.header)
    head.font = { bold: true }
    group.needs.forEach((need, i) => {
      sheet.addRow([
        i + 1,
        plainText(need.title),
        plainText(need.enterpriseName),
        plainText(need.description),
        plainText(need.keywords.join('、')),
        need.budgetWanYuan ?? '面议',
        need.deadline ?? '',
        plainText(formatContact(need)),
        NEED_STATUS_LABELS[need.status],
        need.regionName ?? '',
        formatSource(need),
      ])
    })
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
