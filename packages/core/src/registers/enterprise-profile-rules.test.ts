import { describe, expect, it } from 'vitest'
import { buildTimeline, maskIdNumber, maskPhone, qualificationValidity } from './enterprise-profile-rules'

const doc = { kind: 'document' as const, doc: '黄石市高企名单.xlsx' }

describe('qualificationValidity', () => {
  const hnte = { status: 'held' as const, year: null, validFrom: '2023-11-01', validTo: '2026-10-31' }

  it('counts both ends of the certificate period as valid', () => {
    expect(qualificationValidity(hnte, '2023-11-01')).toBe('valid')
    expect(qualificationValidity(hnte, '2026-10-31')).toBe('valid')
    expect(qualificationValidity(hnte, '2026-11-01')).toBe('expired')
    expect(qualificationValidity(hnte, '2023-10-31')).toBe('not_yet_valid')
  })

  it('treats a 入库 year without dates as valid through that calendar year', () => {
    const tsme = { status: 'held' as const, year: 2024, validFrom: null, validTo: null }
    expect(qualificationValidity(tsme, '2024-12-31')).toBe('valid')
    expect(qualificationValidity(tsme, '2025-01-01')).toBe('expired')
  })

  it('never counts a 争创 target, and counts an undated held title as valid', () => {
    expect(qualificationValidity({ ...hnte, status: 'target' }, '2024-01-01')).toBe('target')
    expect(
      qualificationValidity({ status: 'held', year: null, validFrom: null, validTo: null }, '2024-01-01'),
    ).toBe('valid')
  })
})

describe('masking personal data', () => {
  it('masks an id number as 4202**********1234', () => {
    expect(maskIdNumber('420202198001011234')).toBe('4202**********1234')
  })

  it('masks a mobile number as 138****0000 and a short number but its last two digits', () => {
    expect(maskPhone('13800000000')).toBe('138****0000')
    expect(maskPhone('6221234')).toBe('*****34')
  })

  it('never returns more than it hides for very short values', () => {
    expect(maskIdNumber('12345')).toBe('*****')
    expect(maskPhone('12')).toBe('**')
  })
})

describe('buildTimeline', () => {
  it('orders dated events, skips targets and undated facts, and labels each kind', () => {
    const events = buildTimeline({
      qualifications: [
        {
          type: 'hnte',
          title: '高企',
          status: 'held',
          number: 'GR2023',
          year: null,
          validFrom: '2023-11-01',
          source: doc,
        },
        {
          type: 'gazelle',
          title: '瞪羚',
          status: 'target',
          number: null,
          year: 2025,
          validFrom: null,
          source: doc,
        },
        {
          type: 'tsme',
          title: '科小',
          status: 'held',
          number: null,
          year: 2021,
          validFrom: null,
          source: doc,
        },
      ],
      platforms: [
        {
          name: '某企业技术中心',
          type: 'enterprise_technology_center',
          level: 'provincial',
          approvedOn: '2022-05-01',
          source: doc,
        },
        { name: '未获批平台', type: 'other', level: null, approvedOn: null, source: doc },
      ],
      projects: [{ name: '技改一期', kind: 'technical_renovation', startedOn: '2024-03-01', source: doc }],
      ipGrants: [
        { type: 'invention', title: '一种方法', number: 'ZL1', grantedOn: '2022-05-01', source: doc },
      ],
      links: [{ at: '2026-03-02T10:00:00+08:00', kind: 'merge', otherName: '某某公司', userName: '张三' }],
    })
    expect(events.map((e) => [e.date, e.kind])).toEqual([
      ['2021-01-01', 'qualification'],
      ['2022-05-01', 'platform'],
      ['2022-05-01', 'ip'],
      ['2023-11-01', 'qualification'],
      ['2024-03-01', 'project'],
      ['2026-03-02', 'merge'],
    ])
    expect(events[3]?.title).toBe('获得高新技术企业（编号 GR2023）')
    expect(events[1]?.title).toBe('某企业技术中心 获批省级企业技术中心')
    expect(events[5]?.source).toBeNull()
  })
})
