import { describe, expect, it } from 'vitest'
import { t, tOptional } from './t'
import { zhCN } from './zh-cn'

describe('t', () => {
  it('returns the text of a dotted key', () => {
    expect(t('orgUnits.createChild')).toBe('新建下级机构')
  })

  it('fills {placeholders} from params and leaves unknown ones as they are', () => {
    expect(t('orgUnits.deleteConfirm', { name: '大冶市' })).toBe('确定删除「大冶市」吗？')
    expect(t('orgUnits.deleteConfirm')).toBe('确定删除「{name}」吗？')
  })

  it('answers undefined from tOptional for a key the dictionary lacks', () => {
    expect(tOptional('audit.fields.noSuchField')).toBeUndefined()
    expect(tOptional('audit')).toBeUndefined()
    expect(tOptional('users.phone')).toBe('电话')
  })

  it('has no empty text anywhere in the dictionary', () => {
    const empty: string[] = []
    const walk = (node: unknown, path: string) => {
      if (typeof node === 'string') {
        if (node.trim() === '') empty.push(path)
        return
      }
      for (const [key, child] of Object.entries(node as Record<string, unknown>))
        walk(child, `${path}.${key}`)
    }
    walk(zhCN, 'zhCN')
    expect(empty).toEqual([])
  })
})
