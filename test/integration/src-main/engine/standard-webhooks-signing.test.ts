import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../../src-main/storage/database.ts';
import type { AppService } from '../../../../src-main/services/app-service.ts';
import type { Attempt } from '../../../../src-shared/domain/delivery.ts';
import { generateSigningSecret } from '../../../../src-main/engine/standard-webhooks-signature.ts';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const bin = 'signed';

/** A webhook to the receiver's bin `signed`, signed with `secrets` (generated when absent), one event fired. */
async function fireSigned(service: AppService, binSecrets: (webhookSecrets: string[]) => string[], failFirst = 0, webhookSecretCount = 1) {
  const webhook = await service.api.createWebhook({
    name: 'signed',
    events: ['Entitlement Added'],
    endpointUrl: `${service.info.receiverUrl}/r/${bin}/hooks`,
  });
  const webhookSecrets: string[] = [];
  for (let n = 0; n < webhookSecretCount; n += 1) webhookSecrets.push((await service.api.addSigningSecret({ webhookId: webhook.id })).secret);
  await service.api.setBinScript({ bin, script: { failFirst, signingSecrets: binSecrets(webhookSecrets) } });
  const fired = await service.api.fireEvent({ eventName: 'Entitlement Added' });
  const done = await waitForDelivery(service.api, fired.deliveries[0].id, 'succeeded');
  const captures = (await service.api.listCaptures({ bin })).reverse();
  return { webhookSecrets, done, captures };
}

const signatureHeaders = (attempt: Attempt) => ({
  'webhook-id': attempt.request.headers['webhook-id'],
  'webhook-timestamp': attempt.request.headers['webhook-timestamp'],
  'webhook-signature': attempt.request.headers['webhook-signature'],
});

describe('Standard Webhooks signing, end to end over real HTTP to the built-in receiver', () => {
  it('a bin expecting the webhook’s secret records the capture as valid; the package verifies what was sent', async () => {
    const service = await startTestService();
    const { webhookSecrets, done, captures } = await fireSigned(service, (secrets) => secrets);
    const [attempt] = done.attempts;
    expect(captures.map((capture) => capture.signature)).toEqual([{ valid: true, reason: `signed with whsec_…${webhookSecrets[0].slice(-4)}` }]);
    // The attempt records the headers as sent, and they check out with the reference implementation.
    expect(new Webhook(webhookSecrets[0]).verify(attempt.request.body, signatureHeaders(attempt))).toBeTruthy();
    expect(attempt.request.headers['webhook-id']).toBe(done.delivery.id);
    const capture = await service.api.getCapture({ id: captures[0].id });
    expect(capture.headers['webhook-signature']).toBe(attempt.request.headers['webhook-signature']);

    const [listed] = await service.api.listWebhooks();
    expect(JSON.stringify(listed)).not.toContain(webhookSecrets[0].slice(6));
    expect(listed.signingSecrets).toEqual([expect.objectContaining({ hint: `whsec_…${webhookSecrets[0].slice(-4)}` })]);
  });

  it('a bin expecting another secret records "no signature matched"; one expecting none records nothing', async () => {
    const service = await startTestService();
    const { captures } = await fireSigned(service, () => [generateSigningSecret()]);
    expect(captures[0].signature).toEqual({ valid: false, reason: 'no signature matched: 1 v1 signature(s) checked against 1 secret(s)' });

    const unsigned = await startTestService();
    await unsigned.api.setBinScript({ bin, script: { signingSecrets: [generateSigningSecret()] } });
    const response = await fetch(`${unsigned.info.receiverUrl}/r/${bin}`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    const [capture] = await unsigned.api.listCaptures({ bin });
    expect(capture.signature).toEqual({ valid: false, reason: 'no signature: missing header webhook-id, webhook-timestamp, webhook-signature' });
  });

  it('retries keep the same webhook-id with each try’s own wall-clock timestamp; rotation signs with every secret', async () => {
    const service = await startTestService({ timeScale: 3600 });
    const before = Math.floor(Date.now() / 1000);
    const { webhookSecrets, done, captures } = await fireSigned(service, (secrets) => [secrets[1]], 1, 2);
    const after = Math.floor(Date.now() / 1000);
    expect(done.attempts.map((attempt) => attempt.request.headers['webhook-id'])).toEqual([done.delivery.id, done.delivery.id]);
    // The retry went out a vendor minute later, on the engine clock; the timestamps are wall time.
    expect(done.attempts[1].startedAt - done.attempts[0].startedAt).toBeGreaterThanOrEqual(60_000);
    for (const attempt of done.attempts) {
      expect(Number(attempt.request.headers['webhook-timestamp'])).toBeGreaterThanOrEqual(before);
      expect(Number(attempt.request.headers['webhook-timestamp'])).toBeLessThanOrEqual(after);
    }
    expect(done.attempts[0].request.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(captures.map((capture) => capture.signature?.valid)).toEqual([true, true]);
    expect(captures[1].signature?.reason).toBe(`signed with whsec_…${webhookSecrets[1].slice(-4)}`);
  });

  it('at 60× with the engine clock hours ahead, the standardwebhooks package (wall clock) verifies what was sent', async () => {
    const service = await startTestService({ timeScale: 3600 });
    // Half a second at 3600× puts vendor time half an hour ahead: past the 5 minute tolerance.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await service.api.setTimeScale({ scale: 60 });
    const { vendorNow, realNow } = await service.api.getTimeScale();
    expect(vendorNow - realNow).toBeGreaterThan(10 * 60_000);
    const { webhookSecrets, done, captures } = await fireSigned(service, (secrets) => secrets);
    const [attempt] = done.attempts;
    expect(attempt.startedAt - Date.now()).toBeGreaterThan(10 * 60_000);
    expect(new Webhook(webhookSecrets[0]).verify(attempt.request.body, signatureHeaders(attempt))).toBeTruthy();
    // The built-in bin checks wall time as a real receiver does, and agrees.
    expect(captures[0].signature).toEqual({ valid: true, reason: `signed with whsec_…${webhookSecrets[0].slice(-4)}` });
    // A timestamp on the engine clock would be refused by both.
    const vendorStamped = { ...signatureHeaders(attempt), 'webhook-timestamp': String(Math.floor(attempt.startedAt / 1000)) };
    expect(() => new Webhook(webhookSecrets[0]).verify(attempt.request.body, vendorStamped)).toThrow(/timestamp/i);
  });

  it('rotation: removing the old secret leaves the new one; secrets are sealed in the database file', async () => {
    const dataDir = tempDir();
    const service = await startTestService({ dataDir });
    const webhook = await service.api.createWebhook({ name: 'w', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/x' });
    await service.api.addSigningSecret({ webhookId: webhook.id });
    const pasted = generateSigningSecret().slice('whsec_'.length);
    const { webhook: rotated, secret } = await service.api.addSigningSecret({ webhookId: webhook.id, secret: pasted });
    expect(secret).toBe(`whsec_${pasted}`);
    const after = await service.api.removeSigningSecret({ webhookId: webhook.id, secretId: rotated.signingSecrets[0].id });
    expect(after.signingSecrets).toEqual([rotated.signingSecrets[1]]);
    await expect(service.api.removeSigningSecret({ webhookId: webhook.id, secretId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await service.close();
    expect(readFileSync(join(dataDir, DATABASE_FILE)).includes(pasted)).toBe(false);
  });

  it('a malformed secret is refused naming the field, and nothing is saved', async () => {
    const service = await startTestService();
    const webhook = await service.api.createWebhook({ name: 'w', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/x' });
    await expect(service.api.addSigningSecret({ webhookId: webhook.id, secret: 'whsec_c2hvcnQ=' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'secret', message: 'must decode to 24-64 bytes' }] },
    });
    await expect(service.api.setBinScript({ bin, script: { signingSecrets: ['not a secret'] } })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'script.signingSecrets[0]' }] },
    });
    expect((await service.api.listWebhooks())[0].signingSecrets).toEqual([]);
    expect((await service.api.getBinScript({ bin })).signingSecrets).toEqual([]);
  });
});
