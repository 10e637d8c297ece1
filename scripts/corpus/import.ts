import { proposeImport } from '../../electron/core/import/pipeline.ts'
import { readImportFile } from '../../electron/core/import/read-file.ts'
import { ServiceError } from '../../electron/shared/contract.ts'
import type { ImportProposal } from '../../electron/shared/imports.ts'

/**
 * `corpus import`: runs the app's import pipeline on one or two files without saving anything, and
 * prints what the review step would show; bad input is one line on stderr and exit code 1.
 */
export async function runImport(paths: string[], options: { json: boolean }): Promise<number> {
  if (paths.length < 1 || paths.length > 2) {
    console.error('import takes one bilingual file or a pair of files, one per language')
    return 2
  }
  let proposal: ImportProposal
  try {
    proposal = await proposeImport(await Promise.all(paths.map(readImportFile)))
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error
    console.error(`import refused (${error.code}): ${error.message.replace(/\s+/g, ' ')}`)
    return 1
  }
  const { title, date, format, blocks, warnings } = proposal
  if (options.json) {
    console.log(JSON.stringify({ title, date, format, blocks, warnings }))
    return 0
  }
  console.log(
    `${title.en} / ${title.zh} (${format}, ${date ?? 'no date'}): ${blocks.length} blocks`,
  )
  for (const [k, block] of blocks.entries()) {
    console.log(`\n${k + 1} ${block.type} (${block.confidence})`)
    for (const pair of block.pairs)
      console.log(`  (${pair.confidence}) en: ${pair.en}\n  zh: ${pair.zh}`)
  }
  for (const warning of warnings) console.log(`warning: ${warning.code} ${warning.detail}`.trim())
  return 0
}
