// Two rows reused across calls: a typo lookup measures thousands of terms per keystroke.
let rows = [new Uint8Array(64), new Uint8Array(64)]

/** Levenshtein distance between two strings, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  if (rows[0]!.length <= b.length)
    rows = [new Uint8Array(b.length + 1), new Uint8Array(b.length + 1)]
  let [previous, current] = rows as [Uint8Array, Uint8Array]
  // Distances are capped at max + 1, which is all an answer needs, so they fit a byte.
  const cap = Math.min(max + 1, 255)
  for (let j = 0; j <= b.length; j++) previous[j] = Math.min(j, cap)
  for (let i = 1; i <= a.length; i++) {
    current[0] = Math.min(i, cap)
    let rowMin = current[0]
    const char = a[i - 1]
    for (let j = 1; j <= b.length; j++) {
      const distance = Math.min(
        previous[j - 1]! + (char === b[j - 1] ? 0 : 1),
        previous[j]! + 1,
        current[j - 1]! + 1,
        cap,
      )
      current[j] = distance
      if (distance < rowMin) rowMin = distance
    }
    if (rowMin > max) return max + 1
    ;[previous, current] = [current, previous]
  }
  return previous[b.length]!
}
