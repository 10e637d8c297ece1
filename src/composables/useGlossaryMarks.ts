import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue'
import { glossaryMarks, type BlockMarks } from '../reader/glossary-marks.ts'
import { useGlossaryStore } from '../stores/glossary.ts'
import { useReaderStore } from '../stores/reader.ts'
import { useSettingsStore } from '../stores/settings.ts'

const KEY: InjectionKey<ComputedRef<Map<string, BlockMarks>>> = Symbol('glossary-marks')
const NONE: BlockMarks = { en: [], zh: [] }

/** Works out, once per document and setting, which terms the reading column underlines. */
export function provideGlossaryMarks(): void {
  const reader = useReaderStore()
  const glossary = useGlossaryStore()
  const settings = useSettingsStore()
  provide(
    KEY,
    computed(() =>
      glossaryMarks(
        reader.document?.blocks ?? [],
        glossary.matcher,
        settings.settings?.glossaryMarks ?? 'first',
      ),
    ),
  )
}

/** The terms to underline in one block, as worked out by the reading column. */
export function useBlockMarks(blockId: () => string): ComputedRef<BlockMarks> {
  const marks = inject(KEY, null)
  return computed(() => marks?.value.get(blockId()) ?? NONE)
}
