import { randomInt } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import { PASSWORD_MIN_LENGTH, checkPasswordStrength } from '@kechuang/core/accounts'

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane). The library's Algorithm is a
// const enum, which isolated modules cannot import, hence its value: Argon2id = 2.
const ARGON2ID = 2
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// Hashed once and checked against when a username does not exist, so a wrong name takes as long as a
// wrong password and response times do not reveal which accounts exist.
let dummyHash: Promise<string> | undefined
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('Dummy-password-for-timing-1')
  await verifyPassword(await dummyHash, password)
}

// Unambiguous characters only (no 0/O, 1/l/I), since these passwords are read off a screen and typed.
const GENERATED_ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=?']
const GENERATED_LENGTH = Math.max(PASSWORD_MIN_LENGTH, 14)

/** A random one-time password that satisfies the complexity rules. */
export function generatePassword(): string {
  const all = GENERATED_ALPHABETS.join('')
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)]!
  const chars = GENERATED_ALPHABETS.map(pick)
  while (chars.length < GENERATED_LENGTH) chars.push(pick(all))
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[chars[i], chars[j]] = [chars[j]!, chars[i]!]
  }
  const password = chars.join('')
  return checkPasswordStrength(password).length === 0 ? password : generatePassword()
}
