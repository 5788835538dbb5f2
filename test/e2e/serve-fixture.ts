import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type { AppApi, AppMethodName } from '../../src-shared/contracts/app-contract.ts';
import { startServe, type ServeProcess } from '../fixtures/cli-process.ts';
import { bearer, callMethod } from '../fixtures/serve-api.ts';
import { AppShell } from './pages/app-shell.ts';

export interface Workspace {
  serve: ServeProcess;
  dataDir: string;
  /** The URL `hooklab serve` printed, token included. */
  uiUrl: string;
}

interface Fixtures {
  workspace: Workspace;
  app: AppShell;
}

/** Fills a data directory before `hooklab serve` opens it. An object, as test.use takes a bare function for a fixture. */
export interface DataDirSeed {
  fill(dataDir: string): void | Promise<void>;
}

interface Options {
  /** `test.use({ dataDirSeed: { fill(dataDir) { … } } })` */
  dataDirSeed: DataDirSeed | null;
}

/** Every test gets its own data directory and its own `hooklab serve` process. */
export const test = base.extend<Fixtures & Options>({
  dataDirSeed: [null, { option: true }],
  workspace: async ({ dataDirSeed }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hooklab-e2e-'));
    try {
      await dataDirSeed?.fill(dataDir);
      const serve = await startServe(dataDir);
      try {
        await use({ serve, dataDir, uiUrl: `${serve.apiUrl}/#token=${serve.token}` });
      } finally {
        await serve.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  app: async ({ page, workspace }, use) => {
    const app = new AppShell(page);
    await app.open(workspace.uiUrl);
    await use(app);
  },
});

export { expect } from '@playwright/test';

/**
 * Calls the workspace's API over HTTP as another program would (the CLI, a script), so the page
 * under test learns of it only through its live feed.
 */
export async function callApi<M extends AppMethodName>(
  workspace: Workspace,
  method: M,
  input: Parameters<AppApi[M]>[0],
): Promise<Awaited<ReturnType<AppApi[M]>>> {
  const response = await callMethod(workspace.serve.apiUrl, method, input, bearer(workspace.serve.token));
  if (response.status !== 200) throw new Error(`${method} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as Awaited<ReturnType<AppApi[M]>>;
}

/** Screenshots land in test-results/screenshots, named by what they show. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

/**
 * The screen as it is at the default 1440×900 and again at 1024×700 (`name`-1024), the smallest
 * size the layout is made for; the window is 1440×900 again afterwards.
 */
export async function saveScreenshotsAtBothSizes(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  await page.setViewportSize({ width: 1024, height: 700 });
  await saveScreenshot(page, `${name}-1024`);
  await page.setViewportSize({ width: 1440, height: 900 });
}
