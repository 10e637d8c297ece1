/** Only plain https links to a real host leave the app, and only to the system browser. */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password
}
