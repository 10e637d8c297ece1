import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Block, Document } from '../../electron/shared/model.ts'

export function makeDocument(
  id: string,
  blocks: Array<Partial<Block>>,
  date: string | null = null,
): Document {
  return {
    id,
    title: { en: `Title ${id}`, zh: `标题 ${id}` },
    publisher: { en: 'Test Press', zh: '测试出版社' },
    date,
    source: { file: `${id}.txt`, note: '' },
    originalLanguage: 'en',
    translation: { lang: 'zh', from: 'en', by: { en: 'Test editors', zh: '测试编辑组' } },
    blocks: blocks.map((b, i) => ({
      id: `b${String(i + 1).padStart(3, '0')}`,
      type: 'paragraph',
      en: `Paragraph ${i + 1}.`,
      zh: `第${i + 1}段。`,
      ...b,
    })),
  }
}

/** Writes a compiled bundle to a temp folder, for services that need other content than the fixture. */
export async function writeBundleDir(documents: Document[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bundle-'))
  await writeFile(join(dir, 'corpus.json'), JSON.stringify({ format: 1, documents, glossary: [] }))
  return dir
}
