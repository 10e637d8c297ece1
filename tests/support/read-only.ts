import { execFileSync } from 'node:child_process'
import { chmodSync } from 'node:fs'

/**
 * Makes a folder refuse new files, renames and deletions, like a read-only disk. Root ignores file
 * modes, so as root (CI containers) the folder is made immutable instead (ext4, CAP_LINUX_IMMUTABLE).
 */
export function setReadOnly(dir: string, readOnly: boolean): void {
  if (process.getuid?.() === 0) execFileSync('chattr', [readOnly ? '+i' : '-i', dir])
  else chmodSync(dir, readOnly ? 0o555 : 0o755)
}
