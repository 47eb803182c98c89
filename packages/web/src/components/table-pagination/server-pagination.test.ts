import { describe, expect, it, vi } from 'vitest'
import { serverPagination } from './server-pagination'

describe('serverPagination', () => {
  it('pages from the caller state and hands page changes back', () => {
    const onChange = vi.fn()
    const pager = serverPagination({ page: 3, pageSize: 20 }, undefined, onChange, true)
    expect(pager).toMatchObject({ current: 3, pageSize: 20, total: 0, showSizeChanger: true, simple: true })
    expect(pager.showTotal!(42, [1, 20])).toBe('共 42 条')
    pager.onChange!(1, 50)
    expect(onChange).toHaveBeenCalledWith({ page: 1, pageSize: 50 })
  })
})
