import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { blockAnchor } from '../../electron/shared/anchoring.ts'
import type {
  Annotation,
  AnnotationPatch,
  ImportReport,
  NewAnnotation,
  PlacementsFound,
} from '../../electron/shared/annotations.ts'
import { unpackAnnotations, type ListedAnnotation } from '../../electron/shared/annotation-list.ts'
import { fail, type IpcError } from '../../electron/shared/contract.ts'
import type { Block, ContentLang } from '../../electron/shared/model.ts'
import { uploadImport } from '../../electron/shared/import-upload.ts'
import { useApi } from '../api.ts'
import { useNoticesStore } from './notices.ts'
import { useChineseStore } from './chinese.ts'
import { useSettingsStore } from './settings.ts'

const key = (docId: string, blockId: string) => `${docId}#${blockId}`
type PlacementUpdate = PlacementsFound['placements'][number]

/**
 * Bookmarks, highlights and notes. Changes show at once and are rolled back, with a message, if
 * main refuses to store them; main's answer is the truth that replaces the optimistic copy.
 */
export const useAnnotationsStore = defineStore('annotations', () => {
  const items = shallowRef<ListedAnnotation[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  /** The annotation whose note is being edited, if any. */
  const editingId = ref<string | null>(null)
  const notices = useNoticesStore()

  const byBlock = computed(() => {
    const map = new Map<string, ListedAnnotation[]>()
    for (const item of items.value) {
      if (!item.placement.blockId) continue
      const k = key(item.annotation.anchor.docId, item.placement.blockId)
      const inBlock = map.get(k)
      if (inBlock) inBlock.push(item)
      else map.set(k, [item])
    }
    return map
  })

  const countsByDoc = computed(() => {
    const counts = new Map<string, { bookmarks: number; notes: number; highlights: number }>()
    for (const { annotation } of items.value) {
      const c = counts.get(annotation.anchor.docId) ?? { bookmarks: 0, notes: 0, highlights: 0 }
      if (annotation.kind === 'bookmark') c.bookmarks++
      else if (annotation.kind === 'highlight') c.highlights++
      if (annotation.note.trim()) c.notes++
      counts.set(annotation.anchor.docId, c)
    }
    return counts
  })

  function forBlock(docId: string, blockId: string): ListedAnnotation[] {
    return byBlock.value.get(key(docId, blockId)) ?? []
  }

  function forDocument(docId: string): ListedAnnotation[] {
    return items.value.filter((i) => i.annotation.anchor.docId === docId)
  }

  /** While the pages of the list arrive: how many have, of how many live annotations in all. */
  const progress = ref<{ loaded: number; total: number } | null>(null)
  /** Bumped by each `load`: the pages of one that another has replaced are dropped. */
  let loads = 0
  /** Changed here while the list loads: this store's copy is newer than a page's. */
  let changedHere: Set<string> | null = null
  /** Placements main found for annotations whose page has not arrived yet. */
  let early = new Map<string, PlacementUpdate['placement']>()
  let listening = false

  function applyPlacements(updates: readonly PlacementUpdate[]): void {
    const found = new Map(updates.map((u) => [u.id, u.placement]))
    let applied = 0
    const next = items.value.map((item) => {
      const placement = found.get(item.annotation.id)
      if (!placement) return item
      applied++
      return { ...item, placement }
    })
    if (applied) items.value = next
    if (status.value === 'loading' && applied < found.size)
      for (const [id, placement] of found) early.set(id, placement)
  }

  /** Adds a page of the list to what is shown, the first page replacing what a previous load left. */
  function addPage(page: ListedAnnotation[], first: boolean): void {
    const here = changedHere!
    const fresh = page.flatMap((item) => {
      if (here.has(item.annotation.id)) return []
      const placement = early.get(item.annotation.id)
      return placement ? [{ ...item, placement }] : [item]
    })
    items.value = first
      ? [...fresh, ...items.value.filter((i) => here.has(i.annotation.id))]
      : [...items.value, ...fresh]
  }

  /**
   * Reads the list page by page (a bounded page answers at once, whatever the number of
   * annotations), showing each page as it arrives; placements main finds meanwhile are kept for
   * the annotations they belong to.
   */
  async function load(): Promise<void> {
    const generation = ++loads
    status.value = 'loading'
    changedHere = new Set()
    early = new Map()
    if (!listening)
      useApi().on('annotations:placed', ({ placements }) => applyPlacements(placements))
    listening = true
    let from: number | null = 0
    let loaded = 0
    let asked = useApi().annotations.list({ from })
    while (from !== null) {
      const result = await asked
      if (generation !== loads) return
      const next = result.ok ? result.value.next : null
      if (!result.ok || (next !== null && next <= from)) {
        status.value = 'error'
        progress.value = null
        changedHere = null
        notices.pushError(
          result.ok
            ? fail('invalid-output', `a page from ${next} after ${from}`).error
            : result.error,
        )
        return
      }
      // Main lists the next page while this one is unpacked and shown.
      if (next !== null) asked = useApi().annotations.list({ from: next })
      addPage(unpackAnnotations(result.value.annotations), from === 0)
      loaded += result.value.annotations.count
      progress.value = next === null ? null : { loaded, total: result.value.total }
      from = next
    }
    changedHere = null
    early = new Map()
    status.value = 'ready'
  }

  function replace(id: string, next: ListedAnnotation | null): void {
    changedHere?.add(id)
    items.value = next
      ? items.value.some((i) => i.annotation.id === id)
        ? items.value.map((i) => (i.annotation.id === id ? next : i))
        : [...items.value, next]
      : items.value.filter((i) => i.annotation.id !== id)
  }

  /**
   * Undoes the change main refused to the one annotation it made, and says why; what else arrived
   * meanwhile (a page of the list, a placement) stays.
   */
  function refuse(id: string, before: ListedAnnotation | null, error: IpcError): false {
    replace(id, before)
    notices.pushError(error)
    return false
  }

  async function create(input: Omit<NewAnnotation, 'id'>): Promise<Annotation | false> {
    const id = crypto.randomUUID()
    const stamp = new Date().toISOString()
    const draft: Annotation = { ...input, id, createdAt: stamp, updatedAt: stamp, deletedAt: null }
    const { anchor } = input
    replace(id, {
      annotation: draft,
      placement: { status: 'exact', blockId: anchor.blockId, start: anchor.start, end: anchor.end },
    })
    const result = await useApi().annotations.create({ ...input, id })
    if (!result.ok) return refuse(id, null, result.error)
    replace(id, {
      annotation: result.value,
      placement: items.value.find((i) => i.annotation.id === id)!.placement,
    })
    return result.value
  }

  async function update(patch: AnnotationPatch): Promise<boolean> {
    const current = items.value.find((i) => i.annotation.id === patch.id)
    if (!current) return false
    replace(patch.id, { ...current, annotation: { ...current.annotation, ...patch } })
    const result = await useApi().annotations.update(patch)
    if (!result.ok) return refuse(patch.id, current, result.error)
    replace(patch.id, { ...current, annotation: result.value })
    return true
  }

  /** Deletes at once and offers Undo for a few seconds. */
  async function remove(id: string): Promise<boolean> {
    const current = items.value.find((i) => i.annotation.id === id)
    if (!current) return false
    replace(id, null)
    const result = await useApi().annotations.delete({ id })
    if (!result.ok) return refuse(id, current, result.error)
    notices.pushInfo('deleted', { label: 'undo', run: () => void restore(current) })
    return true
  }

  async function restore(item: ListedAnnotation): Promise<boolean> {
    const before = items.value.find((i) => i.annotation.id === item.annotation.id) ?? null
    replace(item.annotation.id, item)
    const result = await useApi().annotations.restore({ id: item.annotation.id })
    if (!result.ok) return refuse(item.annotation.id, before, result.error)
    replace(item.annotation.id, { ...item, annotation: result.value })
    return true
  }

  function bookmarkOf(docId: string, blockId: string): ListedAnnotation | undefined {
    return forBlock(docId, blockId).find((i) => i.annotation.kind === 'bookmark')
  }

  async function toggleBookmark(docId: string, block: Block, lang: ContentLang): Promise<boolean> {
    const existing = bookmarkOf(docId, block.id)
    if (existing) return remove(existing.annotation.id)
    return Boolean(
      await create({
        kind: 'bookmark',
        anchor: blockAnchor(docId, block, lang),
        color: null,
        note: '',
      }),
    )
  }

  async function addBlockNote(docId: string, block: Block, lang: ContentLang): Promise<void> {
    const created = await create({
      kind: 'note',
      anchor: blockAnchor(docId, block, lang),
      color: null,
      note: '',
    })
    if (created) editingId.value = created.id
  }

  async function exportAs(format: 'markdown' | 'json', docId?: string): Promise<boolean> {
    const { locale } = useSettingsStore()
    const result = await useApi().annotations.export(
      docId ? { format, docId, locale } : { format, locale },
    )
    if (!result.ok) {
      notices.pushError(result.error)
      return false
    }
    // Markdown is for reading: its Chinese in the reader's script. JSON keeps the authored text
    // its anchors refer to, so that it imports again.
    const content =
      format === 'markdown'
        ? await useChineseStore().convert(result.value.content)
        : result.value.content
    const url = URL.createObjectURL(new Blob([content], { type: result.value.mimeType }))
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: result.value.filename,
    })
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    notices.pushInfo('exported')
    return true
  }

  async function previewImport(content: string): Promise<ImportReport | IpcError> {
    const upload = await uploadImport(useApi(), content)
    if (!upload.ok) return upload.error
    const result = await useApi().annotations.previewImport({ uploadId: upload.value })
    return result.ok ? result.value : result.error
  }

  async function importFrom(content: string): Promise<ImportReport | IpcError> {
    const upload = await uploadImport(useApi(), content)
    if (!upload.ok) return upload.error
    const result = await useApi().annotations.import({ uploadId: upload.value })
    if (!result.ok) return result.error
    await load()
    notices.pushInfo('imported')
    return result.value
  }

  return {
    items,
    status,
    progress,
    editingId,
    countsByDoc,
    forBlock,
    forDocument,
    bookmarkOf,
    load,
    create,
    update,
    remove,
    toggleBookmark,
    addBlockNote,
    exportAs,
    previewImport,
    importFrom,
  }
})
