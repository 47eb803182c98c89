import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { INDUSTRY_WORDS, ORGANIZATION_FORMS } from './enterprise-name-vocabulary'
import { normalizeEnterpriseName } from './normalize-enterprise-name'

function parts(name: string) {
  const n = normalizeEnterpriseName(name)
  return { tradeName: n.tradeName, industry: n.industry, form: n.organizationForm, key: n.key }
}

describe('normalizeEnterpriseName', () => {
  it('splits 行政区划 + 字号 + 行业 + 组织形式', () => {
    expect(normalizeEnterpriseName('湖北省黄石市大冶市宏泰铝业有限公司')).toMatchObject({
      tradeName: '宏泰',
      industry: '铝业',
      industryWords: ['铝业'],
      organizationForm: '有限公司',
      regionCode: '420281',
      place: { name: '大冶市', level: 'county', code: '420281' },
      key: '宏泰铝业',
    })
  })

  it('gives the registered name and its 简称 the same key (seed names: 展旺新材料, 黄石三丰智能公司)', () => {
    expect(normalizeEnterpriseName('湖北展旺新材料有限公司').key).toBe(
      normalizeEnterpriseName('展旺新材料').key,
    )
    expect(normalizeEnterpriseName('黄石三丰智能公司').key).toBe(normalizeEnterpriseName('三丰智能').key)
    expect(normalizeEnterpriseName('湖北普罗格智芯科技有限公司').key).toBe('普罗格智芯科技')
  })

  it('strips the legal forms 有限责任公司, 股份有限公司, 集团 and 控股 alike', () => {
    const key = '华新水泥'
    for (const name of ['华新水泥股份有限公司', '华新水泥有限责任公司', '华新水泥集团有限公司', '华新水泥']) {
      expect(normalizeEnterpriseName(name).key).toBe(key)
    }
    // LEARN-FROM M2: without a CJK path these scored 0.0 against each other.
    expect(normalizeEnterpriseName('阿里巴巴集团控股有限公司').key).toBe(
      normalizeEnterpriseName('阿里巴巴集团控股').key,
    )
    expect(parts('阿里巴巴集团控股有限公司').form).toBe('集团控股有限公司')
  })

  it('records a bracketed place and drops it from the key (华新水泥（大冶）, 中科瑞晟…（湖北）)', () => {
    expect(normalizeEnterpriseName('华新水泥（大冶）')).toMatchObject({
      key: '华新水泥',
      regionCode: '420281',
      regions: [{ written: '大冶', position: 'bracket' }],
    })
    expect(normalizeEnterpriseName('中科瑞晟芳香产业研究院（湖北）有限公司')).toMatchObject({
      tradeName: '中科瑞晟芳香',
      industry: '产业研究院',
      regionCode: '420000',
    })
  })

  it('keeps both places of 黄石(武汉)离岸科创园 and takes its code from the prefix', () => {
    const n = normalizeEnterpriseName('黄石(武汉)离岸科创园')
    expect(n.regions.map((r) => `${r.written}/${r.position}`)).toEqual(['黄石/prefix', '武汉/bracket'])
    expect(n.regionCode).toBe('420200')
    expect(n.key).toBe('离岸科创园')
  })

  it('keeps bracket content that is not a place as part of the name', () => {
    expect(normalizeEnterpriseName('湖北贝壳（瑞晟）生态科技有限公司').key).toBe('贝壳瑞晟生态科技')
  })

  it('treats a legal form in brackets as the 组织形式 ((有限合伙))', () => {
    expect(normalizeEnterpriseName('黄石高新创业投资基金（有限合伙）')).toMatchObject({
      organizationForm: '有限合伙',
      key: '高新创业投资基金',
    })
  })

  it('reads full-width characters and brackets as half-width', () => {
    expect(normalizeEnterpriseName('ＴＣＬ科技集团股份有限公司')).toMatchObject({
      tradeName: 'TCL',
      industry: '科技',
    })
    expect(normalizeEnterpriseName('华新水泥(大冶)').key).toBe(
      normalizeEnterpriseName('华新水泥（大冶）').key,
    )
  })

  it('converts common traditional characters (黃石東貝機電集團有限責任公司)', () => {
    expect(normalizeEnterpriseName('黃石東貝機電集團有限責任公司')).toMatchObject({
      tradeName: '东贝',
      industry: '机电',
      organizationForm: '集团有限责任公司',
      regionCode: '420200',
    })
  })

  it('drops punctuation and spaces', () => {
    expect(normalizeEnterpriseName('“湖北 宏泰·铝业”有限公司。').key).toBe('宏泰铝业')
  })

  it('flags a branch and keeps its locator apart from the parent name', () => {
    expect(normalizeEnterpriseName('湖北祥邦科技有限公司大冶分公司')).toMatchObject({
      isBranch: true,
      branchLocation: '大冶',
      key: '祥邦科技',
      regionCode: '420000',
    })
    expect(normalizeEnterpriseName('祥邦科技大冶分公司')).toMatchObject({
      isBranch: true,
      branchLocation: '大冶',
      key: '祥邦科技',
    })
    expect(normalizeEnterpriseName('湖北祥邦科技有限公司').isBranch).toBe(false)
  })

  it('keeps the place as 字号 when nothing but 行业 would remain (大冶特钢, 大冶有色)', () => {
    expect(parts('大冶特钢')).toMatchObject({ tradeName: '大冶', industry: '特钢' })
    expect(parts('大冶有色金属集团控股有限公司')).toMatchObject({ tradeName: '大冶', industry: '有色金属' })
    expect(normalizeEnterpriseName('大冶特钢').regionCode).toBe('420281')
    // …so different enterprises named after one place stay apart.
    expect(parts('大冶特钢').key).not.toBe(parts('大冶有色').key)
  })

  it('never leaves a 字号 shorter than two characters', () => {
    expect(parts('劲牌有限公司')).toMatchObject({ tradeName: '劲牌', industry: null })
    expect(parts('电子科技有限公司')).toMatchObject({ tradeName: '电子', industry: '科技' })
    expect(parts('黄石科技有限公司')).toMatchObject({ tradeName: '黄石', industry: '科技' })
    expect(parts('黄石港务')).toMatchObject({ tradeName: '黄石港务' })
  })

  it('takes the longest 行业 word (新材料, not 材料)', () => {
    expect(normalizeEnterpriseName('祥邦新材料科技有限公司')).toMatchObject({
      tradeName: '祥邦',
      industryWords: ['新材料', '科技'],
    })
  })

  it('does not strip a county name known only by its full form from a 字号 (青山 stays)', () => {
    expect(parts('青山科技有限公司')).toMatchObject({ tradeName: '青山', industry: '科技' })
  })
})

describe('normalisation properties', () => {
  const cjk = fc.constantFrom(...Array.from('华新宏泰鑫东兴达盛祥邦瑞信恒通金源博英晨光龙'))
  // A 字号 that contains a 行业 word (通信, 信息 …) is ambiguous by construction — "大冶通信科技" may be
  // 大冶 + 通信科技 — so the properties draw 字号 without one.
  const tradeName = fc
    .array(cjk, { minLength: 2, maxLength: 4 })
    .map((c) => c.join(''))
    .filter((t) => !INDUSTRY_WORDS.some((word) => t.includes(word)))
  const industry = fc.constantFrom('科技', '新材料科技', '铝业', '电子科技', '')
  const form = fc.constantFrom(...ORGANIZATION_FORMS.filter((f) => f.length > 1), '')
  const prefix = fc.constantFrom(
    '',
    '湖北',
    '湖北省',
    '黄石',
    '黄石市',
    '大冶',
    '湖北省黄石市大冶市',
    '武汉市',
  )

  it('gives the same key whatever place prefix and legal form surround 字号 + 行业', () => {
    fc.assert(
      fc.property(tradeName, industry, prefix, prefix, form, form, (t, i, p1, p2, f1, f2) => {
        expect(normalizeEnterpriseName(p1 + t + i + f1).key).toBe(
          normalizeEnterpriseName(p2 + t + i + f2).key,
        )
      }),
    )
  })

  it('is unchanged by full-width or spaced writing', () => {
    fc.assert(
      fc.property(tradeName, industry, form, (t, i, f) => {
        const name = `${t}${i}${f}`
        expect(normalizeEnterpriseName(` ${Array.from(name).join('\u3000')} `).key).toBe(
          normalizeEnterpriseName(name).key,
        )
      }),
    )
  })

  it('has only 行业 words of two characters or more, so a 字号 never loses a single character to them', () => {
    expect(INDUSTRY_WORDS.every((w) => w.length >= 2)).toBe(true)
  })
})
