import { describe, expect, it } from 'vitest'
import { groupImportFiles } from '../../../../src/imports/batch.ts'

/** The documents as file names, for readable expectations. */
function grouped(names: string[]) {
  const { documents, skipped } = groupImportFiles(names)
  return {
    documents: documents.map((files) => files.map((k) => names[k])),
    skipped: skipped.map(({ index, reason }) => [names[index], reason]),
  }
}

describe('grouping the files of a batch into documents', () => {
  it('pairs files with the same base name and a language tag, whatever the separator', () => {
    expect(
      grouped([
        'a.en.md',
        'a.zh.md',
        'b-zh-CN.txt',
        'b-en.txt',
        'c_EN.html',
        'c_zh_Hans.html',
        'd.en-US.docx',
        'd.zh-Hant.docx',
        'e.en.epub',
        'e.zh-TW.epub',
      ]),
    ).toEqual({
      documents: [
        ['a.en.md', 'a.zh.md'],
        ['b-en.txt', 'b-zh-CN.txt'],
        ['c_EN.html', 'c_zh_Hans.html'],
        ['d.en-US.docx', 'd.zh-Hant.docx'],
        ['e.en.epub', 'e.zh-TW.epub'],
      ],
      skipped: [],
    })
  })

  it('keeps the order of each document’s first file and pairs across extensions', () => {
    expect(grouped(['x.zh.md', 'memory.tmx', 'x.en.txt', 'y.en.md', 'y.zh.md'])).toEqual({
      documents: [['x.en.txt', 'x.zh.md'], ['memory.tmx'], ['y.en.md', 'y.zh.md']],
      skipped: [],
    })
  })

  it('lets a TMX or XLIFF file, and an untagged text, stand alone', () => {
    expect(
      grouped(['memory.tmx', 'strings.en.xlf', 'app.xliff', 'alternating.md', 'chen.txt']),
    ).toEqual({
      documents: [
        ['memory.tmx'],
        ['strings.en.xlf'],
        ['app.xliff'],
        ['alternating.md'],
        ['chen.txt'],
      ],
      skipped: [],
    })
  })

  it('skips, with the reason, what cannot become a document', () => {
    expect(
      grouped([
        'scan.pdf',
        'README',
        'lonely.en.md',
        'twice.en.md',
        'twice-en.txt',
        'twice.zh.md',
        'book.epub',
        'ok.en.md',
        'ok.zh.md',
      ]),
    ).toEqual({
      documents: [['ok.en.md', 'ok.zh.md']],
      skipped: [
        ['scan.pdf', 'unsupported-kind'],
        ['README', 'unsupported-kind'],
        ['lonely.en.md', 'no-partner'],
        ['twice.en.md', 'same-language'],
        ['twice-en.txt', 'same-language'],
        ['twice.zh.md', 'same-language'],
        ['book.epub', 'needs-language-tag'],
      ],
    })
  })

  it('matches base names without regard to case, and a stem that is only a tag', () => {
    expect(grouped(['Report.EN.md', 'report.zh.md', 'en.md', 'zh.md'])).toEqual({
      documents: [
        ['Report.EN.md', 'report.zh.md'],
        ['en.md', 'zh.md'],
      ],
      skipped: [],
    })
  })
})
