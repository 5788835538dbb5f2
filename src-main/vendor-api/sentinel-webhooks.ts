import { z } from 'zod';
import type { AppApi } from '../../src-shared/contracts/app-contract.ts';
import type { AuthProfile } from '../../src-shared/domain/auth-profile.ts';
import { webhookInputOf, type Webhook, type WebhookInput } from '../../src-shared/domain/webhook.ts';
import { asSentinel, attributeError, requireFreeName, resourceNotFound, type AttributeNames } from './sentinel-api-error.ts';
import { checkBodyId, definedOnly, pageOf, pagingQuery, sentinelBody, sentinelQuery, type SentinelRoute } from './sentinel-request.ts';

const VENDOR = 'sentinel-ems';

// "Webhook body" assumption: the attributes of the Webhook Attributes table (seed 002), camelCase.
// Only their JSON types are checked here; their content rules are Hooklab's, named back in EMS terms.
// With both an id and a name (as a GET answers), the id counts.
const profileReference = z
  .strictObject({ id: z.string().optional(), name: z.string().optional() })
  .refine((reference) => reference.id !== undefined || reference.name !== undefined, "give the profile's name or its id");

const webhookSchema = z.strictObject({
  id: z.string().optional(),
  event: z.string(),
  name: z.string(),
  endpointUrl: z.string(),
  authenticationProfile: profileReference,
  filterActivities: z.array(z.string()).optional(),
  triggerConditions: z.string().optional(),
  description: z.string().optional(),
  includeData: z.boolean().optional(),
  enableWebhook: z.boolean().optional(),
});
type SentinelWebhookBody = z.output<typeof webhookSchema>;

const listQuery = z.strictObject({ ...pagingQuery, name: z.string().optional(), event: z.string().optional() });

/** Hooklab's webhook fields by the EMS attribute each comes from. */
const ATTRIBUTE_OF_FIELD: Record<string, string> = {
  events: 'event',
  activities: 'filterActivities',
  condition: 'triggerConditions',
  enabled: 'enableWebhook',
  authProfileId: 'authenticationProfile',
};

const webhookAttributes: AttributeNames = (path) => {
  const [, field = '', rest = ''] = /^(?:webhook\.)?([A-Za-z]+)(.*)$/.exec(path) ?? [];
  // One event per EMS webhook: `events[0]` is the `event`.
  if (field === 'events') return 'event';
  return `${ATTRIBUTE_OF_FIELD[field] ?? field}${rest}`;
};

/** A webhook as EMS shows it. A Hooklab webhook with several events (made in Hooklab) shows its first ("One event" assumption). */
function sentinelWebhook(webhook: Webhook, profiles: readonly AuthProfile[]) {
  const profile = profiles.find((candidate) => candidate.id === webhook.authProfileId);
  return {
    id: webhook.id,
    event: webhook.events[0],
    name: webhook.name,
    endpointUrl: webhook.endpointUrl,
    authenticationProfile: profile ? { id: profile.id, name: profile.name } : null,
    filterActivities: webhook.activities,
    triggerConditions: webhook.condition,
    description: webhook.description,
    includeData: webhook.includeData,
    enableWebhook: webhook.enabled,
  };
}

const sentinelWebhooks = async (api: AppApi) => (await api.listWebhooks()).filter((webhook) => webhook.vendor === VENDOR);

async function existing(api: AppApi, id: string): Promise<Webhook> {
  const webhook = (await sentinelWebhooks(api)).find((candidate) => candidate.id === id);
  if (!webhook) throw resourceNotFound('webhook', id);
  return webhook;
}

const shown = async (api: AppApi, webhook: Webhook) => sentinelWebhook(webhook, await api.listAuthProfiles());

async function profileId(api: AppApi, { id, name }: SentinelWebhookBody['authenticationProfile']): Promise<string> {
  if (id !== undefined) return id;
  const profile = (await api.listAuthProfiles()).find((candidate) => candidate.name === name);
  if (!profile) throw attributeError('authenticationProfile', `no authentication profile is named "${name}"`);
  return profile.id;
}

/** The attributes given, as Hooklab fields; those not given stay undefined. */
async function hooklabFields(api: AppApi, body: Partial<SentinelWebhookBody>): Promise<Partial<WebhookInput>> {
  return {
    events: body.event === undefined ? undefined : [body.event],
    name: body.name,
    endpointUrl: body.endpointUrl,
    authProfileId: body.authenticationProfile === undefined ? undefined : await profileId(api, body.authenticationProfile),
    activities: body.filterActivities,
    condition: body.triggerConditions,
    description: body.description,
    includeData: body.includeData,
    enabled: body.enableWebhook,
  };
}

/** Checks the name, then changes the webhook to `body` (all of it for PUT, what it names for PATCH). */
async function updated(api: AppApi, id: string, body: Partial<SentinelWebhookBody>, replace: boolean) {
  const webhook = await existing(api, id);
  checkBodyId(body.id, webhook.id);
  requireFreeName(await api.listWebhooks(), 'webhook', body.name, webhook.id);
  const fields = await hooklabFields(api, body);
  const input = { ...webhookInputOf(webhook), ...(replace ? fields : definedOnly(fields)) };
  return shown(api, await asSentinel(webhookAttributes, () => api.updateWebhook({ id: webhook.id, webhook: input })));
}

export const SENTINEL_WEBHOOK_ROUTES: readonly SentinelRoute[] = [
  {
    method: 'POST',
    path: '/webhooks',
    summary:
      'Add Webhook (201): {event, name, endpointUrl, authenticationProfile: {name} or {id}, filterActivities, triggerConditions, description, includeData, enableWebhook}',
    async handle(request, reply, api) {
      const body = sentinelBody(request, webhookSchema);
      checkBodyId(body.id, null);
      requireFreeName(await api.listWebhooks(), 'webhook', body.name, null);
      const fields = await hooklabFields(api, body);
      const created = await asSentinel(webhookAttributes, () => api.createWebhook({ ...fields, vendor: VENDOR } as WebhookInput));
      return reply.code(201).send(await shown(api, created));
    },
  },
  {
    method: 'GET',
    path: '/webhooks',
    summary: 'Search Webhooks: ?name=&event=&pageStartIndex=&pageSize= → {webhooks, pageStartIndex, pageSize, count}',
    async handle(request, _reply, api) {
      const { name, event, ...paging } = sentinelQuery(request, listQuery);
      const matching = (await sentinelWebhooks(api)).filter(
        (webhook) => (name === undefined || webhook.name === name) && (event === undefined || webhook.events.includes(event)),
      );
      const { items, ...page } = pageOf(matching, paging);
      const profiles = await api.listAuthProfiles();
      return { webhooks: items.map((webhook) => sentinelWebhook(webhook, profiles)), ...page };
    },
  },
  {
    method: 'GET',
    path: '/webhooks/{id}',
    summary: 'Get Webhook',
    async handle(request, _reply, api) {
      return shown(api, await existing(api, request.params.id!));
    },
  },
  {
    method: 'PUT',
    path: '/webhooks/{id}',
    summary: 'Replace Webhook: the whole body as for Add; attributes left out take their defaults',
    async handle(request, _reply, api) {
      return updated(api, request.params.id!, sentinelBody(request, webhookSchema), true);
    },
  },
  {
    method: 'PATCH',
    path: '/webhooks/{id}',
    summary: 'Update Webhook: only the attributes given change',
    async handle(request, _reply, api) {
      return updated(api, request.params.id!, sentinelBody(request, webhookSchema.partial()), false);
    },
  },
  {
    method: 'DELETE',
    path: '/webhooks/{id}',
    summary: 'Delete Webhook (204)',
    async handle(request, reply, api) {
      const webhook = await existing(api, request.params.id!);
      await asSentinel(webhookAttributes, () => api.deleteWebhook({ id: webhook.id }));
      return reply.code(204).send();
    },
  },
];
