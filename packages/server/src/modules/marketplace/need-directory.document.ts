import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { TechNeed } from '@kechuang/core/marketplace'
import {
  formatBudget,
  formatContact,
  formatSource,
  needDirectoryTitle,
  plainText,
  type NeedDirectory,
} from './need-directory'

// The 需求目录 as a Word document: title, scope and date, then per industry a heading with its count and per need a
// numbered title and a small two-column table. Text goes into runs (escaped by docx), never read as markup.

const LABEL_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'DDEBF7' } as const

/** Lines of a text as runs with breaks between them. */
const runs = (text: string, options: { bold?: boolean; size?: number } = {}) =>
  plainText(text)
    .split(/\r?\n/)
    .map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0, ...options }))

function fieldRow(label: string, value: string): TableRow {
  return new TableRow({
    children: [
      new TableCell({
        width: { size: 18, type: WidthType.PERCENTAGE },
        shading: LABEL_SHADING,
        children: [new Paragraph({ children: runs(label, { bold: true, size: 20 }) })],
      }),
      new TableCell({
        width: { size: 82, type: WidthType.PERCENTAGE },
        children: [new Paragraph({ children: runs(value, { size: 20 }) })],
      }),
    ],
  })
}

function needBlock(need: TechNeed, number: number): (Paragraph | Table)[] {
  const rows: [string, string][] = [
    ['需求名称', need.title],
    ['需求企业', need.enterpriseName],
    ['需求描述', need.description],
    ['关键词', need.keywords.length > 0 ? need.keywords.join('、') : '无'],
    ['预算（万元）', formatBudget(need.budgetWanYuan)],
    ['截止日期', need.deadline ?? '未填写'],
    ['联系人', formatContact(need)],
  ]
  if (need.source === 'plan') rows.push(['来源', formatSource(need)])
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_3,
      spacing: { before: 200, after: 80 },
      children: [
        ...runs(`${number}. ${need.title}`),
        ...(need.source === 'plan' ? [new TextRun({ text: '【规划方向】', size: 18 })] : []),
      ],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(([l, v]) => fieldRow(l, v)),
    }),
  ]
}

export async function writeNeedDirectoryDocument(directory: NeedDirectory): Promise<Buffer> {
  const title = needDirectoryTitle(directory.year)
  const body: (Paragraph | Table)[] =
    directory.groups.length === 0
      ? [new Paragraph({ children: runs('无（没有符合条件的技术需求）') })]
      : directory.groups.flatMap((group, index) => [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: runs(`${toChineseOrdinal(index + 1)}、${group.industry}（${group.needs.length} 项）`),
          }),
          ...group.needs.flatMap((need, i) => needBlock(need, i + 1)),
        ])
  const document = new Document({
    creator: '科创平台',
    title,
    styles: { default: { document: { run: { font: { ascii: 'Calibri', eastAsia: '宋体' }, size: 21 } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: runs(
              `范围：${directory.scope}\u3000共 ${directory.total} 项\u3000编制日期：${directory.compiledOn}`,
            ),
          }),
          ...(directory.truncatedAt === null
            ? []
            : [
                new Paragraph({
                  children: runs(
                    `符合条件的需求超过 ${directory.truncatedAt} 项，仅列出前 ${directory.truncatedAt} 项。`,
                  ),
                }),
              ]),
          ...body,
        ],
      },
    ],
  })
  return Packer.toBuffer(document)
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (up to 99, then digits). */
export function toChineseOrdinal(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n)
  if (n >= 100) return String(n)
  const tens = Math.floor(n / 10)
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`
}
