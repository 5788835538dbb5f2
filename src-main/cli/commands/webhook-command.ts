import { Command, Option } from 'commander';
import { parseInput } from '../../../src-shared/contracts/contract-kit.ts';
import { signingSecretSchema } from '../../../src-shared/domain/webhook-signing.ts';
import { z } from 'zod';
import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';
import { WEBHOOK_TIMEOUT_DEFAULT_MS, type Webhook } from '../../../src-shared/domain/webhook.ts';
import { formatDurationNotation } from '../../../src-shared/domain/duration-notation.ts';
import { AppError } from '../../../src-shared/errors.ts';
import { withWorkspace } from '../cli-context.ts';
import { toUsageError, UsageError, withUsageErrors } from '../cli-error.ts';
import { collect, durationMs, keyValuePairs, positiveNumber } from '../option-parsers.ts';
import { printJson, printTable } from '../output.ts';
import { formatRetryPolicy, parseRetryPolicy, RETRY_POLICY_HELP } from '../retry-policy-notation.ts';
import { failUnlessSucceeded, settledOfFilter } from '../settled-deliveries.ts';
import { deliveryRow } from './deliveries-command.ts';

const WEBHOOK_OPTIONS = {
  vendor: '--vendor',
  name: '--name',
  events: '--event',
  endpointUrl: '--url',
  authProfileId: '--auth',
  activities: '--activity',
  description: '--description',
  condition: '--condition',
  retryPolicy: '--retry',
  secret: '--secret',
  vendorOptions: '--option',
  timeoutMs: '--timeout',
};

const SIGNING_SCHEMES = ['none', 'standard-webhooks'] as const;

const CONDITION_COLUMN_MAX = 40;

async function resolveAuthProfile(api: AppApi, nameOrId: string | undefined): Promise<string | null> {
  if (!nameOrId) return null;
  const match = (await api.listAuthProfiles()).find((profile) => profile.id === nameOrId || profile.name === nameOrId);
  if (!match)
    throw toUsageError(
      new AppError('invalid_input', '', { issues: [{ path: 'authProfileId', message: `no auth profile is named or has id "${nameOrId}"` }] }),
      WEBHOOK_OPTIONS,
    );
  return match.id;
}

/** The webhook with this name or id, if any: callers say what is missing in their own words. */
export function matchWebhook(webhooks: readonly Webhook[], nameOrId: string): Webhook | undefined {
  return webhooks.find((webhook) => webhook.id === nameOrId || webhook.name === nameOrId);
}

export async function findWebhook(api: AppApi, nameOrId: string): Promise<Webhook> {
  const match = matchWebhook(await api.listWebhooks(), nameOrId);
  if (!match) throw new AppError('not_found', `No webhook is named or has id "${nameOrId}"`);
  return match;
}

function webhookRow(webhook: Webhook) {
  return {
    id: webhook.id,
    name: webhook.name,
    event: webhook.events.join(', '),
    url: webhook.endpointUrl,
    condition: webhook.condition.length > CONDITION_COLUMN_MAX ? `${webhook.condition.slice(0, CONDITION_COLUMN_MAX - 1)}…` : webhook.condition || null,
    retry: formatRetryPolicy(webhook.retryPolicy),
    timeout: formatDurationNotation(webhook.timeoutMs),
    enabled: webhook.enabled ? 'yes' : 'no',
  };
}

export function webhookCommand(): Command {
  const webhook = new Command('webhook').description('define the webhooks events are delivered to');

  webhook
    .command('add')
    .description('add a webhook')
    .requiredOption('--name <name>', 'unique name (at most 100 characters)')
    .requiredOption('--event <event>', 'event to subscribe to, exactly as the vendor names it (repeatable)', collect)
    .requiredOption('--url <url>', 'endpoint URL the notifications are POSTed to')
    .option('--vendor <vendor>', 'vendor profile', 'sentinel-ems')
    .option('--activity <activity>', 'only these activities (repeatable; default: all)', collect)
    .option('--option <key=value>', 'a vendor option, e.g. mode=binary for CloudEvents (repeatable; see hooklab catalog)', collect, [])
    .option('--auth <profile>', 'auth profile, by name or id')
    .option('--description <text>', 'description (at most 500 characters)', '')
    .option('--condition <expr>', 'trigger condition (Sentinel JEXL), e.g. "entitlement.state == \'ENABLE\'"', '')
    .option('--retry <policy>', `automatic retries: ${RETRY_POLICY_HELP}`, parseRetryPolicy)
    .option(
      '--timeout <duration>',
      `deadline of each try: connect, headers and the whole response body (1s to 2m; default ${formatDurationNotation(WEBHOOK_TIMEOUT_DEFAULT_MS)})`,
      durationMs,
    )
    .option('--no-include-data', 'leave previous/current state out of the notifications')
    .option('--disabled', 'create it disabled')
    .addOption(new Option('--sign <scheme>', 'sign requests (Standard Webhooks HMAC)').choices([...SIGNING_SCHEMES]).default('none'))
    .option('--secret <whsec_…>', 'with --sign standard-webhooks: this secret instead of a generated one')
    .option('--json', 'print JSON')
    .action(async (options, command: Command) => {
      if (options.secret !== undefined && options.sign !== 'standard-webhooks') throw new UsageError('--secret: needs --sign standard-webhooks');
      // Checked before the engine starts, so a bad secret exits 2 and no webhook is made.
      await withUsageErrors(WEBHOOK_OPTIONS, () => parseInput(z.object({ secret: signingSecretSchema.optional() }), { secret: options.secret }));
      await withWorkspace(command, async ({ api }) => {
        await withUsageErrors(WEBHOOK_OPTIONS, async () => {
          const created = await api.createWebhook({
            vendor: options.vendor,
            name: options.name,
            events: options.event,
            endpointUrl: options.url,
            authProfileId: await resolveAuthProfile(api, options.auth),
            activities: options.activity ?? [],
            includeData: options.includeData,
            enabled: !options.disabled,
            description: options.description,
            condition: options.condition,
            retryPolicy: options.retry?.retryPolicy ?? null,
            vendorOptions: keyValuePairs('--option', options.option),
            timeoutMs: options.timeout,
          });
          const signing = options.sign === 'standard-webhooks' ? await api.addSigningSecret({ webhookId: created.id, secret: options.secret }) : null;
          if (options.json) printJson(signing ? { ...signing.webhook, secret: signing.secret } : created);
          else console.log(`Added webhook "${created.name}" (${created.id}).`);
          // Shown this once: Hooklab keeps it sealed and never prints it again.
          if (signing && !options.json) console.log(`Signing secret (Standard Webhooks), shown only now: ${signing.secret}`);
        });
      });
    });

  webhook
    .command('list')
    .description('list webhooks')
    .option('--json', 'print JSON')
    .action(async (options, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const webhooks = await api.listWebhooks();
        if (options.json) printJson(webhooks);
        else printTable(webhooks.map(webhookRow), 'No webhooks yet. Add one with: hooklab webhook add --name … --event … --url …');
      });
    });

  webhook
    .command('remove')
    .description('remove a webhook (its deliveries stay in the history)')
    .argument('<webhook>', 'name or id')
    .option('--json', 'print JSON')
    .action(async (nameOrId: string, options, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const target = await findWebhook(api, nameOrId);
        const result = await api.deleteWebhook({ id: target.id });
        if (options.json) printJson(result);
        else console.log(`Removed webhook "${target.name}".`);
      });
    });

  webhook
    .command('test')
    .description('send a Zentitle2 webhook the "Test" event (empty payload, never retried) and wait for its one try')
    .argument('<webhook>', 'name or id')
    .option('--timeout <seconds>', 'how long to wait for the try', positiveNumber, 60)
    .option('--json', 'print JSON')
    .action(async (nameOrId: string, options, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const target = await findWebhook(api, nameOrId);
        const sent = await withUsageErrors({ webhookId: '<webhook>' }, () => api.sendTestEvent({ webhookId: target.id }));
        const settled = await settledOfFilter(api, { match: { eventId: sent.event.id } }, options.timeout * 1000);
        if (options.json) {
          printJson({ event: sent.event, ...settled });
        } else {
          console.log(`Sent "${sent.event.eventName}" to "${target.name}", event ${sent.event.id}.`);
          printTable(settled.deliveries.map(deliveryRow), '');
          if (settled.timedOut) console.log(`Not settled after ${options.timeout} s.`);
        }
        failUnlessSucceeded(settled);
      });
    });

  return webhook;
}
