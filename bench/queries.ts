/** The fixed query mix of the benchmark: what people type into the reader's search box. */

export const QUERY_CATEGORIES = [
  'en-word',
  'en-prefix',
  'en-typo',
  'zh-word',
  'zh-subword',
  'mixed',
] as const
export type QueryCategory = (typeof QUERY_CATEGORIES)[number]

export interface BenchQuery {
  category: QueryCategory
  text: string
}

const MIX: Record<QueryCategory, readonly string[]> = {
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
  // Typos in longer words, which the engine tolerates (edit distance ≤ 0.2 × length).
  'en-typo': [
    'revitalizaton',
    'Jiangmne',
    'prosparity',
    'manufacturng',
    'infrastucture',
    'Diaoluo',
    'Guanghia',
    'investmnet',
    'developement',
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
}

export const QUERIES: readonly BenchQuery[] = QUERY_CATEGORIES.flatMap((category) =>
  MIX[category].map((text) => ({ category, text })),
)

/** The queries whose recall is measured: the Chinese ones, where the tokenizer matters. */
export const RECALL_CATEGORIES: readonly QueryCategory[] = ['zh-word', 'zh-subword']
