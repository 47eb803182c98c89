import { describe, expect, it } from 'vitest'
import { highlightTerms, snippetOf } from './highlight-terms'

const marked = (text: string, terms: string[]) =>
  highlightTerms(text, terms)
    .map((s) => (s.isMatch ? `[${s.text}]` : s.text))
    .join('')

describe('highlightTerms', () => {
  it('marks every occurrence of each term and keeps the rest as plain text', () => {
    expect(highlightTerms('锂电池正极材料与锂电池回收', ['锂电池'])).toEqual([
      { text: '锂电池', isMatch: true },
      { text: '正极材料与', isMatch: false },
      { text: '锂电池', isMatch: true },
      { text: '回收', isMatch: false },
    ])
  })

  it('prefers the longest term starting at a position', () => {
    expect(marked('高强高导铜合金带材', ['铜合金', '高强高导铜合金'])).toBe('[高强高导铜合金]带材')
  })

  it('skips a term that overlaps one already marked', () => {
    // 正极材料 starts inside 锂电池正极, which is marked first, so only the part after it can match.
    expect(marked('锂电池正极材料', ['锂电池正极', '正极材料', '材料'])).toBe('[锂电池正极][材料]')
  })

  it('puts adjacent matches in separate segments', () => {
    expect(marked('正极材料锂电池', ['锂电池', '正极材料'])).toBe('[正极材料][锂电池]')
  })

  it('ignores Latin case and keeps the original spelling', () => {
    expect(marked('基于MOF的催化剂', ['mof'])).toBe('基于[MOF]的催化剂')
  })

  it('keeps HTML-like text as text, in segments that join back to the input', () => {
    const text = '<script>alert("锂电池")</script><b>正极</b>'
    const segments = highlightTerms(text, ['锂电池', '<b>'])
    expect(segments.map((s) => s.text).join('')).toBe(text)
    expect(segments.filter((s) => s.isMatch).map((s) => s.text)).toEqual(['锂电池', '<b>'])
  })

  it('returns the whole text unmarked without terms, and nothing for empty text', () => {
    expect(highlightTerms('电池', [])).toEqual([{ text: '电池', isMatch: false }])
    expect(highlightTerms('电池', ['', '  '])).toEqual([{ text: '电池', isMatch: false }])
    expect(highlightTerms('', ['电池'])).toEqual([])
  })

  it('always joins back to the input', () => {
    const text = 'aaaa 电池电池池 aa'
    for (const terms of [
      ['a', 'aa'],
      ['电池', '池电'],
      ['aaaa a', ' '],
    ]) {
      expect(
        highlightTerms(text, terms)
          .map((s) => s.text)
          .join(''),
      ).toBe(text)
    }
  })
})

describe('snippetOf', () => {
  it('cuts long text at a character and adds an ellipsis', () => {
    expect(snippetOf('锂电池正极材料', 3)).toBe('锂电池…')
    expect(snippetOf('锂电池', 3)).toBe('锂电池')
    expect(snippetOf('😀😀😀', 2)).toBe('😀😀…')
  })
})
