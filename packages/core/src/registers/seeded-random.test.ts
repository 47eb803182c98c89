import { describe, expect, it } from 'vitest'
import { createSeededRandom } from './seeded-random'

describe('createSeededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = createSeededRandom(seed)
      return Array.from({ length: 5 }, () => random.next())
    }
    expect(draw(7)).toEqual(draw(7))
    expect(draw(7)).not.toEqual(draw(8))
  })

  it('draws integers in [0, n) and picks from a list', () => {
    const random = createSeededRandom(1)
    const values = Array.from({ length: 1000 }, () => random.int(6))
    expect(Math.min(...values)).toBe(0)
    expect(Math.max(...values)).toBe(5)
    expect(['a', 'b']).toContain(random.pick(['a', 'b']))
    expect(() => random.pick([])).toThrow()
  })
})
