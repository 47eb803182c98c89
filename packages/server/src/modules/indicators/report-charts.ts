import { createRequire } from 'node:module'
import { Resvg } from '@resvg/resvg-js'
import * as echarts from 'echarts'
import { INDICATOR_STATUS_LABELS, INDICATOR_STATUSES, type IndicatorStatus } from '@kechuang/core/indicators'

// Charts of the 评估 report, drawn on the server: ECharts renders SVG, resvg turns it into PNG for Word.

const require = createRequire(import.meta.url)
/**
 * The CJK font the product carries (npm package, SIL Open Font License), so that Chinese labels render the
 * same on any server, including one without Chinese fonts installed. System fonts are never loaded.
 */
export const CHART_FONT_FILE =
  require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')
export const CHART_FONT_FAMILY = 'Noto Sans SC'
/** Pixels per SVG unit: charts are drawn at report size and rasterised at twice that for print. */
const RASTER_SCALE = 2

export const STATUS_COLORS: Record<IndicatorStatus, string> = {
  achieved: '#389e0d',
  on_track: '#1677ff',
  lagging: '#fa8c16',
  seriously_lagging: '#cf1322',
  no_data: '#bfbfbf',
}

export interface ChartImage {
  png: Buffer
  /** The size to show it at in the document, in pixels (the PNG has RASTER_SCALE times as many). */
  width: number
  height: number
}

export function renderChartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CHART_FONT_FAMILY },
      ...option,
    })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

export function rasteriseSvg(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * RASTER_SCALE },
    font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
  })
  return resvg.render().asPng()
}

function renderChart(option: echarts.EChartsCoreOption, width: number, height: number): ChartImage {
  return { png: rasteriseSvg(renderChartSvg(option, width, height), width), width, height }
}

/** 指标状态分布: one bar per status, in the order of the status scale. */
export function renderStatusChart(counts: Record<IndicatorStatus, number>): ChartImage {
  return renderChart(
    {
      title: { text: '指标状态分布', left: 'center', textStyle: { fontSize: 16 } },
      grid: { left: 48, right: 24, top: 56, bottom: 40 },
      xAxis: { type: 'category', data: INDICATOR_STATUSES.map((s) => INDICATOR_STATUS_LABELS[s]) },
      yAxis: { type: 'value', name: '指标数（项）', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barWidth: '50%',
          label: { show: true, position: 'top' },
          data: INDICATOR_STATUSES.map((s) => ({ value: counts[s], itemStyle: { color: STATUS_COLORS[s] } })),
        },
      ],
    },
    560,
    320,
  )
}

export interface CompletionBar {
  name: string
  /** 完成率 as a ratio (1 = target reached). */
  completionRatio: number
  status: IndicatorStatus
}

const BAR_LABEL_MAX_CHARS = 16

/** 重点指标完成率: one horizontal bar per indicator, a line at 100%. */
export function renderCompletionChart(bars: CompletionBar[]): ChartImage {
  const shown = [...bars].reverse()
  const height = Math.max(200, 80 + shown.length * 28)
  return renderChart(
    {
      title: { text: '重点指标完成率', left: 'center', textStyle: { fontSize: 16 } },
      grid: { left: 230, right: 64, top: 48, bottom: 32 },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: shown.map((b) =>
          b.name.length > BAR_LABEL_MAX_CHARS ? `${b.name.slice(0, BAR_LABEL_MAX_CHARS)}…` : b.name,
        ),
      },
      series: [
        {
          type: 'bar',
          label: { show: true, position: 'right', formatter: '{c}%' },
          data: shown.map((b) => ({
            value: Math.round(b.completionRatio * 1000) / 10,
            itemStyle: { color: STATUS_COLORS[b.status] },
          })),
          markLine: {
            symbol: 'none',
            label: { formatter: '目标' },
            lineStyle: { type: 'dashed', color: '#595959' },
            data: [{ xAxis: 100 }],
          },
        },
      ],
    },
    640,
    height,
  )
}
