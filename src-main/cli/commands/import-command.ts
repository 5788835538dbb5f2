import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { DEFAULT_IMPORT_BIN } from '../../../src-shared/domain/capture-import.ts';
import { CAPTURE_IMPORT_FORMATS } from '../../../src-shared/domain/capture-source.ts';
import { withUsageErrors } from '../cli-error.ts';
import { readTextFile } from '../json-file.ts';
import { withWorkspace } from '../cli-context.ts';
import { ON_CLASH_CHOICES } from '../../../src-shared/domain/workspace-file.ts';
import { looksLikeWorkspaceFile } from '../../services/workspace-file-reading.ts';
import { printJson, printTable } from '../output.ts';
import { importWorkspaceFile } from './workspace-import.ts';

export function importCommand(): Command {
  return new Command('import')
    .description('import requests (Hooklab capture JSON, a HAR file, curl commands) as captures of a bin, or a workspace file')
    .argument('<file>', 'the file to import; - reads standard input')
    .addOption(
      new Option('--format <format>', 'what the file holds (default: told by its content)').choices(['auto', ...CAPTURE_IMPORT_FORMATS]).default('auto'),
    )
    .option('--bin <bin>', 'the bin the captures go to', DEFAULT_IMPORT_BIN)
    .addOption(
      new Option('--on-clash <how>', 'workspace files: entries named like existing ones are skipped, renamed or replace them').choices(ON_CLASH_CHOICES),
    )
    .option('--json', 'print JSON')
    .action(async (file: string, options, command: Command) => {
      const text = readTextFile('FILE', file, { stdin: true });
      await withWorkspace(command, async ({ api }) => {
        if (looksLikeWorkspaceFile(text)) {
          await importWorkspaceFile(api, text, file === '-' ? 'stdin' : file, options.onClash, options.json ?? false);
          return;
        }
        // A bad file, like a bad option, is the caller's to fix: a usage error naming the entry.
        const imported = await withUsageErrors({ text: file === '-' ? 'stdin' : file, bin: '--bin', format: '--format', fileName: 'FILE' }, () =>
          api.importCaptures({ text, format: options.format, bin: options.bin, fileName: file === '-' ? undefined : basename(file) }),
        );
        if (options.json) {
          printJson(imported);
          return;
        }
        printTable(
          imported.captures.map((capture) => ({
            id: capture.id,
            method: capture.method,
            path: capture.path,
            bytes: capture.bodySize,
            from: capture.source?.entry ?? '',
          })),
          'Nothing to import.',
        );
        console.log(`${imported.captures.length} capture(s) imported into bin "${imported.bin}".`);
      });
    });
}
