/**
 * Turns what a user types into a safe FTS5 query: every word must appear, the last one as a prefix.
 * User text never reaches FTS5 syntax directly (quotes, NEAR, column filters would be errors or tricks).
 */
export function toFtsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu)
  if (!words || words.length === 0) return null
  return words
    .map((w, i) => `"${w}"` + (i === words.length - 1 ? '*' : ''))
    .join(' ')
}
