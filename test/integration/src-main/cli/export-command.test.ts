import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProductionExport } from '../../../../src-shared/domain/production-export.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { runHooklab, runHooklabJson } from '../../../fixtures/cli-process.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const PASSWORD = 'cli-secret-password';

/** A workspace with a Sentinel webhook (Basic auth, local URL) and a Zentitle2 one, then closed for the CLI. */
async function workspace(): Promise<string> {
  const dataDir = tempDir();
  const service = await startTestService({ dataDir });
  const auth = await service.api.createAuthProfile({ kind: 'basic', name: 'ERP', username: 'erp', password: PASSWORD });
  await service.api.createWebhook({ name: 'EMS local', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/hooks', authProfileId: auth.id });
  await service.api.createWebhook({
    vendor: 'zentitle2',
    name: 'Zentitle seats',
    events: ['entitlement.seat.activated'],
    endpointUrl: 'https://example.com/z',
  });
  await service.close();
  return dataDir;
}

describe('hooklab export production', () => {
  it('writes one JSON file and one curl script per webhook, prints warnings, and keeps secrets out', { timeout: 60_000 }, async () => {
    const dataDir = await workspace();
    const out = join(tempDir(), 'prod');
    const result = await runHooklab(dataDir, ['export', 'production', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    // The CLI's first run on a data directory also adds the demo webhook, which is exported too.
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(['ems-local.json', 'ems-local.sh', 'zentitle-seats.json', 'zentitle-seats.sh']));
    expect(result.stderr).toMatch(/^warning: EMS local: endpointUrl: http:\/\/127\.0\.0\.1:9\/hooks is a local or private address/m);
    expect(result.stdout).toContain(`Wrote ${files.length} files for ${files.length / 2} webhook(s)`);
    for (const name of files) expect(readFileSync(join(out, name), 'utf8')).not.toContain(PASSWORD);
    expect(statSync(join(out, 'ems-local.sh')).mode & 0o100).toBe(0o100);
    execFileSync('bash', ['-n', join(out, 'ems-local.sh')]);
    const zentitle = JSON.parse(readFileSync(join(out, 'zentitle-seats.json'), 'utf8')) as ProductionExport['webhooks'][number];
    expect(zentitle.requests.map((request) => request.operation)).toEqual(['Get access token', 'Create webhook']);
    expect(zentitle.requests[1]!.body).toEqual({ uri: 'https://example.com/z', subscriptions: ['entitlement.seat.activated'] });
    execFileSync('bash', ['-n', join(out, 'zentitle-seats.sh')]);
  });

  it('--webhook picks by name, --include-secrets writes them, --json prints the export', { timeout: 60_000 }, async () => {
    const dataDir = await workspace();
    const exported = await runHooklabJson<ProductionExport>(dataDir, ['export', 'production', '--webhook', 'EMS local', '--include-secrets']);
    expect(exported.webhooks.map((webhook) => webhook.webhookName)).toEqual(['EMS local']);
    expect(exported.webhooks[0]!.requests[0]!.body).toMatchObject({ password: PASSWORD });
    expect(exported.warnings).toContainEqual(expect.objectContaining({ webhook: 'EMS local', field: 'endpointUrl' }));
  });

  it('an unknown --webhook is a usage error naming the option', { timeout: 60_000 }, async () => {
    const dataDir = await workspace();
    const result = await runHooklab(dataDir, ['export', 'production', '--webhook', 'nope', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('hooklab: --webhook: no webhook is named or has id "nope"');
  });
});
