import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { IpcError } from '../../electron/shared/contract.ts'
import type {
  ImportProgress,
  ImportProposal,
  PickedFile,
  ProposedBlock,
} from '../../electron/shared/imports.ts'
import { MAX_IMPORT_FILE_BYTES } from '../../electron/shared/import-upload.ts'
import type { DocumentSummary } from '../../electron/shared/model.ts'
import { useApi } from '../api.ts'
import { acceptedDocument } from '../imports/review.ts'
import { uploadFile } from '../imports/upload.ts'
import { useAnnotationsStore } from './annotations.ts'
import { useImportBatchStore } from './import-batch.ts'
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

  /**
   * "Add documents…": main's own file picker where there is one (the app), which reads the files
   * itself; answers false where there is none (a browser), for the page to offer its own chooser.
   */
  async function choose(): Promise<boolean> {
    if (busy()) return true
    const picked = await api.documents.pick()
    if (!picked.ok) {
      fail(begin(), picked.error)
      return true
    }
    if (picked.value.picker === 'none') return false
    const { files } = picked.value
    if (files.length > 2) await useImportBatchStore().startPicked(files)
    else if (files.length) await propose(begin(), files)
    return true
  }

  /**
   * Reads one bilingual file or a pair (chosen or dropped in the page) and opens the review; more
   * files are a batch, imported without it.
   */
  async function start(files: readonly File[]): Promise<void> {
    if (busy()) return
    if (files.length > 2) return useImportBatchStore().startFiles(files)
    const id = begin()
    if (files.length < 1)
      return fail(id, { code: 'import-unsupported', message: `${files.length} files` })
    const tooLarge = files.find((file) => file.size > MAX_IMPORT_FILE_BYTES)
    if (tooLarge) return fail(id, { code: 'import-too-large', message: tooLarge.name })
    const uploads: PickedFile[] = []
    for (const file of files) {
      const uploaded = await uploadFile(api, file)
      if (!uploaded.ok) return fail(id, uploaded.error)
      uploads.push(uploaded.value)
    }
    await propose(id, uploads)
  }

  function busy(): boolean {
    return (
      phase.value === 'reading' ||
      phase.value === 'saving' ||
      useImportBatchStore().phase === 'running'
    )
  }

  /** Opens the panel on a new job, showing its progress; answers the job's id. */
  function begin(): string {
    ui.open('import')
    const id = crypto.randomUUID()
    jobId = id
    phase.value = 'reading'
    progress.value = { done: 0, total: 0 }
    return id
  }

  function fail(id: string, refusal: IpcError): void {
    if (jobId !== id) return
    error.value = refusal
    phase.value = 'failed'
  }

  /** Runs the pipeline on files main holds, then opens the review (unless cancelled meanwhile). */
  async function propose(id: string, files: PickedFile[]): Promise<void> {
    if (jobId !== id) return
    const stop = api.on('documents:progress', (update) => {
      if (update.jobId === id) progress.value = update
    })
    const result = await api.documents.propose({ jobId: id, files })
    stop()
    if (!result.ok) return fail(id, result.error)
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
    choose,
    start,
    cancel,
    edit,
    undo,
    accept,
    askRemove,
    remove,
  }
})
