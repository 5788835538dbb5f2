import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { childEnv, SERVE_UI_LINE, spawnNode } from '../../fixtures/cli-process.ts';
import { bearer, callMethod } from '../../fixtures/serve-api.ts';
import { REPO_ROOT } from '../../fixtures/source-files.ts';
import { tempDir } from '../../fixtures/temp-dir.ts';

const START_SCRIPT = join(REPO_ROOT, 'scripts/start.js');
const RENDERER_INDEX = join(REPO_ROOT, 'out/renderer/index.html');

describe('npm start (scripts/start.js) without a display', () => {
  // The fallback reason is Linux's (DISPLAY/WAYLAND_DISPLAY); other systems always have a display.
  it.runIf(process.platform === 'linux')(
    'says in one line why the desktop app cannot start, then serves the same UI and API to the browser',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDir();
      // Its own process group: if the test fails midway, the `hooklab serve` it started goes too.
      const start = spawnNode(START_SCRIPT, ['--data', dataDir, '--port', '0', '--receiver-port', '0'], {
        env: childEnv(['DISPLAY', 'WAYLAND_DISPLAY']),
        detached: true,
      });
      onTestFinished(async () => {
        if (start.child.exitCode === null && start.child.signalCode === null) process.kill(-start.child.pid!, 'SIGKILL');
        await start.exited;
      });

      const [, apiUrl, token] = await start.waitForStdout(SERVE_UI_LINE);
      const why = start.stderr().split('\n').filter((line) => /desktop app/.test(line));
      expect(why).toEqual([
        'hooklab: the desktop app cannot start: there is no display (DISPLAY and WAYLAND_DISPLAY are unset); serving the same UI in your browser instead.',
      ]);
      expect(start.stdout()).toContain(`Hooklab is serving ${dataDir}`);

      const info = await callMethod(apiUrl, 'getAppInfo', null, bearer(token));
      expect(info.status).toBe(200);
      expect(info.body).toMatchObject({ mode: 'serve', dataDir });
      expect((await callMethod(apiUrl, 'getAppInfo', null)).status).toBe(401);

      if (existsSync(RENDERER_INDEX)) {
        const page = await fetch(`${apiUrl}/`);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toMatch(/^text\/html/);
        expect(await page.text()).toContain('<title>Hooklab</title>');
      } else {
        console.warn(`skipped the UI page check: ${RENDERER_INDEX} is missing (run \`npm run build\`)`);
      }

      // Ctrl+C / SIGTERM reaches the serve it started: it stops and gives the data directory back.
      expect(await start.stop('SIGTERM')).toBe(0);
      expect(existsSync(join(dataDir, 'owner.json'))).toBe(false);
    },
  );
});
