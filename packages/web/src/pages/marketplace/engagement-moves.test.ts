import { EngagementInput } from '@kechuang/core/marketplace'
import { describe, expect, it } from 'vitest'
import {
  canRegisterContract,
  engagementInputFor,
  existingEngagementId,
  isEngagementDeletable,
  moveTargetsOf,
} from './engagement-moves'

const NEED = '00000000-0000-4000-8000-000000000001'
const RESULT = '00000000-0000-4000-8000-000000000002'
const EXPERT = '00000000-0000-4000-8000-000000000003'

describe('moveTargetsOf', () => {
  it('offers every manual stage but the current one', () => {
    expect(moveTargetsOf('contacted')).toEqual(['recommended', 'meeting', 'negotiating', 'closed'])
  })

  it('lets a closed 对接 be reopened', () => {
    expect(moveTargetsOf('closed')).toContain('negotiating')
  })

  it('never offers 已签合同, which only a registered contract reaches', () => {
    expect(moveTargetsOf('negotiating')).not.toContain('contract')
    expect(moveTargetsOf('contract')).toEqual([])
  })
})

describe('isEngagementDeletable and canRegisterContract', () => {
  it('deletes only a 对接 still at 已推荐, by staff who may edit it', () => {
    expect(isEngagementDeletable({ status: 'recommended', canEdit: true })).toBe(true)
    expect(isEngagementDeletable({ status: 'contacted', canEdit: true })).toBe(false)
    expect(isEngagementDeletable({ status: 'recommended', canEdit: false })).toBe(false)
  })

  it('registers a contract only once and not for a closed 对接', () => {
    expect(canRegisterContract({ status: 'negotiating', canEdit: true, contractId: null })).toBe(true)
    expect(canRegisterContract({ status: 'contract', canEdit: true, contractId: RESULT })).toBe(false)
    expect(canRegisterContract({ status: 'closed', canEdit: true, contractId: null })).toBe(false)
  })
})

describe('engagementInputFor', () => {
  it('pairs a need with a recommended result or expert', () => {
    const withResult = engagementInputFor({ collection: 'needs', id: NEED }, { kind: 'results', id: RESULT })
    expect(EngagementInput.parse(withResult)).toMatchObject({
      needId: NEED,
      resultId: RESULT,
      expertId: null,
    })
    const withExpert = engagementInputFor({ collection: 'needs', id: NEED }, { kind: 'experts', id: EXPERT })
    expect(EngagementInput.parse(withExpert)).toMatchObject({
      needId: NEED,
      resultId: null,
      expertId: EXPERT,
    })
  })

  it('pairs a recommended need with the result whose panel it is on', () => {
    const body = engagementInputFor({ collection: 'results', id: RESULT }, { kind: 'needs', id: NEED })
    expect(EngagementInput.parse(body)).toMatchObject({ needId: NEED, resultId: RESULT, expertId: null })
  })

  it('pairs a recommended need with the expert whose panel it is on', () => {
    const body = engagementInputFor({ collection: 'experts', id: EXPERT }, { kind: 'needs', id: NEED })
    expect(EngagementInput.parse(body)).toMatchObject({ needId: NEED, resultId: null, expertId: EXPERT })
  })
})

describe('existingEngagementId', () => {
  it('reads the id of the existing 对接 from the refusal details', () => {
    expect(existingEngagementId({ id: NEED })).toBe(NEED)
    expect(existingEngagementId([{ path: '', message: 'x' }])).toBeNull()
    expect(existingEngagementId(undefined)).toBeNull()
  })
})
