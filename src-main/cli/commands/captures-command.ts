import { Command, InvalidArgumentError } from 'commander';
import { parseInput } from '../../../src-shared/contracts/contract-kit.ts';
import { BYTE_SIZE_NOTATION_HINT, formatByteSizeNotation, parseByteSizeNotation } from '../../../src-shared/domain/byte-size-notation.ts';
import { CAPTURE_RETENTION_MAX_COUNT, setCaptureRetentionInputSchema, type CaptureRetention } from '../../../src-shared/domain/capture-retention.ts';
import { withWorkspace } from '../cli-context.ts';
import { withUsageErrors } from '../cli-error.ts';
import { integerIn } from '../option-parsers.ts';
import { formatTime, printJson, printTable } from '../output.ts';

/** Retention fields as the CLI spells them. */
const RETENTION_OPTIONS = { maxCount: '--max-count', maxBytes: '--max-size' };

function byteSize(value: string): number {
  const bytes = parseByteSizeNotation(value);
  if (bytes === null) throw new InvalidArgumentError(`must be ${BYTE_SIZE_NOTATION_HINT}`);
  return bytes;
}

function describeRetention(retention: CaptureRetention): string[] {
  return [
    `Keeps at most ${retention.maxCount} captures and ${formatByteSizeNotation(retention.maxBytes)}; the oldest are pruned beyond that.`,
    `Stored now: ${retention.storedCount} captures, ${retention.storedBytes} bytes.`,
    `Pruned by these limits so far: ${retention.prunedCount} captures, ${retention.prunedBytes} bytes.`,
  ];
}

export function capturesCommand(): Command {
  const captures = new Command('captures').description('inspect, delete and limit what the built-in receiver captured');

  captures
    .command('list', { isDefault: true })
    .description('list captures, newest first')
    .option('--bin <bin>', 'only this bin')
    .option('--search <text>', 'only captures whose path, query, body or plain headers hold this text (any case; sealed credential headers are not searched)')
    .option('--limit <n>', 'at most this many (1-1000)', integerIn(1, 1000), 50)
    .option('--json', 'print JSON')
    .action(async (options, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const list = await api.listCaptures({ bin: options.bin, search: options.search, limit: options.limit });
        if (options.json) {
          printJson(list);
          return;
        }
        const info = await api.getAppInfo();
        printTable(
          list.map((capture) => ({
            id: capture.id,
            bin: capture.bin,
            method: capture.method,
            path: capture.path,
            bytes: capture.bodySize,
            received: formatTime(capture.receivedAt),
          })),
          options.search
            ? `No capture holds "${options.search}".`
            : `No captures yet. Send anything to ${info.receiverUrl}/r/<bin>/ or fire an event at the demo webhook.`,
        );
      });
    });

  captures
    .command('show')
    .description('show one capture with headers and body')
    .argument('<id>', 'capture id')
    .option('--json', 'print JSON')
    .action(async (id: string, options, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const capture = await api.getCapture({ id });
        if (options.json) {
          printJson(capture);
          return;
        }
        console.log(
          `${capture.method} /r/${capture.bin}${capture.path}${capture.query ? `?${capture.query}` : ''}  (${formatTime(capture.receivedAt)}, replied ${capture.replyStatus})`,
        );
        for (const [name, value] of Object.entries(capture.headers)) console.log(`${name}: ${value}`);
        console.log('');
        console.log(capture.body.encoding === 'utf8' ? capture.body.text : `(binary, base64) ${capture.body.base64}`);
      });
    });

  captures
    .command('delete')
    .description('delete one capture (replays made from it stay in the history)')
    .argument('<id>', 'capture id')
    .option('--json', 'print JSON')
    .action(async (id: string, options, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const result = await api.deleteCapture({ id });
        if (options.json) printJson(result);
        else console.log(`Deleted capture ${id}.`);
      });
    });

  captures
    .command('retention')
    .description('show or change how many captures the workspace keeps; lower limits prune the oldest at once')
    .option('--max-count <n>', 'keep at most this many captures', integerIn(1, CAPTURE_RETENTION_MAX_COUNT))
    .option('--max-size <size>', `keep at most this much (bodies and headers): ${BYTE_SIZE_NOTATION_HINT}`, byteSize)
    .option('--json', 'print JSON')
    .action(async (options: { maxCount?: number; maxSize?: number; json?: boolean }, command: Command) => {
      const changes = Object.fromEntries(Object.entries({ maxCount: options.maxCount, maxBytes: options.maxSize }).filter(([, value]) => value !== undefined));
      // Checked before the workspace opens: a bad limit exits 2 and touches nothing.
      await withUsageErrors(RETENTION_OPTIONS, () => parseInput(setCaptureRetentionInputSchema, changes));
      await withWorkspace(command, async ({ api }) => {
        const before = await api.getCaptureRetention();
        const retention = Object.keys(changes).length > 0 ? await withUsageErrors(RETENTION_OPTIONS, () => api.setCaptureRetention(changes)) : before;
        if (options.json) {
          printJson(retention);
          return;
        }
        const pruned = retention.prunedCount - before.prunedCount;
        if (pruned > 0) console.log(`Pruned the ${pruned} oldest captures to fit the new limits.`);
        for (const line of describeRetention(retention)) console.log(line);
      });
    });

  return captures;
}
