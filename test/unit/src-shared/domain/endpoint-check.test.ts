import { describe, expect, it } from 'vitest';
import { diffCheckRuns, runEndpointCheckInputSchema, type CheckCaseResult, type CheckRun } from '../../../../src-shared/domain/endpoint-check.ts';

const result = (caseId: string, outcome: CheckCaseResult['outcome']): CheckCaseResult => ({
  caseId,
  family: 'delivery',
  title: `title of ${caseId}`,
  required: true,
  outcome,
  expected: '',
  verdict: '',
  why: '',
  exchanges: [],
});

const run = (cases: CheckCaseResult[]): CheckRun => ({
  id: 'r',
  url: 'http://127.0.0.1:1/',
  vendor: 'sentinel-ems',
  webhookName: null,
  startedAt: 0,
  finishedAt: 0,
  counts: { pass: 0, fail: 0, advisory: 0, skipped: 0 },
  passed: true,
  cases,
});

describe('diffCheckRuns', () => {
  it('lists the cases whose outcome changed, those added and those gone; unchanged ones are left out', () => {
    const before = run([result('a', 'pass'), result('b', 'fail'), result('gone', 'pass'), result('same', 'advisory')]);
    const after = run([result('a', 'fail'), result('b', 'pass'), result('same', 'advisory'), result('new', 'skipped')]);
    expect(diffCheckRuns(before, after)).toEqual([
      { caseId: 'a', title: 'title of a', before: 'pass', after: 'fail' },
      { caseId: 'b', title: 'title of b', before: 'fail', after: 'pass' },
      { caseId: 'new', title: 'title of new', before: null, after: 'skipped' },
      { caseId: 'gone', title: 'title of gone', before: 'pass', after: null },
    ]);
  });
});

describe('runEndpointCheckInputSchema', () => {
  it.each([
    [{ url: 'ftp://127.0.0.1/', vendor: 'sentinel-ems' }, 'url'],
    [{ url: 'http://127.0.0.1/', vendor: 'acme' }, 'vendor'],
    [{ url: 'http://127.0.0.1/', vendor: 'zentitle2', webhook: ' ' }, 'webhook'],
  ])('%j is refused, naming %s', (input, field) => {
    const parsed = runEndpointCheckInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });
});
