import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch } from '../../electron/core/dispatch.ts'
import { createServices } from '../../electron/core/services.ts'
import { makeApi } from '../../electron/shared/make-api.ts'
import { FIXTURE_CONTENT_DIR } from './fixtures.ts'

/** The app as the renderer reaches it: makeApi over dispatch, over a data folder (fresh if none). */
export async function servicesApi(dataDir?: string) {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'services-')))
  const services = createServices({
    contentDir: FIXTURE_CONTENT_DIR,
    dataDir: dir,
    appInfo: { name: 'r', version: '1', platform: 'linux', osLocale: 'en' },
  })
  const api = makeApi(
    (channel, payload) => dispatch(services.handlers, channel, payload),
    () => () => undefined,
  )
  return { api, services, dir }
}
