import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { IpcError, Result } from '../../electron/shared/contract.ts'
import type { PickedFile } from '../../electron/shared/imports.ts'
import { MAX_IMPORT_BATCH_FILES } from '../../electron/shared/import-upload.ts'
import { useApi } from '../api.ts'
import { groupImportFiles, type GroupSkipReason } from '../imports/batch.ts'
import { acceptedDocument } from '../imports/review.ts'
import { uploadFile } from '../imports/upload.ts'
import { useLibraryStore } from './library.ts'
import { useNoticesStore } from './notices.ts'
import { useUiStore } from './ui.ts'

/** A file or a document of a batch that was not added, and why: the grouping's or main's reason. */
export type BatchSkip =
  { files: string[]; reason: GroupSkipReason } | { files: string[]; error: IpcError }

export type BatchPhase = 'idle' | 'running' | 'done'

/** A file of a batch as main will read it: chosen in main's picker, or uploaded from the page. */
interface BatchFile {
  name: string
  ready(): Promise<Result<PickedFile>>
}

/**
 * Many documents at once: the files chosen or dropped together, grouped into documents, each
 * proposed and saved as the aligner proposed it (no review step), one after another. Stopping
 * waits for the document under way; each document added is saved on its own, so a failing one
 * loses nothing and is reported with its reason.
 */
export const useImportBatchStore = defineStore('import-batch', () => {
  const phase = ref<BatchPhase>('idle')
  /** Documents in the batch, and how many are finished (added or skipped). */
  const total = ref(0)
  const done = ref(0)
  const added = ref(0)
  const skipped = shallowRef<BatchSkip[]>([])
  /** The person asked to stop; the batch stops after the document under way. */
  const stopping = ref(false)
  /** The batch ended before its last document, at the person's request. */
  const stopped = ref(false)
  const ui = useUiStore()
  const api = useApi()

  watch(
    () => ui.panel,
    (panel) => {
      if (panel === 'import') return
      if (phase.value === 'running') stopping.value = true
      else reset()
    },
  )

  /** Files chosen or dropped in the page, uploaded to main one document at a time. */
  function startFiles(files: readonly File[]): Promise<void> {
    return run(
      files.map((file) => ({
        name: file.name.slice(-200),
        ready: () => uploadFile(api, file),
      })),
    )
  }

  /** Files chosen in main's own picker, which main reads when their document's turn comes. */
  function startPicked(files: readonly PickedFile[]): Promise<void> {
    return run(
      files.map((file) => ({ name: file.name, ready: async () => ({ ok: true, value: file }) })),
    )
  }

  async function run(files: readonly BatchFile[]): Promise<void> {
    if (phase.value === 'running') return
    reset()
    ui.open('import')
    phase.value = 'running'
    if (files.length > MAX_IMPORT_BATCH_FILES) {
      skipped.value = [
        {
          files: [],
          error: {
            code: 'limit-exceeded',
            message: `${files.length.toLocaleString('en')} files, at most ${MAX_IMPORT_BATCH_FILES.toLocaleString('en')}`,
          },
        },
      ]
      phase.value = 'done'
      return
    }
    const groups = groupImportFiles(files.map((file) => file.name))
    skipped.value = groups.skipped.map(({ index, reason }) => ({
      files: [files[index]!.name],
      reason,
    }))
    total.value = groups.documents.length
    for (const indexes of groups.documents) {
      if (stopping.value) break
      const document = indexes.map((index) => files[index]!)
      const result = await importOne(document)
      if (result.ok) added.value++
      else
        skipped.value = [
          ...skipped.value,
          { files: document.map((f) => f.name), error: result.error },
        ]
      done.value++
    }
    stopped.value = done.value < total.value
    phase.value = 'done'
    if (added.value) await useLibraryStore().load()
    if (ui.panel !== 'import') {
      reset()
      useNoticesStore().pushInfo('imported')
    }
  }

  /** Proposes one document and saves the proposal as it is. */
  async function importOne(files: readonly BatchFile[]): Promise<Result<unknown>> {
    const picked: PickedFile[] = []
    for (const file of files) {
      const ready = await file.ready()
      if (!ready.ok) return ready
      picked.push(ready.value)
    }
    const proposal = await api.documents.propose({ jobId: crypto.randomUUID(), files: picked })
    if (!proposal.ok) return proposal
    return api.documents.add(acceptedDocument(proposal.value, proposal.value.blocks))
  }

  /** Cancel: the document under way is finished, then the batch stops. */
  function stop(): void {
    if (phase.value === 'running') stopping.value = true
  }

  function reset(): void {
    phase.value = 'idle'
    total.value = 0
    done.value = 0
    added.value = 0
    skipped.value = []
    stopping.value = false
    stopped.value = false
  }

  return { phase, total, done, added, skipped, stopping, stopped, startFiles, startPicked, stop }
})
