import type { Block, Document } from '../../electron/shared/model.ts'

/**
 * A revised edition of a document, the way content really changes: some blocks edited (a word
 * replaced, a phrase inserted), a run of blocks reordered, one long block split in two, one deleted.
 */
export function reviseDocument(original: Document): {
  revised: Document
  deletedBlockId: string
  splitBlockId: string
} {
  const blocks: Block[] = original.blocks.map((b) => ({ ...b }))
  blocks.forEach((block, i) => {
    if (i % 3 !== 1) return
    block.en = block.en.replace(/\bthe\b/, 'this').replace(/, /, ', indeed, ')
    block.zh = block.zh.replace('的', '之').replace('，', '，同时，')
  })
  const moved = blocks.splice(4, 5).reverse()
  blocks.splice(6, 0, ...moved)

  const longest = blocks.reduce((a, b) => (b.en.length > a.en.length ? b : a))
  const enCut = longest.en.indexOf('. ', Math.floor(longest.en.length / 2))
  const zhCut = longest.zh.indexOf('。', Math.floor(longest.zh.length / 2))
  if (enCut > 0 && zhCut > 0) {
    const second: Block = {
      id: 'b900',
      type: longest.type,
      en: longest.en.slice(enCut + 2),
      zh: longest.zh.slice(zhCut + 1),
    }
    longest.en = longest.en.slice(0, enCut + 1)
    longest.zh = longest.zh.slice(0, zhCut + 1)
    blocks.splice(blocks.indexOf(longest) + 1, 0, second)
  }
  const deleted = blocks.find(
    (b) => b.id !== longest.id && b.type === 'paragraph' && b.id !== 'b900',
  )!
  blocks.splice(blocks.indexOf(deleted), 1)
  return { revised: { ...original, blocks }, deletedBlockId: deleted.id, splitBlockId: longest.id }
}

/** Sentences of a text with their offsets: the passages a reader would highlight. */
export function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = []
  const pattern = /[^.。;；!?！？]+[.。;；!?！？]?/gu
  for (const match of text.matchAll(pattern)) {
    const trimmedStart = match.index + (match[0].length - match[0].trimStart().length)
    const end = match.index + match[0].trimEnd().length
    if (end - trimmedStart >= 6) out.push({ start: trimmedStart, end })
  }
  return out
}
