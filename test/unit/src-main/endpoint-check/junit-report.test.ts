import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { countOutcomes, runPassed, type CheckCaseResult, type CheckRun } from '../../../../src-shared/domain/endpoint-check.ts';
import { junitReport } from '../../../../src-main/endpoint-check/junit-report.ts';

const JUNIT_XSD = readFileSync(new URL('../../../fixtures/junit/junit-jenkins.xsd', import.meta.url), 'utf8');

const result = (caseId: string, outcome: CheckCaseResult['outcome'], required: boolean, verdict: string): CheckCaseResult => ({
  caseId,
  family: 'bad-bodies',
  title: `title <${caseId}>`,
  required,
  outcome,
  expected: 'a 4xx answer',
  verdict,
  why: 'because',
  exchanges: [
    {
      request: { method: 'POST', url: 'http://127.0.0.1:9/h?a=1&b=2', headers: {}, body: 'x' },
      response: { status: 500, headers: {}, body: '', bodyBytes: 0, bodyTruncated: false },
      error: null,
      durationMs: 1234,
    },
  ],
});

function run(cases: CheckCaseResult[]): CheckRun {
  return {
    id: 'r1',
    url: 'http://127.0.0.1:9/h?a=1&b=2',
    vendor: 'flexnet',
    webhookName: 'w "1"',
    startedAt: 0,
    finishedAt: 1500,
    counts: countOutcomes(cases),
    passed: runPassed(cases),
    cases,
  };
}

describe('junitReport', () => {
  it('markup, quotes and characters XML cannot hold in verdicts still give a valid report; only failed required cases are failures', async () => {
    const report = junitReport(
      run([
        result('a', 'fail', true, 'answered <b>"500"</b> & closed \u0001\u001b[0m'),
        result('b', 'fail', false, 'not sent: token endpoint refused'),
        result('c', 'advisory', false, 'replay accepted'),
        result('d', 'skipped', true, 'no webhook given'),
        result('e', 'pass', true, 'HTTP 413'),
      ]),
    );
    const validation = await validateXML({ xml: [{ fileName: 'r.xml', contents: report }], schema: [{ fileName: 'junit.xsd', contents: JUNIT_XSD }] });
    expect(validation.errors, validation.rawOutput).toEqual([]);
    expect(report).toContain('tests="5" failures="1" errors="0"');
    expect(report).toContain('skipped="1"');
    expect(report.match(/<failure /g)).toHaveLength(1);
    expect(report).toContain('message="answered &lt;b&gt;&quot;500&quot;&lt;/b&gt; &amp; closed \uFFFD\uFFFD[0m"');
    expect(report).toContain('<testcase name="a: title &lt;a&gt;" classname="hooklab.check.bad-bodies" time="1.234">');
    expect(report).toContain('POST http://127.0.0.1:9/h?a=1&amp;b=2 (1 bytes) -&gt; HTTP 500');
  });
});
