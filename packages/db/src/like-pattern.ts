/** `%text%` for LIKE / ILIKE with the wildcard characters of `text` itself escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
