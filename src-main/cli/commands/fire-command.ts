import { Command } from 'commander';
import { DELIVERY_PAGE_MAX } from '../../../src-shared/domain/delivery.ts';
import { withWorkspace } from '../cli-context.ts';
import { withUsageErrors } from '../cli-error.ts';
import { readJsonObjectFile } from '../json-file.ts';
import { integerIn, positiveNumber } from '../option-parsers.ts';
import { printJson, printTable } from '../output.ts';
import { failUnlessSucceeded, settledOfFilter } from '../settled-deliveries.ts';
import { deliveryRow } from './deliveries-command.ts';

const FIRE_OPTIONS = {
  vendor: '--vendor',
  eventName: '--event',
  activity: '--activity',
  entityId: '--entity-id',
  currentState: '--state',
  seed: '--seed',
};

export function fireCommand(): Command {
  return new Command('fire')
    .description('fire a synthetic event; it is delivered to every enabled webhook that matches')
    .requiredOption('--event <event>', 'event name, exactly as the vendor names it, e.g. "Entitlement Added"')
    .option('--vendor <vendor>', 'vendor profile', 'sentinel-ems')
    .option('--activity <activity>', 'activity that caused it (default: the event\'s first)')
    .option('--entity-id <id>', 'entity id (default: generated)')
    .option('--state <file>', 'JSON file with the entity\'s current state (default: generated)')
    .option('--seed <n>', 'seed for the generated entity, for reproducible runs', integerIn(-(2 ** 31), 2 ** 31 - 1))
    .option('--wait', 'wait until every delivery has settled; exit 1 if any did not succeed')
    .option('--timeout <seconds>', 'how long --wait waits', positiveNumber, 60)
    .option('--json', 'print JSON')
    .action(async (options, command: Command) => {
      const currentState = options.state === undefined ? undefined : readJsonObjectFile('--state', options.state);
      await withWorkspace(command, async ({ api }) => {
        const fired = await withUsageErrors(FIRE_OPTIONS, () =>
          api.fireEvent({
            vendor: options.vendor,
            eventName: options.event,
            activity: options.activity,
            entityId: options.entityId,
            currentState,
            seed: options.seed,
          }),
        );
        let deliveries = fired.deliveries;
        let timedOut = false;
        if (options.wait) {
          ({ deliveries, timedOut } = await settledOfFilter(api, { match: { eventId: fired.event.id }, limit: DELIVERY_PAGE_MAX }, options.timeout * 1000));
        }
        if (options.json) {
          printJson({ event: fired.event, deliveries, ...(options.wait ? { timedOut } : {}) });
        } else {
          console.log(`Fired "${fired.event.eventName}" (${fired.event.activity}), event ${fired.event.id}.`);
          printTable(deliveries.map(deliveryRow), 'No enabled webhook subscribes to this event and activity.');
          if (timedOut) console.log(`Not settled after ${options.timeout} s.`);
        }
        if (options.wait) failUnlessSucceeded({ deliveries, timedOut });
      });
    });
}
