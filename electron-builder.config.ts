import type { Configuration } from 'electron-builder'
import { applyFuses } from './scripts/release/fuses.ts'

/**
 * Installers for Linux (AppImage, deb), Windows (NSIS) and macOS (dmg), built from `out/` by
 * `npm run dist`. The app opens no files handed to it by the system (notes are imported from the
 * Notebook), so it registers no file associations.
 * @see https://www.electron.build/configuration
 */
const config: Configuration = {
  appId: 'org.jiangmen.reader',
  productName: 'Jiangmen Reader',
  executableName: 'jiangmen-reader',
  copyright: 'Jiangmen Reader contributors',
  directories: { output: 'dist', buildResources: 'build' },
  // What electron-vite and the corpus build wrote, and nothing else of the source tree.
  files: ['out/**/*', 'package.json', '!**/*.map'],
  asar: true,
  afterPack: applyFuses,
  icon: 'build/icon.png',
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    synopsis: 'A bilingual (English / Chinese) reader for official documents about Jiangmen',
    maintainer: 'Jiangmen Reader contributors <reader@jiangmen.invalid>',
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.education' },
}

export default config
