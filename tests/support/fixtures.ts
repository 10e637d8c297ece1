import { resolve } from 'node:path'

const FIXTURES = resolve(import.meta.dirname, '../fixtures')

/** A compiled corpus bundle with one small document, as main loads it. */
export const FIXTURE_CONTENT_DIR = resolve(FIXTURES, 'bundle')
/** Authored content (a document and a glossary), as the corpus CLI reads it. */
export const FIXTURE_SOURCE_DIR = resolve(FIXTURES, 'source')
