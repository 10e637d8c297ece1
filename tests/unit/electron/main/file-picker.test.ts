import type { Dialog, OpenDialogOptions, OpenDialogReturnValue } from 'electron'
import { describe, expect, it } from 'vitest'
import { importPickerOptions, pickImportFiles } from '../../../../electron/main/file-picker.ts'

function fakeDialog(answer: OpenDialogReturnValue) {
  const asked: unknown[][] = []
  return {
    asked,
    dialog: {
      showOpenDialog: (...args: unknown[]) => {
        asked.push(args)
        return Promise.resolve(answer)
      },
    } as unknown as Pick<Dialog, 'showOpenDialog'>,
  }
}

describe('the native file picker for documents to import', () => {
  it('offers several files of the kinds the import reads, titled in the UI language', () => {
    const options: OpenDialogOptions = importPickerOptions('zh-CN')
    expect(options.title).toBe('添加文档…')
    expect(options.properties).toEqual(['openFile', 'multiSelections'])
    expect(options.filters).toEqual([
      {
        name: '双语文档',
        extensions: [
          'md',
          'markdown',
          'txt',
          'text',
          'html',
          'htm',
          'xhtml',
          'docx',
          'epub',
          'tmx',
          'xlf',
          'xliff',
        ],
      },
    ])
  })

  it('answers the chosen paths, and none when the person cancels', async () => {
    const chosen = fakeDialog({ canceled: false, filePaths: ['/a/en.md', '/a/zh.md'] })
    expect(await pickImportFiles(chosen.dialog, null, 'en')).toEqual(['/a/en.md', '/a/zh.md'])
    expect(chosen.asked[0]).toEqual([expect.objectContaining({ title: 'Add documents…' })])
    const cancelled = fakeDialog({ canceled: true, filePaths: ['/a/en.md'] })
    expect(await pickImportFiles(cancelled.dialog, null, 'en')).toEqual([])
  })
})
