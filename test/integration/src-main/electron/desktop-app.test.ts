import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ALREADY_RUNNING_PREFIX } from '../../../../src-main/electron/launch-lines.ts';
import { readLiveOwner } from '../../../../src-main/services/data-dir-owner.ts';
import { appContract, appEventNames, appMethodNames, type AppMethodName } from '../../../../src-shared/contracts/app-contract.ts';
import { noInput } from '../../../../src-shared/contracts/contract-kit.ts';
import { ipcChannel, listenerName } from '../../../../src-shared/contracts/transport-names.ts';
import { builtAppMissing, startBuiltDesktopApp, type BuiltDesktopApp, type Outcome } from '../../../fixtures/built-desktop-app.ts';
import { runHooklab, startServe } from '../../../fixtures/cli-process.ts';
import { bearer, callMethod } from '../../../fixtures/serve-api.ts';
import { REPO_ROOT } from '../../../fixtures/source-files.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';

/**
 * The BUILT desktop app (out/main/index.js, out/preload/index.cjs) run under Node with a STAND-IN
 * `electron` module (test/fixtures/electron-stand-in/electron.ts), not Electron: Electron's binary
 * cannot run here (no display, no internet to download it). The engine, SQLite, the loopback API
 * and the receiver are real; the stand-in keeps what Electron does that the wiring depends on
 * (structured-clone IPC, one handler per channel, scheme registration before ready, a sandboxed
 * preload that can require only 'electron', a single-instance lock on the profile directory).
 */
const missing = builtAppMissing();
if (missing) console.warn(`skipped the built desktop app suite: ${missing} is missing (run \`npm run build\`)`);

const APP_PAGE = 'hooklab://app/index.html';

async function openApp(dataDir = tempDir(), env: NodeJS.ProcessEnv = {}): Promise<BuiltDesktopApp> {
  const app = startBuiltDesktopApp(dataDir, env);
  onTestFinished(async () => {
    if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
    await app.exited;
  });
  await app.windowOpen();
  return app;
}

/** The loopback API the desktop app serves for CLI commands: the same engine, reached over HTTP. */
function loopbackApi(dataDir: string): { apiUrl: string; headers: Record<string, string> } {
  const owner = readLiveOwner(dataDir);
  if (!owner?.apiUrl || !owner.token) throw new Error(`no live owner with an API in ${dataDir}`);
  expect(owner.mode).toBe('desktop');
  return { apiUrl: owner.apiUrl, headers: bearer(owner.token) };
}

const takesNoInput = (name: AppMethodName) => appContract.methods[name].input === noInput;

describe.skipIf(missing !== null)('the built desktop app under a stand-in electron module', () => {
  it('opens one sandboxed, context-isolated window on its own scheme, and says so on stdout', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    const app = await openApp(dataDir);
    const window = (await app.run({ op: 'window' })) as { url: string; visible: boolean; options: { webPreferences: Record<string, unknown> } };
    expect(window.url).toBe(APP_PAGE);
    expect(window.visible).toBe(true);
    expect(window.options.webPreferences).toMatchObject({
      preload: join(REPO_ROOT, 'out/preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(await app.run({ op: 'privilegedSchemes' })).toEqual([{ scheme: 'hooklab', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(app.stdout()).toBe(`hooklab: the desktop app is open on ${dataDir}\n`);
  });

  it('the preload exposes `hooklab` alone: one function per contract method and one onX per event, nothing else', { timeout: 30_000 }, async () => {
    const app = await openApp();
    const { keys, api } = (await app.run({ op: 'exposedKeys' })) as { keys: string[]; api: [string, string][] };
    expect(keys).toEqual(['hooklab']);
    expect(api.map(([name]) => name).sort()).toEqual([...appMethodNames, ...appEventNames.map(listenerName)].sort());
    expect(new Set(api.map(([, type]) => type))).toEqual(new Set(['function']));
  });

  it('the built preload holds no schema library (names only) and is small', () => {
    const preload = readFileSync(join(REPO_ROOT, 'out/preload/index.cjs'), 'utf8');
    expect(preload).not.toMatch(/ZodError|strictObject|safeParse|require\("zod"\)/);
    expect(preload.length).toBeLessThan(20_000);
  });

  it('every contract method, called through the preload, reaches the engine: its input errors are the same data as over HTTP', {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempDir();
    const app = await openApp(dataDir);
    const { apiUrl, headers } = loopbackApi(dataDir);
    for (const name of appMethodNames) {
      const input = { surplusField: 1 };
      const viaPreload = await app.call(name, input);
      const viaHttp = await callMethod(apiUrl, name, input, headers);
      expect(viaHttp.status, name).toBe(400);
      expect(viaPreload, name).toEqual({ ok: false, error: viaHttp.body });
      expect(viaPreload.ok ? null : viaPreload.error, name).toMatchObject({ code: 'invalid_input', details: { issues: expect.any(Array) } });
    }
  });

  it('every method that reads without input answers through the preload what it answers over HTTP', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const app = await openApp(dataDir);
    const { apiUrl, headers } = loopbackApi(dataDir);
    const reads = appMethodNames.filter((name) => takesNoInput(name) && /^(get|list)/.test(name));
    expect(reads.length).toBeGreaterThan(8);
    for (const name of reads) {
      const viaPreload = await app.call(name);
      const viaHttp = await callMethod(apiUrl, name, null, headers);
      // The engine clock moves between the two calls.
      const expected = name === 'getTimeScale' ? { ...(viaHttp.body as object), vendorNow: expect.any(Number), realNow: expect.any(Number) } : viaHttp.body;
      expect(viaPreload, name).toEqual({ ok: true, value: expected });
    }
    expect(await app.call('getAppInfo')).toMatchObject({ ok: true, value: { mode: 'desktop', dataDir } });
  });

  it('errors cross as data: not_found and conflict keep their code, message and details', { timeout: 30_000 }, async () => {
    const app = await openApp();
    expect(await app.call('getDelivery', { id: 'nope' })).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringContaining('nope') } });
    const webhook = { name: 'twice', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/x' };
    expect(await app.call('createWebhook', webhook)).toMatchObject({ ok: true, value: { name: 'twice' } });
    const again = await app.call('createWebhook', webhook);
    expect(again).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'name: is already used by another webhook',
        details: { issues: [{ path: 'name', message: 'is already used by another webhook' }] },
      },
    });
  });

  it('every contract event reaches its onX listener in the renderer', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const app = await openApp(dataDir);
    for (const name of appEventNames) await app.run({ op: 'subscribe', listener: listenerName(name) });
    const got = (name: string) => app.events.get(listenerName(name as never)) ?? [];
    const call = async (name: AppMethodName, input?: unknown) => {
      const outcome = await app.call(name, input);
      if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
      return outcome.value as Record<string, unknown>;
    };
    const { receiverUrl } = await call('getAppInfo');

    await call('createWebhook', { name: 'to the receiver', events: ['Entitlement Added'], endpointUrl: `${receiverUrl}/r/desk/hook` });
    await waitFor(() => got('webhooksChanged').length > 0, 'webhooksChanged');
    const fired = await call('fireEvent', { eventName: 'Entitlement Added' });
    const deliveryId = (fired.deliveries as { id: string }[])[0]!.id;
    await waitFor(() => got('deliveryChanged').some((d) => (d as { status: string }).status === 'succeeded'), 'deliveryChanged to succeeded');
    await waitFor(() => got('captureReceived').length > 0, 'captureReceived');

    await call('markDeliveriesSuccessful', { ids: [deliveryId] });
    await waitFor(() => got('bulkProgress').length > 0, 'bulkProgress');
    await call('replayCaptures', { bin: 'desk', target: { kind: 'url', url: `${receiverUrl}/r/again/x` } });
    await waitFor(() => got('replayProgress').length > 0, 'replayProgress');
    const [scenario] = (await call('listScenarios')) as unknown as { id: string }[];
    await call('startScenario', { id: scenario!.id, paused: true });
    await waitFor(() => got('scenarioRunChanged').length > 0, 'scenarioRunChanged');
    await waitFor(() => got('captureReceived').length > 1, 'the replayed capture');
    await call('setCaptureRetention', { maxCount: 1 });
    await waitFor(() => got('capturesPruned').length > 0, 'capturesPruned');
    await call('clearBin', { bin: 'again' });
    await waitFor(() => got('capturesDeleted').length > 0, 'capturesDeleted');
    await call('runEndpointCheck', { url: `${receiverUrl}/r/checked/hook`, vendor: 'sentinel-ems' });
    await waitFor(() => got('endpointCheckRunSaved').length > 0, 'endpointCheckProgress and endpointCheckRunSaved');
    const { url: vendorApiUrl } = await call('getVendorApis');
    await fetch(`${vendorApiUrl}/notifications/health/status`);
    await waitFor(() => got('vendorApiCalled').length > 0, 'vendorApiCalled');
    await call('setVendorApisEnabled', { enabled: false });
    await waitFor(() => got('vendorApisChanged').length > 0, 'vendorApisChanged');

    expect(appEventNames.filter((name) => got(name).length === 0)).toEqual([]);
    expect(got('webhooksChanged')[0]).toMatchObject({ webhooks: expect.arrayContaining([expect.objectContaining({ name: 'to the receiver' })]) });
  });

  it('a call from any frame other than the app page is refused on every channel, and does nothing', { timeout: 60_000 }, async () => {
    // A dev server URL is set, but a built app must ignore it (only `electron-vite dev` may use one).
    const devServer = 'http://127.0.0.1:5173';
    const app = await openApp(tempDir(), { ELECTRON_RENDERER_URL: devServer });
    expect(((await app.run({ op: 'window' })) as { url: string }).url).toBe(APP_PAGE);
    const untrusted = [
      'https://evil.example/index.html',
      `${devServer}/`,
      'hooklab://app.evil.example/index.html',
      'hooklab://application/index.html',
      'file:///etc/passwd',
      'about:blank',
      '',
    ];
    const before = await app.call('exportWorkspace');
    for (const frameUrl of untrusted) {
      for (const name of appMethodNames) {
        const result = await app.run({ op: 'invoke', channel: ipcChannel(name), input: null, frameUrl });
        expect(result, `${name} from ${frameUrl}`).toEqual({ ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } });
      }
    }
    const webhook = { name: 'from a stranger', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/x' };
    await app.run({ op: 'invoke', channel: ipcChannel('createWebhook'), input: webhook, frameUrl: 'https://evil.example/' });
    const after = await app.call('exportWorkspace');
    const withoutTime = (outcome: Outcome) => JSON.parse((outcome as { value: { text: string } }).value.text).webhooks as unknown;
    expect(withoutTime(after)).toEqual(withoutTime(before));
    expect(await app.run({ op: 'invoke', channel: ipcChannel('listWebhooks'), input: null, frameUrl: `${APP_PAGE}#/deliveries` })).toMatchObject({ ok: true });
  });

  it('the app scheme serves the renderer build with a strict CSP, and nothing outside it (traversal vectors)', { timeout: 30_000 }, async () => {
    const app = await openApp();
    const fetchApp = (url: string) => app.run({ op: 'fetch', url }) as Promise<{ status: number; headers: Record<string, string>; body: string }>;
    const index = await fetchApp(APP_PAGE);
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.body).toContain('<title>Hooklab</title>');
    expect((await fetchApp('hooklab://app/')).status).toBe(200);
    expect((await fetchApp('hooklab://app/no-such-file.js')).status).toBe(404);

    const secretFile = readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');
    const vectors = [
      'hooklab://app/../../package.json',
      'hooklab://app/%2e%2e/%2e%2e/package.json',
      'hooklab://app/..%2f..%2fpackage.json',
      'hooklab://app/%2E%2E%2F%2E%2E%2Fpackage.json',
      'hooklab://app/..%5c..%5cpackage.json',
      'hooklab://app/assets/..%2f..%2f..%2fpackage.json',
      'hooklab://app/%2fetc%2fpasswd',
      'hooklab://app//etc/passwd',
      'hooklab://app/..%252f..%252fpackage.json',
      'hooklab://app/index.html%00.png',
      'hooklab://app/%2e%2e%2f%2e%2e%2fout%2fmain%2findex.js',
    ];
    for (const url of vectors) {
      const response = await fetchApp(url);
      expect([403, 404], url).toContain(response.status);
      expect(response.body, url).not.toBe(secretFile);
      expect(response.body, url).not.toContain('root:');
    }
  });

  it('only the clipboard write is granted, and only to the app page; every other permission is denied', { timeout: 30_000 }, async () => {
    const app = await openApp();
    const ask = (permission: string, url: string) => app.run({ op: 'permission', permission, url });
    expect(await ask('clipboard-sanitized-write', APP_PAGE)).toEqual({ requested: true, checked: true });
    expect(await ask('clipboard-sanitized-write', 'https://evil.example/')).toEqual({ requested: false, checked: false });
    expect(await ask('clipboard-sanitized-write', 'http://127.0.0.1:5173/')).toEqual({ requested: false, checked: false });
    for (const permission of ['clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal', 'fullscreen']) {
      expect(await ask(permission, APP_PAGE), permission).toEqual({ requested: false, checked: false });
    }
  });

  it('navigation, frame navigation and redirects stay on the app page; new windows and external opens are denied', { timeout: 30_000 }, async () => {
    const app = await openApp();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const prevented = (url: string) => app.run({ op: 'navigate', event, url });
      expect(await prevented('https://evil.example/'), event).toBe(true);
      expect(await prevented('hooklab://app.evil.example/index.html'), event).toBe(true);
      expect(await prevented('http://127.0.0.1:5173/'), event).toBe(true);
      expect(await prevented('file:///etc/passwd'), event).toBe(true);
      expect(await prevented(`${APP_PAGE}#/deliveries`), event).toBe(false);
    }
    expect(await app.run({ op: 'windowOpen', url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(await app.run({ op: 'windowOpen', url: APP_PAGE })).toEqual({ action: 'deny' });
  });

  it('a second launch on the same workspace: the first window comes to the front, the second says so and exits 0', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    const first = await openApp(dataDir);
    expect(await first.run({ op: 'secondInstance', minimize: true })).toEqual({ visible: true, focused: true, minimized: false });

    const second = startBuiltDesktopApp(dataDir);
    expect(await second.exited).toBe(0);
    expect(second.stderr()).toBe(`${ALREADY_RUNNING_PREFIX} ${dataDir}; its window was brought to the front.\n`);
    expect(await first.call('getAppInfo')).toMatchObject({ ok: true, value: { dataDir } });
  });

  it('a workspace held by `hooklab serve`: the error names that process, and the app exits 1', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    const serve = await startServe(dataDir);
    onTestFinished(() => serve.stop().then(() => undefined));
    const app = startBuiltDesktopApp(dataDir);
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toMatch(
      new RegExp(`\\[error box\\] Hooklab cannot start: .*already in use by Hooklab \\(serve, pid ${serve.child.pid} at ${serve.apiUrl}\\)`),
    );
  });

  it('closing the window quits: the engine stops, the workspace is released for the CLI, exit code 0', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    const app = await openApp(dataDir);
    expect(existsSync(join(dataDir, 'owner.json'))).toBe(true);
    await app.run({ op: 'closeWindow' }).catch(() => undefined);
    expect(await app.exited).toBe(0);
    expect(existsSync(join(dataDir, 'owner.json'))).toBe(false);
    expect(existsSync(join(dataDir, 'desktop-profile/SingletonLock'))).toBe(false);
    const cli = await runHooklab(dataDir, ['webhook', 'list', '--json']);
    expect(cli.code, cli.stderr).toBe(0);
  });
});
