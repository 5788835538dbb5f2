import type { Command } from 'commander';
import type { AppApi } from '../../src-shared/contracts/app-contract.ts';
import { parseInput } from '../../src-shared/contracts/contract-kit.ts';
import {
  DELIVERY_MATCH_WEBHOOKS_MAX,
  DELIVERY_STATUSES,
  deliveryMatchSchema,
  type DeliveryMatch,
  type DeliveryStatus,
} from '../../src-shared/domain/delivery.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import { AppError } from '../../src-shared/errors.ts';
import { toUsageError, UsageError } from './cli-error.ts';
import { listOf, TIME_ARGUMENT_HELP, timeArgument } from './option-parsers.ts';

const MATCH_OPTIONS = {
  webhookId: '--webhook',
  eventId: '--event',
  statuses: '--status',
  createdFrom: '--from',
  createdTo: '--to',
};

export interface DeliveryMatchOptions {
  webhook?: string;
  event?: string;
  status?: DeliveryStatus[];
  from?: number;
  to?: number;
}

/** The search options of `deliveries list`, shared by the commands that act on what a search finds. */
export function addDeliveryMatchOptions(command: Command): Command {
  return command
    .option('--webhook <webhook>', 'only deliveries to this webhook (name or id; the id of a removed one finds its history)')
    .option('--event <id>', 'only deliveries of this event (its id)')
    .option('--status <statuses>', `only these statuses, comma-separated: ${DELIVERY_STATUSES.join(', ')}`, listOf(DELIVERY_STATUSES))
    .option('--from <time>', `created at or after this time: ${TIME_ARGUMENT_HELP}`, timeArgument)
    .option('--to <time>', 'created before this time (same forms as --from)', timeArgument);
}

/**
 * The search the options describe, checked before any engine starts (a bad one exits 2 and
 * touches nothing); undefined when no search option was given.
 */
export function deliveryMatchOf(options: DeliveryMatchOptions): DeliveryMatch | undefined {
  const match = { webhookId: options.webhook, eventId: options.event, statuses: options.status, createdFrom: options.from, createdTo: options.to };
  if (Object.values(match).every((value) => value === undefined)) return undefined;
  try {
    return parseInput(deliveryMatchSchema, match);
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input') throw toUsageError(error, MATCH_OPTIONS);
    throw error;
  }
}

/** `--webhook` takes what `webhook list` shows: a name is turned into its id; anything else is kept as an id. */
export async function withWebhookId(api: AppApi, match: DeliveryMatch | undefined): Promise<DeliveryMatch | undefined> {
  if (match?.webhookId === undefined) return match;
  const webhooks = await api.listWebhooks();
  if (webhooks.some((webhook) => webhook.id === match.webhookId)) return match;
  const named = webhooks.find((webhook) => webhook.name === match.webhookId);
  return named ? { ...match, webhookId: named.id } : match;
}

/**
 * `--vendor` (deliveries list): the search narrowed to the vendor's webhooks as they are now;
 * null when it has none, so nothing can match.
 */
export async function withVendorWebhooks(
  api: AppApi,
  match: DeliveryMatch | undefined,
  vendor: VendorId | undefined,
): Promise<DeliveryMatch | undefined | null> {
  if (vendor === undefined) return match;
  if (match?.webhookId !== undefined) throw new UsageError('give --webhook or --vendor, not both');
  const webhookIds = (await api.listWebhooks()).filter((webhook) => webhook.vendor === vendor).map((webhook) => webhook.id);
  if (webhookIds.length === 0) return null;
  if (webhookIds.length > DELIVERY_MATCH_WEBHOOKS_MAX) {
    throw new UsageError(
      `--vendor: ${vendor} has ${webhookIds.length} webhooks and a search covers at most ${DELIVERY_MATCH_WEBHOOKS_MAX}; search by --webhook`,
    );
  }
  return { ...match, webhookIds };
}
