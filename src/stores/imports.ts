import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { IpcError } from '../../electron/shared/contract.ts'
import type {
  ImportProgress,
  ImportProposal,
  ProposedBlock,
} from '../../electron/shared/imports.ts'
import { MAX_IMPORT_FILE_BYTES, uploadDocument } from '../../electron/shared/import-upload.ts'
import type { DocumentSummary } from '../../electron/shared/model.ts'
import { useApi } from '../api.ts'
import { acceptedDocument } from '../imports/review.ts'
import { useAnnotationsStore } from './annotations.ts'
import { useLibraryStore } from './library.ts'
import { useNoticesStore } from './notices.ts'
import { useUiStore } from './ui.ts'

/** What the import panel shows: the files being read, the proposal to review, or why it failed. */
export type ImportPhase = 'idle' | 'reading' | 'review' | 'saving' | 'failed'

/** Bringing the person's own documents in: read in main, reviewed here, then saved; and removing them. */
export const useImportsStore = defineStore('imports', () => {
  const phase = ref<ImportPhase>('idle')
  const progress = ref<Pick<ImportProgress, 'done' | 'total'>>({ done: 0, total: 0 })
  const error = ref<IpcError | null>(null)
  const proposal = shallowRef<ImportProposal | null>(null)
  const blocks = shallowRef<ProposedBlock[]>([])
  /** The blocks before each edit, newest last, for Undo. */
  const history = shallowRef<ProposedBlock[][]>([])
  /** The imported document the person asked to remove, until they confirm or cancel. */
  const removing = shallowRef<DocumentSummary | null>(null)
  let jobId: string | null = null
  const ui = useUiStore()
  const api = useApi()

  // Closing the panel (Esc, ×, Cancel) while a file is read stops the reading in main.
  watch(
    () => ui.panel,
    (panel) => {
      if (panel !== 'import') cancel()
      if (panel !== 'remove-document') removing.value = null
    },
  )

  /** Reads one bilingual file or a pair (chosen or dropped) and opens the review. */
  async function start(files: readonly File[]): Promise<void> {
    if (phase.value === 'reading' || phase.value === 'saving') return
    ui.open('import')
    const id = crypto.randomUUID()
    jobId = id
    phase.value = 'reading'
    progress.value = { done: 0, total: 0 }
    const failed = (refusal: IpcError) => {
      if (jobId !== id) return
      error.value = refusal
      phase.value = 'failed'
    }
    if (files.length < 1 || files.length > 2)
      return failed({ code: 'import-unsupported', message: `${files.length} files` })
    const tooLarge = files.find((file) => file.size > MAX_IMPORT_FILE_BYTES)
    if (tooLarge) return failed({ code: 'import-too-large', message: tooLarge.name })
    const uploads = []
    for (const file of files) {
      const uploaded = await uploadDocument(api, new Uint8Array(await file.arrayBuffer()))
      if (!uploaded.ok) return failed(uploaded.error)
      uploads.push({
        uploadId: uploaded.value,
        name: file.name.slice(-200),
        modified: file.lastModified ? new Date(file.lastModified).toISOString().slice(0, 10) : null,
      })
    }
    if (jobId !== id) return
    const stop = api.on('documents:progress', (update) => {
      if (update.jobId === id) progress.value = update
    })
    const result = await api.documents.propose({ jobId: id, files: uploads })
    stop()
    if (!result.ok) return failed(result.error)
    if (jobId !== id) return
    proposal.value = result.value
    blocks.value = result.value.blocks
    history.value = []
    phase.value = 'review'
  }

  function cancel(): void {
    if (phase.value === 'reading' && jobId) void api.documents.cancel({ jobId })
    if (phase.value === 'saving') return
    jobId = null
    phase.value = 'idle'
    proposal.value = null
    error.value = null
    if (ui.panel === 'import') ui.closePanel()
  }

  /** Applies a review edit; one that does not apply (null) changes nothing. */
  function edit(next: ProposedBlock[] | null): void {
    if (!next) return
    history.value = [...history.value, blocks.value]
    blocks.value = next
  }

  function undo(): void {
    const previous = history.value.at(-1)
    if (!previous) return
    history.value = history.value.slice(0, -1)
    blocks.value = previous
  }

  async function accept(): Promise<void> {
    if (phase.value !== 'review' || !proposal.value) return
    phase.value = 'saving'
    const result = await api.documents.add(acceptedDocument(proposal.value, blocks.value))
    if (!result.ok) {
      phase.value = 'review'
      useNoticesStore().pushError(result.error)
      return
    }
    phase.value = 'idle'
    proposal.value = null
    ui.closePanel()
    await useLibraryStore().load()
    useNoticesStore().pushInfo('documentAdded')
  }

  /** Removing asks first: the panel names the document and says its notes are kept. */
  function askRemove(document: DocumentSummary): void {
    removing.value = document
    ui.open('remove-document')
  }

  /** Removes the document asked about; its notes stay, orphaned, and Undo brings both back. */
  async function remove(): Promise<void> {
    const document = removing.value
    if (!document) return
    removing.value = null
    ui.closePanel()
    const result = await api.documents.remove({ id: document.id })
    if (!result.ok) return useNoticesStore().pushError(result.error)
    await Promise.all([useLibraryStore().load(), useAnnotationsStore().load()])
    useNoticesStore().pushInfo('documentRemoved', {
      label: 'undo',
      run: () => void restore(document.id),
    })
  }

  async function restore(id: string): Promise<void> {
    const result = await api.documents.restore({ id })
    if (!result.ok) return useNoticesStore().pushError(result.error)
    await Promise.all([useLibraryStore().load(), useAnnotationsStore().load()])
  }

  return {
    phase,
    progress,
    error,
    proposal,
    blocks,
    history,
    removing,
    start,
    cancel,
    edit,
    undo,
    accept,
    askRemove,
    remove,
  }
})
