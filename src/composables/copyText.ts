import { useNoticesStore } from '../stores/notices.ts'

/** Puts text on the clipboard and says whether that worked. */
export async function copyText(text: string): Promise<void> {
  const notices = useNoticesStore()
  try {
    await navigator.clipboard.writeText(text)
    notices.pushInfo('copied')
  } catch {
    notices.pushInfo('copyFailed')
  }
}
