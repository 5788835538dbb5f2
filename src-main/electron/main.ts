import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { appEventNames, appMethodNames, type AppEventName } from '../../src-shared/contracts/app-contract.ts';
import { invokeMethod } from '../../src-shared/contracts/client-api.ts';
import type { IpcResult } from '../../src-shared/contracts/ipc-result.ts';
import { ipcChannel, ipcEventChannel } from '../../src-shared/contracts/transport-names.ts';
import { toErrorPayload } from '../../src-shared/errors.ts';
import { startServedWorkspace, type ServedWorkspace } from '../services/served-workspace.ts';
import { APP_NAME, defaultDataDir } from '../storage/data-dir.ts';
import { ALREADY_RUNNING_PREFIX, WINDOW_OPEN_PREFIX } from './launch-lines.ts';
import { dataDirFromArgv } from './data-dir-argument.ts';
import { registerRendererScheme, RENDERER_ORIGIN, serveRendererBuild } from './renderer-protocol.ts';

const RENDERER_BUILD_DIR = join(import.meta.dirname, '../renderer');
const PRELOAD_FILE = join(import.meta.dirname, '../preload/index.cjs');
const ICON_FILE = join(import.meta.dirname, '../../resources/icon.png');
/**
 * Set by `electron-vite dev` to its dev server. A built app ignores it: otherwise anyone who can
 * set an environment variable could load any page and hand it the IPC surface.
 */
const DEV_SERVER_URL = import.meta.env.DEV ? process.env.ELECTRON_RENDERER_URL : undefined;
/** Pages of the app itself: only they may call the engine, get clipboard access or be navigated to. */
const APP_ORIGINS = new Set([RENDERER_ORIGIN, ...(DEV_SERVER_URL ? [new URL(DEV_SERVER_URL).origin] : [])]);
/** The one permission the app uses: writing to the clipboard (copy buttons); everything else is denied. */
const GRANTED_PERMISSION = 'clipboard-sanitized-write';

app.setName(APP_NAME);
registerRendererScheme();
const dataDir = dataDirFromArgv(process.argv) ?? defaultDataDir();
// Chromium's own caches stay out of the workspace files the CLI shares; set before ready.
app.setPath('userData', join(dataDir, 'desktop-profile'));

/**
 * Scheme and host, compared instead of `URL.origin`: Node's URL does not know that Chromium
 * treats `hooklab:` as a standard scheme, and gives every `hooklab://…` URL the origin "null".
 */
function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, host } = new URL(url);
    return APP_ORIGINS.has(`${protocol}//${host}`);
  } catch {
    return false;
  }
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  return isAppUrl(event.senderFrame?.url);
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

/** The renderer may show only its own pages and gets no permission but the clipboard's. */
function lockDownNavigation(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permission === GRANTED_PERMISSION && isAppUrl(details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => permission === GRANTED_PERMISSION && isAppUrl(requestingOrigin),
  );
  app.on('web-contents-created', (_event, contents) => {
    // The UI links to no outside page, so nothing is opened externally: no window, no browser.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    const stayInApp = (event: { url: string; preventDefault(): void }) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    };
    contents.on('will-navigate', stayInApp);
    contents.on('will-frame-navigate', stayInApp);
    contents.on('will-redirect', stayInApp);
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
  window.once('ready-to-show', () => {
    window.show();
    console.log(`${WINDOW_OPEN_PREFIX} ${dataDir}`);
  });
  void window.loadURL(DEV_SERVER_URL ?? `${RENDERER_ORIGIN}/index.html`);
  return window;
}

/** The window of this workspace, brought to the front when it is launched again. */
let mainWindow: BrowserWindow | null = null;

function focusWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function main(): Promise<void> {
  // The lock is keyed on userData, which is per workspace: another workspace may open beside this one.
  if (!app.requestSingleInstanceLock({ dataDir })) {
    console.error(`${ALREADY_RUNNING_PREFIX} ${dataDir}; its window was brought to the front.`);
    app.exit(0);
    return;
  }
  app.on('second-instance', focusWindow);
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
  mainWindow = openWindow(served);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow(served);
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
