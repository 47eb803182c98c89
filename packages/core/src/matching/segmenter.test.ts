import { describe, expect, it } from 'vitest'
import { createSegmenter, hanBigrams, isIndexWord, normalizeText } from './segmenter'

const segmenter = createSegmenter()

describe('segmenter', () => {
  it('keeps a domain term whole and also yields the words inside it', () => {
    const words = segmenter.words('开发高强高导铜合金材料')
    expect(words).toContain('高强高导铜合金')
    expect(words).toContain('铜合金')
    expect(words).not.toContain('高导')
  })

  it('keeps 锂电池正极材料 terms of the plans whole', () => {
    expect(segmenter.words('锂电池正极材料的制备')).toContain('正极材料')
    expect(segmenter.words('磷酸铁锂前驱体')).toContain('磷酸铁锂')
  })

  it('learns terms of the records themselves', () => {
    expect(segmenter.words('一种微弧氧化膜层工艺')).not.toContain('微弧氧化膜层')
    segmenter.addTerms(['微弧氧化膜层'])
    expect(segmenter.hasTerm('微弧氧化膜层')).toBe(true)
    expect(segmenter.words('一种微弧氧化膜层工艺')).toContain('微弧氧化膜层')
  })

  it('normalises full-width and case, and drops punctuation, single characters and stop words', () => {
    expect(normalizeText('ＡＧＶ小车')).toBe('agv小车')
    const words = segmenter.words('基于AGV的，一种智能的搬运车！')
    expect(words).toContain('agv')
    expect(words).toContain('搬运车')
    expect(words).not.toContain('一种')
    expect(words).not.toContain('的')
    expect(words).not.toContain('，')
    expect(isIndexWord('5g')).toBe(true)
    expect(isIndexWord('x')).toBe(false)
  })

  it('ignores unusable dictionary entries (spaces, one character, whole sentences)', () => {
    segmenter.addTerms(['LNG 集成系统', '铜', '很'.repeat(40)])
    expect(segmenter.hasTerm('LNG 集成系统')).toBe(false)
    expect(segmenter.hasTerm('铜')).toBe(false)
  })

  it('cuts text with markup as plain characters (nothing is interpreted)', () => {
    expect(segmenter.words('<script>alert(1)</script>铜合金')).toContain('铜合金')
  })

  it('makes bigrams of Han runs only', () => {
    expect(hanBigrams('正极材料ab铜箔')).toEqual(['正极', '极材', '材料', '铜箔'])
    expect(hanBigrams('a')).toEqual([])
  })
})
