import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';
import { exportFileMode, type ExportFile, type ProductionExportWarning } from '../../../src-shared/domain/production-export.ts';
import { withWorkspace } from '../cli-context.ts';
import { UsageError } from '../cli-error.ts';
import { collect } from '../option-parsers.ts';
import { printJson } from '../output.ts';
import { matchWebhook } from './webhook-command.ts';

const DEFAULT_OUT = 'hooklab-production';

async function webhookIds(api: AppApi, namesOrIds: readonly string[] | undefined): Promise<string[] | undefined> {
  if (!namesOrIds) return undefined;
  const webhooks = await api.listWebhooks();
  return namesOrIds.map((nameOrId) => {
    const match = matchWebhook(webhooks, nameOrId);
    if (!match) throw new UsageError(`--webhook: no webhook is named or has id "${nameOrId}"`);
    return match.id;
  });
}

function writeFiles(dir: string, files: readonly ExportFile[], withSecrets: boolean): void {
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const path = join(dir, file.name);
    const mode = exportFileMode(file.name, withSecrets);
    writeFileSync(path, file.content, { mode });
    // writeFile's mode only applies to new files: an earlier export may have left wider ones.
    chmodSync(path, mode);
  }
}

function warningLine({ webhook, field, message }: ProductionExportWarning): string {
  return `warning: ${webhook === null ? '' : `${webhook}: `}${field}: ${message}`;
}

export function exportCommand(): Command {
  const exporter = new Command('export').description('export what is configured here');

  exporter
    .command('production')
    .description("webhooks in their vendors' REST API formats: one JSON file and one curl script per webhook")
    .option('--webhook <webhook>', 'only this webhook, by name or id (repeatable; default: all)', collect)
    .option('--out <dir>', 'directory to write the files to', DEFAULT_OUT)
    .option('--include-secrets', 'write passwords and client secrets instead of {{…}} placeholders')
    .option('--json', 'print the export as JSON instead of writing files')
    .action(async (options: { webhook?: string[]; out: string; includeSecrets?: boolean; json?: boolean }, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const includeSecrets = options.includeSecrets ?? false;
        const result = await api.exportProductionConfig({ webhookIds: await webhookIds(api, options.webhook), includeSecrets });
        if (options.json) {
          printJson(result);
          return;
        }
        for (const warning of result.warnings) console.error(warningLine(warning));
        if (result.files.length === 0) {
          console.log('No webhooks to export.');
          return;
        }
        const dir = resolve(options.out);
        writeFiles(dir, result.files, includeSecrets);
        console.log(`Wrote ${result.files.length} files for ${result.webhooks.length} webhook(s) to ${dir}:`);
        for (const file of result.files) console.log(`  ${file.name}`);
        if (!includeSecrets) console.log('Secrets are {{…}} placeholders: replace them (and the hosts and API credentials) before running the scripts.');
      });
    });

  exporter
    .command('workspace')
    .description('everything configured here (webhooks, auth profiles, vendor accounts, bins, user scenarios) as one JSON file, secrets redacted')
    .option('--out <file>', 'file to write; - prints it (default: hooklab-workspace-YYYY-MM-DD.json)')
    .action(async (options: { out?: string }, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const { fileName, text } = await api.exportWorkspace();
        if (options.out === '-') {
          process.stdout.write(text);
          return;
        }
        const path = resolve(options.out ?? fileName);
        try {
          writeFileSync(path, text);
        } catch (error) {
          throw new UsageError(`--out: cannot write ${path}: ${(error as Error).message}`);
        }
        console.log(`Wrote ${path}. Secrets (passwords, tokens, client secrets, signing secrets, private keys) are left out.`);
      });
    });

  return exporter;
}
