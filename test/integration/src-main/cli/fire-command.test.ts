import { describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../../src-shared/domain/capture.ts';
import type { DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import type { FiredEvent } from '../../../../src-shared/domain/event.ts';
import { runHooklab, runHooklabJson } from '../../../fixtures/cli-process.ts';
import { closedPort } from '../../../fixtures/http-endpoint.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

type FireOutput = { event: FiredEvent; deliveries: DeliverySummary[]; timedOut: boolean };

describe('hooklab fire --wait with no app running on the directory', () => {
  it('delivers with its own engine before exiting: exit 0, the demo delivery succeeded and the receiver captured it', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const fired = await runHooklabJson<FireOutput>(dataDir, ['fire', '--event', 'Entitlement Added', '--wait']);
    expect(fired.timedOut).toBe(false);
    expect(fired.deliveries.map((delivery) => [delivery.webhookName, delivery.status])).toEqual([['Demo - Entitlement Added', 'succeeded']]);

    const [capture] = await runHooklabJson<CaptureSummary[]>(dataDir, ['captures', 'list', '--bin', 'demo']);
    expect(capture).toMatchObject({ method: 'POST', replyStatus: 200 });
  });

  it('exits 1 when a delivery has not succeeded in time, and leaves it retrying for the next run', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const port = await closedPort();
    const added = await runHooklab(dataDir, ['webhook', 'add', '--name', 'down', '--event', 'Entitlement Updated', '--url', `http://127.0.0.1:${port}/hooks`]);
    expect(added.code, added.stderr).toBe(0);

    const fired = await runHooklabJson<FireOutput>(dataDir, ['fire', '--event', 'Entitlement Updated', '--wait', '--timeout', '1'], 1);
    expect(fired.timedOut).toBe(true);
    expect(fired.deliveries).toHaveLength(1);
    expect(fired.deliveries[0]).toMatchObject({ webhookName: 'down', status: 'retrying', attemptCount: 1, lastStatusCode: null });
    expect(fired.deliveries[0].lastError).toMatch(/ECONNREFUSED/);
    expect(fired.deliveries[0].nextAttemptAt).toBeGreaterThan(fired.deliveries[0].updatedAt);
  });
});
