import { describe, expect, it } from 'vitest';
import type { AppService } from '../../../../src-main/services/app-service.ts';
import { RESPONSE_BODY_KEPT_MAX } from '../../../../src-shared/domain/delivery.ts';
import type { WebhookInput } from '../../../../src-shared/domain/webhook.ts';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { hangingEndpoint, hugeBodyEndpoint, tricklingEndpoint, type HostileEndpoint } from '../../../fixtures/hostile-endpoint.ts';
import { startSubscriber } from '../../../fixtures/subscriber-endpoint.ts';

const GIB = 1024 ** 3;

async function webhookTo(service: AppService, endpointUrl: string, settings: Partial<WebhookInput> = {}) {
  return service.api.createWebhook({ name: endpointUrl, events: ['Entitlement Added'], endpointUrl, ...settings });
}

/** Closed before the engine: its tries there end at once instead of at their deadline. */
async function closeAll(endpoints: HostileEndpoint[]): Promise<void> {
  await Promise.all(endpoints.map((endpoint) => endpoint.close()));
}

describe('deliveries to hostile endpoints (real engine, SQLite, loopback servers)', () => {
  it('a body trickling past the webhook’s deadline: the try ends at it, recorded as a timeout with the bytes so far, and is retried', async () => {
    const service = await startTestService();
    const endpoint = await tricklingEndpoint(200);
    try {
      await webhookTo(service, `${endpoint.url}/hooks`, { timeoutMs: 1_000 });
      const [delivery] = (await service.api.fireEvent({ eventName: 'Entitlement Added' })).deliveries;
      const detail = await waitForDelivery(service.api, delivery.id, 'retrying');
      const [attempt] = detail.attempts;
      expect(attempt.response).toMatchObject({ status: 200, bodyTruncated: false });
      expect(attempt.response!.bodyBytes).toBeGreaterThan(0);
      expect(attempt.error).toMatch(/^no complete answer within 1 s \(the status line and headers arrived, then \d+ bytes of the body\)$/);
      expect(attempt.durationMs).toBeGreaterThanOrEqual(950);
      expect(attempt.durationMs).toBeLessThan(5_000);
      expect(detail.delivery.lastError).toBe(attempt.error);
    } finally {
      await endpoint.close();
    }
  });

  it('a 1 GiB answer: delivered, the attempt keeps 64 KiB marked truncated with the full size, memory stays flat', { timeout: 150_000 }, async () => {
    const service = await startTestService();
    const endpoint = await hugeBodyEndpoint(GIB);
    try {
      await webhookTo(service, `${endpoint.url}/hooks`, { timeoutMs: 120_000 });
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const [delivery] = (await service.api.fireEvent({ eventName: 'Entitlement Added' })).deliveries;
      const detail = await waitForDelivery(service.api, delivery.id, 'succeeded').finally(() => clearInterval(sampler));
      expect(detail.attempts).toHaveLength(1);
      expect(detail.attempts[0].response).toMatchObject({ status: 200, bodyBytes: GIB, bodyTruncated: true });
      expect(Buffer.byteLength(detail.attempts[0].response!.body)).toBe(RESPONSE_BODY_KEPT_MAX);
      expect(peak - before).toBeLessThan(200 * 1024 * 1024);
    } finally {
      await endpoint.close();
    }
  });

  it('40 deliveries to two hanging origins hold 8 slots each; a healthy webhook is delivered at once, and the waiting ones say why', {
    timeout: 30_000,
  }, async () => {
    const service = await startTestService();
    const slow = [await hangingEndpoint(), await hangingEndpoint()];
    const healthy = await startSubscriber((_request, _index, reply) => reply.code(204).send());
    try {
      for (const endpoint of slow) await webhookTo(service, `${endpoint.url}/hooks`, { timeoutMs: 120_000 });
      const stuck = [];
      for (let n = 0; n < 20; n += 1) stuck.push(...(await service.api.fireEvent({ eventName: 'Entitlement Added' })).deliveries);
      expect(stuck).toHaveLength(40);
      await service.api.createWebhook({ name: 'healthy', events: ['Entitlement Updated'], endpointUrl: `${healthy.url}/hooks` });

      const started = Date.now();
      const [delivery] = (await service.api.fireEvent({ eventName: 'Entitlement Updated' })).deliveries;
      await waitForDelivery(service.api, delivery.id, 'succeeded');
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(slow.map((endpoint) => endpoint.connections())).toEqual([8, 8]);

      const details = await Promise.all(stuck.map((waiting) => service.api.getDelivery({ id: waiting.id })));
      const waitingForSlot = details.filter((detail) => detail.delivery.status === 'pending');
      expect(waitingForSlot).toHaveLength(24);
      expect(waitingForSlot[0].slotWait).toEqual({ scope: 'origin', origin: slow[0].url, inFlight: 8 });
      expect(details.filter((detail) => detail.delivery.status === 'in_progress').every((detail) => detail.slotWait === null)).toBe(true);
    } finally {
      await closeAll(slow);
    }
  });
});
