import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { dispatch, type Services } from '../core/dispatch.ts'
import { CHANNELS, fail } from '../shared/contract.ts'

/**
 * Routes every contract channel to its service. Only our window's main frame may call: a call from
 * another frame or another webContents is refused before its payload is even looked at.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
export function registerIpc(
  ipcMain: IpcMain,
  services: Services,
  isTrusted: (c: WebContents) => boolean,
) {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event, isTrusted)) {
        return fail('forbidden-sender', `${channel}: sender is not the app's main frame`)
      }
      return dispatch(services, channel, payload)
    })
  }
}

function isTrustedSender(
  event: IpcMainInvokeEvent,
  isTrusted: (c: WebContents) => boolean,
): boolean {
  const frame = event.senderFrame
  return !!frame && frame === event.sender.mainFrame && isTrusted(event.sender)
}
