import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ServiceError } from '../shared/contract.ts'
import {
  CORPUS_BUNDLE_FILE,
  CorpusBundle,
  type Document,
  type DocumentSummary,
  type GlossaryTerm,
} from '../shared/model.ts'

export function summarize(document: Document): DocumentSummary {
  const { blocks, ...meta } = document
  let wordCount = 0
  let charCount = 0
  for (const block of blocks) {
    wordCount += block.en.split(/\s+/).filter(Boolean).length
    charCount += block.zh.replace(/\s/g, '').length
  }
  return { ...meta, blockCount: blocks.length, wordCount, charCount }
}

/** The bundled, read-only corpus, loaded once and validated before anything is served from it. */
export class CorpusService {
  private loaded: Promise<{ byId: Map<string, Document>; glossary: GlossaryTerm[] }> | null = null

  private readonly contentDir: string

  constructor(contentDir: string) {
    this.contentDir = contentDir
  }

  async list(): Promise<DocumentSummary[]> {
    const { byId } = await this.load()
    return [...byId.values()].map(summarize)
  }

  async get(id: string): Promise<Document> {
    const document = (await this.load()).byId.get(id)
    if (!document) throw new ServiceError('not-found', `no document "${id}"`)
    return document
  }

  async glossary(): Promise<GlossaryTerm[]> {
    return (await this.load()).glossary
  }

  private load() {
    this.loaded ??= this.read().catch((error: unknown) => {
      this.loaded = null
      throw error
    })
    return this.loaded
  }

  private async read() {
    const file = join(this.contentDir, CORPUS_BUNDLE_FILE)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      throw new ServiceError('io-error', `cannot read the corpus bundle ${file}: ${String(error)}`)
    }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      throw new ServiceError('corrupt-data', `the corpus bundle ${file} is not valid JSON`)
    }
    const bundle = CorpusBundle.safeParse(raw)
    if (!bundle.success) {
      throw new ServiceError(
        'corrupt-data',
        `the corpus bundle ${file} is invalid: ${bundle.error.message}`,
      )
    }
    return {
      byId: new Map(bundle.data.documents.map((d) => [d.id, d])),
      glossary: bundle.data.glossary,
    }
  }
}
