import { z } from 'zod'

/** Languages a block of content is available in. `zh` is Simplified Chinese. */
export const ContentLang = z.enum(['en', 'zh'])
export type ContentLang = z.infer<typeof ContentLang>

/** UI locales; independent of the content language. */
export const UiLocale = z.enum(['en', 'zh-CN', 'zh-TW'])
export type UiLocale = z.infer<typeof UiLocale>

export const DocId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case id')
export const BlockId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'block id')

export const BlockType = z.enum(['heading', 'paragraph', 'caption', 'byline', 'list-item'])
export type BlockType = z.infer<typeof BlockType>

const Text = z.string().min(1).max(20_000)

export const Bilingual = z.object({ en: Text, zh: Text })
export type Bilingual = z.infer<typeof Bilingual>

/**
 * One or more English sentences and the Chinese sentences that translate them. A block's pairs, in
 * order, make up its `en` and its `zh` exactly, whitespace between them aside.
 */
export const SentencePair = z.object({ en: Text, zh: Text })
export type SentencePair = z.infer<typeof SentencePair>

/**
 * Words of a block the reader flags, with the reason in both languages: a name transliterated from
 * pinyin that no source confirms, a slip of the source kept as published, or a translator's note
 * where the two languages state something differently.
 */
export const TextMark = z.object({
  lang: ContentLang,
  /** The marked words exactly as the text in `lang` writes them. */
  quote: z.string().min(1).max(300),
  kind: z.enum(['unverified', 'source-slip', 'translator-note']),
  note: Bilingual,
})
export type TextMark = z.infer<typeof TextMark>

export const Block = z.object({
  id: BlockId,
  type: BlockType,
  en: Text,
  zh: Text,
  /** The sentence alignment; authored for the bundled documents, absent where none exists yet. */
  pairs: z.array(SentencePair).min(1).max(1_000).optional(),
  marks: z.array(TextMark).min(1).max(100).optional(),
})
export type Block = z.infer<typeof Block>

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD date')

export const DocumentMeta = z.object({
  id: DocId,
  title: Bilingual,
  publisher: Bilingual,
  date: IsoDate.nullable(),
  source: z.object({ file: z.string().min(1).max(200), note: z.string().max(2_000) }),
  originalLanguage: z.literal('en'),
  translation: z.object({
    lang: z.literal('zh'),
    from: z.literal('en'),
    /** Who translated it, named in both UI languages. */
    by: z.object({ en: z.string().min(1).max(200), zh: z.string().min(1).max(200) }),
  }),
  /** `user` for a document the person imported; the bundled corpus leaves it out. */
  origin: z.enum(['bundled', 'user']).optional(),
})
export type DocumentMeta = z.infer<typeof DocumentMeta>

export const Document = DocumentMeta.extend({
  blocks: z.array(Block).min(1).max(10_000),
})
export type Document = z.infer<typeof Document>

export const DocumentSummary = DocumentMeta.extend({
  blockCount: z.number().int().nonnegative(),
  /** Word count of the English text; reading time is derived from it in the UI. */
  wordCount: z.number().int().nonnegative(),
  /** Character count of the Chinese text (Chinese reading time is per character). */
  charCount: z.number().int().nonnegative(),
})
export type DocumentSummary = z.infer<typeof DocumentSummary>

export const GlossaryTerm = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  en: z.string().min(1).max(300),
  zh: z.string().min(1).max(300),
  aliases: z
    .object({
      en: z.array(z.string().min(1).max(300)).optional(),
      zh: z.array(z.string().min(1).max(300)).optional(),
    })
    .optional(),
  note: z.string().max(1_000).optional(),
})
export type GlossaryTerm = z.infer<typeof GlossaryTerm>

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  osLocale: z.string(),
})
export type AppInfo = z.infer<typeof AppInfo>

export const ReadingMode = z.enum(['en', 'zh', 'side-by-side', 'interleaved'])
export type ReadingMode = z.infer<typeof ReadingMode>

export const Theme = z.enum(['system', 'light', 'dark', 'sepia'])
export type Theme = z.infer<typeof Theme>

/** The reading typeface: each has an English and a Chinese face (Song/Ming or Hei). */
export const FontFamily = z.enum(['serif', 'sans'])
export type FontFamily = z.infer<typeof FontFamily>

/** Which glossary terms are underlined: every occurrence, the first in each section, or none. */
export const GlossaryMarks = z.enum(['all', 'first', 'off'])
export type GlossaryMarks = z.infer<typeof GlossaryMarks>

/**
 * The script Chinese content is shown in: as authored (Simplified), or converted phrase by phrase to
 * Traditional as written in Taiwan or in Hong Kong.
 */
export const ChineseScript = z.enum(['hans', 'hant-tw', 'hant-hk'])
export type ChineseScript = z.infer<typeof ChineseScript>

/** Readings shown over Chinese characters: Mandarin pinyin or Cantonese Jyutping. */
export const RubySystem = z.enum(['pinyin', 'jyutping'])
export type RubySystem = z.infer<typeof RubySystem>
/** Read-aloud speeds offered, as multiples of the voice's normal rate. */
export const READ_ALOUD_RATES = [0.75, 1, 1.25, 1.5] as const
export const ReadAloudRate = z.literal(READ_ALOUD_RATES)
export type ReadAloudRate = z.infer<typeof ReadAloudRate>

/** Which spoken Chinese reads the Chinese text aloud, where the system has a voice for it. */
export const ChineseVoice = z.enum(['mandarin', 'cantonese'])
export type ChineseVoice = z.infer<typeof ChineseVoice>

/** Where the reader was in a document: the top visible block and how far into it (0–1). */
export const ReadingPosition = z.object({
  blockId: BlockId,
  offset: z.number().min(0).max(1),
  /** Share of the document read so far (0–1), shown on the library card. */
  progress: z.number().min(0).max(1),
})
export type ReadingPosition = z.infer<typeof ReadingPosition>

export const WindowBounds = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(200).max(100_000),
  maximized: z.boolean(),
})
export type WindowBounds = z.infer<typeof WindowBounds>

export const MAX_REMEMBERED_POSITIONS = 5_000

const RecentQueries = z.array(z.string().min(1).max(200)).max(10)

export const Settings = z.object({
  version: z.literal(1),
  /** `null` follows the operating system's locale. */
  locale: UiLocale.nullable(),
  readingMode: ReadingMode,
  theme: Theme,
  fontSize: z.number().int().min(12).max(32),
  lineHeight: z.number().min(1.2).max(2.4),
  /** Maximum width of the text column, in `em`. */
  contentWidth: z.number().int().min(24).max(80),
  lastDocId: DocId.nullable(),
  positions: z
    .record(DocId, ReadingPosition)
    .refine((p) => Object.keys(p).length <= MAX_REMEMBERED_POSITIONS, 'too many positions'),
  window: WindowBounds.nullable(),
  /** Newest first; added after version 1 shipped, so older files get an empty list. */
  recentQueries: RecentQueries.default([]),
  /** Added in the second version of the reader; older files get the defaults. */
  fontFamily: FontFamily.default('serif'),
  glossaryMarks: GlossaryMarks.default('first'),
  sidebarOpen: z.boolean().default(true),
  /** `null` follows the UI locale and the operating system's (zh-TW → Taiwan, zh-HK → Hong Kong). */
  chineseScript: ChineseScript.nullable().default(null),
  /** Readings over Chinese text, per document; a document left out shows none. */
  ruby: z
    .record(DocId, RubySystem)
    .refine((r) => Object.keys(r).length <= MAX_REMEMBERED_POSITIONS, 'too many documents')
    .default({}),
  /** Added with read-aloud; older files get the defaults. */
  readAloudRate: ReadAloudRate.default(1),
  chineseVoice: ChineseVoice.default('mandarin'),
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  locale: null,
  readingMode: 'en',
  theme: 'system',
  fontSize: 18,
  lineHeight: 1.7,
  contentWidth: 40,
  lastDocId: null,
  positions: {},
  window: null,
  recentQueries: [],
  fontFamily: 'serif',
  glossaryMarks: 'first',
  sidebarOpen: true,
  chineseScript: null,
  ruby: {},
  readAloudRate: 1,
  chineseVoice: 'mandarin',
}

const { version: _version, window: _window, positions: _positions, ...patchable } = Settings.shape
type Patchable = typeof patchable
/** A field's schema as a patch takes it: without the default that fills in older files. */
type Patched<S> = S extends z.ZodDefault<infer Inner> ? Inner : S

/**
 * What the renderer may change; the window bounds are main's business. A field left out is left
 * unchanged: one sent as `undefined` is refused, not read as absent, and no field takes its
 * default here, which would reset it (empty the recent queries, say) on every other change.
 */
export const SettingsPatch = z
  .object(
    Object.fromEntries(
      Object.entries(patchable).map(([key, schema]) => [
        key,
        (schema instanceof z.ZodDefault ? schema.unwrap() : schema).exactOptional(),
      ]),
    ) as { [K in keyof Patchable]: z.ZodExactOptional<Patched<Patchable[K]>> },
  )
  .strict()
export type SettingsPatch = z.infer<typeof SettingsPatch>

/** The compiled corpus the app ships: written by `npm run corpus -- build`, read by main at start. */
export const CorpusBundle = z.object({
  format: z.literal(1),
  documents: z.array(Document).max(100_000),
  glossary: z.array(GlossaryTerm).max(100_000),
})
export type CorpusBundle = z.infer<typeof CorpusBundle>
export const CORPUS_BUNDLE_FILE = 'corpus.json'
export const SEARCH_INDEX_FILE = 'search-index.txt'

export const DataStore = z.enum(['settings', 'annotations', 'documents'])
export type DataStore = z.infer<typeof DataStore>

/**
 * Told to the user: a data file could not be read, was set aside, and something else used; or
 * (`unsaved`) the data folder refuses writes, so changes are kept in memory and retried.
 */
export const DataNotice = z.object({
  store: DataStore,
  status: z.enum(['restored', 'reset', 'unsaved']),
  reason: z.string().max(2_000),
  quarantinedAs: z.string().max(4_096).nullable(),
  restoredFrom: z.string().max(4_096).nullable(),
})
export type DataNotice = z.infer<typeof DataNotice>

/** Sent when a store's data folder starts or stops refusing writes. */
export const StorageState = z.object({
  store: DataStore,
  writable: z.boolean(),
  reason: z.string().max(2_000),
})
export type StorageState = z.infer<typeof StorageState>

/** Commands from the native menu, carried out by the renderer like its own buttons. */
export const AppCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set-locale'), locale: UiLocale }),
  z.object({ type: z.literal('set-reading-mode'), mode: ReadingMode }),
  z.object({ type: z.literal('open-library') }),
  z.object({ type: z.literal('open-settings') }),
  z.object({ type: z.literal('open-search') }),
  z.object({ type: z.literal('find-in-document') }),
  z.object({ type: z.literal('export-notes') }),
  z.object({ type: z.literal('about') }),
])
export type AppCommand = z.infer<typeof AppCommand>
