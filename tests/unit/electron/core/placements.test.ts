import { describe, expect, it } from 'vitest'
import { annotationWorkload, HOSTILE_QUOTE } from '../../../../bench/annotation-workload.ts'
import { loadRealCorpus } from '../../../../bench/generate.ts'
import { AnchorPlacer, type PlacementUpdate } from '../../../../electron/core/placements.ts'
import type { Document } from '../../../../electron/shared/model.ts'

const { documents } = loadRealCorpus()
const byId = new Map(documents.map((d) => [d.id, d]))
const longest = documents.reduce((a, b) => (b.blocks.length > a.blocks.length ? b : a))

/** The longest the event loop went without running a 1 ms timer, while `work` ran. */
async function longestGap(work: () => Promise<void>): Promise<number> {
  let last = performance.now()
  let longest = 0
  const probe = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 1)
  await work()
  clearInterval(probe)
  return longest
}

describe('AnchorPlacer', () => {
  it(`answers 1,000 quotes of "${HOSTILE_QUOTE}" at once, then finds them orphaned in slices`, async () => {
    const hostile = annotationWorkload([longest], 1_000, { fuzzy: 0, orphans: 1 })
    const placer = new AnchorPlacer()
    const reported: PlacementUpdate[] = []
    placer.onPlaced((updates) => reported.push(...updates))

    const started = performance.now()
    const placed = placer.place(hostile, byId)
    expect(performance.now() - started).toBeLessThan(500)
    expect(new Set(placed.map((p) => p.placement.status))).toEqual(new Set(['pending']))

    // Generous for a shared 2-core machine: before, one list held the loop for seconds.
    expect(await longestGap(() => placer.idle())).toBeLessThan(250)
    expect(reported).toHaveLength(1_000)
    expect(new Set(reported.map((u) => u.placement.status))).toEqual(new Set(['orphaned']))
  }, 60_000)

  it('places exact anchors at once and the rest once, cached until the content changes', async () => {
    const workload = annotationWorkload(documents, 400, { fuzzy: 0.25, orphans: 0.1 })
    const placer = new AnchorPlacer()
    const reported: PlacementUpdate[] = []
    placer.onPlaced((updates) => reported.push(...updates))

    const first = placer.place(workload, byId)
    const pending = first.filter((p) => p.placement.status === 'pending').length
    expect(first.filter((p) => p.placement.status === 'exact').length).toBeGreaterThan(200)
    await placer.idle()
    expect(reported).toHaveLength(pending)
    expect(reported.filter((u) => u.placement.status === 'fuzzy').length).toBeGreaterThan(50)

    const again = placer.place(workload, byId)
    expect(again.some((p) => p.placement.status === 'pending')).toBe(false)
    const found = new Map(reported.map((u) => [u.id, u.placement]))
    for (const { annotation, placement } of again)
      if (found.has(annotation.id)) expect(placement).toEqual(found.get(annotation.id))

    // A revised edition of one document is a new content version: its searches run again.
    const revised: Document = {
      ...longest,
      blocks: longest.blocks.map((b, i) => (i === 0 ? { ...b, en: `${b.en} (revised)` } : b)),
    }
    const next = placer.place(workload, new Map([...byId, [longest.id, revised]]))
    const pendingAgain = next.filter((p) => p.placement.status === 'pending')
    expect(pendingAgain.length).toBeGreaterThan(0)
    expect(pendingAgain.every((p) => p.annotation.anchor.docId === longest.id)).toBe(true)
    await placer.idle()
  }, 60_000)

  it('answers a list again from what it found, making nothing for exact anchors', async () => {
    const workload = annotationWorkload(documents, 200, { fuzzy: 0.2, orphans: 0.1 })
    const placer = new AnchorPlacer()
    const reported: PlacementUpdate[] = []
    placer.onPlaced((updates) => reported.push(...updates))
    placer.locate(workload, byId)
    await placer.idle()
    const found = new Map(reported.map((u) => [u.id, u.placement]))
    reported.length = 0

    const again = placer.locate(workload, byId)
    again.forEach((placement, i) => expect(placement).toBe(found.get(workload[i]!.id)))
    expect(again.filter((p) => p === undefined).length).toBeGreaterThan(100)
    await placer.idle()
    expect(reported).toEqual([])

    // A note edited keeps the anchor: the placement found before is answered, without a search.
    const index = workload.findIndex((a) => found.get(a.id)?.status === 'fuzzy')
    const edited = workload.map((a, i) => (i === index ? { ...a, note: 'edited' } : a))
    expect(placer.locate(edited, byId)[index]).toBe(found.get(workload[index]!.id))
    const [placed] = placer.place([edited[index]!], byId)
    expect(placed).toEqual({ annotation: edited[index], placement: found.get(workload[index]!.id) })
  })

  it('reports nothing for an anchor replaced while it was being searched for', async () => {
    const [orphan] = annotationWorkload([longest], 1, { fuzzy: 0, orphans: 1 })
    const placer = new AnchorPlacer({ sliceMs: 0 })
    const reported: PlacementUpdate[] = []
    placer.onPlaced((updates) => reported.push(...updates))
    placer.place([orphan!], byId)
    const block = longest.blocks[0]!
    const replaced = {
      ...orphan!,
      anchor: {
        ...orphan!.anchor,
        blockId: block.id,
        start: 3,
        end: 9,
        quote: block[orphan!.anchor.lang].slice(3, 9),
      },
    }
    await new Promise((resolve) => setImmediate(resolve))
    expect(placer.place([replaced], byId)[0]!.placement.status).toBe('exact')
    await placer.idle()
    expect(reported).toEqual([])
  })
})
