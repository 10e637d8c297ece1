import { z } from 'zod'
import { locateParts } from './align/coverage.ts'
import { UploadId } from './annotations.ts'
import { MAX_IMPORT_BATCH_FILES } from './import-upload.ts'
import { Bilingual, BlockType, DocumentSummary, IsoDate, SentencePair } from './model.ts'

/** A document's blocks, as `Document` allows; a TMX or XLIFF file holds at most this many units. */
export const MAX_IMPORT_BLOCKS = 10_000

/** How far a `documents:propose` job has come: blocks aligned of blocks to align. */
export const ImportProgress = z.object({
  jobId: z.string().max(64),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
})
export type ImportProgress = z.infer<typeof ImportProgress>

const Confidence = z.number().min(0).max(1)

/** A sentence pair as the aligner proposed it, with how sure it was (1 for a translator's own). */
export const ProposedPair = SentencePair.extend({ confidence: Confidence })
export type ProposedPair = z.infer<typeof ProposedPair>

/** One block of an imported document before the person accepts it. */
export const ProposedBlock = z.object({
  type: BlockType,
  en: SentencePair.shape.en,
  zh: SentencePair.shape.zh,
  /** How well the paragraphs of the two sides fit as a pair (1 when a file paired them itself). */
  confidence: Confidence,
  pairs: z.array(ProposedPair).min(1).max(1_000),
})
export type ProposedBlock = z.infer<typeof ProposedBlock>

/** Something the import did that the person should know of; the renderer words it. */
export const ImportWarning = z.object({
  code: z.enum([
    'encoding-converted',
    'unpaired-skipped',
    'paragraphs-merged',
    'low-confidence',
    'no-heading',
  ]),
  /** The figure or name the message needs (an encoding, a count). */
  detail: z.string().max(200),
})
export type ImportWarning = z.infer<typeof ImportWarning>

export const ImportFormat = z.enum(['markdown', 'text', 'html', 'docx', 'epub', 'tmx', 'xliff'])
export type ImportFormat = z.infer<typeof ImportFormat>

/** A file chosen in main's own file picker and read there, named for `documents:propose`. */
export const PickedFile = z
  .object({
    uploadId: UploadId,
    name: z.string().min(1).max(200),
    modified: IsoDate.nullable(),
  })
  .strict()
export type PickedFile = z.infer<typeof PickedFile>

/**
 * What `documents:pick` answers: the files chosen (none when the person cancelled; more than a pair
 * for a batch), or
 * that there is no native picker here (a browser), where the renderer offers its own.
 */
export const PickResult = z.discriminatedUnion('picker', [
  z.object({ picker: z.literal('native'), files: z.array(PickedFile).max(MAX_IMPORT_BATCH_FILES) }),
  z.object({ picker: z.literal('none') }),
])
export type PickResult = z.infer<typeof PickResult>

/** What the import pipeline makes of one or two files: shown in the review step, printed by the CLI. */
export const ImportProposal = z.object({
  title: Bilingual,
  /** The file's own date (its metadata, else when it was last changed), for citations. */
  date: IsoDate.nullable(),
  format: ImportFormat,
  files: z.array(z.string().min(1).max(200)).min(1).max(2),
  blocks: z.array(ProposedBlock).min(1).max(MAX_IMPORT_BLOCKS),
  warnings: z.array(ImportWarning).max(100),
})
export type ImportProposal = z.infer<typeof ImportProposal>

/**
 * A block as the person accepted it: its pairs, in order, must make up its two texts exactly
 * (whitespace between them aside), as the bundled documents' do.
 */
const AcceptedBlock = z
  .object({
    type: BlockType,
    en: SentencePair.shape.en,
    zh: SentencePair.shape.zh,
    pairs: z.array(SentencePair).min(1).max(1_000),
  })
  .strict()
  .refine(
    (block) =>
      locateParts(
        block.en,
        block.pairs.map((p) => p.en),
      ) !== null &&
      locateParts(
        block.zh,
        block.pairs.map((p) => p.zh),
      ) !== null,
    'the pairs must make up the block’s texts, in order',
  )
type AcceptedBlock = z.infer<typeof AcceptedBlock>

/** A document as the person accepted it in the review step, sent to be saved. */
export const AcceptedDocument = z
  .object({
    title: Bilingual,
    date: IsoDate.nullable(),
    files: ImportProposal.shape.files,
    blocks: z.array(AcceptedBlock).min(1).max(MAX_IMPORT_BLOCKS),
  })
  .strict()
export type AcceptedDocument = z.infer<typeof AcceptedDocument>

/** An imported document in the manifest: what the library lists without opening its file. */
export const UserDocumentEntry = z.object({
  summary: DocumentSummary,
  importedAt: z.iso.datetime(),
  /** When the person removed it; a removed document is kept so that the removal can be undone. */
  removedAt: z.iso.datetime().nullable(),
})
export type UserDocumentEntry = z.infer<typeof UserDocumentEntry>

export const UserDocumentsManifest = z.object({
  version: z.literal(1),
  documents: z.array(UserDocumentEntry).max(100_000),
})
export type UserDocumentsManifest = z.infer<typeof UserDocumentsManifest>
