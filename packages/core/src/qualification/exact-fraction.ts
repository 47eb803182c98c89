/**
 * Exact rational arithmetic for the qualification rules (spec §0.2: "Exact arithmetic is mandatory"). Every
 * figure enters as the decimal it was typed as (1199.99 is 119999/100, never the nearest double), so ratios and
 * growth rates are compared with thresholds without float surprises at the boundary.
 */
export interface Fraction {
  /** Numerator; carries the sign. */
  readonly n: bigint
  /** Denominator, always > 0. Fractions are not reduced: only comparisons and display look at them. */
  readonly d: bigint
}

const ZERO = 0n
const ONE = 1n
const HUNDRED = 100n
const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/

const powersOfTen: bigint[] = [1n]
function powerOfTen(exponent: number): bigint {
  while (powersOfTen.length <= exponent) powersOfTen.push(powersOfTen[powersOfTen.length - 1]! * 10n)
  return powersOfTen[exponent]!
}

export function fraction(n: bigint | number, d: bigint | number = ONE): Fraction {
  const num = BigInt(n)
  const den = BigInt(d)
  if (den === ZERO) throw new RangeError('fraction with denominator 0')
  return den < ZERO ? { n: -num, d: -den } : { n: num, d: den }
}

/** The decimal a number was written as: `String(x)` is the shortest round-trip form, so 0.1 is 1/10. */
export function fractionFromNumber(x: number): Fraction {
  if (Number.isSafeInteger(x)) return { n: BigInt(x), d: ONE }
  // Fast path for money: a double that is the nearest one to c/100 was written as c/100.
  const cents = Math.round(x * 100)
  if (Number.isSafeInteger(cents) && cents / 100 === x) return { n: BigInt(cents), d: HUNDRED }
  const match = DECIMAL_PATTERN.exec(String(x))
  if (match === null) throw new RangeError(`not a finite number: ${x}`)
  const [, sign, whole, decimals = '', exponentText = '0'] = match
  const exponent = Number(exponentText) - decimals.length
  const digits = BigInt(`${sign}${whole}${decimals}`)
  return exponent >= 0
    ? { n: digits * powerOfTen(exponent), d: ONE }
    : { n: digits, d: powerOfTen(-exponent) }
}

/** Number of decimals of a number as written (2.50 → 1, 1e-7 → 7); the §0.6 "at most 2 decimals" check. */
export function countDecimals(x: number): number {
  if (Number.isInteger(x)) return 0
  const cents = Math.round(x * 100)
  if (Number.isSafeInteger(cents) && cents / 100 === x) return cents % 10 === 0 ? 1 : 2
  const match = DECIMAL_PATTERN.exec(String(x))
  if (match === null) return Infinity
  const decimals = match[3]?.length ?? 0
  return Math.max(0, decimals - Number(match[4] ?? '0'))
}

export function add(a: Fraction, b: Fraction): Fraction {
  return a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d }
}

export function subtract(a: Fraction, b: Fraction): Fraction {
  return a.d === b.d ? { n: a.n - b.n, d: a.d } : { n: a.n * b.d - b.n * a.d, d: a.d * b.d }
}

export function multiply(a: Fraction, b: Fraction): Fraction {
  return { n: a.n * b.n, d: a.d * b.d }
}

/** a / b; b must not be 0 (callers apply the spec's rule for a zero denominator first). */
export function divide(a: Fraction, b: Fraction): Fraction {
  if (b.n === ZERO) throw new RangeError('division by 0')
  // Same denominators cancel: (x/d) / (y/d) = x/y, which keeps the numbers small for the fast paths.
  if (a.d === b.d) return b.n < ZERO ? { n: -a.n, d: -b.n } : { n: a.n, d: b.n }
  return b.n < ZERO ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n }
}

// Number fast paths: most figures are a few million cents, so their products fit a double exactly. A product of
// two exactly converted integers is exact when the rounded result is at most 2⁵³ − 1 (rounding is monotone, so a
// true product of 2⁵³ or more cannot round below it); anything larger takes the BigInt path.
const MAX_EXACT = Number.MAX_SAFE_INTEGER
/** Bound for the parts of a rounding done in doubles, leaving room for q·d and 2·r below 2⁵³. */
const MAX_ROUNDING_PART = 2 ** 52

/** −1, 0 or 1 as a < b, a = b, a > b — by cross-multiplying, denominators being positive. */
export function compare(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const an = Number(a.n)
  const ad = Number(a.d)
  const bn = Number(b.n)
  const bd = Number(b.d)
  const leftNumber = an * bd
  const rightNumber = bn * ad
  if (
    Math.abs(an) <= MAX_EXACT &&
    ad <= MAX_EXACT &&
    Math.abs(bn) <= MAX_EXACT &&
    bd <= MAX_EXACT &&
    Math.abs(leftNumber) <= MAX_EXACT &&
    Math.abs(rightNumber) <= MAX_EXACT
  ) {
    return leftNumber < rightNumber ? -1 : leftNumber > rightNumber ? 1 : 0
  }
  const left = a.n * b.d
  const right = b.n * a.d
  return left < right ? -1 : left > right ? 1 : 0
}

export function isZero(a: Fraction): boolean {
  return a.n === ZERO
}

export function isNegative(a: Fraction): boolean {
  return a.n < ZERO
}

export function sum(values: readonly Fraction[]): Fraction {
  return values.reduce(add, { n: ZERO, d: ONE })
}

/** Rounds up (towards +∞) to a multiple of 1/10^decimals and returns the scaled integer (e.g. cents). */
export function ceilToScaledInteger(a: Fraction, decimals: number): bigint {
  const scaled = a.n * powerOfTen(decimals)
  const quotient = scaled / a.d
  return scaled % a.d > ZERO ? quotient + ONE : quotient
}

/** Rounds down (towards −∞) to a multiple of 1/10^decimals and returns the scaled integer. */
export function floorToScaledInteger(a: Fraction, decimals: number): bigint {
  const scaled = a.n * powerOfTen(decimals)
  const quotient = scaled / a.d
  return scaled % a.d < ZERO ? quotient - ONE : quotient
}

/** Rounds half away from zero ("四舍五入") to a multiple of 1/10^decimals; returns the scaled integer. */
export function roundToScaledInteger(a: Fraction, decimals: number): bigint {
  const scaled = a.n * powerOfTen(decimals)
  const negative = scaled < ZERO
  const magnitude = negative ? -scaled : scaled
  // ⌊(2·m + d) / 2d⌋ = ⌊m / d + ½⌋: half away from zero.
  const quotient = magnitude / a.d
  const rounded = (magnitude - quotient * a.d) * 2n >= a.d ? quotient + ONE : quotient
  return negative ? -rounded : rounded
}

/**
 * `roundToScaledInteger` as a number when doubles give the same result, else null — the display fast path, which
 * needs no BigInt. Exact integer maths while numerator·10^decimals and denominator stay below 2⁵²; beyond that (the
 * growth rates) the double quotient, when it is not too close to a half.
 */
export function roundToScaledNumber(a: Fraction, decimals: number): number | null {
  const n = Number(a.n)
  const d = Number(a.d)
  // Exact conversions only (10^decimals is exact up to 10^15).
  if (!(Math.abs(n) <= MAX_EXACT && d <= MAX_EXACT) || decimals > 15) return null
  const scaled = n * 10 ** decimals
  if (!(Math.abs(scaled) < MAX_ROUNDING_PART && d < MAX_ROUNDING_PART)) return roundQuotient(scaled / d)
  const magnitude = Math.abs(scaled)
  let quotient = Math.floor(magnitude / d)
  let remainder = magnitude - quotient * d
  // The double quotient may be one off; the remainder, computed exactly, corrects it.
  if (remainder < 0) {
    quotient -= 1
    remainder += d
  } else if (remainder >= d) {
    quotient += 1
    remainder -= d
  }
  const rounded = remainder * 2 >= d ? quotient + 1 : quotient
  return scaled < 0 && rounded !== 0 ? -rounded : rounded
}

/**
 * Half away from zero of a quotient computed in doubles: two roundings (the product and the quotient) put it within
 * a relative 2⁻⁵² of the exact one, which changes the result only when the exact value lies that close to a half —
 * then null (the caller takes BigInt).
 */
function roundQuotient(quotient: number): number | null {
  const magnitude = Math.abs(quotient)
  if (!(magnitude < MAX_ROUNDING_PART)) return null
  const whole = Math.floor(magnitude)
  const fraction = magnitude - whole
  if (Math.abs(fraction - 0.5) <= magnitude * 2 ** -50 + 2 ** -50) return null
  const rounded = fraction > 0.5 ? whole + 1 : whole
  return quotient < 0 && rounded !== 0 ? -rounded : rounded
}

/** A scaled integer (e.g. 3000 with 2 decimals) as text with exactly that many decimals ("30.00"). */
export function formatScaledInteger(value: bigint, decimals: number): string {
  const negative = value < ZERO
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0')
  const whole = digits.slice(0, digits.length - decimals)
  const text = decimals === 0 ? whole : `${whole}.${digits.slice(digits.length - decimals)}`
  return negative ? `-${text}` : text
}

export function toNumber(a: Fraction): number {
  return Number(a.n) / Number(a.d)
}
