import { HAN_RUN } from '../search/normalize.ts'

/** One CC-CEDICT entry; `pinyin` is numbered as in CC-CEDICT ("qiao2 xiang1", "lu:3", "le5"). */
export interface DictionaryEntry {
  simplified: string
  traditional: string
  pinyin: string
  english: string[]
}

/** A word of a text, `start` and `end` in UTF-16 code units, with its entries (none if unknown). */
export interface WordSpan {
  start: number
  end: number
  entries: DictionaryEntry[]
}

// The data format, one entry a line: traditional TAB simplified TAB pinyin TAB definitions joined by
// "/" (CC-CEDICT's own separator, so no definition contains it).
const FIELD = '\t'
const LINE = '\n'
const DEFINITION = '/'

/** The shipped data: one line per entry, sorted, duplicates dropped, so the same input gives the same bytes. */
export function formatDictionary(entries: Iterable<DictionaryEntry>): string {
  const lines = new Set<string>()
  for (const { traditional, simplified, pinyin, english } of entries)
    lines.add([traditional, simplified, pinyin, english.join(DEFINITION)].join(FIELD))
  return [...lines].sort().join(LINE)
}

/** A definition as an English query meets it: lower case, without notes in brackets or a verb's "to". */
function englishKey(text: string): string {
  let key = text.toLowerCase()
  // Most definitions have neither, and the first English lookup keys 200 000 of them.
  if (key.includes('(') || key.includes('  '))
    key = key.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ')
  key = key.trim()
  return key.startsWith('to ') ? key.slice(3) : key
}

/** A map to line numbers that holds a single one bare, as most headwords and glosses have one. */
type Lines = Map<string, number | number[]>

function linesOf(found: number | number[] | undefined): number[] {
  return found === undefined ? [] : typeof found === 'number' ? [found] : found
}

export class Dictionary {
  /**
   * The data's lines. Parsing only indexes their headwords; an entry is made from its line when it
   * is first asked for, which makes parsing several times faster than building 120 000 entries.
   */
  private readonly lines: string[]
  private readonly made: Array<DictionaryEntry | undefined> = []
  /** Headword (Simplified and Traditional) → the line of its entry, or lines of its entries. */
  private readonly byWord: Lines = new Map()
  /** First code unit → the longest headword that starts with it, which bounds every scan. */
  private readonly longestFrom = new Map<string, number>()
  private longest = 0
  /**
   * English key → 2 × line, plus 1 where the key is not the entry's first definition (the first is
   * the word's main sense). Made on the first English lookup.
   */
  private byEnglish: Lines | undefined
  /** How many headwords contain each character: common characters make many words. */
  private charUse: Map<string, number> | undefined

  private constructor(lines: string[]) {
    this.lines = lines
    lines.forEach((line, at) => {
      const simplifiedAt = line.indexOf(FIELD) + 1
      const traditional = line.slice(0, simplifiedAt - 1)
      const simplified = line.slice(simplifiedAt, line.indexOf(FIELD, simplifiedAt))
      this.index(simplified, at)
      if (traditional !== simplified) this.index(traditional, at)
    })
  }

  /** Reads what `formatDictionary` wrote. */
  static parse(data: string): Dictionary {
    return new Dictionary(data ? data.split(LINE) : [])
  }

  private index(word: string, line: number): void {
    const known = this.byWord.get(word)
    if (known === undefined) this.byWord.set(word, line)
    else if (typeof known === 'number') this.byWord.set(word, [known, line])
    else known.push(line)
    const first = word[0]!
    if (word.length > (this.longestFrom.get(first) ?? 0)) this.longestFrom.set(first, word.length)
    this.longest = Math.max(this.longest, word.length)
  }

  private entryAt(line: number): DictionaryEntry {
    const made = this.made[line]
    if (made) return made
    const [traditional = '', simplified = '', pinyin = '', definitions = ''] =
      this.lines[line]!.split(FIELD)
    const entry = { traditional, simplified, pinyin, english: definitions.split(DEFINITION) }
    this.made[line] = entry
    return entry
  }

  private entriesOf(word: string): DictionaryEntry[] {
    return linesOf(this.byWord.get(word)).map((line) => this.entryAt(line))
  }

  /** Exact headword, Simplified or Traditional. */
  lookup(word: string): DictionaryEntry[] {
    return this.entriesOf(word)
  }

  /** Every dictionary word in `text` covering `offset`, longest first (then leftmost). */
  wordsAt(text: string, offset: number): WordSpan[] {
    const run = this.chineseRunAt(text, offset)
    if (!run) return []
    const words: WordSpan[] = []
    for (let start = Math.max(run.start, offset - this.longest + 1); start <= offset; start++) {
      const limit = Math.min(run.end, start + (this.longestFrom.get(text[start]!) ?? 0))
      for (let end = offset + 1; end <= limit; end++) {
        const entries = this.entriesOf(text.slice(start, end))
        if (entries.length) words.push({ start, end, entries })
      }
    }
    return words.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  }

  /** The run of Chinese characters around `offset`; only a word's reach from it needs looking at. */
  private chineseRunAt(text: string, offset: number): { start: number; end: number } | undefined {
    const from = Math.max(0, offset - this.longest)
    for (const match of text.slice(from, offset + this.longest + 1).matchAll(HAN_RUN)) {
      const start = from + match.index
      const end = start + match[0].length
      if (start <= offset && offset < end) return { start, end }
    }
    return undefined
  }

  /**
   * Longest-match segmentation of the Chinese runs of `text` (other text skipped), in order. A
   * character the dictionary lacks is a word of its own with no entries, so the runs are covered.
   */
  segment(text: string): WordSpan[] {
    const words: WordSpan[] = []
    for (const match of text.matchAll(HAN_RUN)) {
      const runEnd = match.index + match[0].length
      for (let start = match.index; start < runEnd;) {
        let end = Math.min(runEnd, start + (this.longestFrom.get(text[start]!) ?? 0))
        while (end > start && !this.byWord.has(text.slice(start, end))) end--
        if (end === start) end = start + String.fromCodePoint(text.codePointAt(start)!).length
        words.push({ start, end, entries: this.entriesOf(text.slice(start, end)) })
        start = end
      }
    }
    return words
  }

  /**
   * Reverse lookup: entries one of whose definitions (or "; "-separated senses of one) is `word`,
   * ignoring case, notes in brackets and a verb's "to". Best first: where it is the entry's first
   * definition, then the commoner word (whose rarest character makes the most headwords).
   */
  english(word: string, limit = 10): DictionaryEntry[] {
    const found = linesOf(this.englishIndex().get(englishKey(word))).map((value) => {
      const entry = this.entryAt(value >> 1)
      return { entry, secondary: value & 1, commonness: this.commonness(entry.simplified) }
    })
    return found
      .sort(
        (a, b) =>
          a.secondary - b.secondary ||
          b.commonness - a.commonness ||
          a.entry.simplified.length - b.entry.simplified.length,
      )
      .slice(0, limit)
      .map((match) => match.entry)
  }

  private englishIndex(): Lines {
    if (this.byEnglish) return this.byEnglish
    const index: Lines = new Map()
    this.lines.forEach((line, at) => {
      const definitions = line.slice(line.lastIndexOf(FIELD) + 1).split(DEFINITION)
      definitions.forEach((definition, sense) => {
        const value = 2 * at + Number(sense > 0)
        for (const part of definition.split(';')) {
          const key = englishKey(part)
          if (!key) continue
          const known = index.get(key)
          // An entry once per key, at its first sense: "to go; to walk/walking" has "walk" twice.
          if (known === undefined) index.set(key, value)
          else if (typeof known === 'number') {
            if (known >> 1 !== at) index.set(key, [known, value])
          } else if (known.at(-1)! >> 1 !== at) known.push(value)
        }
      })
    })
    return (this.byEnglish = index)
  }

  private commonness(word: string): number {
    if (!this.charUse) {
      const charUse = new Map<string, number>()
      for (const headword of this.byWord.keys())
        for (const char of headword) charUse.set(char, (charUse.get(char) ?? 0) + 1)
      this.charUse = charUse
    }
    let rarest = Infinity
    for (const char of word) rarest = Math.min(rarest, this.charUse.get(char) ?? 0)
    return rarest
  }
}

// Combining marks for tones 1–4; NFC composes them with the vowel (ā á ǎ à, ǖ ǘ ǚ ǜ, ń ň ǹ, ḿ).
const TONE_MARKS = ['\u0304', '\u0301', '\u030c', '\u0300']
const NUMBERED_SYLLABLE = /([a-zü]+)([1-5])/giu

/** Where the tone mark goes: a or e; the o of ou; else the last vowel; else the m or n of m, n, ng. */
function markIndex(syllable: string): number {
  const lower = syllable.toLowerCase()
  for (const vowel of ['a', 'e', 'ou']) if (lower.includes(vowel)) return lower.indexOf(vowel)
  const lastVowel = Math.max(...[...'iouü'].map((vowel) => lower.lastIndexOf(vowel)))
  return lastVowel >= 0 ? lastVowel : lower.search(/[mn]/)
}

/** Numbered pinyin to tone marks: "qiao2 xiang1" → "qiáo xiāng", "lu:3" → "lǚ", "le5" → "le". */
export function pinyinMarks(numbered: string): string {
  return numbered
    .replace(/u:/g, 'ü')
    .replace(/U:/g, 'Ü')
    .replace(NUMBERED_SYLLABLE, (_, syllable: string, tone: string) => {
      const mark = TONE_MARKS[Number(tone) - 1]
      const at = markIndex(syllable)
      if (!mark || at < 0) return syllable
      return (syllable.slice(0, at + 1) + mark + syllable.slice(at + 1)).normalize('NFC')
    })
}
