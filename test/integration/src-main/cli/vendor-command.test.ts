import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, verify, createSign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AuthProfile } from '../../../../src-shared/domain/auth-profile.ts';
import type { AccountPublicKey, VendorAccount } from '../../../../src-shared/domain/vendor-account.ts';
import type { VendorApiCall, VendorApisState } from '../../../../src-shared/domain/vendor-api.ts';
import { runHooklab, runHooklabJson, startServe } from '../../../fixtures/cli-process.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';

describe('hooklab vendor', () => {
  it('key --import: the PEM private key replaces the account key; the printed public key (PEM or modulus) verifies its signatures', {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempDir();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pemFile = join(dataDir, 'zentitle.pem');
    writeFileSync(pemFile, privateKey.export({ type: 'pkcs1', format: 'pem' }));

    const key = await runHooklabJson<AccountPublicKey>(dataDir, ['vendor', 'key', 'zentitle2', '--import', pemFile, '--json']);
    expect(key).toMatchObject({ bits: 2048, exponentBase64Url: 'AQAB' });
    const pem = await runHooklab(dataDir, ['vendor', 'key', 'zentitle2']);
    expect(pem.stdout).toBe(key.pem);
    const modulus = await runHooklab(dataDir, ['vendor', 'key', 'zentitle2', '--public', 'modulus']);
    expect(modulus.stdout).toBe(`${key.modulusBase64Url}\nexponent AQAB\n`);

    // What a receiver configured from either printed form accepts is what the imported key signs.
    const body = Buffer.from('{"eventCode":"customer.created"}');
    const signature = createSign('sha256').update(body).sign(privateKey);
    expect(verify('sha256', body, createPublicKey(pem.stdout), signature)).toBe(true);
    const fromModulus = createPublicKey({ key: { kty: 'RSA', n: key.modulusBase64Url, e: 'AQAB' }, format: 'jwk' });
    expect(verify('sha256', body, fromModulus, signature)).toBe(true);
  });

  it('key --generate makes a new pair; openssl reads the printed PEM as a 2048-bit RSA public key', { timeout: 60_000 }, async (context) => {
    const dataDir = tempDir();
    const before = await runHooklabJson<AccountPublicKey>(dataDir, ['vendor', 'key', 'zentitle2', '--generate', '--json']);
    const after = await runHooklabJson<AccountPublicKey>(dataDir, ['vendor', 'key', 'zentitle2', '--generate', '--json']);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    let text: string;
    try {
      text = execFileSync('openssl', ['pkey', '-pubin', '-noout', '-text'], { input: after.pem, encoding: 'utf8' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return context.skip('openssl is not installed');
      throw error;
    }
    expect(text).toMatch(/Public-Key: \(2048 bit\)/);
    expect(text).toMatch(/Exponent: 65537 \(0x10001\)/);
  });

  it('set: FlexNet tenant settings and shared credentials; bad input names the option and changes nothing', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const service = await startTestService({ dataDir });
    const basic: AuthProfile = await service.api.createAuthProfile({ kind: 'basic', name: 'Tenant', username: 'ens', password: 'pw' });
    await service.close();

    const account = await runHooklabJson<VendorAccount>(dataDir, ['vendor', 'set', 'flexnet', '--auth-profile', basic.id, '--json']);
    expect(account.authProfileId).toBe(basic.id);
    const shown = await runHooklab(dataDir, ['vendor', 'show', 'flexnet']);
    expect(shown.stdout).toContain(`Shared credentials: ${basic.id}`);

    const badKey = await runHooklab(dataDir, ['vendor', 'set', 'sentinel-ems', '--setting', 'colour=red']);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toMatch(/^hooklab: --setting\.colour: is not a Thales Sentinel EMS account setting/);
    const badPair = await runHooklab(dataDir, ['vendor', 'set', 'flexnet', '--setting', 'tenant']);
    expect(badPair).toMatchObject({ code: 2, stderr: 'hooklab: --setting: "tenant" must look like key=value\n' });
    const badVendor = await runHooklab(dataDir, ['vendor', 'show', 'flexnett']);
    expect(badVendor.code).toBe(2);
    expect(badVendor.stderr).toMatch(/^hooklab: <vendor>: "flexnett" is not a vendor id \(sentinel-ems, flexnet, zentitle2, cloudevents\)/);
    const badPem = join(dataDir, 'bad.pem');
    writeFileSync(badPem, '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n');
    const badImport = await runHooklab(dataDir, ['vendor', 'key', 'zentitle2', '--import', badPem]);
    expect(badImport.code).toBe(2);
    expect(badImport.stderr).toMatch(/^hooklab: --import: is not a PEM private key/);
    expect((await runHooklabJson<VendorAccount>(dataDir, ['vendor', 'show', 'flexnet', '--json'])).authProfileId).toBe(basic.id);
  });

  it('api without a running Hooklab: each API with its credentials and operations, how to start one; --off is kept; bad input changes nothing', {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempDir();
    const state = await runHooklabJson<VendorApisState>(dataDir, ['vendor', 'api']);
    expect(state).toMatchObject({ enabled: true, url: null });
    expect(state.vendors.map((access) => access.vendor)).toEqual(['zentitle2', 'flexnet', 'sentinel-ems']);

    const { stdout, code } = await runHooklab(dataDir, ['vendor', 'api']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Vendor management APIs: on, but no Hooklab is running for this data directory: start one with `hooklab serve`/);
    for (const access of state.vendors) {
      expect(stdout).toContain(`\n${access.label} (${access.vendor})\n  Base URL:       - (not listening)\n  Authentication: ${access.authentication}\n`);
      for (const credential of access.credentials) expect(stdout).toMatch(new RegExp(`\\n    ${credential.name}: +${credential.value}\\n`));
      for (const endpoint of access.endpoints) expect(stdout).toContain(`${endpoint.path}${endpoint.assumed ? ' [assumed]' : ''}  ${endpoint.summary}`);
    }
    for (const assumption of state.assumptions) expect(stdout).toContain(`    - ${assumption.subject}: ${assumption.choice}\n`);

    const flexnet = await runHooklab(dataDir, ['vendor', 'api', 'flexnet']);
    expect(flexnet.stdout).toContain('Revenera FlexNet Operations (flexnet)');
    expect(flexnet.stdout).not.toContain('(zentitle2)');
    const log = await runHooklab(dataDir, ['vendor', 'api', '--log']);
    expect(log.stdout).toMatch(/^The log lives in a running Hooklab, and none runs for this data directory: start one with `hooklab serve`/);

    const off = await runHooklab(dataDir, ['vendor', 'api', '--off']);
    expect(off.stdout).toMatch(/^Vendor management APIs: off\. Switch them on with `hooklab vendor api --on`\./);
    for (const [args, message] of [
      [['cloudevents'], 'hooklab: [vendor]: "cloudevents" has no emulated management API (zentitle2, flexnet, sentinel-ems)\n'],
      [['--on', '--off'], 'hooklab: give --on or --off, not both\n'],
      [['--log', '--limit', '0'], "hooklab: option '--limit <n>' argument '0' is invalid. must be a whole number from 1 to 500\n"],
      [['--limit', '5'], 'hooklab: --limit goes with --log\n'],
    ] as const) {
      const refused = await runHooklab(dataDir, ['vendor', 'api', ...args]);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr.startsWith(message), refused.stderr).toBe(true);
    }
    expect((await runHooklabJson<VendorApisState>(dataDir, ['vendor', 'api'])).enabled).toBe(false);
  });

  it('api against a running serve: the base URLs serve printed, the log of calls, the switch', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const serve = await startServe(dataDir, ['--vendor-api-port', '0']);
    onTestFinished(async () => {
      await serve.stop();
    });
    const printed = (
      await waitFor(() => /Vendor APIs: (http:\/\/127\.0\.0\.1:\d+) {2}\(credentials: `hooklab vendor api`\)\n/.exec(serve.stdout()), 'the vendor API line')
    )[1];
    const state = await runHooklabJson<VendorApisState>(dataDir, ['vendor', 'api']);
    expect(state.url).toBe(printed);
    for (const access of state.vendors) expect(serve.stdout()).toMatch(new RegExp(`\\n    ${access.label}: +${access.baseUrl}\\n`));
    const flexnet = state.vendors.find((access) => access.vendor === 'flexnet')!;
    expect((await runHooklab(dataDir, ['vendor', 'api', 'flexnet'])).stdout).toContain(`\n  Base URL:       ${flexnet.baseUrl}\n`);

    expect((await runHooklab(dataDir, ['vendor', 'api', '--log'])).stdout).toBe('No calls yet.\n');
    expect((await fetch(`${flexnet.baseUrl}/health/status`)).status).toBe(200);
    expect((await fetch(`${printed}/nowhere`)).status).toBe(404);
    const calls = await runHooklabJson<VendorApiCall[]>(dataDir, ['vendor', 'api', 'flexnet', '--log']);
    expect(calls).toMatchObject([{ vendor: 'flexnet', method: 'GET', url: '/notifications/health/status', status: 200, responseBody: '{"status":"UP"}' }]);
    const table = (await runHooklab(dataDir, ['vendor', 'api', '--log', '--limit', '1'])).stdout.split('\n');
    expect(table[0]).toMatch(/^AT +VENDOR +METHOD +URL +STATUS +MS$/);
    expect(table[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}- +GET +\/nowhere +404 +\d+$/);
    expect(table).toHaveLength(3);

    expect((await runHooklab(dataDir, ['vendor', 'api', '--off'])).stdout).toMatch(/^Vendor management APIs: off \(port \d+ kept\)/);
    await expect(fetch(`${flexnet.baseUrl}/health/status`)).rejects.toThrow();
    expect((await runHooklab(dataDir, ['vendor', 'api', '--on'])).stdout).toMatch(new RegExp(`^Vendor management APIs: on, listening on ${printed}\\n`));
    expect((await fetch(`${flexnet.baseUrl}/health/status`)).status).toBe(200);
  });
});
