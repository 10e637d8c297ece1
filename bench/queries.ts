/** The fixed query mix of the benchmark: what people type into the reader's search box. */

export const QUERY_CATEGORIES = [
  'en-word',
  'en-prefix',
  'en-typo',
  'zh-word',
  'zh-subword',
  'mixed',
  'traditional',
  'pinyin',
  'partial',
] as const
export type QueryCategory = (typeof QUERY_CATEGORIES)[number]

export interface BenchQuery {
  category: QueryCategory
  text: string
  /**
   * What the query means, where that is not what it says (a typo's correct spelling, pinyin's
   * characters, the words of a partial query that the corpus has): what relevance is judged by.
   */
  intent?: string
}

/** A query, or a query and what it means (`BenchQuery.intent`). */
type Mixed = string | readonly [text: string, intent: string]

const MIX: Record<QueryCategory, readonly Mixed[]> = {
  // Whole English words and names, common and rare.
  'en-word': [
    'Jiangmen',
    'revitalization',
    'Diaolou',
    'investment',
    'Taishan',
    'prosperity',
    'bridge',
    'tourism',
    'Talent Island',
    'manufacturing',
  ],
  // The word being typed: no trailing space, so the last word matches as a prefix.
  'en-prefix': ['revital', 'Dia', 'infra', 'manufact', 'Guangh', 'prosp', 'innov', 'Yinhu', 'ove'],
  // Typos, as Elasticsearch's AUTO fuzziness forgives them: one edit in 3 to 5 letters, two beyond.
  'en-typo': [
    ['revitalizaton', 'revitalization'],
    ['Jiangmne', 'jiangmen'],
    ['prosparity', 'prosperity'],
    ['manufacturng', 'manufacturing'],
    ['infrastucture', 'infrastructure'],
    ['Diaoluo', 'diaolou'],
    ['Guanghia', 'guanghai'],
    ['investmnet', 'investment'],
    ['developement', 'development'],
    ['Magang gose', 'magang goose'],
    ['tourim', 'tourism'],
    ['brige', 'bridge'],
  ],
  // Whole Chinese words and names.
  'zh-word': [
    '碉楼',
    '乡村振兴',
    '江门',
    '高质量发展',
    '人才岛',
    '大湾区',
    '共同富裕',
    '营商环境',
    '侨都',
    '制造业',
  ],
  // Two-character pieces inside longer official names, which a word segmenter does not emit.
  'zh-subword': [
    '湾区', // 粤港澳大湾区
    '村落', // 开平碉楼与村落
    '振兴', // 乡村振兴, 工业振兴
    '人才', // 江门人才岛
    '海湾', // 大广海湾
    '滨海', // 银湖湾滨海新区
    '大桥', // 黄茅海大桥, 港珠澳大桥
    '侨华', // 华侨华人 (across a word boundary)
    '集聚', // 江珠高端产业集聚区
    '三拆', // 三清三拆三整治
  ],
  // Both languages in one query.
  mixed: [
    '碉楼 Talent Island',
    'Jiangmen 乡村振兴',
    'Taishan 高质量发展',
    '江门 investment',
    'Diaolou 开平',
    '大湾区 Talent',
    'revitalization 侨都',
    'Yinhu Bay 滨海',
  ],
  // Traditional characters for Simplified text.
  traditional: [
    '開平碉樓',
    '鄉村振興',
    '僑都',
    '粵港澳大灣區',
    '高質量發展',
    '人才島',
    '營商環境',
    '華僑華人',
  ],
  // Toneless pinyin, with or without spaces, for the Chinese.
  pinyin: [
    ['qiaodu', '侨都'],
    ['xiangcun zhenxing', '乡村振兴'],
    ['xiangcunzhenxing', '乡村振兴'],
    ['diaolou', '碉楼'],
    ['gaozhiliang fazhan', '高质量发展'],
    ['dawanqu', '大湾区'],
    ['yingshang huanjing', '营商环境'],
    ['gongtong fuyu', '共同富裕'],
  ],
  // A word too many: the best answers are the blocks with the others.
  partial: [
    ['Talent Island zebra', 'talent island'],
    ['Jiangmen 碉楼 unicorn', 'jiangmen 碉楼'],
    ['revitalization quasar', 'revitalization'],
    ['侨都 xylophone', '侨都'],
    ['manufacturing 火星', 'manufacturing'],
    ['Taishan 高质量发展 nebula', 'taishan 高质量发展'],
    ['bridge tourism walrus', 'bridge tourism'],
    ['营商环境 penguin', '营商环境'],
  ],
}

export const QUERIES: readonly BenchQuery[] = QUERY_CATEGORIES.flatMap((category) =>
  MIX[category].map((query) =>
    typeof query === 'string'
      ? { category, text: query }
      : { category, text: query[0], intent: query[1] },
  ),
)

/** The queries whose recall against MiniSearch's default tokenizer is measured: the Chinese ones. */
export const RECALL_CATEGORIES: readonly QueryCategory[] = ['zh-word', 'zh-subword']

/**
 * The relevance rule of every recall figure: a block is relevant to a query when its text (English
 * and Chinese, normalized as the index normalizes them) contains every space-separated part of what
 * the query means (`BenchQuery.intent`, else the query itself) — the linear scan's answer to it.
 */
export const RELEVANCE_RULE =
  'a block is relevant when its normalized English and Chinese text contains every space-separated ' +
  'part of what the query means (its correct spelling, its Chinese for pinyin, its words the ' +
  'corpus has for a partial query; else the query itself): the linear scan of that'
