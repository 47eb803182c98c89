import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { INDICATOR_NATURE_LABELS, INDICATOR_STATUS_LABELS, type PlanDetail } from '@kechuang/core/indicators'
import { describeRow, type PlanReportRow, type TaskUnitSummary } from './plan-report.rows'
import type { ChartImage } from './report-charts'

// The 中期评估/总结评估 report as a Word document: title, summary, charts, indicator table, lagging indicators
// with their gaps, task progress by responsible unit.

export interface PlanReportContent {
  plan: PlanDetail
  title: string
  unitName: string
  year: number
  generatedAt: Date
  findings: string[]
  rows: PlanReportRow[]
  lagging: PlanReportRow[]
  charts: { caption: string; image: ChartImage }[]
  /** Null when the plan lists no tasks. */
  taskUnits: TaskUnitSummary[] | null
}

const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'DDEBF7' } as const
/** Word pages are about 600 px wide inside the margins; charts are scaled down to fit. */
const PAGE_WIDTH_PX = 600

function cell(text: string, options: { isHeader?: boolean } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({ children: [new TextRun({ text, bold: options.isHeader ?? false, size: 18 })] }),
    ],
    ...(options.isHeader ? { shading: HEADER_SHADING } : {}),
  })
}

function table(headers: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, { isHeader: true })) }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
    ],
  })
}

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 })
const paragraph = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } })

function chart({ caption, image }: PlanReportContent['charts'][number]): Paragraph[] {
  const scale = Math.min(1, PAGE_WIDTH_PX / image.width)
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: image.png,
          transformation: { width: image.width * scale, height: image.height * scale },
          altText: { name: caption, title: caption, description: caption },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: caption, size: 18 })] }),
  ]
}

export async function writePlanReport(content: PlanReportContent): Promise<Buffer> {
  const { plan, year, rows, lagging, taskUnits } = content
  const indicatorRows = rows.map((row) => {
    const shown = describeRow(row)
    const { indicator } = row
    return [
      String(indicator.order),
      indicator.category,
      indicator.name,
      indicator.unit,
      indicator.nature ? INDICATOR_NATURE_LABELS[indicator.nature] : '',
      shown.target,
      shown.actual,
      shown.completion,
      INDICATOR_STATUS_LABELS[row.status.status],
    ]
  })
  const laggingRows = lagging.map((row) => {
    const shown = describeRow(row)
    return [
      row.indicator.name,
      row.indicator.unit,
      shown.actual,
      shown.target,
      shown.gap,
      INDICATOR_STATUS_LABELS[row.status.status],
    ]
  })

  const document = new Document({
    creator: '科创平台',
    title: content.title,
    styles: { default: { document: { run: { font: { ascii: 'Calibri', eastAsia: '宋体' }, size: 21 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            text: content.title,
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun(
                `评估对象：${content.unitName}\u3000评估年度：${year} 年\u3000生成日期：${content.generatedAt.toISOString().slice(0, 10)}`,
              ),
            ],
          }),
          paragraph(`依据：${plan.source.title}（${plan.startYear}—${plan.endYear} 年）。`),
          heading('一、总体情况'),
          ...content.findings.map(paragraph),
          ...content.charts.flatMap(chart),
          heading('二、指标完成情况'),
          table(
            ['序号', '指标类型', '指标名称', '单位', '属性', `${year}年目标`, '实际值', '完成率', '状态'],
            indicatorRows,
          ),
          ...plan.notes.map(paragraph),
          heading('三、滞后指标及差距'),
          ...(laggingRows.length > 0
            ? [table(['指标名称', '单位', '实际值', '目标值', '差距', '状态'], laggingRows)]
            : [paragraph(`${year} 年没有滞后的指标。`)]),
          heading('四、重点任务进展（按责任单位）'),
          ...(taskUnits === null
            ? [paragraph('本规划未列重点任务进度安排。')]
            : [
                table(
                  ['责任单位', '任务数', '已报告进展', '平均完成度', '逾期任务', '缺报次数'],
                  taskUnits.map((u) => [
                    u.orgUnitName,
                    String(u.taskCount),
                    String(u.reportedCount),
                    `${u.averagePercentDone}%`,
                    String(u.overdueTaskCount),
                    String(u.missingReportCount),
                  ]),
                ),
              ]),
        ],
      },
    ],
  })
  return Packer.toBuffer(document)
}
