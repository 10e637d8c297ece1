import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import {
  Document,
  GlossaryTerm,
  type Block,
  type BlockType,
  type Bilingual,
} from '../electron/shared/model.ts'
import { mulberry32 } from './random.ts'

/**
 * A deterministic synthetic bilingual corpus for the search benchmark. Every block is assembled from
 * aligned pieces of the real corpus (whole blocks, or sentences where a block's English and Chinese
 * split into the same number of sentences) and from template sentences that insert glossary term
 * pairs in both languages, so vocabulary and term frequencies stay close to the real documents and
 * the Chinese of a block always says what its English says.
 */

const CONTENT_DIR = resolve(import.meta.dirname, '..', 'content')

export interface RealCorpus {
  documents: Document[]
  glossary: GlossaryTerm[]
}

const GlossaryFileSchema = z.object({ terms: z.array(GlossaryTerm) })

/** Reads and validates `content/*.json`: the five real documents and the glossary. */
export function loadRealCorpus(contentDir: string = CONTENT_DIR): RealCorpus {
  const files = readdirSync(contentDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
  const documents: Document[] = []
  let glossary: GlossaryTerm[] = []
  for (const file of files) {
    const raw: unknown = JSON.parse(readFileSync(join(contentDir, file), 'utf8'))
    if (file === 'glossary.json') glossary = GlossaryFileSchema.parse(raw).terms
    else documents.push(Document.parse(raw))
  }
  if (!documents.length) throw new Error(`no documents in ${contentDir}`)
  if (!glossary.length) throw new Error(`no glossary terms in ${contentDir}`)
  return { documents, glossary }
}

class Random {
  private readonly next: () => number
  constructor(seed: number) {
    this.next = mulberry32(seed)
  }
  float(): number {
    return this.next()
  }
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)]!
  }
}

/** English sentences end in . ; ! or ? (perhaps followed by a closing quote) and a space. */
const EN_SENTENCE_END = /(?<=[.;!?][”’")]?)\s+(?=[A-Z“"‘(0-9])/
/** Chinese sentences end in 。；！or？, perhaps followed by closing quotes or brackets. */
const ZH_SENTENCE = /[^。；！？]+(?:[。；！？]+[”’」）]*|$)/g

/** A block's English and Chinese cut into aligned sentences, or null when the counts differ. */
export function alignedSentences(block: Bilingual): Bilingual[] | null {
  const en = block.en
    .split(EN_SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean)
  const zh = (block.zh.match(ZH_SENTENCE) ?? []).map((s) => s.trim()).filter(Boolean)
  if (en.length < 2 || en.length !== zh.length) return null
  return en.map((s, i) => ({ en: s, zh: zh[i]! }))
}

/** Sentences that name a glossary term: `{T}` is the term, `{D}` a district, `{N}` a number. */
const TERM_SENTENCES: readonly Bilingual[] = [
  {
    en: 'In {Y}, {D} completed {N} projects related to {T}.',
    zh: '{Y}年，{D}完成与{T}相关的项目{N}个。',
  },
  {
    en: '{D} will further promote {T} and strive for new results.',
    zh: '{D}将进一步推进{T}，力争取得新成效。',
  },
  {
    en: 'The meeting stressed that the work on {T} must be done well.',
    zh: '会议强调，要做好{T}相关工作。',
  },
  {
    en: 'A total of {N} enterprises in {D} took part in {T}.',
    zh: '{D}共有{N}家企业参与{T}。',
  },
  {
    en: 'Officials from {D} reported on the progress of {T} at the meeting.',
    zh: '{D}有关负责人在会上通报了{T}的进展情况。',
  },
  {
    en: 'By the end of {Y}, investment in {T} had reached {N} million yuan.',
    zh: '截至{Y}年底，{T}累计投资达{N}百万元。',
  },
  {
    en: 'Jiangmen will take {T} as an important starting point for development.',
    zh: '江门将以{T}为发展的重要抓手。',
  },
  {
    en: 'Residents of {D} have seen the benefits of {T}.',
    zh: '{D}群众切实感受到了{T}带来的实惠。',
  },
]

const TERM_CAPTIONS: readonly Bilingual[] = [
  { en: 'A view of {T}', zh: '{T}一景' },
  { en: '{T} under construction', zh: '建设中的{T}' },
  { en: 'New look of {T} in {D}', zh: '{D}{T}新貌' },
]

const DISTRICT_IDS = ['pengjiang', 'jianghai', 'xinhui', 'taishan', 'kaiping', 'heshan', 'enping']

/** The aligned building blocks taken from the real corpus and the glossary. */
interface Pools {
  sentences: Bilingual[]
  listItems: Bilingual[]
  headings: Bilingual[]
  captions: Bilingual[]
  bylines: Bilingual[]
  titles: Bilingual[]
  publishers: Bilingual[]
  terms: GlossaryTerm[]
  districts: GlossaryTerm[]
}

function buildPools(real: RealCorpus): Pools {
  const pools: Pools = {
    sentences: [],
    listItems: [],
    headings: [],
    captions: [],
    bylines: [],
    titles: [],
    publishers: [],
    terms: real.glossary,
    districts: DISTRICT_IDS.map((id) => {
      const term = real.glossary.find((t) => t.id === id)
      if (!term) throw new Error(`glossary has no term "${id}"`)
      return term
    }),
  }
  for (const doc of real.documents) {
    pools.titles.push(doc.title)
    pools.publishers.push(doc.publisher)
    for (const block of doc.blocks) {
      const pair = { en: block.en, zh: block.zh }
      if (block.type === 'heading') pools.headings.push(pair)
      else if (block.type === 'caption') pools.captions.push(pair)
      else if (block.type === 'byline') pools.bylines.push(pair)
      else {
        if (block.type === 'list-item') pools.listItems.push(pair)
        pools.sentences.push(...(alignedSentences(pair) ?? [pair]))
      }
    }
  }
  // Glossary names make headings too ("Yinhu Bay", "银湖湾"), as in the real documents.
  for (const term of real.glossary) pools.headings.push({ en: term.en, zh: term.zh })
  return pools
}

function fill(template: Bilingual, values: Record<string, Bilingual>): Bilingual {
  const apply = (text: string, lang: 'en' | 'zh') =>
    text.replace(/\{([A-Z])\}/g, (_, key: string) => values[key]?.[lang] ?? '')
  return { en: apply(template.en, 'en'), zh: apply(template.zh, 'zh') }
}

function formsOf(term: GlossaryTerm, lang: 'en' | 'zh'): string[] {
  return [term[lang], ...(term.aliases?.[lang] ?? [])]
}

/** A glossary term as written in a text: mostly its main form, sometimes an alias. */
function termPair(rnd: Random, term: GlossaryTerm): Bilingual {
  const pickForm = (lang: 'en' | 'zh') => {
    const forms = formsOf(term, lang)
    return forms.length > 1 && rnd.chance(0.3) ? rnd.pick(forms.slice(1)) : term[lang]
  }
  return { en: pickForm('en'), zh: pickForm('zh') }
}

function termSentence(rnd: Random, pools: Pools, templates: readonly Bilingual[]): Bilingual {
  const year = String(rnd.int(2012, 2025))
  const number = String(rnd.int(2, 980))
  return fill(rnd.pick(templates), {
    T: termPair(rnd, rnd.pick(pools.terms)),
    D: rnd.pick(pools.districts),
    Y: { en: year, zh: year },
    N: { en: number, zh: number },
  })
}

function joinPieces(pieces: Bilingual[]): Bilingual {
  return { en: pieces.map((p) => p.en).join(' '), zh: pieces.map((p) => p.zh).join('') }
}

function paragraph(rnd: Random, pools: Pools): Bilingual {
  const pieces: Bilingual[] = []
  const count = rnd.int(1, 3)
  while (pieces.length < count) {
    const sentence = rnd.pick(pools.sentences)
    if (!pieces.includes(sentence)) pieces.push(sentence)
  }
  if (rnd.chance(0.6)) {
    pieces.splice(rnd.int(0, pieces.length), 0, termSentence(rnd, pools, TERM_SENTENCES))
  }
  return joinPieces(pieces)
}

function listItem(rnd: Random, pools: Pools): Bilingual {
  if (rnd.chance(0.5)) return rnd.pick(pools.listItems)
  const pieces = [rnd.pick(pools.sentences)]
  if (rnd.chance(0.5)) pieces.push(termSentence(rnd, pools, TERM_SENTENCES))
  return joinPieces(pieces)
}

function caption(rnd: Random, pools: Pools): Bilingual {
  return rnd.chance(0.4) ? rnd.pick(pools.captions) : termSentence(rnd, pools, TERM_CAPTIONS)
}

function nextType(rnd: Random, previous: BlockType | null): BlockType {
  if (previous === 'list-item' && rnd.chance(0.6)) return 'list-item'
  if (previous === 'caption' && rnd.chance(0.3)) return 'byline'
  const r = rnd.float()
  if (r < 0.15 && previous !== 'heading') return 'heading'
  if (r < 0.25) return 'caption'
  if (r < 0.45) return 'list-item'
  return 'paragraph'
}

function makeBlock(rnd: Random, pools: Pools, type: BlockType): Bilingual {
  switch (type) {
    case 'heading':
      return rnd.pick(pools.headings)
    case 'caption':
      return caption(rnd, pools)
    case 'byline':
      return rnd.pick(pools.bylines)
    case 'list-item':
      return listItem(rnd, pools)
    case 'paragraph':
      return paragraph(rnd, pools)
  }
}

export const MIN_BLOCKS = 8
export const MAX_BLOCKS = 16

function makeDocument(rnd: Random, pools: Pools, index: number, seed: number): Document {
  const blockCount = rnd.int(MIN_BLOCKS, MAX_BLOCKS)
  const blocks: Block[] = []
  let previous: BlockType | null = null
  for (let i = 0; i < blockCount; i++) {
    // Documents open with a heading or a paragraph, like the real ones.
    const type: BlockType =
      i === 0 ? (rnd.chance(0.5) ? 'heading' : 'paragraph') : nextType(rnd, previous)
    const text = makeBlock(rnd, pools, type)
    blocks.push({ id: `b${String(i + 1).padStart(3, '0')}`, type, en: text.en, zh: text.zh })
    previous = type
  }
  const title = rnd.chance(0.3) ? rnd.pick(pools.titles) : rnd.pick(pools.headings)
  const hasDate = rnd.chance(0.7)
  const date = hasDate
    ? `${rnd.int(2015, 2024)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`
    : null
  const id = `synthetic-${String(index + 1).padStart(5, '0')}`
  return {
    id,
    title: { en: title.en, zh: title.zh },
    publisher: rnd.pick(pools.publishers),
    date,
    source: {
      file: `synthetic/${id}.txt`,
      note: `Synthetic benchmark document generated by bench/generate.ts (seed ${seed}).`,
    },
    originalLanguage: 'en',
    translation: {
      lang: 'zh',
      from: 'en',
      by: { en: 'bench/generate.ts', zh: 'bench/generate.ts' },
    },
    blocks,
  }
}

let cachedReal: RealCorpus | null = null

/**
 * `documentCount` synthetic documents, the same for the same seed. Reads the real corpus from
 * `content/` unless one is given.
 */
export function generateCorpus(
  documentCount: number,
  seed: number,
  real: RealCorpus = (cachedReal ??= loadRealCorpus()),
): Document[] {
  if (!Number.isInteger(documentCount) || documentCount < 0) {
    throw new Error(`documentCount must be a whole number ≥ 0, not ${documentCount}`)
  }
  const pools = buildPools(real)
  const rnd = new Random(seed)
  const documents: Document[] = []
  for (let i = 0; i < documentCount; i++) documents.push(makeDocument(rnd, pools, i, seed))
  return documents
}
