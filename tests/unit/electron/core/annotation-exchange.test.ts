import { describe, expect, it } from 'vitest'
import { exportMarkdown } from '../../../../electron/core/annotation-exchange.ts'
import type { Annotation } from '../../../../electron/shared/annotations.ts'
import { makeDocument } from '../../../support/bundle.ts'

const doc = makeDocument(
  'harbour',
  [
    { type: 'heading', en: 'The Harbour', zh: '港口' },
    { type: 'paragraph', en: 'Ships come in at dawn.', zh: '船只在黎明进港。' },
  ],
  null,
)
const stamp = '2026-02-03T10:00:00.000Z'
const highlight: Annotation = {
  id: 'hl-000001',
  kind: 'highlight',
  anchor: {
    docId: 'harbour',
    blockId: 'b002',
    lang: 'en',
    start: 0,
    end: 13,
    quote: 'Ships come in',
    prefix: '',
    suffix: ' at dawn.',
  },
  color: 'green',
  note: 'Early',
  createdAt: stamp,
  updatedAt: stamp,
  deletedAt: null,
}
const documents = new Map([['harbour', doc]])
const now = new Date(stamp)

describe('the Markdown export', () => {
  it('writes its labels, dates and citations in English for the English UI', () => {
    const markdown = exportMarkdown([highlight], documents, { now, locale: 'en', scope: 'all' })
    expect(markdown).toContain('# Jiangmen Reader — notes and highlights')
    expect(markdown).toContain('Exported on February 3, 2026: all documents.')
    expect(markdown).toContain('### Highlight (green)')
    expect(markdown).toContain('> Ships come in\n>\n> 船只在黎明进港。')
    expect(markdown).toContain(
      '— Title harbour / 标题 harbour, The Harbour, ¶ 1, Test Press, undated',
    )
    expect(markdown).not.toContain('b002')
  })

  it('writes them in Chinese for the 中文 UI, with no English label left', () => {
    const markdown = exportMarkdown([highlight], documents, {
      now,
      locale: 'zh-CN',
      scope: 'document',
    })
    expect(markdown).toContain('# 江门双语阅读器 — 笔记与高亮')
    expect(markdown).toContain('导出于 2026年2月3日：单个文档。')
    expect(markdown).toContain('### 高亮（绿色）')
    expect(markdown).toContain(
      '— Title harbour / 标题 harbour，港口，第 1 段，测试出版社，未注明日期',
    )
    for (const english of ['Highlight', 'green', 'undated', 'Exported', 'block'])
      expect(markdown).not.toContain(english)
  })
})
