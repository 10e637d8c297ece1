const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  copy: '©',
  reg: '®',
  deg: '°',
  times: '×',
}

/** Character references (`&amp;`, `&#20320;`, `&#x4F60;`) as the characters they stand for. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/**
 * Inline markup of a translation unit reduced to its text: the native code that TMX and XLIFF keep
 * in `<ph>`, `<bpt>`, `<ept>`, `<it>` and `<ut>` is dropped, other tags (`<g>`, `<pc>`, `<mrk>`)
 * keep their words.
 */
export function inlineXmlText(xml: string): string {
  return decodeEntities(
    xml
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) =>
        data.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
      )
      .replace(/<(ph|bpt|ept|it|ut)\b[^>]*>[\s\S]*?<\/\1\s*>/g, '')
      .replace(/<[^>]+>/g, ''),
  )
}
