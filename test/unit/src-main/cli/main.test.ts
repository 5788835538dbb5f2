import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DeliveryPage } from '../../../../src-shared/domain/delivery.ts';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { runHooklab, runHooklabJson, type CliResult } from '../../../fixtures/cli-process.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

/** README: "Bad arguments give a one-line error naming the argument and exit code 2". */
function expectUsageError(result: CliResult, names: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^hooklab: /);
  expect(lines[0]).toMatch(names);
}

describe('hooklab command line: usage errors', () => {
  it.each([
    ['an unknown option', ['fire', '--event', 'Entitlement Added', '--bogus'], /unknown option '--bogus'/],
    ['an unknown command', ['launch'], /unknown command 'launch'/],
    ['a missing required option', ['webhook', 'add', '--name', 'x', '--event', 'Entitlement Added'], /--url/],
    ['an option without its value', ['fire', '--event'], /--event/],
    ['a port that is not a number', ['serve', '--port', 'abc'], /--port.*'abc'.*whole number from 0 to 65535/],
    ['a seed that is not a whole number', ['fire', '--event', 'Entitlement Added', '--seed', '1.5'], /--seed.*whole number/],
    ['a status that does not exist', ['deliveries', 'list', '--status', 'lost'], /--status.*'lost'.*succeeded/],
    ['a timeout that is not positive', ['fire', '--event', 'Entitlement Added', '--wait', '--timeout', '0'], /--timeout.*positive/],
  ])('%s: exit 2, one line naming it, and the data directory is left untouched', async (_case, args, names) => {
    const dataDir = tempDir();
    expectUsageError(await runHooklab(dataDir, args), names);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('an event name the vendor does not have: exit 2 naming --event, and no event or delivery is written', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    expectUsageError(await runHooklab(dataDir, ['fire', '--event', 'Nope']), /^hooklab: --event: "Nope" is not a sentinel-ems event$/);
    expectUsageError(
      await runHooklab(dataDir, ['fire', '--event', 'Entitlement Added', '--activity', 'Sneeze']),
      /^hooklab: --activity: "Sneeze" is not an activity of "Entitlement Added"$/,
    );
    expect(await runHooklabJson<DeliveryPage>(dataDir, ['deliveries', 'list'])).toMatchObject({ deliveries: [], total: 0 });
  });

  it('webhook add with a bad URL, a name over 100 characters or an unknown event: exit 2 naming the option; nothing is added', {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempDir();
    const before = await runHooklabJson<Webhook[]>(dataDir, ['webhook', 'list']);
    const add = (name: string, event: string, url: string) => runHooklab(dataDir, ['webhook', 'add', '--name', name, '--event', event, '--url', url]);

    expectUsageError(
      await add('bad url', 'Entitlement Added', 'not-a-url'),
      /^hooklab: --url: must be an absolute http:\/\/ or https:\/\/ URL: a scheme and a host, e.g. https:\/\/example.com\/hooks$/,
    );
    expectUsageError(await add('n'.repeat(101), 'Entitlement Added', 'http://127.0.0.1:9/x'), /^hooklab: --name: must be at most 100 characters$/);
    expectUsageError(await add('bad event', 'Entitlement Exploded', 'http://127.0.0.1:9/x'), /--event.*"Entitlement Exploded" is not a sentinel-ems event/);
    expectUsageError(
      await runHooklab(dataDir, ['webhook', 'add', '--name', 'bad auth', '--event', 'Entitlement Added', '--url', 'http://127.0.0.1:9/x', '--auth', 'nobody']),
      /^hooklab: --auth: no auth profile is named or has id "nobody"$/,
    );

    expect(await runHooklabJson<Webhook[]>(dataDir, ['webhook', 'list'])).toEqual(before);
  });

  it('a failed operation (not a bad argument) exits 1 with one line', async () => {
    const dataDir = tempDir();
    const result = await runHooklab(dataDir, ['deliveries', 'show', 'no-such-delivery']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('hooklab: No delivery has id "no-such-delivery"\n');
  });
});
