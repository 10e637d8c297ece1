import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses'
import type { AfterPackContext } from 'electron-builder'
import { join } from 'node:path'

/**
 * Electron features the packaged app must not offer, turned off in the binary itself, where no
 * environment variable or command-line flag can turn them back on. Every fuse is set explicitly, so
 * an Electron upgrade that adds one fails the build until it is decided.
 * @see https://www.electronjs.org/docs/latest/tutorial/fuses
 */
export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would make the signed binary a general-purpose Node.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only the app.asar that was packaged (its hash is embedded) and nothing beside it is loaded.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served from app://, so file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.WasmTrapHandlers]: true,
} satisfies FuseV1Config

/** Where electron-builder put the Electron binary it is packaging, per platform. */
function packagedBinary(context: AfterPackContext): string {
  const { appOutDir, electronPlatformName, packager } = context
  const { productFilename } = packager.appInfo
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return join(appOutDir, `${productFilename}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${productFilename}.exe`)
  // Only the Linux packager has an executable name of its own (lower-case, no spaces).
  if (!('executableName' in packager) || typeof packager.executableName !== 'string')
    throw new Error(`no executable name for ${electronPlatformName}`)
  return join(appOutDir, packager.executableName)
}

/** electron-builder's afterPack hook: runs once per platform and architecture, before signing. */
export async function applyFuses(context: AfterPackContext): Promise<void> {
  await flipFuses(packagedBinary(context), {
    ...FUSES,
    // Flipping fuses invalidates an arm64 macOS binary's ad-hoc signature until it is re-signed.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
  })
}
