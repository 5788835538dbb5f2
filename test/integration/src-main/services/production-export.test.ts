import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../../../src-shared/contracts/app-contract.ts';
import type { ProductionExport } from '../../../../src-shared/domain/production-export.ts';
import type { WebhookInput } from '../../../../src-shared/domain/webhook.ts';
import { vendorProfiles } from '../../../../src-main/vendors/vendor-registry.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { readSentinelSeed } from '../../../fixtures/seed-documents.ts';
import { startSubscriber } from '../../../fixtures/subscriber-endpoint.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const VENDORS_MD = fileURLToPath(new URL('../../../../../shared/VENDORS.md', import.meta.url));
const CURL = '/usr/bin/curl';
const PUBLIC_URL = 'https://licensing.example.com/hooks/ems';
const PASSWORD = 'pa55-w0rd-never-written';
const CLIENT_SECRET = 'client-secret-never-written';

/** Seed 002's webhook attributes as VENDORS.md lists them ("Event (required), Name (…), …"). */
/** An exported script written to a file, checked to be valid bash that refuses to run while a placeholder is left. */
function refusingScript(script: string, name: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, script);
  execFileSync('bash', ['-n', path]);
  expect(() => execFileSync('bash', [path], { stdio: 'pipe' })).toThrow(/placeholders/);
  return path;
}

function vendorsMdSentinelAttributes(): string[] {
  const text = readFileSync(VENDORS_MD, 'utf8');
  const bullet = /\*\*Webhook attributes\*\*:([\s\S]*?)\n- \*\*/
    .exec(text)![1]!
    .replace(/`[^`]*`/g, '')
    .replace(/\s+/g, ' ');
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of bullet) {
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (depth === 0 && (char === ',' || char === '.')) {
      names.push(current.trim());
      current = '';
    } else if (depth === 0) current += char;
  }
  return names.filter(Boolean);
}

/** "Endpoint URL" → "endpointUrl": the JSON key Hooklab assumes for an attribute (the seed shows none). */
function camelCase(attribute: string): string {
  return attribute
    .split(' ')
    .map((word, index) => (index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase()))
    .join('');
}

const sentinelWebhook = (overrides: Partial<WebhookInput> = {}): WebhookInput => ({
  vendor: 'sentinel-ems',
  name: 'Entitlements to ERP',
  events: ['Entitlement Added'],
  endpointUrl: PUBLIC_URL,
  activities: ['Add Entitlement'],
  condition: "entitlement.state == 'ENABLE'",
  description: 'Sync new entitlements',
  includeData: false,
  ...overrides,
});

async function basicSentinelWebhook(api: AppApi, overrides: Partial<WebhookInput> = {}) {
  const auth = await api.createAuthProfile({ kind: 'basic', name: 'ERP Basic', username: 'erp', password: PASSWORD });
  return api.createWebhook(sentinelWebhook({ authProfileId: auth.id, ...overrides }));
}

const everything = (result: ProductionExport) => JSON.stringify(result);

describe("exportProductionConfig: webhooks in their vendors' REST API formats", () => {
  it('Sentinel EMS: Add Webhook carries exactly the attributes of VENDORS.md / seed 002, after Add Authentication Profile', async (context) => {
    if (!existsSync(VENDORS_MD)) return context.skip(`${VENDORS_MD} is not beside the project`);
    const { api } = await startTestService();
    const webhook = await basicSentinelWebhook(api, { enabled: false });
    const attributes = vendorsMdSentinelAttributes();
    expect(attributes).toEqual(expect.arrayContaining(['Event', 'Name', 'Endpoint URL', 'Include Data', 'Enable Webhook']));
    const seed = readSentinelSeed();
    for (const attribute of attributes) expect(seed, attribute).toContain(attribute);

    const [exported] = (await api.exportProductionConfig({})).webhooks;
    expect(exported!.requests.map((request) => request.operation)).toEqual(['Add Authentication Profile', 'Add Webhook']);
    const [profile, add] = exported!.requests;
    expect(profile!.body).toEqual({ name: 'ERP Basic', type: 'BASIC', username: 'erp', password: '{{BASIC_PASSWORD}}' });
    expect(Object.keys(add!.body as object).sort()).toEqual(attributes.map(camelCase).sort());
    expect(add!.body).toEqual({
      event: 'Entitlement Added',
      name: webhook.name,
      endpointUrl: PUBLIC_URL,
      authenticationProfile: { name: 'ERP Basic' },
      filterActivities: ['Add Entitlement'],
      triggerConditions: "entitlement.state == 'ENABLE'",
      description: 'Sync new entitlements',
      includeData: false,
      enableWebhook: false,
    });
    expect(add!.url).toMatch(/^\{\{EMS_BASE_URL\}\}\//);
    expect(exported!.notes.join(' ')).toMatch(/assumption/);
  });

  it('secrets are placeholders by default and real only with includeSecrets', async () => {
    const { api } = await startTestService();
    await basicSentinelWebhook(api);
    const oauth = await api.createAuthProfile({
      kind: 'oauth2',
      name: 'Subscriber tokens',
      tokenUrl: 'https://auth.example.com/oauth/token',
      clientId: 'ens-client',
      clientSecret: CLIENT_SECRET,
    });
    await api.createWebhook({
      vendor: 'cloudevents',
      name: 'CE',
      events: ['com.hooklab.licensing.customer.created'],
      endpointUrl: PUBLIC_URL,
      authProfileId: oauth.id,
    });

    const safe = await api.exportProductionConfig({});
    expect(everything(safe)).not.toContain(PASSWORD);
    expect(everything(safe)).not.toContain(CLIENT_SECRET);
    expect(safe.webhooks.find((webhook) => webhook.vendor === 'cloudevents')!.registration).toMatchObject({
      subscriberWebhookUrl: PUBLIC_URL,
      tokenServiceUrl: 'https://auth.example.com/oauth/token',
      clientId: 'ens-client',
      clientSecret: '{{OAUTH_CLIENT_SECRET}}',
    });

    const full = await api.exportProductionConfig({ includeSecrets: true });
    const sentinel = full.webhooks.find((webhook) => webhook.vendor === 'sentinel-ems')!;
    expect(sentinel.requests[0]!.body).toMatchObject({ password: PASSWORD });
    expect(full.files.find((file) => file.name === 'entitlements-to-erp.sh')!.content).toContain(PASSWORD);
    expect(full.webhooks.find((webhook) => webhook.vendor === 'cloudevents')!.registration).toMatchObject({ clientSecret: CLIENT_SECRET });
  });

  it('warns, naming webhook and field, about a localhost URL, a custom retry policy and Standard Webhooks signing', async () => {
    const { api } = await startTestService();
    const local = await basicSentinelWebhook(api, { name: 'Local', endpointUrl: 'http://localhost:8080/hooks' });
    const authProfileId = local.authProfileId;
    const retried = await api.createWebhook(sentinelWebhook({ name: 'Retried', authProfileId, retryPolicy: { kind: 'fixed', intervalsMs: [1000] } }));
    const signed = await api.createWebhook(sentinelWebhook({ name: 'Signed', authProfileId }));
    await api.addSigningSecret({ webhookId: signed.id });
    const clean = await api.createWebhook(sentinelWebhook({ name: 'Clean', authProfileId }));

    const { warnings } = await api.exportProductionConfig({ webhookIds: [local.id, retried.id, signed.id, clean.id] });
    expect(warnings).toEqual([
      { webhook: 'Local', field: 'endpointUrl', message: expect.stringMatching(/localhost:8080.*cannot reach: exported as \{\{ENDPOINT_URL\}\}/) },
      { webhook: 'Retried', field: 'retryPolicy', message: expect.stringMatching(/custom retry policy/) },
      { webhook: 'Signed', field: 'signingSecrets', message: expect.stringMatching(/Standard Webhooks/) },
    ]);
  });

  it("FlexNet ENS: authenticate, then configure the category's URL with the tenant's one shared Basic user (POST, or PATCH once configured); Zentitle2: { uri, subscriptions }", async () => {
    const { api } = await startTestService();
    const tenant = await api.createAuthProfile({ kind: 'basic', name: 'Tenant', username: 'ens-user', password: PASSWORD });
    await api.updateVendorAccount({ vendor: 'flexnet', authProfileId: tenant.id });
    await api.createWebhook({ vendor: 'flexnet', name: 'Entitlements', events: ['ENT CREATE', 'ENT UPDATE', 'ENT DELETE'], endpointUrl: PUBLIC_URL });
    await api.createWebhook({
      vendor: 'zentitle2',
      name: 'Seats',
      events: ['entitlement.seat.activated', 'entitlement.seat.deactivated'],
      endpointUrl: PUBLIC_URL,
    });

    const result = await api.exportProductionConfig({ includeSecrets: true });
    const [flexnet, zentitle2] = result.webhooks;
    const configuration = {
      authType: 'basic',
      basicUserId: 'ens-user',
      basicPassword: PASSWORD,
      entitlementSubscription: 'true',
      entitlementWebhookUrl: PUBLIC_URL,
      includeLineItemCustomAttributes: 'false',
    };
    expect(flexnet!.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '{{FLEXNET_ENS_URL}}/api/v1/authenticate',
        headers: { Authorization: 'Fno {{FLEXNET_API_CREDENTIALS_BASE64}}' },
        keep: { field: 'token', variable: 'ENS_TOKEN' },
      }),
      expect.objectContaining({ method: 'POST', url: '{{FLEXNET_ENS_URL}}/api/v1/notificationService', body: configuration, alsoAccepted: [409] }),
      expect.objectContaining({ method: 'PATCH', url: '{{FLEXNET_ENS_URL}}/api/v1/notificationService', body: configuration }),
    ]);
    expect(flexnet!.requests[1]!.headers).toEqual({ Authorization: 'Bearer ${ENS_TOKEN}', 'Content-Type': 'application/json' });
    expect(flexnet!.notes.join(' ')).toMatch(/Hooklab assumptions/);
    expect(zentitle2!.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '{{ZENTITLE2_TOKEN_URL}}',
        form: { grant_type: 'client_credentials', client_id: '{{ZENTITLE2_CLIENT_ID}}', client_secret: '{{ZENTITLE2_CLIENT_SECRET}}' },
        keep: { field: 'access_token', variable: 'ZENTITLE2_ACCESS_TOKEN' },
      }),
      expect.objectContaining({
        method: 'POST',
        url: '{{ZENTITLE2_API_URL}}/api/v1/account/webhooks',
        headers: { Authorization: 'Bearer ${ZENTITLE2_ACCESS_TOKEN}', 'N-TenantId': '{{ZENTITLE2_TENANT_ID}}', 'Content-Type': 'application/json' },
        body: { uri: PUBLIC_URL, subscriptions: ['entitlement.seat.activated', 'entitlement.seat.deactivated'] },
      }),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('an unknown webhook id is refused, naming the entry', async () => {
    const { api } = await startTestService();
    const error = await rejection(api.exportProductionConfig({ webhookIds: ['nope'] }));
    expect(error.code).toBe('invalid_input');
    expect(error.details).toEqual({ issues: [{ path: 'webhookIds[0]', message: 'no webhook has id "nope"' }] });
  });

  it('the curl script is valid bash, refuses to run with placeholders left, and filled in sends the exported bodies', async (context) => {
    if (!existsSync(CURL)) return context.skip(`${CURL} is not installed`);
    const { api } = await startTestService();
    await basicSentinelWebhook(api);
    const server = await startSubscriber((_request, _index, reply) => reply.code(201).send({ id: 'created' }));
    const result = await api.exportProductionConfig({});
    const script = result.files.find((file) => file.name === 'entitlements-to-erp.sh')!.content;
    const path = refusingScript(script, 'export.sh');
    expect(server.received).toEqual([]);

    const filled = script
      .replaceAll('{{EMS_BASE_URL}}', `${server.url}/ems`)
      .replaceAll('{{EMS_API_USER}}', 'api-user')
      .replaceAll('{{EMS_API_PASSWORD}}', 'api-password')
      .replaceAll('{{BASIC_PASSWORD}}', 'filled-in');
    writeFileSync(path, filled);
    // Not execFileSync: the test server answering curl runs on this process's event loop.
    await promisify(execFile)('bash', [path], { timeout: 20_000 });

    const [profileRequest, webhookRequest] = result.webhooks[0]!.requests;
    expect(server.received.map((request) => [request.method, request.url])).toEqual([
      ['POST', profileRequest!.url.replace('{{EMS_BASE_URL}}', '/ems')],
      ['POST', webhookRequest!.url.replace('{{EMS_BASE_URL}}', '/ems')],
    ]);
    expect(JSON.parse(server.received[0]!.body.toString('utf8'))).toEqual({ ...(profileRequest!.body as object), password: 'filled-in' });
    expect(JSON.parse(server.received[1]!.body.toString('utf8'))).toEqual(webhookRequest!.body);
    const basic = `Basic ${Buffer.from('api-user:api-password').toString('base64')}`;
    expect(server.received[0]!.headers).toMatchObject({ authorization: basic, 'content-type': 'application/json' });
    expect(server.received[1]!.headers).toMatchObject({ authorization: basic, 'content-type': 'application/json' });
  });

  it('a local endpoint and token URL become placeholders in every file, never the address production cannot reach', async () => {
    const { api } = await startTestService();
    await basicSentinelWebhook(api, { name: 'Local', endpointUrl: 'http://127.0.0.1:4100/r/demo' });
    const oauth = await api.createAuthProfile({
      kind: 'oauth2',
      name: 'Local tokens',
      tokenUrl: 'http://localhost:4100/oauth/token',
      clientId: 'c',
      clientSecret: 's',
    });
    await api.createWebhook({
      vendor: 'cloudevents',
      name: 'CE local',
      events: ['com.hooklab.licensing.customer.created'],
      endpointUrl: 'http://192.168.1.20/hooks',
      authProfileId: oauth.id,
    });

    const result = await api.exportProductionConfig({});
    // Only the warnings name the addresses, to say what was replaced.
    expect(JSON.stringify(result.webhooks)).not.toMatch(/127\.0\.0\.1:4100|localhost:4100|192\.168\.1\.20/);
    expect(result.warnings.map((warning) => warning.field)).toEqual(['endpointUrl', 'endpointUrl', 'tokenUrl']);
    const sentinel = result.webhooks.find((webhook) => webhook.vendor === 'sentinel-ems')!;
    expect(sentinel.requests.at(-1)!.body).toMatchObject({ endpointUrl: '{{ENDPOINT_URL}}' });
    expect(result.webhooks.find((webhook) => webhook.vendor === 'cloudevents')!.registration).toMatchObject({
      subscriberWebhookUrl: '{{ENDPOINT_URL}}',
      tokenServiceUrl: '{{TOKEN_URL}}',
    });
    expect(result.files.map((file) => file.name)).toEqual(['local.json', 'local.sh', 'ce-local.json', 'ce-local.sh']);
    for (const file of result.files) expect(file.content).not.toMatch(/4100|192\.168/);
  });

  it('CloudEvents gets a script too: filled in, it fetches a client-credentials token and sends one CloudEvent with it', async (context) => {
    if (!existsSync(CURL)) return context.skip(`${CURL} is not installed`);
    const { api } = await startTestService();
    const server = await startSubscriber((request, _index, reply) =>
      request.url === '/oauth/token' ? reply.send({ access_token: 'token-from-service', token_type: 'Bearer', expires_in: 60 }) : reply.code(204).send(),
    );
    const oauth = await api.createAuthProfile({
      kind: 'oauth2',
      name: 'Tokens',
      tokenUrl: 'https://auth.example.com/oauth/token',
      clientId: 'ens-client',
      clientSecret: CLIENT_SECRET,
      scope: 'events',
    });
    await api.createWebhook({
      vendor: 'cloudevents',
      name: 'CE',
      events: ['com.hooklab.licensing.customer.created'],
      endpointUrl: PUBLIC_URL,
      authProfileId: oauth.id,
    });
    const result = await api.exportProductionConfig({});
    const script = result.files.find((file) => file.name === 'ce.sh')!.content;
    const path = refusingScript(script, 'ce.sh');

    writeFileSync(
      path,
      script
        .replaceAll('https://auth.example.com/oauth/token', `${server.url}/oauth/token`)
        .replaceAll(PUBLIC_URL, `${server.url}/hooks`)
        .replaceAll('{{OAUTH_CLIENT_SECRET}}', 'filled-in'),
    );
    await promisify(execFile)('bash', [path], { timeout: 20_000 });

    const [tokenRequest, eventRequest] = server.received;
    expect(tokenRequest!.headers.authorization).toBe(`Basic ${Buffer.from('ens-client:filled-in').toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(tokenRequest!.body.toString('utf8')))).toEqual({ grant_type: 'client_credentials', scope: 'events' });
    expect(eventRequest!.url).toBe('/hooks');
    expect(eventRequest!.headers).toMatchObject({ authorization: 'Bearer token-from-service', 'content-type': 'application/cloudevents+json' });
    expect(JSON.parse(eventRequest!.body.toString('utf8'))).toMatchObject({
      specversion: '1.0',
      type: 'com.hooklab.licensing.customer.created',
      datacontenttype: 'application/json',
    });
  });

  it('speaks of the vendors\' documentation, never of "seed 002" or "the seeds": catalogs, retry notes, export files and warnings', async () => {
    const { api } = await startTestService();
    await basicSentinelWebhook(api, { endpointUrl: 'http://127.0.0.1:9/x', retryPolicy: { kind: 'fixed', intervalsMs: [1000] } });
    await api.createWebhook({ vendor: 'flexnet', name: 'Entitlements', events: ['ENT CREATE'], endpointUrl: PUBLIC_URL });
    await api.createWebhook({
      vendor: 'zentitle2',
      name: 'Seats',
      events: ['entitlement.seat.activated'],
      endpointUrl: PUBLIC_URL,
      retryPolicy: { kind: 'fixed', intervalsMs: [1000] },
    });
    await api.createWebhook({
      vendor: 'cloudevents',
      name: 'CE',
      events: ['com.hooklab.licensing.customer.created'],
      endpointUrl: PUBLIC_URL,
      retryPolicy: { kind: 'fixed', intervalsMs: [1000] },
    });
    const SEED_WORDING = /seed \d{3}|\bthe seeds?\b|\bseeds? (give|show|say)/i;

    const result = await api.exportProductionConfig({});
    expect(result.webhooks).toHaveLength(4);
    expect(everything(result)).not.toMatch(SEED_WORDING);
    expect(JSON.stringify(vendorCatalogs)).not.toMatch(SEED_WORDING);
    expect(
      Object.values(vendorProfiles)
        .map((profile) => profile.retryPolicySource)
        .join(' '),
    ).not.toMatch(SEED_WORDING);
  });
});
