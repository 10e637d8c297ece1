import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../../bench/generate.ts'
import { LinearScan } from '../../../bench/linear-scan.ts'
import type { Peer } from '../../../bench/peers.ts'
import { measurePeer } from '../../../bench/run.ts'

const documents = generateCorpus(3, 7)
const scan = new LinearScan(documents)
const noGc = () => {}

/** A peer that finds nothing, with one step replaced. */
function peer(overrides: Partial<Peer> = {}): Peer {
  return {
    name: 'Fake',
    build() {},
    serialize: () => '{}',
    load() {},
    search: () => [],
    ...overrides,
  }
}

describe('a peer of the bench', () => {
  it('that works has every figure and no error', () => {
    const row = measurePeer(peer(), documents, scan, 1, 60_000, noGc, '[3]')
    expect(row.error).toBeUndefined()
    expect(row).toMatchObject({ name: 'Fake', serializedBytes: 2 })
    expect(row.recallByCategory).toBeDefined()
  })

  it('whose export throws is a row that says so, with its build figures', () => {
    const failing = peer({
      serialize() {
        throw new RangeError('Invalid string length')
      },
    })
    const row = measurePeer(failing, documents, scan, 1, 60_000, noGc, '[3]')
    expect(row.error).toBe('export failed: RangeError: Invalid string length')
    expect(row.buildMs).toBeTypeOf('number')
    expect(row.loadMs).toBeUndefined()
    expect(row.search).toBeUndefined()
  })

  it('over its time budget stops between queries, and its row says where', () => {
    const slow = peer({
      search() {
        const until = performance.now() + 5
        while (performance.now() < until);
        return []
      },
    })
    const row = measurePeer(slow, documents, scan, 3, 20, noGc, '[3]')
    expect(row.error).toMatch(/^over its 0.02 s budget \(\d+(\.\d)? s\) in search$/)
    expect(row.loadMs).toBeTypeOf('number')
    expect(row.search).toBeUndefined()
  })
})
