import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron';
import { appEventNames, appMethodNames, type AppEventName } from '../../src-shared/contracts/app-contract.ts';
import { invokeMethod } from '../../src-shared/contracts/client-api.ts';
import type { IpcResult } from '../../src-shared/contracts/ipc-result.ts';
import { ipcChannel, ipcEventChannel } from '../../src-shared/contracts/transport-names.ts';
import { toErrorPayload } from '../../src-shared/errors.ts';
import { startServedWorkspace, type ServedWorkspace } from '../services/served-workspace.ts';
import { APP_NAME, defaultDataDir } from '../storage/data-dir.ts';
import { dataDirFromArgv } from './data-dir-argument.ts';
import { registerRendererScheme, RENDERER_ORIGIN, serveRendererBuild } from './renderer-protocol.ts';

const RENDERER_BUILD_DIR = join(import.meta.dirname, '../renderer');
const PRELOAD_FILE = join(import.meta.dirname, '../preload/index.cjs');
const ICON_FILE = join(import.meta.dirname, '../../resources/icon.png');
/** Set by `electron-vite dev` to its dev server; the built app loads its own scheme. */
const DEV_SERVER_URL = process.env.ELECTRON_RENDERER_URL;

app.setName(APP_NAME);
registerRendererScheme();
const dataDir = dataDirFromArgv(process.argv) ?? defaultDataDir();
// Chromium's own caches stay out of the workspace files the CLI shares; set before ready.
app.setPath('userData', join(dataDir, 'desktop-profile'));

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${RENDERER_ORIGIN}/`) || (DEV_SERVER_URL !== undefined && url.startsWith(DEV_SERVER_URL));
}

/** One handler per contract method; results and errors cross as data (`IpcResult`). */
function registerIpcHandlers(served: ServedWorkspace): void {
  for (const name of appMethodNames) {
    ipcMain.handle(ipcChannel(name), async (event, input): Promise<IpcResult> => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } };
      try {
        return { ok: true, value: await invokeMethod(served.service.handlers, name, input) };
      } catch (error) {
        return { ok: false, error: toErrorPayload(error) };
      }
    });
  }
}

function forwardEvents(served: ServedWorkspace, window: BrowserWindow): void {
  const forward = <K extends AppEventName>(name: K) =>
    served.service.events.subscribe(name, (payload) => {
      if (!window.isDestroyed()) window.webContents.send(ipcEventChannel(name), payload);
    });
  const unsubscribes = appEventNames.map(forward);
  window.on('closed', () => unsubscribes.forEach((unsubscribe) => unsubscribe()));
}

/** The renderer may show only its own pages; links to the web open in the system browser. */
function lockDownNavigation(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${RENDERER_ORIGIN}/`) && !(DEV_SERVER_URL && url.startsWith(DEV_SERVER_URL))) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function openWindow(served: ServedWorkspace): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: APP_NAME,
    icon: ICON_FILE,
    show: false,
    webPreferences: {
      preload: PRELOAD_FILE,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  forwardEvents(served, window);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(DEV_SERVER_URL ?? `${RENDERER_ORIGIN}/index.html`);
  return window;
}

async function main(): Promise<void> {
  await app.whenReady();

  let served: ServedWorkspace;
  try {
    // The desktop app also serves the API on loopback, so `hooklab …` commands reach its engine.
    served = await startServedWorkspace({ dataDir, mode: 'desktop', port: 0 });
  } catch (error) {
    dialog.showErrorBox(`${APP_NAME} cannot start`, toErrorPayload(error).message);
    app.exit(1);
    return;
  }
  for (const warning of served.service.warnings) console.warn(`hooklab: warning: ${warning}`);

  lockDownNavigation();
  serveRendererBuild(RENDERER_BUILD_DIR);
  registerIpcHandlers(served);
  openWindow(served);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(served);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void served.close().finally(() => app.exit(0));
  });
}

void main();
