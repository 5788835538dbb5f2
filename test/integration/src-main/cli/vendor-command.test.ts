import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, verify, createSign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuthProfile } from '../../../../src-shared/domain/auth-profile.ts';
import type { AccountPublicKey, VendorAccount } from '../../../../src-shared/domain/vendor-account.ts';
import { runHooklab, runHooklabJson } from '../../../fixtures/cli-process.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

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
});
