import { existsSync, readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { parseInput } from '../../../src-shared/contracts/contract-kit.ts';
import { BIN_REPLY_MODES, binRefSchema, binScriptSchema, DEFAULT_BIN_SCRIPT, type BinScript } from '../../../src-shared/domain/bin-script.ts';
import { clearBinInputSchema } from '../../../src-shared/domain/capture.ts';
import { AppError } from '../../../src-shared/errors.ts';
import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';
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
  expectedAuth: '--expect-auth',
  nSignatureKey: '--n-signature-key',
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
  expectAuth?: string;
  nSignatureKey?: string;
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
  if (script.expectedAuth.kind !== 'none') parts.push(`expects ${script.expectedAuth.kind} auth`);
  if (script.nSignatureKey !== null) parts.push('checks N-Signature with its own key');
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

/** `--expect-auth none | basic:USER:PASSWORD | bearer:TOKEN | issued-token`. */
function parseExpectedAuth(value: string): unknown {
  const [kind, ...rest] = value.split(':');
  // A user name has no colon (RFC 7617); the password may.
  if (kind === 'basic') return { kind, username: rest[0] ?? '', password: rest.slice(1).join(':') };
  if (kind === 'bearer') return { kind, token: rest.join(':') };
  if (kind === 'none' || kind === 'issued-token') return { kind };
  throw new UsageError(`--expect-auth: "${value}" must be none, basic:USER:PASSWORD, bearer:TOKEN or issued-token`);
}

/** A key file's text, or the argument itself (a bare base64url modulus); "none" clears it. */
function nSignatureKeyArgument(value: string): string | null {
  if (value === 'none') return null;
  if (existsSync(value)) return readFileSync(value, 'utf8');
  return value;
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
    expectedAuth: options.expectAuth === undefined ? undefined : parseExpectedAuth(options.expectAuth),
    nSignatureKey: options.nSignatureKey === undefined ? undefined : nSignatureKeyArgument(options.nSignatureKey),
  };
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return asUsage(() => parseInput(binScriptSchema, { ...(options.reset ? DEFAULT_BIN_SCRIPT : current), ...defined }));
}

/** A field error, whether from parsing here or from the engine, named as the option typed. */
function asUsageError(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== 'invalid_input') return error;
  const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
  // The engine names `script.nSignatureKey`; SCRIPT_OPTIONS knows `nSignatureKey`.
  const unprefixed = issues.map((issue) => ({ ...issue, path: issue.path.replace(/^script\./, '') }));
  return toUsageError(new AppError(error.code, error.message, { issues: unprefixed }), SCRIPT_OPTIONS);
}

/** Checked here, before any engine starts, so a bad argument exits 2 and touches nothing. */
function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw asUsageError(error);
  }
}

/** Keys are checked by the engine (it parses them): its field errors are usage errors too. */
async function setScript(api: AppApi, bin: string, script: BinScript): Promise<BinScript> {
  try {
    return await api.setBinScript({ bin, script });
  } catch (error) {
    throw asUsageError(error);
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
    .description('show or change how a bin answers (options given change only those fields; captures are kept)')
    .argument('<bin>', 'bin name')
    .option('--status <n>', 'HTTP status of the normal reply (200-599)')
    .option('--header <line>', 'reply header "Name: value" (repeatable; replaces the headers)', collect)
    .option('--body <text>', "reply body (default: the receiver's JSON acknowledgement)")
    .option('--delay <ms>', 'wait this long (real ms) before answering')
    .option('--fail-first <n>', 'answer 503 to the next N requests, then the normal reply')
    .option('--failure-rate <r>', 'answer 503 to this share of requests (0 to 1)')
    .addOption(new Option('--mode <mode>', 'reply; hang (never answer); close (drop the connection)').choices([...BIN_REPLY_MODES]))
    .option('--signing-secret <whsec_…>', 'check Standard Webhooks signatures against this secret (repeatable; replaces the list)', collect)
    .option(
      '--expect-auth <auth>',
      "check each capture's Authorization: none, basic:USER:PASSWORD, bearer:TOKEN, or issued-token (a token from the receiver's /oauth/token)",
    )
    .option(
      '--n-signature-key <file|modulus>',
      "check N-Signature with this public key (PEM file, or the base64url modulus); none: the workspace's Zentitle2 key",
    )
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
        const script = changing ? await setScript(api, bin, mergeScript(current, options)) : current;
        if (json) printJson(script);
        else console.log(`${bin}: ${describeScript(script)}`);
      });
    });

  bins
    .command('clear')
    .description('delete every capture of a bin (the bin and its script stay)')
    .argument('<bin>', 'bin name')
    .option('--json', 'print JSON')
    .action(async (bin: string, options: { json?: boolean }, command: Command) => {
      asUsage(() => parseInput(clearBinInputSchema, { bin }));
      await withWorkspace(command, async ({ api }) => {
        const cleared = await api.clearBin({ bin });
        if (options.json) printJson(cleared);
        else console.log(`Deleted ${cleared.deleted} capture(s) of bin ${bin}.`);
      });
    });

  return bins;
}
