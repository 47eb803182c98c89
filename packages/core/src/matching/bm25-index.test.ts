import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Bm25Index } from './bm25-index'
import type { MatchDocument, MatchQuery } from './match-index'
import { createSegmenter } from './segmenter'

const segmenter = createSegmenter()

const RESULTS: MatchDocument[] = [
  {
    id: 'cathode',
    title: '高镍三元锂电池正极材料制备技术',
    keywords: ['正极材料', '锂电池', '高镍三元'],
    body: '采用共沉淀法制备高镍三元前驱体，提升锂电池能量密度与循环寿命。',
    industry: '新材料',
    attributes: { maturity: 'pilot' },
  },
  {
    id: 'lfp',
    title: '磷酸铁锂前驱体连续合成工艺',
    keywords: ['磷酸铁锂', '前驱体'],
    body: '一种磷酸铁锂正极材料前驱体的连续合成方法，批次稳定。',
    industry: '新材料',
    attributes: { maturity: 'industrial' },
  },
  {
    id: 'copper',
    title: '高强高导铜合金带材短流程制备',
    keywords: ['高强高导铜合金', '铜合金'],
    body: '面向引线框架的高强高导铜合金，抗拉强度 600MPa，导电率 80%IACS。',
    industry: '新材料',
    attributes: { maturity: 'pilot' },
  },
  {
    id: 'pcb',
    title: '高纵横比背钻和堵孔技术',
    keywords: ['印刷电路板', '背钻'],
    body: '适用于 5G 通讯印刷电路板的背钻与树脂堵孔工艺。',
    industry: '电子信息',
    attributes: { maturity: 'industrial' },
  },
  {
    id: 'tcm',
    title: '中药配方颗粒质量标准研究',
    keywords: ['中药配方颗粒'],
    body: '建立中药配方颗粒指纹图谱与含量测定方法。',
    industry: '生命健康',
    attributes: { maturity: 'lab' },
  },
]

function indexOf(documents: MatchDocument[]): Bm25Index {
  const index = new Bm25Index(segmenter)
  for (const document of documents) index.upsert(document)
  return index
}

describe('Bm25Index', () => {
  it('ranks the results that answer a need about 锂电池正极材料 first, and explains each with shared terms', () => {
    const index = indexOf(RESULTS)
    const hits = index.search({
      title: '寻求锂电池正极材料技术合作',
      body: '我公司生产锂电池，需要提升正极材料的能量密度。',
      industry: '新材料',
    })
    expect(hits.slice(0, 2).map((h) => h.id)).toEqual(['cathode', 'lfp'])
    const top = hits[0]!
    expect(top.sharedTerms.map((t) => t.term)).toContain('正极材料')
    expect(top.sharedTerms.map((t) => t.term)).toContain('锂电池')
    expect(top.industryMatch).toBe(true)
    const shares = top.sharedTerms.reduce((sum, t) => sum + t.share, 0)
    expect(shares).toBeCloseTo(1, 6)
    expect(top.sharedTerms.find((t) => t.term === '正极材料')!.fields).toContain('title')
    expect(hits.map((h) => h.id)).not.toContain('tcm')
  })

  it('shows a domain term once, not the words inside it', () => {
    const hits = indexOf(RESULTS).search({ title: '高强高导铜合金' })
    expect(hits[0]!.id).toBe('copper')
    const terms = hits[0]!.sharedTerms.map((t) => t.term)
    expect(terms).toContain('高强高导铜合金')
    expect(terms).not.toContain('铜合金')
  })

  it('never gives words every text uses (技术, 关键技术需求) as a reason', () => {
    const index = indexOf(RESULTS)
    const hits = index.search({ title: '锂电池正极材料关键技术需求', body: '提升正极材料关键技术。' })
    const terms = hits.flatMap((h) => h.sharedTerms.map((t) => t.term))
    expect(terms).toContain('正极材料')
    for (const generic of ['技术', '关键', '需求', '关键技术', '技术需求', '提升'])
      expect(terms).not.toContain(generic)
    for (const hit of hits)
      expect(hit.sharedTerms.reduce((sum, t) => sum + t.share, 0)).toBeCloseTo(
        hit.sharedTerms.length ? 1 : 0,
        6,
      )
  })

  it('finds a record through character bigrams when the words differ, and joins them into a run', () => {
    const index = indexOf(RESULTS)
    // "指纹图" is not a word the dictionary cuts the same way; bigrams of the title still meet 配方颗粒.
    const hits = index.search({ title: '配方颗粒质控' })
    expect(hits[0]!.id).toBe('tcm')
    expect(hits[0]!.sharedTerms.some((t) => t.term.includes('配方颗粒'))).toBe(true)
  })

  it('filters by attribute and by industry, and leaves out excluded ids', () => {
    const index = indexOf(RESULTS)
    const query = { title: '锂电池正极材料' }
    expect(index.search({ ...query, filters: { maturity: ['industrial'] } }).map((h) => h.id)).toEqual([
      'lfp',
    ])
    expect(index.search({ ...query, filters: { industry: ['电子信息'] } })).toEqual([])
    expect(index.search({ ...query, excludeIds: ['cathode'] })[0]!.id).toBe('lfp')
    expect(index.search({ ...query, filters: { maturity: [] } }).length).toBeGreaterThan(1)
  })

  it('returns nothing for an empty query, a query of stop words, or an empty index', () => {
    const index = indexOf(RESULTS)
    expect(index.search({ title: '' })).toEqual([])
    expect(index.search({ title: '的，。' })).toEqual([])
    expect(new Bm25Index(segmenter).search({ title: '锂电池' })).toEqual([])
  })

  it('handles a query of thousands of characters (scores only its rarest terms)', () => {
    const index = indexOf(RESULTS)
    const long = '锂电池正极材料'.repeat(500) + '高强高导铜合金'.repeat(500)
    const hits = index.search({ title: long, limit: 3 })
    expect(hits.length).toBe(3)
  })

  it('updates incrementally: an edited record is found by its new words, not its old ones', () => {
    const index = indexOf(RESULTS)
    index.upsert({ ...RESULTS[3]!, title: '锂电池极片激光切割', keywords: ['激光切割'], body: '' })
    expect(index.size).toBe(RESULTS.length)
    expect(index.search({ title: '背钻' }).map((h) => h.id)).not.toContain('pcb')
    expect(index.search({ title: '激光切割' })[0]!.id).toBe('pcb')
    expect(index.remove('pcb')).toBe(true)
    expect(index.remove('pcb')).toBe(false)
    expect(index.has('pcb')).toBe(false)
    expect(index.search({ title: '激光切割' })).toEqual([])
  })

  it('gives the same ranking after removals and compaction as an index built without the removed records', () => {
    const many = Array.from({ length: 1_200 }, (_, i) => ({
      ...RESULTS[i % RESULTS.length]!,
      id: `r${i}`,
      body: `${RESULTS[i % RESULTS.length]!.body} 批次 ${i}`,
    }))
    const index = indexOf(many)
    for (let i = 0; i < 1_100; i++) index.remove(`r${i}`) // crosses the compaction threshold
    const fresh = indexOf(many.slice(1_100))
    const query = { title: '锂电池正极材料', limit: 20 }
    expect(index.search(query)).toEqual(fresh.search(query))
  })

  it('property: adding a record and removing it again changes no ranking', () => {
    const titles = RESULTS.map((r) => r.title)
    fc.assert(
      fc.property(fc.constantFrom(...titles), fc.string({ maxLength: 20 }), (query, extra) => {
        const index = indexOf(RESULTS)
        const before = index.search({ title: query })
        index.upsert({ id: 'extra', title: extra + query, keywords: [], body: extra, industry: null })
        index.remove('extra')
        expect(index.search({ title: query })).toEqual(before)
      }),
      { numRuns: 50 },
    )
  })

  it('property: a record that repeats the query in its title never ranks below one that does not mention it', () => {
    fc.assert(
      fc.property(fc.constantFrom('正极材料', '铜合金', '背钻', '配方颗粒'), (term) => {
        const index = indexOf([
          ...RESULTS,
          { id: 'exact', title: `${term}${term}`, keywords: [term], body: term, industry: null },
        ])
        const hits = index.search({ title: term })
        expect(hits[0]!.id).toBe('exact')
      }),
    )
  })
})

describe('Bm25Index pruning', () => {
  it('returns exactly what scoring every posting returns, with filters and industry', async () => {
    const { generateSyntheticResults } = await import('../marketplace/synthetic-marketplace')
    const directions = [
      {
        id: 'a',
        industry: '新材料',
        subfield: null,
        technologies: ['高强高导铜合金', '正极材料', '磷酸铁锂前驱体'],
        products: ['锂电池'],
      },
      {
        id: 'b',
        industry: '电子信息',
        subfield: null,
        technologies: ['背钻', '堵孔', '印刷电路板'],
        products: ['5G通讯用超高精铜箔'],
      },
      {
        id: 'c',
        industry: '生命健康',
        subfield: null,
        technologies: ['中药配方颗粒', '牛磺酸'],
        products: ['片剂'],
      },
    ]
    const documents = generateSyntheticResults(directions, 6_000, 7).map((r, i) => ({
      id: `r${i}`,
      title: r.title,
      keywords: r.keywords,
      body: r.abstract,
      industry: r.industry,
      attributes: { maturity: r.maturity },
    }))
    const pruned = new Bm25Index(segmenter)
    const exhaustive = new Bm25Index(segmenter, { pruning: false })
    for (const d of documents) {
      pruned.upsert(d)
      exhaustive.upsert(d)
    }
    const queries: MatchQuery[] = [
      { title: '锂电池正极材料', body: '寻求磷酸铁锂前驱体合成技术，提升铜箔性能', industry: '新材料' },
      { title: '印刷电路板背钻', filters: { maturity: ['pilot'] } },
      { title: '中药配方颗粒质量', limit: 25, industry: '生命健康' },
      { title: '高强高导铜合金', filters: { industry: ['电子信息'] } },
    ]
    for (const query of queries) expect(pruned.search(query)).toEqual(exhaustive.search(query))
  })
})
