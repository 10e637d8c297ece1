import { z } from 'zod'
import {
  Annotation,
  AnnotationId,
  AnnotationPatch,
  ExportRequest,
  ImportReport,
  MAX_IMPORT_CHUNK,
  NewAnnotation,
  PlacementsFound,
  UploadId,
} from './annotations.ts'
import { AnnotationPage, AnnotationPageRequest } from './annotation-list.ts'
import { AcceptedDocument, ImportProgress, ImportProposal, PickResult } from './imports.ts'
import {
  AppCommand,
  AppInfo,
  DataNotice,
  DocId,
  Document,
  IsoDate,
  DocumentSummary,
  GlossaryTerm,
  ReadingPosition,
  Settings,
  SettingsPatch,
  StorageState,
} from './model.ts'

/**
 * Every IPC channel, named `domain:verb`, with the schema its payload must pass on arrival in main
 * and the schema its answer must pass on arrival in the renderer.
 */
export const contract = {
  /**
   * A page of the live annotations, packed for the copies IPC and contextBridge make; the store
   * reads them page after page and unpacks them (annotation-list.ts).
   */
  'annotations:list': { input: AnnotationPageRequest, output: AnnotationPage },
  'annotations:create': { input: NewAnnotation, output: Annotation },
  'annotations:update': { input: AnnotationPatch, output: Annotation },
  'annotations:delete': { input: z.object({ id: AnnotationId }).strict(), output: Annotation },
  'annotations:restore': { input: z.object({ id: AnnotationId }).strict(), output: Annotation },
  'annotations:export': {
    input: ExportRequest,
    output: z.object({ filename: z.string(), mimeType: z.string(), content: z.string() }),
  },
  /** One piece of a file to import, in order from 0; the next upload (index 0) replaces it. */
  'annotations:importChunk': {
    input: z
      .object({
        uploadId: UploadId,
        index: z.number().int().min(0),
        chunk: z.string().max(MAX_IMPORT_CHUNK),
      })
      .strict(),
    output: z.null(),
  },
  /** What importing the uploaded file would do; each upload is read by one preview or import. */
  'annotations:previewImport': {
    input: z.object({ uploadId: UploadId }).strict(),
    output: ImportReport,
  },
  'annotations:import': { input: z.object({ uploadId: UploadId }).strict(), output: ImportReport },
  'app:info': { input: z.undefined(), output: AppInfo },
  'app:notices': { input: z.undefined(), output: z.array(DataNotice) },
  'corpus:list': { input: z.undefined(), output: z.array(DocumentSummary) },
  'corpus:get': { input: z.object({ id: DocId }).strict(), output: Document },
  'corpus:glossary': { input: z.undefined(), output: z.array(GlossaryTerm) },
  /** One piece (base64) of a file to import as a document; a pair is two uploads. */
  'documents:uploadChunk': {
    input: z
      .object({
        uploadId: UploadId,
        index: z.number().int().min(0),
        chunk: z
          .string()
          .max(MAX_IMPORT_CHUNK)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
      })
      .strict(),
    output: z.null(),
  },
  /**
   * Opens main's own file picker (where there is one) and reads the one or two files chosen there,
   * size checked before reading, or names the many of a batch, read as each document is proposed:
   * no bytes cross IPC. Their ids go to `documents:propose`, one document at a time.
   */
  'documents:pick': { input: z.undefined(), output: PickResult },
  /**
   * Runs the import pipeline on one or two uploaded files and answers what the review step shows;
   * saves nothing. Progress arrives as `documents:progress` events for `jobId`.
   */
  'documents:propose': {
    input: z
      .object({
        jobId: UploadId,
        files: z
          .array(
            z
              .object({
                uploadId: UploadId,
                name: z.string().min(1).max(200),
                modified: IsoDate.nullable(),
              })
              .strict(),
          )
          .min(1)
          .max(2),
      })
      .strict(),
    output: ImportProposal,
  },
  /** Stops a running `documents:propose`, which then fails with `import-cancelled`. */
  'documents:cancel': { input: z.object({ jobId: UploadId }).strict(), output: z.null() },
  /** Saves a document the person accepted in the review step; the library lists it at once. */
  'documents:add': { input: AcceptedDocument, output: DocumentSummary },
  /** Removes an imported document; its annotations are kept, orphaned, until `restore`. */
  'documents:remove': { input: z.object({ id: DocId }).strict(), output: DocumentSummary },
  'documents:restore': { input: z.object({ id: DocId }).strict(), output: DocumentSummary },
  /** The search index as shipped (`src/search/index-file.ts`); `rebuilt` if the shipped one was stale or damaged. */
  'search:index': {
    input: z.undefined(),
    output: z.object({ file: z.string(), rebuilt: z.boolean() }),
  },
  'settings:get': { input: z.undefined(), output: Settings },
  'settings:set': { input: SettingsPatch, output: Settings },
  /** Remembers where the reader is in a document, which also becomes the one reopened at start. */
  'settings:savePosition': {
    input: z.object({ docId: DocId, position: ReadingPosition.strict() }).strict(),
    output: z.null(),
  },
} as const

/** Messages main sends to the renderer unasked; validated on arrival like every answer. */
export const events = {
  'app:command': AppCommand,
  'annotations:placed': PlacementsFound,
  'app:storage': StorageState,
  'documents:progress': ImportProgress,
} as const

export type EventChannel = keyof typeof events
export type EventPayload<E extends EventChannel> = z.output<(typeof events)[E]>

export type Contract = typeof contract
export type Channel = keyof Contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

export const CHANNELS = Object.keys(contract) as Channel[]

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/** Stable error codes; the renderer turns them into localized messages. */
export const ErrorCode = z.enum([
  'unknown-channel',
  'invalid-input',
  'invalid-output',
  'forbidden-sender',
  'not-found',
  'corrupt-data',
  'io-error',
  'limit-exceeded',
  'internal',
  // A file to import that the pipeline refuses; nothing is changed.
  'import-empty',
  'import-too-large',
  'import-binary',
  'import-unsupported',
  'import-unsafe-archive',
  'import-invalid-xml',
  'import-too-many-units',
  'import-mismatched-languages',
  'import-unaligned',
  'import-cancelled',
  // The import's thread stopped before it answered (out of memory, a crash); nothing is changed.
  'import-crashed',
])
export type ErrorCode = z.infer<typeof ErrorCode>

export const IpcError = z.object({ code: ErrorCode, message: z.string().max(2_000) })
export type IpcError = z.infer<typeof IpcError>

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string): { ok: false; error: IpcError } => ({
  ok: false,
  error: { code, message: message.slice(0, 2_000) },
})

/** An error a service throws on purpose, carrying a stable code across IPC. */
export class ServiceError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.code = code
    this.name = 'ServiceError'
  }
}
