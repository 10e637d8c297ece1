/** A span of a text: `text.slice(start, end)`. */
export interface TextRange {
  start: number
  end: number
}

/**
 * Where each part lies in the text, or null unless the parts, in order and with nothing but
 * whitespace between and around them, make up the whole text (each part trimmed). This is how an aligned pair's
 * sentence group is found in its block again: the reader highlights these ranges, the corpus check
 * rejects pairs that drop, add or reorder text.
 */
export function locateParts(text: string, parts: readonly string[]): TextRange[] | null {
  const ranges: TextRange[] = []
  let at = skipWhitespace(text, 0)
  for (const part of parts) {
    if (!part.trim() || part !== part.trim() || !text.startsWith(part, at)) return null
    ranges.push({ start: at, end: at + part.length })
    at = skipWhitespace(text, at + part.length)
  }
  return at === text.length ? ranges : null
}

function skipWhitespace(text: string, from: number): number {
  let at = from
  while (at < text.length && /\s/.test(text[at]!)) at++
  return at
}
