import { Command } from 'commander';
import { withWorkspace } from '../cli-context.ts';
import { integerIn } from '../option-parsers.ts';
import { formatTime, printJson, printTable } from '../output.ts';

export function capturesCommand(): Command {
  const captures = new Command('captures').description('inspect what the built-in receiver captured');

  captures
    .command('list', { isDefault: true })
    .description('list captures, newest first')
    .option('--bin <bin>', 'only this bin')
    .option('--limit <n>', 'at most this many (1-1000)', integerIn(1, 1000), 50)
    .option('--json', 'print JSON')
    .action(async (options, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const list = await api.listCaptures({ bin: options.bin, limit: options.limit });
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
          `No captures yet. Send anything to ${info.receiverUrl}/r/<bin>/ or fire an event at the demo webhook.`,
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
        console.log(`${capture.method} /r/${capture.bin}${capture.path}${capture.query ? `?${capture.query}` : ''}  (${formatTime(capture.receivedAt)}, replied ${capture.replyStatus})`);
        for (const [name, value] of Object.entries(capture.headers)) console.log(`${name}: ${value}`);
        console.log('');
        console.log(capture.body.encoding === 'utf8' ? capture.body.text : `(binary, base64) ${capture.body.base64}`);
      });
    });

  return captures;
}
