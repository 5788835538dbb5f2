import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildClientApi } from '../../src-shared/contracts/client-api-builder.ts';
import type { IpcResult } from '../../src-shared/contracts/ipc-result.ts';
import { ipcChannel, ipcEventChannel } from '../../src-shared/contracts/transport-names.ts';

/**
 * One function per contract method and one `onX` per event, nothing else: the renderer never
 * gets `ipcRenderer` or a generic invoke. Errors reject as `{ code, message, details }`.
 */
const api = buildClientApi(
  async (name, input) => {
    const result = (await ipcRenderer.invoke(ipcChannel(name), input)) as IpcResult;
    if (!result.ok) throw result.error;
    return result.value;
  },
  (name, listener) => {
    const channel = ipcEventChannel(name);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.off(channel, forward);
    };
  },
);

contextBridge.exposeInMainWorld('hooklab', api);
