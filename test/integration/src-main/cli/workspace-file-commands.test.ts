import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import type { WorkspaceImportResult } from '../../../../src-shared/domain/workspace-file.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { runHooklab, runHooklabJson } from '../../../fixtures/cli-process.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

describe('hooklab export workspace / import (workspace files)', () => {
  it('exports to a file, imports it into another data directory, and exits 2 on clashes until --on-clash', { timeout: 120_000 }, async () => {
    const sourceDir = tempDir();
    // Both data directories get the first-run demo webhook, as a user's would.
    const source = await startTestService({ dataDir: sourceDir, demoWorkspace: true });
    const basic = await source.api.createAuthProfile({ kind: 'basic', name: 'ems-basic', username: 'ems', password: 'pw' });
    await source.api.createWebhook({
      vendor: 'sentinel-ems',
      name: 'EMS',
      events: ['Entitlement Added'],
      endpointUrl: 'https://hooks.example.com/in',
      authProfileId: basic.id,
    });
    await source.close();

    const file = join(tempDir(), 'ws.json');
    const exported = await runHooklab(sourceDir, ['export', 'workspace', '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written).toMatchObject({ format: 'hooklab-workspace', version: 1 });
    expect(written.authProfiles).toContainEqual({ kind: 'basic', name: 'ems-basic', username: 'ems', password: null });
    expect(readFileSync(file, 'utf8')).not.toContain('"pw"');
    const printed = await runHooklab(sourceDir, ['export', 'workspace', '--out', '-']);
    expect(JSON.parse(printed.stdout).webhooks.map((webhook: Webhook) => webhook.name)).toEqual(['Demo - Entitlement Added', 'EMS']);

    // The target has the first-run demo too (the same, but for its receiver's port: no clash) and a
    // webhook of its own named like one in the file.
    const targetDir = tempDir();
    const target = await startTestService({ dataDir: targetDir, demoWorkspace: true });
    await target.api.createWebhook({ vendor: 'sentinel-ems', name: 'EMS', events: ['Entitlement Updated'], endpointUrl: 'https://elsewhere.example.com/in' });
    await target.close();
    const clash = await runHooklab(targetDir, ['import', file]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toBe('hooklab: this workspace already has webhooks "EMS": choose --on-clash skip|rename|replace\n');
    expect((await runHooklabJson<Webhook[]>(targetDir, ['webhook', 'list'])).map((webhook) => webhook.name)).toEqual(['Demo - Entitlement Added', 'EMS']);

    const imported = await runHooklab(targetDir, ['import', file, '--on-clash', 'skip']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Created: 1 authProfiles.');
    expect(imported.stdout).toContain('Skipped (name taken): 1 webhooks.');
    expect(imported.stdout).toContain('Already here, unchanged: 1 authProfiles, 1 webhooks.');
    expect(imported.stdout).toContain('Needs a secret: authProfiles "ems-basic" password');
    expect((await runHooklabJson<Webhook[]>(targetDir, ['webhook', 'list'])).map((webhook) => webhook.endpointUrl)).toContain(
      'https://elsewhere.example.com/in',
    );

    const renamed = await runHooklabJson<WorkspaceImportResult>(targetDir, ['import', file, '--on-clash', 'rename']);
    expect(renamed.renamed).toContainEqual({ section: 'webhooks', from: 'EMS', to: 'EMS (2)' });
  });
});
