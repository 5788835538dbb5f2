import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import type { FiredEvent, SkippedWebhook } from '../../../../src-shared/domain/event.ts';
import { runHooklab, runHooklabJson } from '../../../fixtures/cli-process.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

type FireOutput = { event: FiredEvent; deliveries: DeliverySummary[]; skipped: SkippedWebhook[] };

const addWebhook = async (dataDir: string, name: string, extra: string[] = []) => {
  const added = await runHooklab(dataDir, ['webhook', 'add', '--name', name, '--event', 'Entitlement Added', '--url', 'http://127.0.0.1:9/hooks', ...extra]);
  expect(added.code, added.stderr).toBe(0);
};

describe('hooklab fire --set and skipped webhooks', () => {
  it('--set edits the generated state (JSON values or text); a webhook whose condition fails is listed as skipped with its trace', {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempDir();
    await addWebhook(dataDir, 'enabled only', ['--condition', "entitlement.state == 'ENABLE'"]);
    const base = ['fire', '--event', 'Entitlement Added', '--seed', '7'];
    const generated = await runHooklabJson<FireOutput>(dataDir, [...base, '--json']);
    expect(generated.deliveries.map((delivery) => delivery.webhookName)).toContain('enabled only');

    const edited = await runHooklabJson<FireOutput>(dataDir, [...base, '--set', 'entitlement.state=DISABLE', '--set', 'entitlement.eId=42', '--json']);
    const state = edited.event.currentState as { entitlement: Record<string, unknown> };
    expect(state.entitlement.state).toBe('DISABLE');
    expect(state.entitlement.eId).toBe(42);
    // Everything not edited is the generated entity of the same seed.
    const original = generated.event.currentState as { entitlement: Record<string, unknown> };
    expect({ ...state.entitlement, state: original.entitlement.state, eId: original.entitlement.eId }).toEqual(original.entitlement);
    expect(edited.event.entityId).toBe(generated.event.entityId);
    expect(edited.deliveries.map((delivery) => delivery.webhookName)).not.toContain('enabled only');
    expect(edited.skipped).toEqual([
      expect.objectContaining({
        webhookName: 'enabled only',
        reason: 'condition_false',
        condition: expect.objectContaining({ text: "entitlement.state == 'ENABLE'" }),
      }),
    ]);

    const text = await runHooklab(dataDir, [...base, '--set', 'entitlement.state=DISABLE']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(
      ["enabled only: skipped: condition false  (entitlement.state == 'ENABLE')", `  [false] entitlement.state == 'ENABLE'  found "DISABLE"`].join('\n'),
    );
  });

  it.each([
    [
      'a misspelled field',
      ['--event', 'Entitlement Added', '--set', 'entitlment.state=X'],
      /^hooklab: --set entitlment\.state: the state has no "entitlment"; did you mean "entitlement"\?/,
    ],
    [
      'an index past the end',
      ['--event', 'Entitlement Added', '--set', 'entitlement.productKeys.productKey[99].status=X'],
      /--set entitlement\.productKeys\.productKey\[99\]\.status: `entitlement\.productKeys\.productKey` has \d+ elements?, no \[99\]/,
    ],
    [
      'a step into a text',
      ['--event', 'Entitlement Added', '--set', 'entitlement.state.deep=X'],
      /--set entitlement\.state\.deep: `entitlement\.state` is not an object/,
    ],
    ['no =', ['--event', 'Entitlement Added', '--set', 'entitlement.state'], /--set.*must be path=value/],
    [
      'a misspelled event',
      ['--event', 'Entitlment Added'],
      /^hooklab: --event: "Entitlment Added" is not a sentinel-ems event; did you mean "Entitlement Added"\?$/,
    ],
  ])('%s: exit 2 with one line naming it, nothing fired', { timeout: 60_000 }, async (_case, args, message) => {
    const dataDir = tempDir();
    const result = await runHooklab(dataDir, ['fire', '--seed', '7', ...args]);
    expect(result.code, result.stderr).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    if (readdirSync(dataDir).length > 0) {
      const deliveries = await runHooklabJson<{ total: number }>(dataDir, ['deliveries', 'list', '--json']);
      expect(deliveries.total).toBe(0);
    }
  });
});
