#!/usr/bin/env node
// The CLI runs Hooklab's TypeScript sources directly: Node strips the types (Node ≥ 22.18).
if (!process.features.typescript) {
  console.error(`hooklab: Node ${process.versions.node} cannot run TypeScript; use Node 24 (see .nvmrc).`);
  process.exit(1);
}
const { runCli } = await import('../src-main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
