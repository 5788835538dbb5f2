import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startServe, type ServeProcess } from '../fixtures/cli-process.ts';
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

/** Every test gets its own data directory and its own `hooklab serve` process. */
export const test = base.extend<Fixtures>({
  workspace: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hooklab-e2e-'));
    const serve = await startServe(dataDir);
    try {
      await use({ serve, dataDir, uiUrl: `${serve.apiUrl}/#token=${serve.token}` });
    } finally {
      await serve.stop();
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

/** Screenshots land in test-results/screenshots, named by what they show. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
