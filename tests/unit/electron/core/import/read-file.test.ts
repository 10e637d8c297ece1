import { mkdir, mkdtemp, truncate, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readImportFile } from '../../../../../electron/core/import/read-file.ts'
import { MAX_IMPORT_FILE_BYTES } from '../../../../../electron/shared/import-upload.ts'

const folder = () => mkdtemp(join(tmpdir(), 'read-import-file-'))

describe('reading a file to import by its path', () => {
  it('reads the bytes, names the file by its base name and dates it by its last change', async () => {
    const dir = await folder()
    const path = join(dir, 'notes-en.md')
    await writeFile(path, '# Notes\n')
    await utimes(path, new Date('2024-02-03T10:00:00Z'), new Date('2024-02-03T10:00:00Z'))
    const file = await readImportFile(path)
    expect(file.name).toBe('notes-en.md')
    expect(file.modified).toBe('2024-02-03')
    expect(new TextDecoder().decode(file.bytes)).toBe('# Notes\n')
  })

  it('refuses a path that vanished with io-error', async () => {
    const dir = await folder()
    await expect(readImportFile(join(dir, 'gone.md'))).rejects.toMatchObject({
      code: 'io-error',
      message: expect.stringContaining('gone.md'),
    })
  })

  it('refuses a folder', async () => {
    const dir = await folder()
    await mkdir(join(dir, 'chapter.md'))
    await expect(readImportFile(join(dir, 'chapter.md'))).rejects.toMatchObject({
      code: 'import-unsupported',
      message: 'chapter.md: a folder',
    })
  })

  it('refuses a file over the limit from its size, without reading it', async () => {
    const dir = await folder()
    const path = join(dir, 'huge.txt')
    await writeFile(path, '')
    // Sparse: the size is there, the bytes are not, so a read would be slow to notice.
    await truncate(path, MAX_IMPORT_FILE_BYTES + 1)
    await expect(readImportFile(path)).rejects.toMatchObject({ code: 'import-too-large' })
  })

  it('takes a file exactly at the limit', async () => {
    const dir = await folder()
    const path = join(dir, 'full.txt')
    await writeFile(path, '')
    await truncate(path, MAX_IMPORT_FILE_BYTES)
    expect((await readImportFile(path)).bytes.length).toBe(MAX_IMPORT_FILE_BYTES)
  })
})
