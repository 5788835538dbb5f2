import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import type { FiredEvent } from '../../../../src-shared/domain/event.ts';
import type { AccountPublicKey } from '../../../../src-shared/domain/vendor-account.ts';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { runHooklab, runHooklabJson } from '../../../fixtures/cli-process.ts';
import { closedPort, startEndpoint } from '../../../fixtures/http-endpoint.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

type TestOutput = { event: FiredEvent; deliveries: DeliverySummary[]; timedOut: boolean };

async function addZentitle2(dataDir: string, name: string, url: string): Promise<Webhook> {
  return runHooklabJson<Webhook>(dataDir, ['webhook', 'add', '--vendor', 'zentitle2', '--name', name, '--event', 'customer.created', '--url', url, '--json']);
}

describe('hooklab webhook test', () => {
  it('sends the webhook the Test event and waits: empty payload, its id as resource id, signed with the account key', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const endpoint = await startEndpoint(() => ({ ok: true }));
    try {
      const webhook = await addZentitle2(dataDir, 'z', `${endpoint.url}/hooks`);
      const sent = await runHooklabJson<TestOutput>(dataDir, ['webhook', 'test', 'z', '--json']);
      expect(sent.timedOut).toBe(false);
      expect(sent.deliveries.map((delivery) => [delivery.webhookName, delivery.status, delivery.attemptCount])).toEqual([['z', 'succeeded', 1]]);

      const [request] = endpoint.received;
      expect(JSON.parse(request!.body.toString())).toMatchObject({ eventCode: 'webhook.test', resourceId: webhook.id, callAttempt: 1, payload: null });
      const key = await runHooklabJson<AccountPublicKey>(dataDir, ['vendor', 'key', 'zentitle2', '--json']);
      const fromModulus = createPublicKey({ key: { kty: 'RSA', n: key.modulusBase64Url, e: 'AQAB' }, format: 'jwk' });
      expect(verify('sha256', request!.body, fromModulus, Buffer.from(request!.headers['n-signature'] as string, 'base64'))).toBe(true);
    } finally {
      await endpoint.close();
    }
  });

  it('exits 1 when the one try fails: the delivery is failed after exactly one attempt', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    await addZentitle2(dataDir, 'down', `http://127.0.0.1:${await closedPort()}/hooks`);
    const sent = await runHooklabJson<TestOutput>(dataDir, ['webhook', 'test', 'down', '--json'], 1);
    expect(sent.timedOut).toBe(false);
    expect(sent.deliveries).toEqual([expect.objectContaining({ status: 'failed', attemptCount: 1, nextAttemptAt: null })]);
  });

  it('exits 2 for a webhook of another vendor, naming it, and sends nothing', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const result = await runHooklab(dataDir, ['webhook', 'test', 'Demo - Entitlement Added']);
    expect([result.code, result.stderr]).toEqual([
      2,
      'hooklab: <webhook>: "Demo - Entitlement Added" is a Thales Sentinel EMS webhook; only Nalpeiron Zentitle2 webhooks have a Test action\n',
    ]);
    expect(await runHooklabJson<{ deliveries: unknown[] }>(dataDir, ['deliveries', 'list'])).toMatchObject({ deliveries: [] });
  });
});
