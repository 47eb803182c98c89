import { zhCN } from './zh-cn'

// Dotted paths to every text of the dictionary ('orgUnits.createChild'), so a typo is a type error.
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type MessageKey = Leaves<typeof zhCN>
export type MessageParams = Record<string, string | number>

/** The text for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: MessageParams): string {
  const text = lookUp(key)
  return text === undefined ? key : fill(text, params)
}

/** For keys built at run time (e.g. an audit field name): the text, or undefined when there is none. */
export function tOptional(key: string, params?: MessageParams): string | undefined {
  const text = lookUp(key)
  return text === undefined ? undefined : fill(text, params)
}

function lookUp(key: string): string | undefined {
  let node: unknown = zhCN
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

function fill(text: string, params: MessageParams | undefined): string {
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  )
}
