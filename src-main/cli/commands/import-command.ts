import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { CAPTURE_IMPORT_FORMATS, DEFAULT_IMPORT_BIN } from '../../../src-shared/domain/capture-import.ts';
import { AppError } from '../../../src-shared/errors.ts';
import { toUsageError, UsageError } from '../cli-error.ts';
import { withWorkspace } from '../cli-context.ts';
import { ON_CLASH_CHOICES } from '../../../src-shared/domain/workspace-file.ts';
import { looksLikeWorkspaceFile } from '../../services/workspace-file-reading.ts';
import { printJson, printTable } from '../output.ts';
import { importWorkspaceFile } from './workspace-import.ts';

function readImportFile(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new UsageError(`FILE: cannot read ${file}: ${(error as Error).message}`);
  }
}

export function importCommand(): Command {
  return new Command('import')
    .description('import requests (Hooklab capture JSON, a HAR file, curl commands) as captures of a bin, or a workspace file')
    .argument('<file>', 'the file to import; - reads standard input')
    .addOption(new Option('--format <format>', 'what the file holds (default: told by its content)').choices(['auto', ...CAPTURE_IMPORT_FORMATS]).default('auto'))
    .option('--bin <bin>', 'the bin the captures go to', DEFAULT_IMPORT_BIN)
    .addOption(new Option('--on-clash <how>', 'workspace files: entries named like existing ones are skipped, renamed or replace them').choices(ON_CLASH_CHOICES))
    .option('--json', 'print JSON')
    .action(async (file: string, options, command: Command) => {
      const text = readImportFile(file);
      await withWorkspace(command, async ({ api }) => {
        if (looksLikeWorkspaceFile(text)) {
          await importWorkspaceFile(api, text, file === '-' ? 'stdin' : file, options.onClash, options.json ?? false);
          return;
        }
        const imported = await api
          .importCaptures({ text, format: options.format, bin: options.bin, fileName: file === '-' ? undefined : basename(file) })
          .catch((error: unknown) => {
            // A bad file, like a bad option, is the caller's to fix: a usage error naming the entry.
            if (error instanceof AppError && error.code === 'invalid_input') {
              throw toUsageError(error, { text: file === '-' ? 'stdin' : file, bin: '--bin', format: '--format', fileName: 'FILE' });
            }
            throw error;
          });
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
