import { Command, Option } from 'commander';
import { parseInput } from '../../../src-shared/contracts/contract-kit.ts';
import { BIN_REPLY_MODES, binRefSchema, binScriptSchema, DEFAULT_BIN_SCRIPT, type BinScript } from '../../../src-shared/domain/bin-script.ts';
import { AppError } from '../../../src-shared/errors.ts';
import { withWorkspace } from '../cli-context.ts';
import { toUsageError, UsageError } from '../cli-error.ts';
import { collect } from '../option-parsers.ts';
import { formatTime, printJson, printTable } from '../output.ts';

/** Script fields as the CLI spells them, so a rule broken names the option typed. */
const SCRIPT_OPTIONS = {
  status: '--status',
  headers: '--header',
  bin: '<bin>',
  body: '--body',
  delayMs: '--delay',
  failFirst: '--fail-first',
  failureRate: '--failure-rate',
  mode: '--mode',
  signingSecrets: '--signing-secret',
};

interface ScriptOptions {
  status?: string;
  header?: string[];
  body?: string;
  delay?: string;
  failFirst?: string;
  failureRate?: string;
  mode?: BinScript['mode'];
  signingSecret?: string[];
  reset?: boolean;
  json?: boolean;
}

/** One line per script: only what differs from a plain 200. */
export function describeScript(script: BinScript): string {
  const parts = [script.mode === 'reply' ? `reply ${script.status}` : script.mode];
  if (script.failFirst > 0) parts.push(`fail first ${script.failFirst}`);
  if (script.failureRate > 0) parts.push(`failure rate ${script.failureRate}`);
  if (script.delayMs > 0) parts.push(`delay ${script.delayMs} ms`);
  if (Object.keys(script.headers).length > 0) parts.push(`${Object.keys(script.headers).length} header(s)`);
  if (script.body !== null) parts.push(`body ${script.body.length} chars`);
  if (script.signingSecrets.length > 0) parts.push(`verifies Standard Webhooks signatures (${script.signingSecrets.length} secret(s))`);
  return parts.join(', ');
}

function parseHeaders(lines: string[]): Record<string, string> {
  return Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new UsageError(`--header: "${line}" must look like "Name: value"`);
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    }),
  );
}

/** Options given change those fields of the current script (or of the default with --reset). */
function mergeScript(current: BinScript, options: ScriptOptions): BinScript {
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const changes = {
    status: number(options.status),
    headers: options.header ? parseHeaders(options.header) : undefined,
    body: options.body,
    delayMs: number(options.delay),
    failFirst: number(options.failFirst),
    failureRate: number(options.failureRate),
    mode: options.mode,
    signingSecrets: options.signingSecret,
  };
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return asUsage(() => parseInput(binScriptSchema, { ...(options.reset ? DEFAULT_BIN_SCRIPT : current), ...defined }));
}

/** Checked here, before any engine starts, so a bad argument exits 2 and touches nothing. */
function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input') throw toUsageError(error, SCRIPT_OPTIONS);
    throw error;
  }
}

export function binsCommand(): Command {
  const bins = new Command('bins').description("the built-in receiver's bins and how they answer");

  bins
    .command('list', { isDefault: true })
    .description('list bins with their URL, captures and script')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const list = await api.listBins();
        if (options.json) {
          printJson(list);
          return;
        }
        printTable(
          list.map((bin) => ({
            bin: bin.name,
            url: bin.url,
            captures: bin.captureCount,
            script: describeScript(bin.script),
            created: formatTime(bin.createdAt),
          })),
          'No bins yet. A bin is made by its first request, or by `hooklab bins script <bin>`.',
        );
      });
    });

  bins
    .command('script')
    .description("show or change how a bin answers (options given change only those fields; captures are kept)")
    .argument('<bin>', 'bin name')
    .option('--status <n>', 'HTTP status of the normal reply (200-599)')
    .option('--header <line>', 'reply header "Name: value" (repeatable; replaces the headers)', collect)
    .option('--body <text>', 'reply body (default: the receiver\'s JSON acknowledgement)')
    .option('--delay <ms>', 'wait this long (real ms) before answering')
    .option('--fail-first <n>', 'answer 503 to the next N requests, then the normal reply')
    .option('--failure-rate <r>', 'answer 503 to this share of requests (0 to 1)')
    .addOption(new Option('--mode <mode>', 'reply; hang (never answer); close (drop the connection)').choices([...BIN_REPLY_MODES]))
    .option('--signing-secret <whsec_…>', 'check Standard Webhooks signatures against this secret (repeatable; replaces the list)', collect)
    .option('--reset', 'start from the default script (200, no delay, no failures)')
    .option('--json', 'print JSON')
    .action(async (bin: string, options: ScriptOptions, command: Command) => {
      asUsage(() => parseInput(binRefSchema, { bin }));
      // Every field's rule stands alone, so the options given can be checked against any script
      // before the engine starts: a bad one exits 2 without opening the workspace.
      mergeScript(DEFAULT_BIN_SCRIPT, options);
      await withWorkspace(command, async ({ api }) => {
        const { json, reset, ...changes } = options;
        const current = await api.getBinScript({ bin });
        const changing = reset || Object.values(changes).some((value) => value !== undefined);
        const script = changing ? await api.setBinScript({ bin, script: mergeScript(current, options) }) : current;
        if (json) printJson(script);
        else console.log(`${bin}: ${describeScript(script)}`);
      });
    });

  return bins;
}
