import { shellQuoted } from '../../src-shared/domain/curl-command.ts';
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { webhookInputOf, type Webhook } from '../../src-shared/domain/webhook.ts';
import { ZENTITLE2_PLACEHOLDERS } from '../vendors/zentitle2/zentitle2-export.ts';
import { jsonBody } from './json-body.ts';
import { registerVendorErrorAnswers } from './vendor-api-error-answers.ts';
import type { VendorApiCredentials } from './vendor-api-credentials.ts';
import type { VendorApiDeps, VendorApiModule } from './vendor-api-module.ts';
import { sendApiError, sendEngineError } from './zentitle2-api-error.ts';
import {
  authorizeZentitle2,
  refuseTokenRequest,
  registerZentitle2TokenEndpoint,
  WEBHOOKS_SCOPE,
  ZENTITLE2_REALMS_PREFIX,
  zentitle2TokenPath,
} from './zentitle2-auth.ts';
import { zentitle2EventTypes } from './zentitle2-event-types.ts';
import { checkPaging, checkWebhookRequest, type Checked } from './zentitle2-webhook-request.ts';

const WEBHOOKS = '/api/v1/account/webhooks';

/** WebhookModel (OAS-2023). */
export interface Zentitle2WebhookModel {
  id: string;
  uri: string;
  subscriptions: string[];
}

/** "Listener ids" assumption: wh_ and the base64url of the Hooklab webhook's UUID, so UI-made webhooks have one too. */
export function listenerIdOf(webhookId: string): string {
  return `wh_${Buffer.from(webhookId.replaceAll('-', ''), 'hex').toString('base64url')}`;
}

/** The Hooklab webhook id a listener id stands for; null when it is not one listenerIdOf makes. */
export function webhookIdOf(listenerId: string): string | null {
  const match = /^wh_([A-Za-z0-9_-]{22})$/.exec(listenerId);
  if (!match) return null;
  const hex = Buffer.from(match[1]!, 'base64url').toString('hex');
  const id = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
  // base64url has several spellings of the last 4 bits: only the one listenerIdOf writes names the webhook.
  return listenerIdOf(id) === listenerId ? id : null;
}

const modelOf = (webhook: Webhook): Zentitle2WebhookModel => ({ id: listenerIdOf(webhook.id), uri: webhook.endpointUrl, subscriptions: webhook.events });

/** "Names of API-made webhooks" assumption: Hooklab wants a unique name, the Zentitle2 body has none. */
const generatedName = () => `Zentitle2 API ${randomBytes(6).toString('base64url')}`;

/** Every Hooklab webhook of vendor Zentitle2, disabled too, oldest first ("Which webhooks the API shows" assumption). */
async function zentitle2Webhooks(deps: VendorApiDeps): Promise<Webhook[]> {
  const webhooks = await deps.api.listWebhooks();
  return webhooks.filter((webhook) => webhook.vendor === 'zentitle2').sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** What a webhook operation's request carries: fastify types params and query by it. */
type Zentitle2Route = { Params: { webhookListenerId: string }; Querystring: Record<string, unknown> };
type Zentitle2Request = FastifyRequest<Zentitle2Route>;

/** One webhook operation: its method, its path under /api/v1/account/webhooks, its handler. */
interface WebhookOperation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  handler(request: Zentitle2Request, reply: FastifyReply): Promise<unknown>;
}

/** The Zentitle2 webhook the path names, or null after answering 404. */
async function webhookOfPath(request: Zentitle2Request, reply: FastifyReply, deps: VendorApiDeps): Promise<Webhook | null> {
  const { webhookListenerId } = request.params;
  const id = webhookIdOf(webhookListenerId);
  const webhook = id ? (await zentitle2Webhooks(deps)).find((candidate) => candidate.id === id) : undefined;
  if (webhook) return webhook;
  sendApiError(reply, 404, `Webhook listener ${webhookListenerId} not found`);
  return null;
}

function refused<T>(reply: FastifyReply, checked: Checked<T>): checked is Extract<Checked<T>, { ok: false }> {
  if (!checked.ok) sendApiError(reply, checked.status, checked.error, checked.validationErrors);
  return !checked.ok;
}

/** What fills in the production export's Zentitle2 scripts so that they run against this API. */
function exportPlaceholders(origin: string, { tenantId, clientId, clientSecret }: VendorApiCredentials['zentitle2']): Record<string, string> {
  return {
    [ZENTITLE2_PLACEHOLDERS.apiUrl]: origin,
    [ZENTITLE2_PLACEHOLDERS.tokenUrl]: `${origin}${zentitle2TokenPath(tenantId)}`,
    [ZENTITLE2_PLACEHOLDERS.clientId]: clientId,
    [ZENTITLE2_PLACEHOLDERS.clientSecret]: clientSecret,
    [ZENTITLE2_PLACEHOLDERS.tenantId]: tenantId,
  };
}

/** The webhook operations; an engine refusal is thrown on to the scope's error handler. */
function webhookOperations(deps: VendorApiDeps): WebhookOperation[] {
  return [
    {
      method: 'POST',
      url: '',
      handler: async (request, reply) => {
        const checked = checkWebhookRequest(jsonBody(request));
        if (refused(reply, checked)) return reply;
        const { uri, subscriptions } = checked.value;
        const webhook = await deps.api.createWebhook({ vendor: 'zentitle2', name: generatedName(), endpointUrl: uri, events: subscriptions });
        return reply.code(201).send(modelOf(webhook));
      },
    },
    {
      method: 'GET',
      url: '',
      handler: async (request, reply) => {
        const checked = checkPaging(request.query);
        if (refused(reply, checked)) return reply;
        const { pageNumber, pageSize } = checked.value;
        const webhooks = await zentitle2Webhooks(deps);
        const items = webhooks.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(modelOf);
        // The spec's `items`, though Nalpeiron's n8n node reads `data` ("List shape" assumption).
        return { items, pageSize, pageNumber, elementsTotal: webhooks.length };
      },
    },
    {
      // A literal path: the router matches it before /{webhookListenerId}.
      method: 'GET',
      url: '/events',
      handler: async () => {
        const items = zentitle2EventTypes();
        return { items, elementsTotal: items.length };
      },
    },
    {
      method: 'GET',
      url: '/:webhookListenerId',
      handler: async (request, reply) => {
        const webhook = await webhookOfPath(request, reply, deps);
        return webhook ? modelOf(webhook) : reply;
      },
    },
    {
      method: 'PUT',
      url: '/:webhookListenerId',
      handler: async (request, reply) => {
        const webhook = await webhookOfPath(request, reply, deps);
        if (!webhook) return reply;
        const checked = checkWebhookRequest(jsonBody(request));
        if (refused(reply, checked)) return reply;
        const { uri, subscriptions } = checked.value;
        // Zentitle2 events are their own only activity: a filter keeps the codes still subscribed to.
        const activities = webhook.activities.filter((activity) => subscriptions.includes(activity));
        await deps.api.updateWebhook({ id: webhook.id, webhook: { ...webhookInputOf(webhook), endpointUrl: uri, events: subscriptions, activities } });
        return reply.code(204).send();
      },
    },
    {
      method: 'DELETE',
      url: '/:webhookListenerId',
      handler: async (request, reply) => {
        const webhook = await webhookOfPath(request, reply, deps);
        if (!webhook) return reply;
        await deps.api.deleteWebhook({ id: webhook.id });
        return reply.code(204).send();
      },
    },
    {
      // The body is empty (or "", as the generated client sends it): nothing to read.
      method: 'POST',
      url: '/:webhookListenerId/test',
      handler: async (request, reply) => {
        const webhook = await webhookOfPath(request, reply, deps);
        if (!webhook) return reply;
        // "Test of a disabled webhook" assumption: only Hooklab can disable one.
        if (!webhook.enabled)
          return sendApiError(reply, 409, `Webhook listener ${request.params.webhookListenerId} is disabled in Hooklab: enable it to test it`);
        // The Test event is never retried (test-event.ts): one try, whatever the receiver answers.
        await deps.api.sendTestEvent({ webhookId: webhook.id });
        return reply.code(204).send();
      },
    },
  ];
}

/** Nalpeiron Zentitle2's Management API, webhook operations (VENDOR-APIS.md §3, the vendor's OpenAPI spec). */
export const zentitle2Api: VendorApiModule = {
  vendor: 'zentitle2',
  pathPrefixes: [WEBHOOKS, ZENTITLE2_REALMS_PREFIX],
  register(app, deps) {
    registerZentitle2TokenEndpoint(app, deps);
    app.register(
      async (scope) => {
        const operations = webhookOperations(deps);
        const preHandler = (request: FastifyRequest, reply: FastifyReply) => authorizeZentitle2(request, reply, deps);
        for (const operation of operations) scope.route<Zentitle2Route>({ ...operation, preHandler });
        // Engine refusals of any operation, fastify's own (413…), unknown paths and methods: all as ApiError.
        registerVendorErrorAnswers(scope, operations, { own: (error, reply) => sendEngineError(reply, error), answer: sendApiError });
      },
      { prefix: WEBHOOKS },
    );
  },
  refuse(request, reply, status, message) {
    return request.url.startsWith(ZENTITLE2_REALMS_PREFIX) ? refuseTokenRequest(reply, status, message) : sendApiError(reply, status, message);
  },
  access(origin, { zentitle2 }) {
    return {
      baseUrl: origin,
      authentication: `OAuth 2.0 client credentials: POST the client id and secret to ${zentitle2TokenPath(zentitle2.tenantId)} for a Bearer token with scope ${WEBHOOKS_SCOPE}; send the N-TenantId header on every call.`,
      credentials: [
        { name: 'N-TenantId', value: zentitle2.tenantId, secret: false },
        { name: 'Client id', value: zentitle2.clientId, secret: false },
        { name: 'Client secret', value: zentitle2.clientSecret, secret: true },
      ],
      firstCall: origin
        ? [
            `curl -i -X POST ${shellQuoted(`${origin}${zentitle2TokenPath(zentitle2.tenantId)}`)}`,
            `-d grant_type=client_credentials -d ${shellQuoted(`client_id=${zentitle2.clientId}`)} -d ${shellQuoted(`client_secret=${zentitle2.clientSecret}`)}`,
          ].join(' ')
        : null,
      placeholders: origin ? exportPlaceholders(origin, zentitle2) : {},
      endpoints: [
        { method: 'POST', path: zentitle2TokenPath('{tenantId}'), summary: 'Access token (OAuth 2.0 client credentials), Keycloak-shaped', assumed: true },
        { method: 'POST', path: WEBHOOKS, summary: 'Create a webhook { uri, subscriptions } → 201 WebhookModel', assumed: false },
        { method: 'GET', path: `${WEBHOOKS}?pageNumber=&pageSize=`, summary: 'List webhooks → { items, pageSize, pageNumber, elementsTotal }', assumed: false },
        {
          method: 'GET',
          path: `${WEBHOOKS}/events`,
          summary: 'The event codes to subscribe to → { items: [{ type, code, description }], elementsTotal }',
          assumed: false,
        },
        { method: 'GET', path: `${WEBHOOKS}/{webhookListenerId}`, summary: 'One webhook → WebhookModel', assumed: false },
        { method: 'PUT', path: `${WEBHOOKS}/{webhookListenerId}`, summary: 'Replace uri and subscriptions → 204', assumed: false },
        { method: 'DELETE', path: `${WEBHOOKS}/{webhookListenerId}`, summary: 'Delete a webhook → 204', assumed: false },
        { method: 'POST', path: `${WEBHOOKS}/{webhookListenerId}/test`, summary: 'Send the Test event to the webhook URL, not retried → 204', assumed: false },
      ],
    };
  },
};
