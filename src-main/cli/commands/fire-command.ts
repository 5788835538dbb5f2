import { Command } from 'commander';
import { DELIVERY_PAGE_MAX } from '../../../src-shared/domain/delivery.ts';
import { withWorkspace } from '../cli-context.ts';
import { withUsageErrors } from '../cli-error.ts';
import { readJsonObjectFile } from '../json-file.ts';
import { integerIn, positiveNumber } from '../option-parsers.ts';
import { applyStateEdits, stateEdit, type StateEdit } from '../state-edits.ts';
import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';
import { SKIP_LABELS, type FireEventInput, type SkippedWebhook } from '../../../src-shared/domain/event.ts';
import { traceLines } from './condition-command.ts';
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
    .description('fire a synthetic event to every enabled webhook that matches; lists the subscribed webhooks it skipped, and why')
    .requiredOption('--event <event>', 'event name, exactly as the vendor names it, e.g. "Entitlement Added"')
    .option('--vendor <vendor>', 'vendor profile', 'sentinel-ems')
    .option('--activity <activity>', "activity that caused it (default: the event's first)")
    .option('--entity-id <id>', 'entity id (default: generated)')
    .option('--state <file>', "JSON file with the entity's current state (default: generated)")
    .option(
      '--set <path=value>',
      'change one field of the current state, e.g. entitlement.state=DISABLE (repeatable; value as JSON when it parses, else text)',
      stateEdit,
      [],
    )
    .option('--seed <n>', 'seed for the generated entity, for reproducible runs', integerIn(-(2 ** 31), 2 ** 31 - 1))
    .option('--wait', 'wait until every delivery has settled; exit 1 if any did not succeed')
    .option('--timeout <seconds>', 'how long --wait waits', positiveNumber, 60)
    .option('--json', 'print JSON')
    .action(async (options, command: Command) => {
      const state = options.state === undefined ? undefined : readJsonObjectFile('--state', options.state);
      await withWorkspace(command, async ({ api }) => {
        const input: FireEventInput = {
          vendor: options.vendor,
          eventName: options.event,
          activity: options.activity,
          entityId: options.entityId,
          currentState: state,
          seed: options.seed,
        };
        const fired = await withUsageErrors(FIRE_OPTIONS, async () =>
          api.fireEvent(options.set.length === 0 ? input : await withEdits(api, input, options.set)),
        );
        let deliveries = fired.deliveries;
        let timedOut = false;
        if (options.wait) {
          ({ deliveries, timedOut } = await settledOfFilter(api, { match: { eventId: fired.event.id }, limit: DELIVERY_PAGE_MAX }, options.timeout * 1000));
        }
        if (options.json) {
          printJson({ event: fired.event, deliveries, skipped: fired.skipped, ...(options.wait ? { timedOut } : {}) });
        } else {
          console.log(`Fired "${fired.event.eventName}" (${fired.event.activity}), event ${fired.event.id}.`);
          printTable(deliveries.map(deliveryRow), fired.skipped.length === 0 ? 'No webhook subscribes to this event.' : 'No webhook received it.');
          for (const line of fired.skipped.flatMap(skippedLines)) console.log(line);
          if (timedOut) console.log(`Not settled after ${options.timeout} s.`);
        }
        if (options.wait) failUnlessSucceeded({ deliveries, timedOut });
      });
    });
}

/**
 * The state `--set` edits: the --state file, or the state firing would generate (the same seed
 * gives the same one), fired with its entity id and previous state so the event stays whole.
 */
async function withEdits(api: AppApi, input: FireEventInput, edits: readonly StateEdit[]): Promise<FireEventInput> {
  if (input.currentState) return { ...input, currentState: applyStateEdits(input.currentState, edits) };
  const { vendor, eventName, activity, seed } = input;
  const sample = await api.generateSampleState({ vendor, eventName, activity, seed });
  return {
    ...input,
    entityId: input.entityId ?? sample.entityId,
    previousState: sample.previousState ?? undefined,
    currentState: applyStateEdits(sample.currentState ?? {}, edits),
  };
}

/** A webhook that got nothing and why; for a false condition, how each clause evaluated. */
function skippedLines(skip: SkippedWebhook): string[] {
  const head = `${skip.webhookName}: ${SKIP_LABELS[skip.reason]}`;
  if (!skip.condition) return [head];
  return [`${head}  (${skip.condition.text})`, ...(skip.condition.trace ? traceLines(skip.condition.trace, 1) : [])];
}
