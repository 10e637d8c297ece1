import type { Document, DocumentSummary, GlossaryTerm } from '../shared/model.ts'
import type { CorpusService } from './corpus.ts'
import type { UserDocumentsService } from './user-documents.ts'

/** Where documents come from, for the services that read them (annotations, search). */
export interface DocumentSource {
  list(): Promise<DocumentSummary[]>
  get(id: string): Promise<Document>
}

/** The bundled corpus and the person's imported documents, served as one library. */
export class Library implements DocumentSource {
  private readonly bundled: CorpusService
  private readonly mine: UserDocumentsService

  constructor(bundled: CorpusService, mine: UserDocumentsService) {
    this.bundled = bundled
    this.mine = mine
  }

  async list(): Promise<DocumentSummary[]> {
    const [bundled, mine] = await Promise.all([this.bundled.list(), this.mine.list()])
    return [...bundled.map((d) => ({ ...d, origin: 'bundled' as const })), ...mine]
  }

  async get(id: string): Promise<Document> {
    return (await this.isBundled(id)) ? this.bundled.get(id) : this.mine.get(id)
  }

  glossary(): Promise<GlossaryTerm[]> {
    return this.bundled.glossary()
  }

  async isBundled(id: string): Promise<boolean> {
    return (await this.bundled.list()).some((d) => d.id === id)
  }
}
