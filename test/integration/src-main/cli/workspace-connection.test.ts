import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { DeliveryPage, DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import type { FiredEvent } from '../../../../src-shared/domain/event.ts';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { runHooklab, runHooklabJson, startServe } from '../../../fixtures/cli-process.ts';
import { bearer, callMethod, openEventStream } from '../../../fixtures/serve-api.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const DEMO_WEBHOOK = 'Demo - Entitlement Added';
const ownerFile = (dataDir: string) => join(dataDir, 'owner.json');

describe('hooklab commands while `hooklab serve` runs on the same data directory', () => {
  it('are sent to the running serve (live in its event stream); a second serve is refused; after it stops the CLI opens the directory itself', {
    timeout: 90_000,
  }, async () => {
    const dataDir = tempDir();
    const serve = await startServe(dataDir);
    onTestFinished(async () => {
      await serve.stop();
    });
    const owner = JSON.parse(readFileSync(ownerFile(dataDir), 'utf8')) as { pid: number; apiUrl: string };
    expect(owner).toMatchObject({ pid: serve.child.pid, apiUrl: serve.apiUrl });

    const stream = await openEventStream(serve.apiUrl, bearer(serve.token));
    onTestFinished(() => stream.close());

    const webhooks = await runHooklabJson<Webhook[]>(dataDir, ['webhook', 'list']);
    expect(webhooks.map((webhook) => webhook.name)).toEqual([DEMO_WEBHOOK]);

    const fired = await runHooklabJson<{ event: FiredEvent; deliveries: DeliverySummary[]; timedOut: boolean }>(dataDir, [
      'fire',
      '--event',
      'Entitlement Added',
      '--wait',
    ]);
    expect(fired.timedOut).toBe(false);
    expect(fired.deliveries).toHaveLength(1);
    expect(fired.deliveries[0]).toMatchObject({ webhookName: DEMO_WEBHOOK, status: 'succeeded', lastStatusCode: 200 });

    // The serve itself dispatched it: its stream showed the delivery live, its receiver captured it.
    await stream.next(
      (sse) =>
        sse.event === 'deliveryChanged' && (sse.data as DeliverySummary).eventId === fired.event.id && (sse.data as DeliverySummary).status === 'succeeded',
      'the serve to report the CLI-fired delivery',
    );
    const captures = await callMethod(serve.apiUrl, 'listCaptures', { bin: 'demo' }, bearer(serve.token));
    expect(captures.body).toHaveLength(1);
    // The CLI never took the directory over.
    expect(JSON.parse(readFileSync(ownerFile(dataDir), 'utf8'))).toMatchObject({ pid: serve.child.pid });

    const second = await runHooklab(dataDir, ['serve', '--port', '0', '--receiver-port', '0'], { timeoutMs: 20_000 });
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    const errors = second.stderr
      .trimEnd()
      .split('\n')
      .filter((line) => !/UI is not built yet/.test(line));
    expect(errors).toEqual([
      `hooklab: ${dataDir} is already in use by Hooklab (serve, pid ${serve.child.pid} at ${serve.apiUrl}). Stop it first or use another --data directory.`,
    ]);

    expect(await serve.stop()).toBe(0);
    expect(existsSync(ownerFile(dataDir))).toBe(false);

    const after = await runHooklabJson<DeliveryPage>(dataDir, ['deliveries', 'list']);
    expect(after.deliveries.map((delivery) => [delivery.id, delivery.status])).toEqual([[fired.deliveries[0].id, 'succeeded']]);
    expect(existsSync(ownerFile(dataDir))).toBe(false);
  });
});
