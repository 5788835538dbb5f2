import { Command, Option } from 'commander';
import { DELIVERY_STATUSES, type DeliverySummary } from '../../../src-shared/domain/delivery.ts';
import { withWorkspace } from '../cli-context.ts';
import { integerIn } from '../option-parsers.ts';
import { formatTime, printJson, printTable } from '../output.ts';

export function deliveryRow(delivery: DeliverySummary) {
  return {
    id: delivery.id,
    status: delivery.status,
    event: delivery.eventName,
    webhook: delivery.webhookName,
    attempts: delivery.attemptCount,
    http: delivery.lastStatusCode,
    created: formatTime(delivery.createdAt),
  };
}

export function deliveriesCommand(): Command {
  const deliveries = new Command('deliveries').description('inspect deliveries and their attempts');

  deliveries
    .command('list', { isDefault: true })
    .description('list deliveries, newest first')
    .addOption(new Option('--status <status>', 'only this status').choices([...DELIVERY_STATUSES]))
    .option('--webhook <id>', 'only this webhook')
    .option('--event <id>', 'only this event')
    .option('--limit <n>', 'at most this many (1-1000)', integerIn(1, 1000), 50)
    .option('--json', 'print JSON')
    .action(async (options, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const list = await api.listDeliveries({
          status: options.status,
          webhookId: options.webhook,
          eventId: options.event,
          limit: options.limit,
        });
        if (options.json) printJson(list);
        else printTable(list.map(deliveryRow), 'No deliveries yet. Fire an event: hooklab fire --event "Entitlement Added"');
      });
    });

  deliveries
    .command('show')
    .description('show one delivery: its event and every attempt with request and response')
    .argument('<id>', 'delivery id')
    .option('--json', 'print JSON')
    .action(async (id: string, options, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const detail = await api.getDelivery({ id });
        if (options.json) {
          printJson(detail);
          return;
        }
        const { delivery, event, attempts } = detail;
        console.log(`${delivery.status}  ${event.eventName} (${event.activity}) → ${delivery.webhookName}`);
        console.log(`event ${event.id}, entity ${event.entityId}`);
        for (const attempt of attempts) {
          console.log(`\n#${attempt.number}  ${formatTime(attempt.startedAt)}  ${attempt.durationMs} ms  ${attempt.response ? `HTTP ${attempt.response.status}` : attempt.error}`);
          console.log(`${attempt.request.method} ${attempt.request.url}`);
          for (const [name, value] of Object.entries(attempt.request.headers)) console.log(`${name}: ${value}`);
          console.log(`\n${attempt.request.body}`);
          if (attempt.response) console.log(`\n← ${attempt.response.status}\n${attempt.response.body}`);
        }
      });
    });

  return deliveries;
}
