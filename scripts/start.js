#!/usr/bin/env node
// `npm start`: the desktop app when Electron can start here, otherwise the same UI served to the
// browser (`hooklab serve`), after one line saying why. Arguments after `npm start --` go to both.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALREADY_RUNNING_PREFIX, WINDOW_OPEN_PREFIX } from '../src-main/electron/launch-lines.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const args = process.argv.slice(2);
/** Until its window shows, an exit of Electron (even with code 0) means it could not start. */
const STARTUP_GRACE_MS = 15_000;
/** Electron's binary is about 100 MB; a download slower than this is not going to finish. */
const DOWNLOAD_TIMEOUT_MS = 600_000;
const DOWNLOAD_PROGRESS_EVERY_MS = 15_000;

const PLATFORM_EXECUTABLE = { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' };

/** Chromium's fatal lines when its Linux sandbox cannot start (SUID helper, then no namespaces). */
const SANDBOX_FAILURE = /SUID sandbox helper binary was found, but is not configured correctly|No usable sandbox!/;

/** Where Electron's binary is, as `require('electron')` finds it, without its download on a miss. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (override) executable ??= PLATFORM_EXECUTABLE[process.platform] ?? 'electron';
  if (!executable) return null;
  const binary = join(override ?? join(electronDir, 'dist'), executable);
  return existsSync(binary) ? binary : null;
}

function whyNoDisplay() {
  if (process.platform !== 'linux') return null;
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return null;
  return 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)';
}

function lines(text) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The line of an error dump that names the error (`HTTPError: …`), not its stack frames. */
function errorLine(text) {
  const all = lines(text);
  return all.find((line) => /^\w*Error\b/.test(line)) ?? all.find((line) => !line.startsWith('at ')) ?? '';
}

function serveInstead(reason) {
  console.error(`hooklab: the desktop app cannot start: ${reason}; serving the same UI in your browser instead.`);
  const child = spawn(process.execPath, [join(root, 'bin', 'hooklab.js'), 'serve', ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

/**
 * Electron fetches its binary on first launch: install.js from the electron package, which
 * honours ELECTRON_MIRROR and electron_config_cache. Its error dump is kept to one line; a
 * line every few seconds says the download is still going, since it can take minutes.
 */
function fetchElectronBinary(onDone) {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    onDone(null, `no Electron binary in ELECTRON_OVERRIDE_DIST_PATH (${process.env.ELECTRON_OVERRIDE_DIST_PATH})`);
    return;
  }
  const started = Date.now();
  console.error("hooklab: downloading Electron's binary (about 100 MB, first launch only)…");
  const child = spawn(process.execPath, [join(electronDir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (errors += chunk));
  const progress = setInterval(() => {
    console.error(`hooklab: still downloading Electron (${Math.round((Date.now() - started) / 1000)} s)…`);
  }, DOWNLOAD_PROGRESS_EVERY_MS);
  // Ctrl+C reaches install.js and this script alike (one process group): both stop, no fallback.
  const timeout = setTimeout(() => child.kill('SIGTERM'), DOWNLOAD_TIMEOUT_MS);
  child.on('error', (error) => {
    errors += error.message;
  });
  child.on('close', (code, signal) => {
    clearInterval(progress);
    clearTimeout(timeout);
    const binary = code === 0 ? electronBinary() : null;
    if (binary) {
      onDone(binary);
      return;
    }
    const why = signal ? `no answer within ${DOWNLOAD_TIMEOUT_MS / 60_000} minutes` : errorLine(errors) || `install.js exited with code ${code}`;
    onDone(null, `Electron's binary is not installed and its download failed (${why})`);
  });
}

/** Why Electron, gone before its window showed, could not start: one line, with the fix when known. */
function startupFailure(code, signal, errors) {
  if (SANDBOX_FAILURE.test(errors)) {
    return (
      "Chromium's sandbox could not start (on Ubuntu 23.10 and later AppArmor restricts the unprivileged user namespaces it needs, " +
      'see https://github.com/electron/electron/issues/41066); fix: an AppArmor profile granting `userns` to ' +
      `${electronBinary() ?? 'the Electron binary'}, or a chrome-sandbox beside it owned by root with mode 4755`
    );
  }
  const detail = errorLine(errors);
  const how = signal ? `was killed by ${signal}` : code === 0 ? 'quit before opening its window' : `exited with code ${code}`;
  return `Electron ${how}${detail ? ` (${detail})` : ''}`;
}

function launchDesktop(binary) {
  const child = spawn(binary, [root, ...args], { stdio: ['inherit', 'pipe', 'pipe'] });
  let starting = true;
  let startupErrors = '';
  const started = () => {
    if (!starting) return;
    starting = false;
    clearTimeout(settle);
    process.stderr.write(startupErrors);
  };
  const settle = setTimeout(started, STARTUP_GRACE_MS);
  let stdoutSeen = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (!starting) return;
    // Kept whole until the window opens: the line may arrive split over two chunks.
    stdoutSeen += chunk;
    if (stdoutSeen.includes(WINDOW_OPEN_PREFIX)) started();
  });
  child.stderr.on('data', (chunk) => {
    if (starting) startupErrors += chunk;
    else process.stderr.write(chunk);
  });
  // Stopped by the user (Ctrl+C, a kill): Electron's exit is then no failure to fall back from.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true;
      child.kill(signal);
    });
  }
  // A binary that cannot be run (no execute permission, gone) gives 'error' and then 'close' too: one fallback.
  let unrunnable = false;
  child.on('error', (error) => {
    clearTimeout(settle);
    unrunnable = true;
    serveInstead(`Electron could not be run (${error.message})`);
  });
  child.on('close', (code, signal) => {
    clearTimeout(settle);
    if (unrunnable) return;
    if (stopping) {
      process.stderr.write(startupErrors);
      process.exitCode = code ?? 0;
      return;
    }
    if (starting && startupErrors.includes(ALREADY_RUNNING_PREFIX)) {
      process.stderr.write(startupErrors);
      process.exitCode = 0;
      return;
    }
    if (starting) {
      serveInstead(startupFailure(code, signal, startupErrors));
      return;
    }
    process.exitCode = code ?? 1;
  });
}

const noDisplay = whyNoDisplay();
if (noDisplay) {
  serveInstead(noDisplay);
} else {
  const binary = electronBinary();
  if (binary) launchDesktop(binary);
  else {
    fetchElectronBinary((fetched, why) => {
      if (fetched) launchDesktop(fetched);
      else serveInstead(why);
    });
  }
}
