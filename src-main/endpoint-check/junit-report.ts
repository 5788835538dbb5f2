import type { CheckCaseResult, CheckRun } from '../../src-shared/domain/endpoint-check.ts';

/** Characters XML 1.0 cannot hold at all, even escaped (C0 controls but tab, CR, LF; lone surrogates; U+FFFE/FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** What a CI log shows under the case: what it expects, what came back, each request sent. */
function caseReport(result: CheckCaseResult): string {
  const lines = [`${result.outcome}${result.required ? '' : ' (advisory case)'}: ${result.verdict}`, `Expected: ${result.expected}`, `Why: ${result.why}`];
  for (const { request, response, error } of result.exchanges) {
    lines.push(
      `${request.method} ${request.url} (${Buffer.byteLength(request.body)} bytes) -> ${response ? `HTTP ${response.status}` : 'no answer'}${error ? ` (${error})` : ''}`,
    );
  }
  return lines.join('\n');
}

function testCase(result: CheckCaseResult): string {
  const time = result.exchanges.reduce((total, exchange) => total + exchange.durationMs, 0);
  const open = `    <testcase name="${xmlText(`${result.caseId}: ${result.title}`)}" classname="hooklab.check.${xmlText(result.family)}" time="${seconds(time)}">`;
  const report = xmlText(caseReport(result));
  // Only a required case that failed fails the build; anything else a CI shows as passed (or skipped), with the report.
  if (result.outcome === 'skipped') return `${open}\n      <skipped message="${xmlText(result.verdict)}"/>\n    </testcase>`;
  if (result.outcome === 'fail' && result.required) {
    return `${open}\n      <failure message="${xmlText(result.verdict)}" type="${xmlText(result.caseId)}">${report}</failure>\n    </testcase>`;
  }
  return `${open}\n      <system-out>${report}</system-out>\n    </testcase>`;
}

/**
 * The run as JUnit XML (the Ant/Jenkins/Surefire shape most CI systems read): one testsuite, one
 * testcase per case, every case listed. Failures are required cases that failed; skipped cases
 * are <skipped/>; advisory outcomes pass with their report as system-out.
 */
export function junitReport(run: CheckRun): string {
  const failures = run.cases.filter((result) => result.required && result.outcome === 'fail').length;
  const time = seconds(run.finishedAt - run.startedAt);
  const name = xmlText(`hooklab check ${run.url} (${run.vendor}${run.webhookName ? `, webhook ${run.webhookName}` : ''})`);
  const counts = `tests="${run.cases.length}" failures="${failures}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hooklab check" ${counts} time="${time}">`,
    `  <testsuite name="${name}" ${counts} skipped="${run.counts.skipped}" time="${time}" timestamp="${new Date(run.startedAt).toISOString().slice(0, 19)}" id="${xmlText(run.id)}">`,
    ...run.cases.map(testCase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
