import { Command, Option } from 'commander';
import {
  DELIVERY_MATCH_WEBHOOKS_MAX,
  DELIVERY_PAGE_MAX,
  type AttemptRoundTrigger,
  type DeliveryPage,
  type DeliverySummary,
} from '../../../src-shared/domain/delivery.ts';
import { withWorkspace } from '../cli-context.ts';
import { VENDOR_IDS } from '../../../src-shared/domain/vendor.ts';
import { addDeliveryMatchOptions, deliveryMatchOf, withVendorWebhooks, withWebhookId } from '../delivery-match-options.ts';
import { integerIn, nonNegativeInteger, positiveNumber } from '../option-parsers.ts';
import { formatTime, printJson, printTable } from '../output.ts';
import { failUnlessSucceeded, waitForSettled } from '../settled-deliveries.ts';
import { markSuccessfulCommand, retryCommand } from './delivery-bulk-commands.ts';
import { deliveryRulesCommand } from './delivery-rules-command.ts';

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

/** "showing 51–100 of 1234": where this page sits in the whole search. */
function pageLine({ deliveries, total, offset }: DeliveryPage): string {
  if (deliveries.length === 0) return `showing none of ${total} (--offset ${offset} is past the end)`;
  return `showing ${offset + 1}–${offset + deliveries.length} of ${total}`;
}

const ROUND_TRIGGERS: Record<AttemptRoundTrigger, string> = {
  fired: 'fired',
  manual_retry: 'manual retry',
  redelivery: 're-delivery',
};

export function deliveriesCommand(): Command {
  const deliveries = new Command('deliveries').description('search deliveries, see their attempts, retry them, mark them successful, re-deliver them');

  addDeliveryMatchOptions(deliveries.command('list', { isDefault: true }).description('list deliveries matching the options, newest first, a page at a time'))
    .option('--offset <n>', 'skip this many matches (the next page starts at offset + limit)', nonNegativeInteger, 0)
    .option('--limit <n>', `at most this many (1-${DELIVERY_PAGE_MAX})`, integerIn(1, DELIVERY_PAGE_MAX), 50)
    .addOption(
      new Option('--vendor <id>', `only deliveries to this vendor's webhooks (at most ${DELIVERY_MATCH_WEBHOOKS_MAX} of them; not with --webhook)`).choices(
        VENDOR_IDS,
      ),
    )
    .option('--json', 'print JSON: the page, {deliveries, total, offset}')
    .action(async (options, command: Command) => {
      const match = deliveryMatchOf(options);
      await withWorkspace(command, async ({ api }) => {
        const narrowed = await withVendorWebhooks(api, await withWebhookId(api, match), options.vendor);
        const page: DeliveryPage =
          narrowed === null
            ? { deliveries: [], total: 0, offset: options.offset }
            : await api.listDeliveries({ match: narrowed, offset: options.offset, limit: options.limit });
        if (options.json) {
          printJson(page);
          return;
        }
        if (page.total === 0) {
          console.log(match || options.vendor ? 'No deliveries match.' : 'No deliveries yet. Fire an event: hooklab fire --event "Entitlement Added"');
          return;
        }
        if (page.deliveries.length > 0) printTable(page.deliveries.map(deliveryRow), '');
        console.log(pageLine(page));
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
          const round = `round ${attempt.round} (${ROUND_TRIGGERS[attempt.roundTrigger]})`;
          console.log(
            `\n#${attempt.number}  ${round}  ${formatTime(attempt.startedAt)}  ${attempt.durationMs} ms  ${attempt.response ? `HTTP ${attempt.response.status}` : attempt.error}`,
          );
          console.log(`${attempt.request.method} ${attempt.request.url}`);
          for (const [name, value] of Object.entries(attempt.request.headers)) console.log(`${name}: ${value}`);
          console.log(`\n${attempt.request.body}`);
          if (attempt.response) console.log(`\n← ${attempt.response.status}\n${attempt.response.body}`);
        }
      });
    });

  deliveries.addCommand(retryCommand()).addCommand(markSuccessfulCommand());

  deliveries
    .command('redeliver')
    .description('send a succeeded (or marked successful) delivery again: a new round of tries, same event id')
    .argument('<id>', 'delivery id')
    .option('--wait', 'wait until it has settled; exit 1 if it did not succeed')
    .option('--timeout <seconds>', 'how long --wait waits', positiveNumber, 60)
    .option('--json', 'print JSON: the delivery')
    .action(async (id: string, options, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const started = await api.redeliverDelivery({ id });
        const load = async () => [(await api.getDelivery({ id })).delivery];
        const settled = options.wait ? await waitForSettled(load, options.timeout * 1000) : { deliveries: [started], timedOut: false };
        const [delivery] = settled.deliveries;
        if (options.json) {
          printJson(delivery);
        } else {
          console.log(`Re-delivering event ${delivery.eventId} to "${delivery.webhookName}".`);
          printTable([deliveryRow(delivery)], '');
          if (settled.timedOut) console.log(`Not settled after ${options.timeout} s.`);
        }
        if (options.wait) failUnlessSucceeded(settled);
      });
    });

  deliveries.addCommand(deliveryRulesCommand());

  return deliveries;
}
