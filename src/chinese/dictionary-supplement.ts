import type { DictionaryEntry } from './dictionary.ts'

/**
 * Words of Jiangmen the corpus uses and CC-CEDICT lacks, in its conventions, so that longest match
 * offers them (开平碉楼 → 开平碉楼 / 碉楼 / 开平). Ours, not CC-CEDICT's: keep the list short.
 */
export const DICTIONARY_SUPPLEMENT: readonly DictionaryEntry[] = [
  {
    traditional: '碉樓',
    simplified: '碉楼',
    pinyin: 'diao1 lou2',
    english: [
      'diaolou, a fortified multi-storey tower, esp. one of those built in the villages of Kaiping 開平|开平[Kai1 ping2], Guangdong',
    ],
  },
  {
    traditional: '開平碉樓',
    simplified: '开平碉楼',
    pinyin: 'Kai1 ping2 diao1 lou2',
    english: [
      'Kaiping Diaolou, the fortified towers of Kaiping, Guangdong, built mostly with the money of overseas Chinese in the early 20th century (UNESCO World Heritage Site)',
    ],
  },
]
