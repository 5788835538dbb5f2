import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import type { CheckRun } from '../../../../src-shared/domain/endpoint-check.ts';
import { firstEventOf } from '../../../../src-shared/vendors/catalogs.ts';
import { CHECK_CASES } from '../../../../src-main/endpoint-check/endpoint-check-run.ts';
import type { AppApi } from '../../../../src-shared/contracts/app-contract.ts';
import { startTestService, startTestServedWorkspace } from '../../../fixtures/app-service.ts';
import { runHooklab, runHooklabJson } from '../../../fixtures/cli-process.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';
import { startReferenceEndpoint } from '../../../fixtures/reference-endpoints.ts';

const JUNIT_XSD = readFileSync(new URL('../../../fixtures/junit/junit-jenkins.xsd', import.meta.url), 'utf8');

/** A Zentitle2 webhook named "checked" (its account key is made with it); the public key its subscriber verifies with. */
async function zentitleWebhook(api: AppApi): Promise<string> {
  await api.createWebhook({ vendor: 'zentitle2', name: 'checked', events: [firstEventOf('zentitle2').eventName], endpointUrl: 'http://127.0.0.1:9/unused' });
  return (await api.getVendorAccount({ vendor: 'zentitle2' })).signingKey!.pem;
}

async function expectValidJunit(file: string) {
  const xml = readFileSync(file, 'utf8');
  const validation = await validateXML({ xml: [{ fileName: 'check.xml', contents: xml }], schema: [{ fileName: 'junit-jenkins.xsd', contents: JUNIT_XSD }] });
  expect(validation.errors, validation.rawOutput).toEqual([]);
  expect(validation.valid).toBe(true);
  return xml;
}

const testcases = (xml: string) => [...xml.matchAll(/<testcase name="([^"]*)"/g)].map((match) => match[1].split(':')[0]);

describe('hooklab check', () => {
  it('against a correct endpoint, sent to the running app: a table of every case, exit 0, a JUnit file that validates and lists every case', {
    timeout: 60_000,
  }, async () => {
    const served = await startTestServedWorkspace();
    const publicKeyPem = await zentitleWebhook(served.service.api);
    const endpoint = await startReferenceEndpoint({ nSignaturePublicKeyPem: publicKeyPem }, 'none');
    const junit = join(tempDir(), 'check.xml');
    try {
      const result = await runHooklab(served.service.info.dataDir, [
        'check',
        `${endpoint.url}/hooks`,
        '--vendor',
        'zentitle2',
        '--webhook',
        'checked',
        '--junit',
        junit,
      ]);
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stdout.split('\n');
      expect(lines[0]).toMatch(/^RESULT\s+CASE\s+REQUIRED\s+ANSWER$/);
      for (const check of CHECK_CASES) expect(result.stdout).toContain(check.id);
      expect(result.stdout).toMatch(/^PASS\s+n-signature\.forged\s+yes\s+rejected: HTTP 400 in \d+ ms$/m);
      expect(result.stdout).toContain('the endpoint passed');
      // Progress, one line per case, went to stderr while the cases ran.
      expect(result.stderr.match(/^\[\d+\/\d+\] \w+ \S+$/gm)).toHaveLength(CHECK_CASES.length);

      const xml = await expectValidJunit(junit);
      expect(testcases(xml)).toEqual(CHECK_CASES.map((check) => check.id));
      // The schema bites: the same report with a testcase that has no name is refused.
      const nameless = xml.replace(/<testcase name="[^"]*"/, '<testcase');
      const refused = await validateXML({
        xml: [{ fileName: 'check.xml', contents: nameless }],
        schema: [{ fileName: 'junit-jenkins.xsd', contents: JUNIT_XSD }],
      });
      expect(refused.valid).toBe(false);
      expect(xml).toContain(`tests="${CHECK_CASES.length}" failures="0"`);
      expect((await served.service.api.listEndpointCheckRuns()).map((run) => run.passed)).toEqual([true]);
    } finally {
      await endpoint.close();
    }
  });

  it('against an endpoint that skips signature checks, with its own engine: exit 1, --json says which cases failed, the JUnit file marks them', {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempDir();
    const setup = await startTestService({ dataDir });
    const publicKeyPem = await zentitleWebhook(setup.api);
    await setup.close();
    const endpoint = await startReferenceEndpoint({ nSignaturePublicKeyPem: publicKeyPem }, 'skips-signature-verification');
    const junit = join(tempDir(), 'check.xml');
    try {
      const run = await runHooklabJson<CheckRun>(
        dataDir,
        ['check', `${endpoint.url}/hooks`, '--vendor', 'zentitle2', '--webhook', 'checked', '--junit', junit],
        1,
      );
      expect(run.passed).toBe(false);
      expect(run.cases.filter((result) => result.outcome === 'fail').map((result) => result.caseId)).toEqual([
        'n-signature.forged',
        'n-signature.tampered-body',
        'n-signature.other-key',
      ]);
      const xml = await expectValidJunit(junit);
      expect(xml).toContain(`tests="${CHECK_CASES.length}" failures="3"`);
      expect(xml.match(/<failure /g)).toHaveLength(3);
      expect(xml.match(/<skipped /g)).toHaveLength(run.counts.skipped);
    } finally {
      await endpoint.close();
    }
  });

  it.each([
    [['check', 'http://127.0.0.1:9/hooks', '--vendor', 'acme'], /option '--vendor <id>' argument 'acme' is invalid/],
    [['check', 'ftp://127.0.0.1:9/hooks', '--vendor', 'flexnet'], /^hooklab: URL: must be an absolute http:\/\/ or https:\/\/ URL$/m],
    [['check', 'http://127.0.0.1:9/hooks'], /required option '--vendor <id>' not specified/],
    [['check', 'http://127.0.0.1:9/hooks', '--vendor', 'flexnet', '--webhook', 'nope'], /^hooklab: No webhook is named "nope"$/m],
    [
      ['check', 'http://127.0.0.1:9/hooks', '--vendor', 'flexnet', '--junit', '/no/such/dir/check.xml'],
      /^hooklab: --junit: cannot write \/no\/such\/dir\/check\.xml \(ENOENT\)$/m,
    ],
  ])('%j is refused with a message naming what is wrong, and no run is kept', { timeout: 60_000 }, async (args, message) => {
    const dataDir = tempDir();
    const result = await runHooklab(dataDir, args);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    const service = await startTestService({ dataDir });
    expect(await service.api.listEndpointCheckRuns()).toEqual([]);
  });
});
