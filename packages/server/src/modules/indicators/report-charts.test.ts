import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import {
  CHART_FONT_FAMILY,
  CHART_FONT_FILE,
  rasteriseSvg,
  renderChartSvg,
  renderCompletionChart,
  renderStatusChart,
} from './report-charts'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

// Dark pixels of a text-only SVG rendered with the product's font and no system fonts.
function inkOf(text: string, fontFiles: string[]): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">
    <text x="10" y="40" font-family="${CHART_FONT_FAMILY}" font-size="32" fill="#000">${text}</text></svg>`
  const image = new Resvg(svg, {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
  }).render()
  // `pixels` copies the bitmap on every access: read it once.
  const pixels = image.pixels
  let ink = 0
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 128) ink++
  return ink
}

describe('report charts', () => {
  it('loads the CJK font from the npm package, not from the system', () => {
    expect(CHART_FONT_FILE).toMatch(/node_modules\/@expo-google-fonts\/noto-sans-sc\/.*\.ttf$/)
  })

  it('draws Chinese glyphs with that font alone (and nothing without it)', () => {
    expect(inkOf('指标滞后', [CHART_FONT_FILE])).toBeGreaterThan(200)
    expect(inkOf('指标滞后', [])).toBe(0)
  })

  it('writes the chart text in the product font', () => {
    const svg = renderChartSvg({ title: { text: '指标状态分布' } }, 300, 200)
    expect(svg).toContain('指标状态分布')
    expect(svg).toContain(CHART_FONT_FAMILY)
    expect(rasteriseSvg(svg, 300).subarray(0, 8)).toEqual(PNG_SIGNATURE)
  })

  it('renders the status distribution and completion charts as PNG', () => {
    const status = renderStatusChart({
      achieved: 3,
      on_track: 5,
      lagging: 2,
      seriously_lagging: 1,
      no_data: 4,
    })
    expect(status.png.subarray(0, 8)).toEqual(PNG_SIGNATURE)
    const completion = renderCompletionChart([
      { name: '高新技术企业数', completionRatio: 0.98, status: 'lagging' },
      { name: '科技型中小企业数', completionRatio: 1.233, status: 'achieved' },
    ])
    expect(completion.png.subarray(0, 8)).toEqual(PNG_SIGNATURE)
    expect(completion.height).toBeGreaterThanOrEqual(200)
  })
})
