import { describe, expect, it, onTestFinished } from 'vitest';
import { HttpSender } from '../../../../src-main/engine/http-sender.ts';
import { RESPONSE_BODY_KEPT_MAX } from '../../../../src-shared/domain/delivery.ts';
import type { AttemptRequest } from '../../../../src-shared/domain/http-message.ts';
import { hangingEndpoint, hugeBodyEndpoint, tricklingEndpoint, type HostileEndpoint } from '../../../fixtures/hostile-endpoint.ts';

const GIB = 1024 ** 3;

function newSender(): HttpSender {
  const sender = new HttpSender({ timeoutMs: 30_000, connectionsPerOrigin: 4 });
  onTestFinished(() => sender.close());
  return sender;
}

async function closing(endpoint: Promise<HostileEndpoint>): Promise<HostileEndpoint> {
  const started = await endpoint;
  onTestFinished(() => started.close());
  return started;
}

const post = (url: string): AttemptRequest => ({ method: 'POST', url: `${url}/hook`, headers: { 'content-type': 'application/json' }, body: '{}' });

describe('HttpSender: one deadline per request, bodies kept up to 64 KiB (real loopback servers)', () => {
  it('a body trickling a byte at a time ends at the deadline, as a timeout keeping the status and the bytes so far', async () => {
    const endpoint = await closing(tricklingEndpoint(100));
    const result = await newSender().send(post(endpoint.url), 1_500);
    expect(result.failure).toBe('timeout');
    expect(result.response).toMatchObject({ status: 200, bodyTruncated: false });
    expect(result.response!.bodyBytes).toBeGreaterThan(3);
    expect(result.response!.body).toBe('.'.repeat(result.response!.bodyBytes));
    expect(result.error).toBe(`no complete answer within 1.5 s (the status line and headers arrived, then ${result.response!.bodyBytes} bytes of the body)`);
    // Each byte came well within undici's per-byte timeout: only the overall deadline ended it.
    expect(result.durationMs).toBeGreaterThanOrEqual(1_400);
    expect(result.durationMs).toBeLessThan(5_000);
  });

  it('an endpoint that accepts and never answers ends at the deadline with no response', async () => {
    const endpoint = await closing(hangingEndpoint());
    const result = await newSender().send(post(endpoint.url), 1_000);
    expect(result).toMatchObject({ response: null, failure: 'timeout', error: 'no complete answer within 1 s' });
    expect(result.durationMs).toBeGreaterThanOrEqual(900);
    expect(result.durationMs).toBeLessThan(5_000);
  });

  it('a 1 GiB body is read to its end but only 64 KiB is kept; memory stays flat', { timeout: 120_000 }, async () => {
    const endpoint = await closing(hugeBodyEndpoint(GIB));
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const result = await newSender()
      .send(post(endpoint.url), 110_000)
      .finally(() => clearInterval(sampler));
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(result.error).toBeNull();
    expect(result.response).toMatchObject({ status: 200, bodyBytes: GIB, bodyTruncated: true });
    expect(Buffer.byteLength(result.response!.body)).toBe(RESPONSE_BODY_KEPT_MAX);
    expect(peak - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a body of exactly 64 KiB is kept whole and not marked truncated', async () => {
    const endpoint = await closing(hugeBodyEndpoint(RESPONSE_BODY_KEPT_MAX));
    const result = await newSender().send(post(endpoint.url));
    expect(result.response).toMatchObject({ status: 200, bodyBytes: RESPONSE_BODY_KEPT_MAX, bodyTruncated: false });
    expect(result.response!.body).toHaveLength(RESPONSE_BODY_KEPT_MAX);
  });
});
