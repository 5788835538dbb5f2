import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { CaptureSummary } from '../../../../src-shared/domain/capture.ts';
import type { DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import type { ReplayCapturesResult } from '../../../../src-shared/domain/replay.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { runHooklab, runHooklabJson } from '../../../fixtures/cli-process.ts';
import { startEndpoint } from '../../../fixtures/http-endpoint.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

/** A data directory whose bin "qa" holds `bodies` as captures (posted to a real receiver, then closed). */
async function dataDirWithCaptures(bodies: string[]): Promise<{ dataDir: string; captures: CaptureSummary[] }> {
  const dataDir = tempDir();
  const service = await startTestService({ dataDir });
  for (const body of bodies) {
    await fetch(`${service.info.receiverUrl}/r/qa`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-trace': 'kept' }, body });
  }
  const captures = await service.api.listCaptures({ bin: 'qa' });
  await service.close();
  return { dataDir, captures: captures.reverse() };
}

async function endpointUrl() {
  const endpoint = await startEndpoint(() => ({ ok: true }));
  onTestFinished(() => endpoint.close());
  return endpoint;
}

describe('hooklab replay', () => {
  it('replays one capture exactly to a URL and waits for the answer', { timeout: 60_000 }, async () => {
    const { dataDir, captures } = await dataDirWithCaptures(['{"n":1}']);
    const endpoint = await endpointUrl();

    const out = await runHooklabJson<{ delivery: DeliverySummary; timedOut: boolean }>(dataDir, ['replay', captures[0]!.id, '--url', `${endpoint.url}/in`]);
    expect(out).toMatchObject({ delivery: { status: 'succeeded', attemptCount: 1, endpointUrl: `${endpoint.url}/in` }, timedOut: false });
    expect(endpoint.received.map((request) => [request.url, request.body.toString(), request.headers['x-trace']])).toEqual([['/in', '{"n":1}', 'kept']]);
  });

  it('replays a bin at a rate with --bin, printing the summary', { timeout: 60_000 }, async () => {
    const { dataDir } = await dataDirWithCaptures(['{"n":1}', '{"n":2}', '{"n":3}']);
    const endpoint = await endpointUrl();

    const out = await runHooklabJson<ReplayCapturesResult & { deliveries: DeliverySummary[] }>(dataDir, [
      'replay',
      '--bin',
      'qa',
      '--url',
      endpoint.url,
      '--rate',
      '20',
    ]);
    expect(out).toMatchObject({ sent: 3, failed: [], skipped: [] });
    expect(out.deliveries.map((delivery) => delivery.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(endpoint.received.map((request) => request.body.toString())).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
  });

  it('exits 2 naming the option for bad input, and sends nothing', { timeout: 60_000 }, async () => {
    const { dataDir, captures } = await dataDirWithCaptures(['{}']);
    const id = captures[0]!.id;
    const body = join(tempDir(), 'body.json');
    writeFileSync(body, '{"edited":true}');
    const cases: [string[], string][] = [
      [[id, '--url', 'ftp://example'], '--url: must be an absolute http:// or https:// URL'],
      [['nope', '--url', 'http://127.0.0.1:9/'], '<id>: no attempt has id "nope"'],
      [[id, '--webhook', 'missing', '--mode', 'resign'], '--webhook: no webhook is named or has id "missing"'],
      [[id, '--url', 'http://127.0.0.1:9/', '--mode', 'resign'], '--url/--webhook: resign mode needs a target webhook (its keys and auth sign the replay)'],
      [[id, '--url', 'http://127.0.0.1:9/', '--body', body], '--body: an edited body is only sent in resign mode (exact mode sends what was captured)'],
      [[id], '--url/--webhook: give exactly one target'],
      [['--bin', 'qa', '--url', 'http://127.0.0.1:9/', '--rate', '0'], "option '--rate <per-second>' argument '0' is invalid. must be a positive number"],
    ];
    for (const [args, message] of cases) {
      const result = await runHooklab(dataDir, ['replay', ...args]);
      expect([result.code, result.stderr], args.join(' ')).toEqual([2, `hooklab: ${message}\n`]);
    }
    expect(await runHooklabJson<{ total: number }>(dataDir, ['deliveries', 'list'])).toMatchObject({ total: 0 });
  });
});
