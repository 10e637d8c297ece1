import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeAnchor, placeAnchor, similarity } from '../../../../electron/shared/anchoring.ts'
import { Document } from '../../../../electron/shared/model.ts'
import { reviseDocument, sentences } from '../../../support/revision.ts'

const CONTENT = resolve(import.meta.dirname, '../../../../content')
const load = (id: string) =>
  Document.parse(JSON.parse(readFileSync(resolve(CONTENT, `${id}.json`), 'utf8')))

describe('placeAnchor', () => {
  const doc = load('major-decisions')
  const block = doc.blocks[1]!

  it('places an anchor whose offsets still hold exactly', () => {
    const anchor = makeAnchor(doc.id, block, 'en', 10, 40)
    expect(placeAnchor(anchor, doc)).toEqual({
      status: 'exact',
      blockId: block.id,
      start: 10,
      end: 40,
    })
  })

  it('finds the quote again after text was inserted before it', () => {
    const anchor = makeAnchor(doc.id, block, 'en', 10, 40)
    const edited = {
      ...doc,
      blocks: doc.blocks.map((b) => (b === block ? { ...b, en: `NEW TEXT ${b.en}` } : b)),
    }
    expect(placeAnchor(anchor, edited)).toEqual({
      status: 'quote',
      blockId: block.id,
      start: 19,
      end: 49,
    })
  })

  it('reports orphaned when the document or the text is gone, keeping nothing else', () => {
    const anchor = makeAnchor(doc.id, block, 'en', 10, 40)
    expect(placeAnchor(anchor, undefined).status).toBe('orphaned')
    const without = { ...doc, blocks: doc.blocks.filter((b) => b !== block) }
    expect(placeAnchor(anchor, without).status).toBe('orphaned')
  })

  it('scores similar texts high and unrelated ones low', () => {
    expect(similarity('the quick brown fox', 'the quick brown fox')).toBe(1)
    expect(similarity('the quick brown fox', 'this quick brown fox')).toBeGreaterThan(0.8)
    expect(similarity('江门人才岛', '开平碉楼')).toBe(0)
    expect(similarity('The  Quick\n\tBrown\u3000FOX', 'the quick brown fox')).toBe(1)
  })

  it('finds an edited quote alike in text read in place and in text lower-cased per window', () => {
    const anchor = makeAnchor(doc.id, block, 'en', 10, 60)
    const edited = { ...anchor, quote: `${anchor.quote.slice(0, 25)}~${anchor.quote.slice(26)}` }
    const plain = placeAnchor(edited, doc)
    expect(plain.status).toBe('fuzzy')
    // A final sigma and a surrogate pair lower-case differently in a slice than in the whole text.
    const marked = {
      ...doc,
      blocks: doc.blocks.map((b) => (b === block ? { ...b, en: `ΑΣ 😀 ${b.en}` } : b)),
    }
    expect(placeAnchor(edited, marked)).toEqual({
      ...plain,
      start: plain.start + 6,
      end: plain.end + 6,
    })
  })

  it('re-anchors at least 95% of highlights across a revision (edited, moved, split, deleted blocks)', () => {
    let total = 0
    let correct = 0
    const failures: string[] = []
    for (const id of [
      'major-decisions',
      'striving-for-first-place',
      'achievements',
      'concerted-development',
      'fourth-plenary-session',
    ]) {
      const original = load(id)
      const { revised, deletedBlockId } = reviseDocument(original)
      for (const block of original.blocks) {
        for (const lang of ['en', 'zh'] as const) {
          for (const { start, end } of sentences(block[lang])) {
            total++
            const anchor = makeAnchor(id, block, lang, start, end)
            const placed = placeAnchor(anchor, revised)
            const placedText =
              placed.blockId &&
              revised.blocks
                .find((b) => b.id === placed.blockId)!
                [lang].slice(placed.start, placed.end)
            const ok =
              block.id === deletedBlockId
                ? placed.status === 'orphaned'
                : placed.status !== 'orphaned' && similarity(anchor.quote, placedText || '') >= 0.75
            if (ok) correct++
            else
              failures.push(
                `${id} ${block.id} ${lang} ${placed.status}: ${anchor.quote.slice(0, 40)}`,
              )
          }
        }
      }
    }
    const rate = correct / total
    console.info(`re-anchoring: ${correct}/${total} = ${(rate * 100).toFixed(1)}%`)
    expect(total).toBeGreaterThan(300)
    expect(rate, failures.slice(0, 10).join('\n')).toBeGreaterThanOrEqual(0.95)
  })
})
