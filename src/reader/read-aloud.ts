import { pairSpans } from '../../electron/shared/align/counterpart.ts'
import { locateParts, type TextRange } from '../../electron/shared/align/coverage.ts'
import { splitSentences } from '../../electron/shared/align/sentences.ts'
import type { Block, ChineseVoice, ContentLang } from '../../electron/shared/model.ts'

/** One sentence to speak: where it is in its block's authored text, and in which language. */
export interface Utterance extends TextRange {
  blockId: string
  lang: ContentLang
  text: string
}

/** How much to read: the paragraph alone, or from it to the end of the document. */
export type ReadScope = 'block' | 'to-end'

/**
 * A block's sentences in one language: its authored alignment where it has one, else the sentence
 * splitter (Intl.Segmenter with the corpus's rules), else the whole text as one sentence.
 */
export function sentenceRanges(block: Block, lang: ContentLang): TextRange[] {
  const text = block[lang]
  return (
    pairSpans(block)?.[lang] ??
    locateParts(text, splitSentences(text, lang)) ?? [{ start: 0, end: text.length }]
  )
}

/**
 * What to speak, one sentence an utterance (Chromium cuts long utterances short): from a block,
 * alone or to the end, each block in the languages it shows, in the order they show.
 */
export function readingQueue(
  blocks: readonly Block[],
  fromBlockId: string,
  scope: ReadScope,
  shown: (block: Block) => readonly ContentLang[],
): Utterance[] {
  const from = blocks.findIndex((b) => b.id === fromBlockId)
  if (from < 0) return []
  const chosen = scope === 'block' ? [blocks[from]!] : blocks.slice(from)
  return chosen.flatMap((block) =>
    shown(block).flatMap((lang) =>
      sentenceRanges(block, lang).map(({ start, end }) => ({
        blockId: block.id,
        lang,
        start,
        end,
        text: block[lang].slice(start, end),
      })),
    ),
  )
}

/** What a speech service tells of a voice (a subset of the Web Speech API's SpeechSynthesisVoice). */
export interface VoiceInfo {
  name: string
  lang: string
  default: boolean
  localService: boolean
}

/**
 * BCP 47 tags, lower case, best first. Mandarin is zh-CN (or cmn), then the Mandarin of Singapore
 * and Taiwan, then a bare zh; Cantonese is zh-HK or yue (espeak-ng says yue, older systems zh-yue).
 */
const WANTED: Record<ContentLang | 'cantonese', RegExp[]> = {
  en: [/^en-(us|gb)$/, /^en(-|$)/],
  zh: [/^(zh-cn|zh-hans|cmn-hans|cmn-cn)(-|$)/, /^cmn$/, /^(zh-sg|zh-tw|zh-hant|cmn)(-|$)/, /^zh$/],
  cantonese: [/^(zh-hk|yue|zh-yue)(-|$)/, /^zh-mo(-|$)/],
}

function best<V extends VoiceInfo>(voices: readonly V[], wanted: readonly RegExp[]): V | null {
  for (const pattern of wanted) {
    const fits = voices.filter((v) => pattern.test(v.lang.replace(/_/g, '-').toLowerCase()))
    // The system's default voice first, then one that works offline.
    const pick = fits.find((v) => v.default) ?? fits.find((v) => v.localService) ?? fits[0]
    if (pick) return pick
  }
  return null
}

/** Whether a voice speaks Cantonese. */
export function isCantonese(voice: VoiceInfo): boolean {
  return best([voice], WANTED.cantonese) !== null
}

/**
 * The voice that reads a language: for Chinese, Cantonese when the reader chose it and the system
 * has one, else Mandarin. Null when the system has no voice for the language.
 */
export function voiceFor<V extends VoiceInfo>(
  voices: readonly V[],
  lang: ContentLang,
  chinese: ChineseVoice,
): V | null {
  if (lang === 'zh' && chinese === 'cantonese')
    return best(voices, WANTED.cantonese) ?? best(voices, WANTED.zh)
  return best(voices, WANTED[lang])
}
