import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CHECK_REQUEST_BODY_KEPT, type CheckOutcome, type CheckProgress, type CheckRun } from '../../../../src-shared/domain/endpoint-check.ts';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { createKeyFileSecretBox } from '../../../../src-main/platform/key-file-secret-box.ts';
import { tokenSigningKey } from '../../../../src-main/receiver/token-signing-key.ts';
import { CHECK_CASES } from '../../../../src-main/endpoint-check/endpoint-check-run.ts';
import type { AppService } from '../../../../src-main/services/app-service.ts';
import { DATABASE_FILE } from '../../../../src-main/storage/database.ts';
import { SettingsRepository } from '../../../../src-main/storage/settings-repository.ts';
import { firstEventOf } from '../../../../src-shared/vendors/catalogs.ts';
import { CLOUDEVENTS_REQUEST_ORIGIN } from '../../../../src-shared/vendors/cloudevents/catalog.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';
import { closedPort, startEndpoint } from '../../../fixtures/http-endpoint.ts';
import { startReferenceEndpoint, type ReferenceFlaw, type SubscriberSecrets } from '../../../fixtures/reference-endpoints.ts';

const PASSWORD = 'correct horse battery staple';
const AUDIENCE = 'https://licensing-hooks.example/';

/** The receiver's token key, read from the workspace as a subscriber would be handed it. */
function workspaceTokenKey(service: AppService): Uint8Array {
  const db = new Database(join(service.info.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return tokenSigningKey(new SettingsRepository(db), createKeyFileSecretBox(service.info.dataDir));
  } finally {
    db.close();
  }
}

/** A webhook named "checked" of `vendor`, set up with that vendor's credentials and signing; the subscriber's copy of them. */
async function setUpVendor(service: AppService, vendor: VendorId, name = 'checked'): Promise<SubscriberSecrets> {
  const { api } = service;
  const webhook = (authProfileId: string | null) =>
    api.createWebhook({ vendor, name, events: [firstEventOf(vendor).eventName], endpointUrl: 'http://127.0.0.1:9/unused', authProfileId });
  if (vendor === 'sentinel-ems') {
    const profile = await api.createAuthProfile({ kind: 'basic', name: 'ems', username: 'ems', password: PASSWORD });
    const created = await webhook(profile.id);
    const { secret } = await api.addSigningSecret({ webhookId: created.id });
    return { basic: { username: 'ems', password: PASSWORD }, standardWebhooksSecret: secret };
  }
  if (vendor === 'flexnet') {
    const profile = await api.createAuthProfile({ kind: 'basic', name: 'fno', username: 'fno', password: PASSWORD });
    await api.updateVendorAccount({ vendor, authProfileId: profile.id });
    await webhook(null);
    return { basic: { username: 'fno', password: PASSWORD } };
  }
  if (vendor === 'zentitle2') {
    await webhook(null);
    const account = await api.getVendorAccount({ vendor });
    return { nSignaturePublicKeyPem: account.signingKey!.pem };
  }
  const client = await api.createReceiverClient({ name: 'hooks' });
  const tokenUrl = `${service.info.receiverUrl}/oauth/token`;
  const profile = await api.createAuthProfile({
    kind: 'oauth2',
    name: 'ce',
    tokenUrl,
    clientId: client.client.clientId,
    clientSecret: client.clientSecret,
    audience: AUDIENCE,
  });
  await webhook(profile.id);
  return { jwt: { key: workspaceTokenKey(service), issuer: service.info.receiverUrl, audience: AUDIENCE }, cloudEventsOrigin: CLOUDEVENTS_REQUEST_ORIGIN };
}

type Outcomes = Record<string, CheckOutcome>;

const ALL_SKIPPED: Outcomes = Object.fromEntries(CHECK_CASES.map((check) => [check.id, 'skipped']));
/** The cases every vendor's careful endpoint earns, whatever its credentials and signing. */
const EVERY_VENDOR: Outcomes = {
  ...ALL_SKIPPED,
  'delivery.valid': 'pass',
  'at-least-once.duplicate': 'pass',
  'at-least-once.out-of-order': 'advisory',
  'bad-bodies.malformed': 'pass',
  'bad-bodies.oversized': 'pass',
};

/** What the careful endpoint of each vendor earns: every case that applies passes (the reorder one is for the user to judge). */
const CORRECT: Record<VendorId, Outcomes> = {
  'sentinel-ems': {
    ...EVERY_VENDOR,
    'standard-webhooks.missing-headers': 'pass',
    'standard-webhooks.wrong-secret': 'pass',
    'standard-webhooks.stale-timestamp': 'pass',
    'standard-webhooks.replayed-id': 'pass',
    'auth.missing': 'pass',
    'auth.basic-wrong-password': 'pass',
  },
  flexnet: {
    ...EVERY_VENDOR,
    'auth.missing': 'pass',
    'auth.basic-wrong-password': 'pass',
  },
  zentitle2: {
    ...EVERY_VENDOR,
    'n-signature.forged': 'pass',
    'n-signature.tampered-body': 'pass',
    'n-signature.other-key': 'pass',
  },
  cloudevents: {
    ...EVERY_VENDOR,
    'cloudevents.handshake': 'pass',
    'cloudevents.structured': 'pass',
    'cloudevents.binary': 'pass',
    'auth.missing': 'pass',
    'auth.oauth-unknown-token': 'pass',
    'auth.oauth-expired-token': 'pass',
    'auth.oauth-wrong-audience': 'pass',
  },
};

/** The cases a flaw turns from pass into fail (or, for the advisory replay case, into advisory). */
const FLAWED: Record<Exclude<ReferenceFlaw, 'none'>, Outcomes> = {
  'skips-signature-verification': {
    'n-signature.forged': 'fail',
    'n-signature.tampered-body': 'fail',
    'n-signature.other-key': 'fail',
    'standard-webhooks.missing-headers': 'fail',
    'standard-webhooks.wrong-secret': 'fail',
    'standard-webhooks.stale-timestamp': 'fail',
    'standard-webhooks.replayed-id': 'advisory',
  },
  'accepts-any-credentials': {
    'auth.missing': 'fail',
    'auth.basic-wrong-password': 'fail',
    'auth.oauth-unknown-token': 'fail',
    'auth.oauth-expired-token': 'fail',
    'auth.oauth-wrong-audience': 'fail',
  },
};

function expectedOutcomes(vendor: VendorId, flaw: ReferenceFlaw): Outcomes {
  const correct = CORRECT[vendor];
  if (flaw === 'none') return correct;
  // A flaw changes only cases that apply to the vendor's setup.
  const changed = Object.entries(FLAWED[flaw]).filter(([caseId]) => correct[caseId] !== 'skipped');
  return { ...correct, ...Object.fromEntries(changed) };
}

const outcomesOf = (run: CheckRun): Outcomes => Object.fromEntries(run.cases.map((result) => [result.caseId, result.outcome]));

const VENDORS: VendorId[] = ['sentinel-ems', 'flexnet', 'zentitle2', 'cloudevents'];
const FLAWS: ReferenceFlaw[] = ['none', 'skips-signature-verification', 'accepts-any-credentials'];

describe('endpoint check against reference endpoints on 127.0.0.1', () => {
  it.each(VENDORS)(
    '%s: the exact outcome of every case for the correct endpoint and each flawed one',
    async (vendor) => {
      const service = await startTestService();
      const secrets = await setUpVendor(service, vendor);
      for (const flaw of FLAWS) {
        const endpoint = await startReferenceEndpoint(secrets, flaw);
        try {
          const progress: CheckProgress[] = [];
          const unsubscribe = service.api.onEndpointCheckProgress((event) => progress.push(event));
          const run = await service.api.runEndpointCheck({ url: `${endpoint.url}/hooks`, vendor, webhook: 'checked' });
          unsubscribe();
          const expected = expectedOutcomes(vendor, flaw);
          expect(outcomesOf(run), `${vendor}, endpoint flaw: ${flaw}`).toEqual(expected);
          expect(run.passed, `${vendor}, endpoint flaw: ${flaw}`).toBe(!Object.values(expected).includes('fail'));
          expect(progress.map((event) => event.result.caseId)).toEqual(CHECK_CASES.map((check) => check.id));
          expect(progress.every((event) => event.runId === run.id && event.total === CHECK_CASES.length)).toBe(true);
          // The run is kept whole: what was sent, credentials included, comes back as sent; of the
          // oversized body only its start, with the size sent.
          expect(await service.api.getEndpointCheckRun({ id: run.id })).toEqual(run);
          const [oversized] = run.cases.find((result) => result.caseId === 'bad-bodies.oversized')!.exchanges;
          expect(oversized!.requestBodyBytes).toBeGreaterThan(2 * 1024 * 1024);
          expect(oversized!.request.body).toHaveLength(CHECK_REQUEST_BODY_KEPT);
        } finally {
          await endpoint.close();
        }
      }
    },
    120_000,
  );

  it('at a 3600× time scale the cases still carry wall-clock timestamps and token times, so a correct endpoint passes them', async () => {
    const service = await startTestService({ timeScale: 3600 });
    for (const vendor of ['sentinel-ems', 'cloudevents'] as const) {
      const endpoint = await startReferenceEndpoint(await setUpVendor(service, vendor, `checked ${vendor}`), 'none');
      try {
        const run = await service.api.runEndpointCheck({ url: endpoint.url, vendor, webhook: `checked ${vendor}` });
        expect(outcomesOf(run), vendor).toEqual(CORRECT[vendor]);
      } finally {
        await endpoint.close();
      }
    }
  });

  it('a static Bearer token: a wrong one gets 401 from the correct endpoint, and passes the one that accepts any credentials', async () => {
    const service = await startTestService();
    const profile = await service.api.createAuthProfile({ kind: 'bearer', name: 'static', token: 'the-token' });
    await service.api.createWebhook({
      vendor: 'cloudevents',
      name: 'checked',
      events: [firstEventOf('cloudevents').eventName],
      endpointUrl: 'http://127.0.0.1:9/unused',
      authProfileId: profile.id,
    });
    for (const [flaw, outcome] of [
      ['none', 'pass'],
      ['accepts-any-credentials', 'fail'],
    ] as const) {
      const endpoint = await startReferenceEndpoint({ bearer: 'the-token', cloudEventsOrigin: CLOUDEVENTS_REQUEST_ORIGIN }, flaw);
      try {
        const run = await service.api.runEndpointCheck({ url: endpoint.url, vendor: 'cloudevents', webhook: 'checked' });
        const cloudEvents = { 'cloudevents.handshake': 'pass', 'cloudevents.structured': 'pass', 'cloudevents.binary': 'pass' } as const;
        expect(outcomesOf(run)).toEqual({ ...EVERY_VENDOR, ...cloudEvents, 'auth.missing': outcome, 'auth.bearer-wrong-token': outcome });
      } finally {
        await endpoint.close();
      }
    }
  });

  it("without a webhook, the vendor's defaults: no credentials and no Standard Webhooks signature, so those cases are skipped and say why", async () => {
    const service = await startTestService();
    const endpoint = await startReferenceEndpoint({}, 'none');
    try {
      const run = await service.api.runEndpointCheck({ url: endpoint.url, vendor: 'sentinel-ems' });
      expect(outcomesOf(run)).toEqual(EVERY_VENDOR);
      expect(run.webhookName).toBeNull();
      const verdicts = Object.fromEntries(run.cases.map((result) => [result.caseId, result.verdict]));
      expect(verdicts['auth.missing']).toBe('the webhook sends no credentials');
      expect(verdicts['standard-webhooks.wrong-secret']).toBe('no webhook given: requests carry no Standard Webhooks signature');
      // The reordering case sends the same entity's newer update, then one a minute older (Sentinel's opDatetime).
      const [newer, older] = run.cases
        .find((result) => result.caseId === 'at-least-once.out-of-order')!
        .exchanges.map((exchange) => JSON.parse(exchange.request.body) as { opDatetime: string });
      expect(Date.parse(`${newer.opDatetime}Z`) - Date.parse(`${older.opDatetime}Z`)).toBe(60_000);
      // The duplicate is the same event twice: the same body (Sentinel has no attempt counter in it).
      const [first, again] = run.cases.find((result) => result.caseId === 'at-least-once.duplicate')!.exchanges;
      expect(again.request.body).toBe(first.request.body);
    } finally {
      await endpoint.close();
    }
  });

  it('a webhook of another vendor, or none of that name, is refused naming the webhook, and no run is kept', async () => {
    const service = await startTestService();
    await service.api.createWebhook({ name: 'ems', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/unused' });
    await expect(service.api.runEndpointCheck({ url: 'http://127.0.0.1:9/x', vendor: 'flexnet', webhook: 'ems' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'webhook: is a sentinel-ems webhook, not flexnet',
    });
    await expect(service.api.runEndpointCheck({ url: 'http://127.0.0.1:9/x', vendor: 'flexnet', webhook: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await service.api.listEndpointCheckRuns()).toEqual([]);
  });

  it("an endpoint that hangs: the valid delivery ends at the webhook's deadline and fails; the rest are not sent, each saying why", async () => {
    const service = await startTestService();
    await service.api.createWebhook({ name: 'quick', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/unused', timeoutMs: 1_000 });
    const endpoint = await startEndpoint(() => new Promise(() => {}));
    try {
      const started = performance.now();
      const run = await service.api.runEndpointCheck({ url: endpoint.url, vendor: 'sentinel-ems', webhook: 'quick' });
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(run.passed).toBe(false);
      const valid = run.cases.find((result) => result.caseId === 'delivery.valid')!;
      expect(valid).toMatchObject({ outcome: 'fail', verdict: 'no answer (no complete answer within 1 s)' });
      expect(endpoint.received).toHaveLength(1);
      const after = run.cases.slice(run.cases.indexOf(valid) + 1);
      expect(after.length).toBeGreaterThan(0);
      for (const result of after) {
        expect(result).toMatchObject({ outcome: 'skipped', exchanges: [] });
        expect(result.verdict).toBe('not sent: delivery.valid got no answer (no complete answer within 1 s), so the endpoint is down or hangs');
      }
    } finally {
      await endpoint.close();
    }
  }, 60_000);

  it('a CloudEvents endpoint that is down: the handshake fails with the connection error and nothing else is sent', async () => {
    const service = await startTestService();
    const port = await closedPort();
    const run = await service.api.runEndpointCheck({ url: `http://127.0.0.1:${port}/hooks`, vendor: 'cloudevents' });
    expect(run.cases[0]).toMatchObject({ caseId: 'cloudevents.handshake', outcome: 'fail' });
    expect(run.cases[0].verdict).toMatch(/ECONNREFUSED/);
    expect(
      run.cases.slice(1).every((result) => result.outcome === 'skipped' && result.verdict.startsWith('not sent: cloudevents.handshake got no answer')),
    ).toBe(true);
  });

  it('an OAuth webhook whose token URL is down: the valid delivery fails unsent, and the rest are not sent, each saying why', async () => {
    const service = await startTestService();
    const tokenUrl = `http://127.0.0.1:${await closedPort()}/oauth/token`;
    const profile = await service.api.createAuthProfile({ kind: 'oauth2', name: 'down', tokenUrl, clientId: 'c', clientSecret: 's' });
    await service.api.createWebhook({ name: 'oauth', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/unused', authProfileId: profile.id });
    const endpoint = await startEndpoint((_request, _index, reply) => reply.code(204).send());
    try {
      const run = await service.api.runEndpointCheck({ url: endpoint.url, vendor: 'sentinel-ems', webhook: 'oauth' });
      const valid = run.cases.find((result) => result.caseId === 'delivery.valid')!;
      expect(valid).toMatchObject({
        outcome: 'fail',
        exchanges: [],
        verdict: expect.stringMatching(/^not sent: OAuth token from .* could not be reached \(ECONNREFUSED/),
      });
      expect(endpoint.received).toHaveLength(0);
      const after = run.cases.slice(run.cases.indexOf(valid) + 1);
      expect(after.length).toBeGreaterThan(0);
      for (const result of after) {
        expect(result).toMatchObject({ outcome: 'skipped', exchanges: [] });
        expect(result.verdict).toMatch(/^not sent: delivery\.valid could not be sent \(OAuth token from .* could not be reached/);
      }
    } finally {
      await endpoint.close();
    }
  });

  it('one run per id: a second run with the id of one under way is refused naming runId, and the first goes on', async () => {
    const service = await startTestService();
    await service.api.createWebhook({ name: 'quick', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/unused', timeoutMs: 1_000 });
    const endpoint = await startEndpoint(() => new Promise(() => {}));
    try {
      const first = service.api.runEndpointCheck({ url: endpoint.url, vendor: 'sentinel-ems', webhook: 'quick', runId: 'run-a' });
      await expect(service.api.runEndpointCheck({ url: endpoint.url, vendor: 'sentinel-ems', runId: 'run-a' })).rejects.toMatchObject({
        code: 'conflict',
        message: 'runId: an endpoint check run with id "run-a" exists or is under way',
      });
      expect((await first).id).toBe('run-a');
      await expect(service.api.runEndpointCheck({ url: endpoint.url, vendor: 'sentinel-ems', runId: 'run-a' })).rejects.toMatchObject({ code: 'conflict' });
    } finally {
      await endpoint.close();
    }
  }, 60_000);

  it('closing Hooklab during a run stops it at once; nothing of it is kept', async () => {
    const dataDir = tempDir();
    const service = await startTestService({ dataDir });
    await service.api.createWebhook({ name: 'slow', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/unused', timeoutMs: 60_000 });
    const endpoint = await startEndpoint(() => new Promise(() => {}));
    try {
      const run = service.api.runEndpointCheck({ url: endpoint.url, vendor: 'sentinel-ems', webhook: 'slow' });
      await waitFor(() => endpoint.received.length === 1, 'the first case sent');
      const started = performance.now();
      await service.close();
      await expect(run).rejects.toMatchObject({ code: 'unavailable', message: 'Hooklab closed before the endpoint check ended; the run was not kept' });
      expect(performance.now() - started).toBeLessThan(10_000);
      const reopened = await startTestService({ dataDir });
      expect(await reopened.api.listEndpointCheckRuns({})).toEqual([]);
    } finally {
      await endpoint.close();
    }
  }, 60_000);
});
