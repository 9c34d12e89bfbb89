/**
 * Preload (sandboxed): exposes exactly the DesktopApi as `window.desktop`, never ipcRenderer.
 * Channel names come from the contract; arguments are validated again in main.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS as C, type DesktopApi } from './ipc/contract';

const api = {
  getAppInfo: () => ipcRenderer.invoke(C.appGetInfo),
  saveFile: (request) => ipcRenderer.invoke(C.filesSave, request),
  printPdf: (request) => ipcRenderer.invoke(C.documentsPrintPdf, request),
  listSystemFonts: () => ipcRenderer.invoke(C.fontsList),
  readSystemFont: (request) => ipcRenderer.invoke(C.fontsRead, request),
  openExternalUrl: (url) => ipcRenderer.invoke(C.externalOpen, { url }),
  getSecretsStatus: () => ipcRenderer.invoke(C.secretsStatus),
  wrapDataKey: (request) => ipcRenderer.invoke(C.secretsWrapDataKey, request),
  unwrapDataKey: (request) => ipcRenderer.invoke(C.secretsUnwrapDataKey, request),
  putSecret: (request) => ipcRenderer.invoke(C.secretsPut, request),
  getSecret: (request) => ipcRenderer.invoke(C.secretsGet, request),
  deleteSecret: (request) => ipcRenderer.invoke(C.secretsDelete, request),
  chooseBackupFolder: () => ipcRenderer.invoke(C.backupsChooseFolder),
  writeBackupFile: (request) => ipcRenderer.invoke(C.backupsWriteFile, request),
  readBackupFile: (request) => ipcRenderer.invoke(C.backupsReadFile, request),
  listBackupFiles: () => ipcRenderer.invoke(C.backupsList),
  setPlatformOrigin: (request) => ipcRenderer.invoke(C.platformSetOrigin, request),
  getDiagnostics: () => ipcRenderer.invoke(C.diagnosticsGet),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', api);
