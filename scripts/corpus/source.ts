import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { Document, GlossaryTerm } from '../../electron/shared/model.ts'

const GLOSSARY_FILE = 'glossary.json'

export const GlossaryFile = z.object({
  version: z.literal(1),
  terms: z.array(GlossaryTerm),
  /** Blocks where a term's English appears without its Chinese on purpose, with the reason. */
  exceptions: z
    .array(
      z.object({
        term: z.string(),
        docId: z.string(),
        blockId: z.string(),
        reason: z.string().min(1),
      }),
    )
    .default([]),
})
export type GlossaryFile = z.infer<typeof GlossaryFile>

/** A problem found in the authored content, reported as `file: blockId: reason`. */
export interface Problem {
  file: string
  blockId: string | null
  reason: string
}

export interface CorpusSource {
  documents: Array<{ file: string; document: Document }>
  glossary: GlossaryFile
  problems: Problem[]
}

/** Reads `content/*.json`: every document and the glossary, each validated against its schema. */
export async function readSource(contentDir: string): Promise<CorpusSource> {
  const problems: Problem[] = []
  const documents: CorpusSource['documents'] = []
  let glossary: GlossaryFile = { version: 1, terms: [], exceptions: [] }
  const files = (await readdir(contentDir)).filter((f) => f.endsWith('.json')).sort()
  if (!files.includes(GLOSSARY_FILE)) {
    problems.push({ file: GLOSSARY_FILE, blockId: null, reason: 'missing glossary file' })
  }
  for (const file of files) {
    const raw = await readJson(join(contentDir, file))
    if (!raw.ok) {
      problems.push({ file, blockId: null, reason: raw.reason })
      continue
    }
    const schema = file === GLOSSARY_FILE ? GlossaryFile : Document
    const parsed = schema.safeParse(raw.value)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          file,
          blockId: blockIdAt(raw.value, issue.path),
          reason: describeIssue(issue),
        })
      }
      continue
    }
    if (file === GLOSSARY_FILE) glossary = parsed.data as GlossaryFile
    else documents.push({ file, document: parsed.data as Document })
  }
  return { documents, glossary, problems }
}

async function readJson(
  path: string,
): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
  try {
    return { ok: true, value: JSON.parse(await readFile(path, 'utf8')) as unknown }
  } catch (error) {
    return {
      ok: false,
      reason: `malformed JSON: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
}

function blockIdAt(raw: unknown, path: PropertyKey[]): string | null {
  if (path[0] !== 'blocks' || typeof path[1] !== 'number') return null
  const blocks = (raw as { blocks?: unknown }).blocks
  const block = Array.isArray(blocks)
    ? (blocks[path[1]] as { id?: unknown } | undefined)
    : undefined
  return typeof block?.id === 'string' ? block.id : `#${path[1]}`
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.filter((p) => typeof p === 'string').join('.')
  return where ? `${where}: ${issue.message}` : issue.message
}
