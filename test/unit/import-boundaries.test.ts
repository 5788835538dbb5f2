import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSites, readSource, REPO_ROOT, repoRelative, sourceFiles } from '../fixtures/source-files.ts';

/** What a module specifier points at, in the terms the layering rules use. */
type Target = { kind: 'project'; folder: string; path: string } | { kind: 'node-builtin' } | { kind: 'electron' } | { kind: 'package'; name: string };

const NODE_BUILTINS = new Set(builtinModules);

function targetOf(file: string, specifier: string): Target {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const path = repoRelative(resolve(dirname(file), specifier));
    return { kind: 'project', folder: path.split('/')[0], path };
  }
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0])) return { kind: 'node-builtin' };
  if (specifier === 'electron' || specifier.startsWith('electron/')) return { kind: 'electron' };
  const parts = specifier.split('/');
  return { kind: 'package', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

/** Returns why the import is not allowed, or null when it is. */
type Rule = (target: Target) => string | null;

/** "src-shared/contracts/x.ts:3 imports "node:fs": <why>", one per offending import. */
function violations(folders: string[], rule: Rule): string[] {
  return folders
    .flatMap((folder) => sourceFiles(join(REPO_ROOT, folder)))
    .flatMap((file) =>
      importSites(readSource(file)).flatMap(({ specifier, line }) => {
        const why = rule(targetOf(file, specifier));
        return why ? [`${repoRelative(file)}:${line} imports "${specifier}": ${why}`] : [];
      }),
    );
}

const UI_PACKAGES = /^(react|react-dom|zustand|monaco-editor|@monaco-editor\/.*)$/;

describe('import boundaries (DESIGN.md "One engine, two shells")', () => {
  it('src-shared imports nothing outside itself: no Node built-ins, no Electron, no UI library, no src-main', () => {
    expect(sourceFiles(join(REPO_ROOT, 'src-shared')).length).toBeGreaterThan(5);
    const found = violations(['src-shared'], (target) => {
      if (target.kind === 'project' && target.folder !== 'src-shared') return `src-shared must not reach into ${target.folder}`;
      if (target.kind === 'node-builtin') return 'src-shared runs in the renderer too: no Node built-ins';
      if (target.kind === 'electron') return 'src-shared must not import Electron';
      if (target.kind === 'package' && UI_PACKAGES.test(target.name)) return 'src-shared must not depend on a UI library';
      return null;
    });
    expect(found).toEqual([]);
  });

  it('src-renderer imports only src-renderer, src-shared and npm packages: never src-main, Node or Electron', () => {
    const found = violations(['src-renderer'], (target) => {
      if (target.kind === 'project' && target.folder !== 'src-renderer' && target.folder !== 'src-shared') {
        return `the renderer talks to the engine only through the contract, never to ${target.folder}`;
      }
      if (target.kind === 'node-builtin') return 'the renderer is sandboxed: no Node built-ins';
      if (target.kind === 'electron') return 'the renderer reaches Electron only through the preload bridge';
      return null;
    });
    expect(found).toEqual([]);
  });

  it('only src-main/electron/** imports electron; the engine, CLI and scripts run without it', () => {
    const onlyElectronFolder = (folder: string) =>
      sourceFiles(join(REPO_ROOT, folder))
        .filter((file) => !repoRelative(file).startsWith('src-main/electron/'))
        .flatMap((file) =>
          importSites(readSource(file))
            .filter(({ specifier }) => targetOf(file, specifier).kind === 'electron')
            .map(({ specifier, line }) => `${repoRelative(file)}:${line} imports "${specifier}": only src-main/electron may`),
        );
    const found = ['src-main', 'src-shared', 'src-renderer', 'bin', 'scripts', 'bench'].flatMap(onlyElectronFolder);
    expect(found).toEqual([]);
  });

  it('the Electron shell really is where electron is imported (the scan sees real imports)', () => {
    const main = join(REPO_ROOT, 'src-main/electron/main.ts');
    expect(importSites(readSource(main)).map((site) => site.specifier)).toContain('electron');
  });

  it('src-main never imports the renderer (the engine does not ship UI code)', () => {
    const found = violations(['src-main'], (target) =>
      target.kind === 'project' && target.folder === 'src-renderer' ? 'the engine must not import UI code' : null,
    );
    expect(found).toEqual([]);
  });
});

describe('the import scan itself', () => {
  it('finds every import form, with its line, and ignores comments and strings', () => {
    const code = [
      "import { a, type B } from './a.ts';", // 1
      'import type {', // 2
      '  C,',
      '  D,',
      "} from '../../src-main/c.ts';", // 5
      'import * as fs from \'node:fs\'; import React, { useState } from "react";', // 6
      "export { e } from './e.ts';", // 7
      "export * from 'electron';", // 8
      "import './side-effect.css';", // 9
      "const lazy = await import('./lazy.ts');", // 10
      "const old = require('path');", // 11
      "// import x from 'commented-out';", // 12
      "/* export * from 'also-commented'; */", // 13
      "const url = 'http://127.0.0.1/from/x'; const from = 'not-an-import';", // 14
      "export const text = `import y from 'in-a-template'`;", // 15
    ].join('\n');
    expect(importSites(code)).toEqual([
      { specifier: './a.ts', line: 1 },
      { specifier: '../../src-main/c.ts', line: 5 },
      { specifier: 'node:fs', line: 6 },
      { specifier: 'react', line: 6 },
      { specifier: './e.ts', line: 7 },
      { specifier: 'electron', line: 8 },
      { specifier: './side-effect.css', line: 9 },
      { specifier: './lazy.ts', line: 10 },
      { specifier: 'path', line: 11 },
    ]);
  });

  it('classifies specifiers: project folders, Node built-ins with or without node:, Electron, packages', () => {
    const file = join(REPO_ROOT, 'src-shared/contracts/x.ts');
    expect(targetOf(file, '../../src-main/engine/clock.ts')).toEqual({
      kind: 'project',
      folder: 'src-main',
      path: 'src-main/engine/clock.ts',
    });
    expect(targetOf(file, './y.ts')).toMatchObject({ kind: 'project', folder: 'src-shared' });
    expect(targetOf(file, 'node:fs/promises')).toEqual({ kind: 'node-builtin' });
    expect(targetOf(file, 'crypto')).toEqual({ kind: 'node-builtin' });
    expect(targetOf(file, 'electron/renderer')).toEqual({ kind: 'electron' });
    expect(targetOf(file, 'electron-vite')).toEqual({ kind: 'package', name: 'electron-vite' });
    expect(targetOf(file, '@monaco-editor/react')).toEqual({ kind: 'package', name: '@monaco-editor/react' });
    expect(targetOf(file, 'monaco-editor/editor/editor.worker?worker')).toEqual({ kind: 'package', name: 'monaco-editor' });
  });
});
