import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConditionEvaluation } from '../../../../src-shared/domain/condition.ts';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { runHooklab, runHooklabJson } from '../../../fixtures/cli-process.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const WALKTHROUGH = "((entitlement.customer.name == 'Sam Smith' && entitlement.state == 'ENABLE') || (entitlement.contact.externalId == '617AWUD'))";
const STATE = { entitlement: { customer: { name: 'Sam Smith' }, state: 'DISABLE', contact: { externalId: '617AWUD' } } };

function jsonFile(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('hooklab condition test', () => {
  it('prints the result and a per-clause tree with what each path found; exit 0', async () => {
    const dir = tempDir();
    const result = await runHooklab(dir, ['condition', 'test', '--expr', WALKTHROUGH, '--payload', jsonFile(dir, 'state.json', STATE)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        'true',
        '  [true]  any of (||)',
        '    [false] all of (&&)',
        `      [true]  entitlement.customer.name == 'Sam Smith'  found "Sam Smith"`,
        `      [false] entitlement.state == 'ENABLE'  found "DISABLE"`,
        '    [true]  (…)',
        `      [true]  entitlement.contact.externalId == '617AWUD'  found "617AWUD"`,
        '',
      ].join('\n'),
    );
  });

  it('false is a result too (exit 0); a missing path says so', async () => {
    const dir = tempDir();
    const result = await runHooklab(dir, [
      'condition',
      'test',
      '--expr',
      "entitlement.marketGroup.name == 'APAC'",
      '--payload',
      jsonFile(dir, 's.json', STATE),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("false\n  [false] entitlement.marketGroup.name == 'APAC'  found nothing (the path is missing)\n");
  });

  it('a misspelled path with a close one in the payload: a "did you mean" warning on stderr, exit 0', async () => {
    const dir = tempDir();
    const result = await runHooklab(dir, ['condition', 'test', '--expr', "entitlment.state == 'DISABLE'", '--payload', jsonFile(dir, 's.json', STATE)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("false\n  [false] entitlment.state == 'DISABLE'  found nothing (the path is missing)\n");
    expect(result.stderr).toBe('warning: line 1, column 1: `entitlment.state` is not in the payload: did you mean `entitlement.state`?\n');
  });

  it('takes a whole Sentinel notification body and evaluates its currentState; --json prints the evaluation', async () => {
    const dir = tempDir();
    const body = { eventName: 'Entitlement Added', entityName: 'Entitlement', currentState: JSON.stringify(STATE), previousState: '' };
    const evaluation = await runHooklabJson<ConditionEvaluation>(dir, [
      'condition',
      'test',
      '--expr',
      "entitlement.customer.* == 'Sam Smith'",
      '--payload',
      jsonFile(dir, 'body.json', body),
    ]);
    expect(evaluation).toMatchObject({ result: true, diagnostics: [], trace: { found: ['Sam Smith'] }, builder: null });
  });

  it('an expression with errors: exit 1, one "line, column: message (expected …)" line per error', async () => {
    const dir = tempDir();
    const payload = jsonFile(dir, 's.json', STATE);
    const result = await runHooklab(dir, ['condition', 'test', '--expr', "entitlement.state == 'ENABLE' &&", '--payload', payload]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('line 1, column 33: expected a condition after && (expected a path, e.g. entitlement.state, or "(")\n');

    const json = await runHooklabJson<ConditionEvaluation>(dir, ['condition', 'test', '--expr', 'a > b', '--payload', payload], 1);
    expect(json).toMatchObject({ result: null, diagnostics: [{ line: 1, column: 3 }] });
  });

  it.each([
    ['no --expr', ['--payload', 'x.json'], /--expr/],
    [
      'a payload file that does not exist',
      ['--expr', "a == 'b'", '--payload', '/no/such/file.json'],
      /^hooklab: --payload: cannot read \/no\/such\/file\.json/,
    ],
    ['a payload that is not JSON', ['--expr', "a == 'b'", '--payload', 'BAD'], /^hooklab: --payload: .* is not a JSON object/],
    ['a body whose currentState is not JSON', ['--expr', "a == 'b'", '--payload', 'BODY'], /^hooklab: --payload: .*currentState is not valid JSON/],
  ])('bad arguments exit 2 with one line: %s', async (_case, args, message) => {
    const dir = tempDir();
    const files: Record<string, string> = {
      BAD: jsonFile(dir, 'bad.json', '{ nope'),
      BODY: jsonFile(dir, 'body.json', { eventName: 'Entitlement Added', currentState: '{ nope' }),
    };
    const result = await runHooklab(dir, ['condition', 'test', ...args.map((arg) => files[arg] ?? arg)]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});

describe('hooklab webhook add --condition', () => {
  it('stores the condition, shows it in webhook list, and refuses one with errors (exit 2 naming --condition)', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const add = (name: string, condition: string) =>
      runHooklab(dataDir, ['webhook', 'add', '--name', name, '--event', 'Entitlement Added', '--url', 'http://127.0.0.1:9/x', '--condition', condition]);

    expect((await add('conditional', "entitlement.state == 'ENABLE'")).code).toBe(0);
    const broken = await add('broken', "entitlement.state = 'ENABLE'");
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe('hooklab: --condition: line 1, column 19: = is not a comparison; write == (expected == or !=)\n');

    const webhooks = await runHooklabJson<Webhook[]>(dataDir, ['webhook', 'list']);
    expect(webhooks.filter((webhook) => webhook.condition !== '').map(({ name, condition }) => ({ name, condition }))).toEqual([
      { name: 'conditional', condition: "entitlement.state == 'ENABLE'" },
    ]);
    const table = await runHooklab(dataDir, ['webhook', 'list']);
    expect(table.stdout).toMatch(/CONDITION/);
    expect(table.stdout).toContain("entitlement.state == 'ENABLE'");
  });
});
