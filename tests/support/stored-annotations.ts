import { rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Annotation, TextAnchor } from '../../electron/shared/annotations.ts'

const STAMP = '2026-01-01T00:00:00.000Z'

/**
 * `count` annotations as an earlier session stored them: notes at `anchor`, ids `seeded-000000`
 * on, all from 2026-01-01, each changed as `vary(i)` says.
 */
export function storedAnnotations(
  count: number,
  anchor: TextAnchor,
  vary: (i: number) => Partial<Annotation> = () => ({}),
): Annotation[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `seeded-${String(i).padStart(6, '0')}`,
    kind: 'note',
    anchor,
    color: null,
    note: '',
    createdAt: STAMP,
    updatedAt: STAMP,
    deletedAt: null,
    ...vary(i),
  }))
}

/**
 * Writes them where the app finds them at its next start (the data folder's annotations.json), in
 * one rename: an app already running that reads the file meanwhile sees none or all of it, never a
 * torn file (which it would rightly quarantine).
 */
export async function seedAnnotations(dataDir: string, annotations: Annotation[]): Promise<void> {
  const staged = join(dataDir, 'seeded-annotations.json')
  await writeFile(staged, JSON.stringify({ version: 1, annotations }))
  await rename(staged, join(dataDir, 'annotations.json'))
}
