import { contextBridge, ipcRenderer } from 'electron'
import { makeApi } from '../shared/make-api.ts'

contextBridge.exposeInMainWorld(
  'reader',
  makeApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
)
