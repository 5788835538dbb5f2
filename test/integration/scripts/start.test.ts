import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ALREADY_RUNNING_PREFIX, WINDOW_OPEN_PREFIX } from '../../../src-main/electron/launch-lines.ts';
import { childEnv, SERVE_UI_LINE, spawnNode, type NodeChild } from '../../fixtures/cli-process.ts';
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
      const why = start
        .stderr()
        .split('\n')
        .filter((line) => /desktop app/.test(line));
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

/** `npm start` as its own process group, killed whole if a test stops midway. */
function runStart(script: string, dataDir: string, env: NodeJS.ProcessEnv): NodeChild {
  const start = spawnNode(script, ['--data', dataDir, '--port', '0', '--receiver-port', '0'], { env, detached: true });
  onTestFinished(async () => {
    if (start.child.exitCode === null && start.child.signalCode === null) process.kill(-start.child.pid!, 'SIGKILL');
    await start.exited;
  });
  return start;
}

/** With a display, so start.js tries Electron; never through a proxy (only 127.0.0.1 is reached). */
function displayEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = childEnv(['WAYLAND_DISPLAY', 'HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ELECTRON_OVERRIDE_DIST_PATH']);
  return { ...env, DISPLAY: ':99', ...extra };
}

/**
 * A stand-in for Electron's binary: a shell script at ELECTRON_OVERRIDE_DIST_PATH/electron (where
 * the electron package looks when that variable is set). Electron's real binary cannot run here
 * (no display, and no internet to fetch it); these scripts behave the ways it fails at startup.
 */
function standInElectron(body: string): string {
  const dir = tempDir('hooklab-electron-');
  const binary = join(dir, 'electron');
  writeFileSync(binary, `#!/bin/sh\n${body}\n`);
  chmodSync(binary, 0o755);
  return dir;
}

const SANDBOX_FATAL =
  "[4711:1206/120000.000000:FATAL:sandbox/linux/suid/client/setuid_sandbox_host.cc:166] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now. You need to make sure that /opt/x/node_modules/electron/dist/chrome-sandbox is owned by root and has mode 4755.";

/** The `desktop app cannot start` line start.js printed, once serve mode answers. */
async function fallbackLine(start: NodeChild, dataDir: string): Promise<string> {
  const [, apiUrl, token] = await start.waitForStdout(SERVE_UI_LINE);
  expect(start.stdout()).toContain(`Hooklab is serving ${dataDir}`);
  const info = await callMethod(apiUrl, 'getAppInfo', null, bearer(token));
  expect(info.body).toMatchObject({ mode: 'serve', dataDir });
  const why = start
    .stderr()
    .split('\n')
    .filter((line) => line.includes('the desktop app cannot start'));
  expect(why).toHaveLength(1);
  return why[0]!;
}

describe.runIf(process.platform === 'linux')('npm start (scripts/start.js) when Electron fails at startup', () => {
  it.each([
    {
      what: 'exits with code 1',
      script: 'echo "[1:ERROR:gpu_init.cc] ignored noise" >&2\necho "Error: Cannot find module \'/x/out/main/index.js\'" >&2\nexit 1',
      line: "Electron exited with code 1 (Error: Cannot find module '/x/out/main/index.js')",
    },
    {
      what: 'dies by a signal',
      script: 'echo "Segmentation fault in the GPU process" >&2\nkill -SEGV $$',
      line: 'Electron was killed by SIGSEGV (Segmentation fault in the GPU process)',
    },
    {
      what: 'exits 0 with warnings before its window shows',
      script: 'echo "(electron) warning: the display server refused the connection" >&2\nexit 0',
      line: 'Electron quit before opening its window ((electron) warning: the display server refused the connection)',
    },
  ])('Electron $what: one line says so, then the same UI is served to the browser', { timeout: 60_000 }, async ({ script, line }) => {
    const dataDir = tempDir();
    const start = runStart(START_SCRIPT, dataDir, displayEnv({ ELECTRON_OVERRIDE_DIST_PATH: standInElectron(script) }));
    expect(await fallbackLine(start, dataDir)).toBe(`hooklab: the desktop app cannot start: ${line}; serving the same UI in your browser instead.`);
    expect(await start.stop('SIGTERM')).toBe(0);
  });

  it('a binary that cannot be run (no execute permission): one line naming the error, and one serve', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const distDir = standInElectron('exit 0');
    chmodSync(join(distDir, 'electron'), 0o644);
    const start = runStart(START_SCRIPT, dataDir, displayEnv({ ELECTRON_OVERRIDE_DIST_PATH: distDir }));
    expect(await fallbackLine(start, dataDir)).toMatch(
      /^hooklab: the desktop app cannot start: Electron could not be run \(spawn .* EACCES\); serving the same UI in your browser instead\.$/,
    );
    expect(start.stdout().match(/Hooklab is serving/g)).toHaveLength(1);
    expect(await start.stop('SIGTERM')).toBe(0);
  });

  it("Chromium's sandbox helper FATAL line, then SIGTRAP (Ubuntu's AppArmor): the cause and its fix in one line, then serve mode", {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempDir();
    const distDir = standInElectron(`echo "${SANDBOX_FATAL.replaceAll('"', '\\"')}" >&2\nkill -TRAP $$`);
    const start = runStart(START_SCRIPT, dataDir, displayEnv({ ELECTRON_OVERRIDE_DIST_PATH: distDir }));
    const line = await fallbackLine(start, dataDir);
    expect(line).toBe(
      "hooklab: the desktop app cannot start: Chromium's sandbox could not start (on Ubuntu 23.10 and later AppArmor restricts the unprivileged user namespaces it needs, " +
        'see https://github.com/electron/electron/issues/41066); fix: an AppArmor profile granting `userns` to ' +
        `${join(distDir, 'electron')}, or a chrome-sandbox beside it owned by root with mode 4755; serving the same UI in your browser instead.`,
    );
    expect(await start.stop('SIGTERM')).toBe(0);
  });

  it('a window that opened: its later exit is the user quitting, with no fallback; the app gets the repo and the arguments', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    const script = `echo "args: $*"\necho "${WINDOW_OPEN_PREFIX} $3"\necho "later: some warning" >&2\nexit 0`;
    const start = runStart(START_SCRIPT, dataDir, displayEnv({ ELECTRON_OVERRIDE_DIST_PATH: standInElectron(script) }));
    expect(await start.exited).toBe(0);
    expect(start.stdout()).toContain(`args: ${REPO_ROOT.replace(/\/$/, '')} --data ${dataDir} --port 0 --receiver-port 0`);
    expect(start.stdout()).toContain(`${WINDOW_OPEN_PREFIX} ${dataDir}`);
    expect(start.stderr()).toBe('later: some warning\n');
  });

  it('Ctrl+C while Electron is still starting stops both, with no fallback to serve mode', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    // Starting, never shows a window; dies of the SIGINT passed on to it.
    const script = 'echo "starting" \nwhile true; do sleep 0.05; done';
    const start = runStart(START_SCRIPT, dataDir, displayEnv({ ELECTRON_OVERRIDE_DIST_PATH: standInElectron(script) }));
    await start.waitForStdout(/starting/);
    expect(await start.stop('SIGINT')).toBe(0);
    expect(start.stderr()).toBe('');
    expect(start.stdout()).toBe('starting\n');
  });

  it('a second launch on a workspace whose window is open: it says so and exits 0, no fallback', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    const script = `echo "${ALREADY_RUNNING_PREFIX} $3; its window was brought to the front." >&2\nexit 0`;
    const start = runStart(START_SCRIPT, dataDir, displayEnv({ ELECTRON_OVERRIDE_DIST_PATH: standInElectron(script) }));
    expect(await start.exited).toBe(0);
    expect(start.stderr()).toBe(`${ALREADY_RUNNING_PREFIX} ${dataDir}; its window was brought to the front.\n`);
    expect(start.stdout()).toBe('');
  });

  it("Electron's binary missing and its download failing: progress shown, the cause in one line, then serve mode", { timeout: 60_000 }, async () => {
    // A copy of the project whose electron package has no binary (path.txt, dist/), so start.js
    // runs the package's real install.js, downloading from a 127.0.0.1 mirror that has nothing.
    const root = tempDir('hooklab-no-electron-');
    mkdirSync(join(root, 'scripts'));
    copyFileSync(START_SCRIPT, join(root, 'scripts/start.js'));
    for (const linked of ['bin', 'src-main', 'src-shared', 'package.json']) symlinkSync(join(REPO_ROOT, linked), join(root, linked));
    mkdirSync(join(root, 'node_modules/electron'), { recursive: true });
    for (const entry of readdirSync(join(REPO_ROOT, 'node_modules'))) {
      if (entry !== 'electron') symlinkSync(join(REPO_ROOT, 'node_modules', entry), join(root, 'node_modules', entry));
    }
    for (const file of ['index.js', 'install.js', 'package.json', 'checksums.json']) {
      copyFileSync(join(REPO_ROOT, 'node_modules/electron', file), join(root, 'node_modules/electron', file));
    }
    const requested: string[] = [];
    const mirror = createServer((request, response) => {
      requested.push(request.url ?? '');
      response.writeHead(404).end('no such release');
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => mirror.close(() => resolve())));
    const mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;

    const dataDir = tempDir();
    const start = runStart(
      join(root, 'scripts/start.js'),
      dataDir,
      displayEnv({ ELECTRON_MIRROR: mirrorUrl, electron_config_cache: tempDir('hooklab-electron-cache-') }),
    );
    const line = await fallbackLine(start, dataDir);
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
    expect(requested).toHaveLength(1);
    expect(line).toBe(
      "hooklab: the desktop app cannot start: Electron's binary is not installed and its download failed " +
        `(HTTPError: Response code 404 (Not Found) for ${mirrorUrl.replace(/\/$/, '')}${requested[0]}); serving the same UI in your browser instead.`,
    );
    expect(requested[0]).toContain(`v${version}/electron-v${version}-linux-`);
    expect(start.stderr()).toMatch(/^hooklab: downloading Electron's binary \(about 100 MB, first launch only\)…\n/);
    expect(await start.stop('SIGTERM')).toBe(0);
  });
});
