import { resolve } from 'node:path';

/** `--data DIR` or `--data=DIR` on the desktop app's command line, as the CLI spells it. */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--data' && argv[index + 1]) return resolve(argv[index + 1]!);
    if (arg.startsWith('--data=') && arg.length > '--data='.length) return resolve(arg.slice('--data='.length));
  }
  return undefined;
}
