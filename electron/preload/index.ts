import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { makeApi } from '../shared/make-api.ts'

contextBridge.exposeInMainWorld(
  'reader',
  makeApi(
    (channel, payload) => ipcRenderer.invoke(channel, payload),
    (channel, handler) => {
      const listener = (_event: IpcRendererEvent, payload: unknown) => handler(payload)
      ipcRenderer.on(channel, listener)
      return () => void ipcRenderer.off(channel, listener)
    },
  ),
)
