import { deliverFirstEvent } from './first-run-journey.ts';
import { installIpcBridge } from './ipc-bridge.ts';
import { AppShell } from './pages/app-shell.ts';
import { expect, saveScreenshot, test } from './serve-fixture.ts';

// The renderer as the desktop app runs it: `window.hooklab` present (see ipc-bridge.ts), no token.
test('over the IPC transport, a new workspace delivers its first event to the built-in receiver', async ({ page, workspace }) => {
  const bridge = await installIpcBridge(page, workspace.serve);
  const pageApiRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) pageApiRequests.push(request.url());
  });

  const app = new AppShell(page);
  await app.open(`${workspace.serve.apiUrl}/`);
  await deliverFirstEvent(app, page, (name) => saveScreenshot(page, `ipc-${name}`));

  // Everything went through the bridge: the page itself never called the HTTP API or its event stream.
  expect(pageApiRequests).toEqual([]);
  expect(bridge.calls).toEqual(expect.arrayContaining(['getAppInfo', 'listWebhooks', 'fireEvent', 'getDelivery', 'listCaptures']));
  bridge.events.close();
});

test('over the IPC transport, a rejected call shows the engine error the preload rejected with', async ({ page, workspace }) => {
  const bridge = await installIpcBridge(page, workspace.serve);
  const app = new AppShell(page);
  await app.open(`${workspace.serve.apiUrl}/`);
  const outcome = await page.evaluate(() =>
    (globalThis as unknown as { hooklab: { getDelivery(input: { id: string }): Promise<unknown> } }).hooklab.getDelivery({ id: 'nope' }).then(
      () => 'resolved',
      (error: unknown) => error,
    ),
  );
  expect(outcome).toEqual({ code: 'not_found', message: expect.stringContaining('nope') });
  bridge.events.close();
});
