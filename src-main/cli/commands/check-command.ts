import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { CheckRun } from '../../../src-shared/domain/endpoint-check.ts';
import { VENDOR_IDS, type VendorId } from '../../../src-shared/domain/vendor.ts';
import { junitReport } from '../../endpoint-check/junit-report.ts';
import { withWorkspace } from '../cli-context.ts';
import { EXIT_FAILURE, UsageError, withUsageErrors } from '../cli-error.ts';
import { printJson, printTable } from '../output.ts';

const CHECK_OPTIONS = { url: 'URL', vendor: '--vendor', webhook: '--webhook' };

interface CheckOptions {
  vendor: VendorId;
  webhook?: string;
  json?: boolean;
  junit?: string;
}

/** The report file is made before the cases are sent: a path that cannot be written fails now, not after the whole run. */
function createReportFile(file: string): void {
  try {
    closeSync(openSync(file, 'w'));
  } catch (error) {
    throw new UsageError(`--junit: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function printRun(run: CheckRun): void {
  printTable(
    run.cases.map((result) => ({
      result: result.outcome.toUpperCase(),
      case: result.caseId,
      required: result.required ? 'yes' : 'no',
      answer: result.verdict,
    })),
    'No cases ran.',
  );
  const failed = run.cases.filter((result) => result.outcome === 'fail');
  if (failed.length > 0) console.log('');
  for (const result of failed) console.log(`FAIL ${result.caseId}: expected ${result.expected}. ${result.why}`);
  const { pass, fail, advisory, skipped } = run.counts;
  console.log(
    `\n${pass} passed, ${fail} failed, ${advisory} advisory, ${skipped} skipped (run ${run.id}): ${run.passed ? 'the endpoint passed' : 'a required case failed'}.`,
  );
}

export function checkCommand(): Command {
  return new Command('check')
    .description(
      'send your endpoint a battery of cases (forged signatures, wrong credentials, duplicates, bad bodies...) and report how it answered; exit 1 when a required case fails',
    )
    .argument('<url>', 'your endpoint, e.g. http://127.0.0.1:3000/webhooks')
    .addOption(new Option('--vendor <id>', 'vendor whose requests to send').choices(VENDOR_IDS).makeOptionMandatory())
    .option(
      '--webhook <name>',
      "a webhook of that vendor whose auth profile, signing secrets, options and deadline the cases use (default: the vendor's defaults)",
    )
    .option('--json', 'print the whole run as JSON')
    .option('--junit <file>', 'also write the run as JUnit XML, one test case per case, for CI')
    .action(async (url: string, options: CheckOptions, command: Command) => {
      if (options.junit) createReportFile(options.junit);
      await withWorkspace(command, async ({ api }) => {
        const runId = randomUUID();
        // Cases wait on the endpoint (up to its deadline each): say which one is under way.
        const unsubscribe = api.onEndpointCheckProgress((progress) => {
          if (progress.runId === runId) process.stderr.write(`[${progress.done}/${progress.total}] ${progress.result.outcome} ${progress.result.caseId}\n`);
        });
        let run: CheckRun;
        try {
          run = await withUsageErrors(CHECK_OPTIONS, () => api.runEndpointCheck({ url, vendor: options.vendor, webhook: options.webhook, runId }));
        } finally {
          unsubscribe();
        }
        if (options.junit) writeFileSync(options.junit, junitReport(run));
        if (options.json) printJson(run);
        else printRun(run);
        if (!run.passed) process.exitCode = EXIT_FAILURE;
      });
    });
}
