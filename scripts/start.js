#!/usr/bin/env node
// `npm start`: the desktop app when Electron can start here, otherwise the same UI served to the
// browser (`hooklab serve`), after one line saying why. Arguments after `npm start --` go to both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const args = process.argv.slice(2);
/** A desktop app that fails to start does so at once; later exits are the user closing it. */
const STARTUP_GRACE_MS = 15_000;

const PLATFORM_EXECUTABLE = { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' };

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

/** Electron fetches its binary on first launch; try once, quietly, so failure fits one line. */
function fetchElectronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 300_000 });
  if (result.status === 0) return electronBinary();
  return null;
}

function whyNoDisplay() {
  if (process.platform !== 'linux') return null;
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return null;
  return 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)';
}

function firstLine(text) {
  return text.split('\n').map((line) => line.trim()).find(Boolean) ?? '';
}

function serveInstead(reason) {
  console.error(`hooklab: the desktop app cannot start: ${reason}; serving the same UI in your browser instead.`);
  const child = spawn(process.execPath, [join(root, 'bin', 'hooklab.js'), 'serve', ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

function launchDesktop(binary) {
  const child = spawn(binary, [root, ...args], { stdio: ['inherit', 'inherit', 'pipe'] });
  let starting = true;
  let startupErrors = '';
  const settle = setTimeout(() => {
    starting = false;
    process.stderr.write(startupErrors);
  }, STARTUP_GRACE_MS);
  child.stderr.on('data', (chunk) => {
    if (starting) startupErrors += chunk;
    else process.stderr.write(chunk);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    clearTimeout(settle);
    serveInstead(`Electron could not be run (${error.message})`);
  });
  child.on('exit', (code, signal) => {
    clearTimeout(settle);
    if (starting && code !== 0 && !signal) {
      const detail = firstLine(startupErrors);
      serveInstead(`Electron exited with code ${code}${detail ? ` (${detail})` : ''}`);
      return;
    }
    process.exitCode = code ?? 0;
  });
}

const noDisplay = whyNoDisplay();
if (noDisplay) {
  serveInstead(noDisplay);
} else {
  const binary = electronBinary() ?? fetchElectronBinary();
  if (binary) launchDesktop(binary);
  else serveInstead("Electron's binary is not installed and could not be downloaded");
}
