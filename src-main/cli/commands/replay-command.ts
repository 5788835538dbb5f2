import { randomUUID } from 'node:crypto';
import { Command, Option } from 'commander';
import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';
import { REPLAY_MODES, type ReplayMode, type ReplaySource } from '../../../src-shared/domain/event-replay.ts';
import type { ReplayCapturesResult, ReplayTarget } from '../../../src-shared/domain/replay.ts';
import { AppError } from '../../../src-shared/errors.ts';
import { showBulkProgress } from '../bulk-progress-line.ts';
import { withWorkspace } from '../cli-context.ts';
import { EXIT_FAILURE, UsageError, withUsageErrors, type OptionNames } from '../cli-error.ts';
import { readTextFile } from '../json-file.ts';
import { integerIn, positiveNumber } from '../option-parsers.ts';
import { printJson } from '../output.ts';
import { deliveryOutcome, failUnlessSucceeded, settledByIds } from '../settled-deliveries.ts';
import { matchWebhook } from './webhook-command.ts';

interface ReplayOptions {
  url?: string;
  webhook?: string;
  mode: ReplayMode;
  body?: string;
  bin?: string;
  limit?: number;
  rate?: number;
  timeout: number;
  json?: boolean;
}

const OPTION_NAMES: OptionNames = {
  'source.id': '<id>',
  target: '--url/--webhook',
  'target.url': '--url',
  'target.webhookId': '--webhook',
  mode: '--mode',
  body: '--body',
  bin: '--bin',
  limit: '--limit',
  ratePerSecond: '--rate',
};

/** Checked before any engine starts: one way to say which captures, one target. */
function checkShape(id: string | undefined, options: ReplayOptions): void {
  if ((id === undefined) === (options.bin === undefined)) throw new UsageError('<id>: give a capture or attempt id, or --bin for bulk replay, not both');
  if ((options.url === undefined) === (options.webhook === undefined)) throw new UsageError('--url/--webhook: give exactly one target');
  if (id !== undefined && (options.limit !== undefined || options.rate !== undefined)) throw new UsageError('--limit/--rate: only with --bin');
  if (options.bin !== undefined && options.body !== undefined) throw new UsageError('--body: only when replaying one capture or attempt');
}

async function targetOf(api: AppApi, options: ReplayOptions): Promise<ReplayTarget> {
  if (options.url !== undefined) return { kind: 'url', url: options.url };
  const wanted = options.webhook!;
  const webhook = matchWebhook(await api.listWebhooks(), wanted);
  if (!webhook) throw new UsageError(`--webhook: no webhook is named or has id "${wanted}"`);
  return { kind: 'webhook', webhookId: webhook.id };
}

/** Capture and attempt ids look alike: a capture first, else an attempt (the engine says if neither). */
async function sourceOf(api: AppApi, id: string): Promise<ReplaySource> {
  try {
    await api.getCapture({ id });
    return { kind: 'capture', id };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return { kind: 'attempt', id };
    throw error;
  }
}

async function replayOne(api: AppApi, id: string, options: ReplayOptions): Promise<void> {
  const body = options.body === undefined ? undefined : readTextFile('--body', options.body);
  const source = await sourceOf(api, id);
  const target = await targetOf(api, options);
  const { event, delivery } = await withUsageErrors(OPTION_NAMES, () => api.replay({ source, target, mode: options.mode, body }));
  const settled = await settledByIds(api, [delivery.id], options.timeout * 1000);
  failUnlessSucceeded(settled);
  const [done] = settled.deliveries;
  if (options.json) {
    printJson({ event, delivery: done, timedOut: settled.timedOut });
    return;
  }
  console.log(`Replayed ${source.kind} ${id} (${options.mode}) to ${done!.endpointUrl}: ${deliveryOutcome(done!)}`);
  if (settled.timedOut) console.log(`Not settled after ${options.timeout} s.`);
}

async function replayBin(api: AppApi, bin: string, options: ReplayOptions): Promise<void> {
  const operationId = randomUUID();
  const stopProgress = showBulkProgress(api.onReplayProgress, operationId, 'Replaying');
  let result: ReplayCapturesResult;
  try {
    const target = await targetOf(api, options);
    result = await withUsageErrors(OPTION_NAMES, () =>
      api.replayCaptures({ bin, limit: options.limit, target, mode: options.mode, ratePerSecond: options.rate, operationId }),
    );
  } finally {
    stopProgress();
  }
  const settled = await settledByIds(api, result.deliveryIds, options.timeout * 1000);
  failUnlessSucceeded(settled);
  if (result.failed.length > 0) process.exitCode = EXIT_FAILURE;
  if (options.json) {
    printJson({ ...result, deliveries: settled.deliveries, timedOut: settled.timedOut });
    return;
  }
  const succeeded = settled.deliveries.filter((delivery) => delivery.status === 'succeeded').length;
  console.log(`Replayed ${result.sent} capture(s) of bin ${bin}: ${succeeded} succeeded, ${result.sent - succeeded} did not.`);
  for (const { captureId, reason } of [...result.failed, ...result.skipped]) console.log(`  ${captureId}: ${reason}`);
  if (settled.timedOut) console.log(`Not settled after ${options.timeout} s.`);
}

export function replayCommand(): Command {
  return new Command('replay')
    .description("send a capture or an attempt again, as captured (exact) or re-signed by a webhook (resign); or a bin's captures with --bin")
    .argument('[id]', 'a capture id or an attempt id')
    .option('--url <url>', 'send to this http(s) URL (exact mode)')
    .option('--webhook <name-or-id>', 'send as this webhook: to its endpoint, with its signatures and auth in resign mode')
    .addOption(
      new Option('--mode <mode>', 'exact: method, headers, body as captured; resign: signatures and auth recomputed').choices(REPLAY_MODES).default('exact'),
    )
    .option('--body <file>', 'send this file as the body instead (resign mode)')
    .option('--bin <bin>', "replay this bin's captures, oldest first")
    .option('--limit <n>', 'with --bin: the newest n captures', integerIn(1, 1000))
    .option('--rate <per-second>', 'with --bin: at most this many replays a second', positiveNumber)
    .option('--timeout <seconds>', 'how long to wait for the tries', positiveNumber, 60)
    .option('--json', 'print JSON: the replay event and its delivery; with --bin the summary {sent, failed, skipped} and the deliveries')
    .action(async (id: string | undefined, options: ReplayOptions, command: Command) => {
      checkShape(id, options);
      await withWorkspace(command, async ({ api }) => {
        if (id !== undefined) await replayOne(api, id, options);
        else await replayBin(api, options.bin!, options);
      });
    });
}
