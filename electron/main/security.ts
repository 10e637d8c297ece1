import { app, session, shell, type WebContents } from 'electron'
import { isSafeExternalUrl } from './external-links.ts'

/** App-wide rules that hold for every web contents the app will ever create. */
export function enforceSecurityRules(isAppUrl: (url: string) => boolean): void {
  // @see https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  )
  session.defaultSession.setPermissionCheckHandler(() => false)

  app.on('web-contents-created', (_event, contents: WebContents) => {
    // @see https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    // @see https://www.electronjs.org/docs/latest/tutorial/security#12-verify-webview-options-before-creation
    contents.on('will-attach-webview', (event) => event.preventDefault())
    // @see https://www.electronjs.org/docs/latest/tutorial/security#14-disable-or-limit-creation-of-new-windows
    contents.setWindowOpenHandler(({ url }) => {
      // @see https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
      if (isSafeExternalUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}
