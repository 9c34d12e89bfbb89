/**
 * Preload (sandboxed): exposes exactly the DesktopApi as `window.desktop`, never ipcRenderer
 * (STYLE.md L5). Channel names come from the contract; arguments are validated again in main.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type DesktopApi } from './ipc/contract';

const api = {
  getAppInfo: () => ipcRenderer.invoke(IPC_CHANNELS.appGetInfo),
  saveFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.filesSave, request),
  printPdf: (request) => ipcRenderer.invoke(IPC_CHANNELS.documentsPrintPdf, request),
  listSystemFonts: () => ipcRenderer.invoke(IPC_CHANNELS.fontsList),
  readSystemFont: (request) => ipcRenderer.invoke(IPC_CHANNELS.fontsRead, request),
  openExternalUrl: (url) => ipcRenderer.invoke(IPC_CHANNELS.externalOpen, { url }),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', api);
