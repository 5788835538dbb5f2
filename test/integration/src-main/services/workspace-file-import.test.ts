import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../../../src-shared/contracts/app-contract.ts';
import type { WorkspaceFileInput } from '../../../../src-shared/domain/workspace-file.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { rejection } from '../../../fixtures/rejection.ts';

const URL_ = 'https://hooks.example.com/in';
const webhook = { vendor: 'sentinel-ems' as const, name: 'w', events: ['Entitlement Added'], endpointUrl: URL_ };
const fileText = (entries: Partial<WorkspaceFileInput>) => JSON.stringify({ format: 'hooklab-workspace', version: 1, ...entries });

const refusal = async (call: Promise<unknown>) => (await rejection(call)).toPayload();

async function everything(api: AppApi) {
  const { text } = await api.exportWorkspace();
  const { exportedAt: _when, ...workspace } = JSON.parse(text) as Record<string, unknown>;
  return workspace;
}

describe('workspace import preview', () => {
  // Entries the file's schema takes but the engine's rules refuse: the preview used to approve them.
  it.each<[string, Partial<WorkspaceFileInput>]>([
    ['a webhook whose event is not in the catalog', { webhooks: [{ ...webhook, events: ['No Such Event'] }] }],
    ['a webhook whose activity is not one of its event', { webhooks: [{ ...webhook, activities: ['NO_SUCH_ACTIVITY'] }] }],
    ['a webhook whose condition does not parse', { webhooks: [{ ...webhook, condition: "entitlement.state == 'ENABLE' &&" }] }],
    ['a webhook with an option its vendor does not have', { webhooks: [{ ...webhook, vendorOptions: { nope: 'x' } }] }],
    [
      'a webhook using a kind of auth profile its vendor does not take',
      {
        authProfiles: [{ kind: 'bearer', name: 'tok', token: 't' }],
        webhooks: [{ ...webhook, vendor: 'zentitle2', events: ['entitlement.seat.activated'], authProfile: 'tok' }],
      },
    ],
    ['a bin whose N-Signature key is not a key', { bins: [{ bin: 'qa', script: { nSignatureKey: 'not a key' } }] }],
    ['a vendor account whose public key is not a key', { vendorAccounts: [{ vendor: 'zentitle2', publicKeyPem: 'not a key' }] }],
    ['a vendor account setting its vendor does not have', { vendorAccounts: [{ vendor: 'flexnet', settings: { nope: 'x' } }] }],
    ['two webhooks with the same name', { webhooks: [webhook, { ...webhook, endpointUrl: `${URL_}/2` }] }],
  ])('refuses %s with the errors the import gives, and writes nothing', { timeout: 30_000 }, async (_case, entries) => {
    const { api } = await startTestService();
    const before = await everything(api);
    const text = fileText(entries);
    const preview = await refusal(api.previewWorkspaceImport({ text }));
    expect(await everything(api)).toEqual(before);
    expect(preview.code).toBe('invalid_input');
    expect(preview).toEqual(await refusal(api.importWorkspace({ text })));
    expect(await everything(api)).toEqual(before);
  });

  it('checks an entry named like one here as the import would write it, and writes nothing', { timeout: 30_000 }, async () => {
    const { api } = await startTestService();
    await api.createWebhook(webhook);
    const before = await everything(api);
    const text = fileText({ webhooks: [{ ...webhook, condition: '((' }] });
    const preview = await refusal(api.previewWorkspaceImport({ text }));
    expect(preview).toEqual(await refusal(api.importWorkspace({ text, onClash: 'rename' })));
    expect(await everything(api)).toEqual(before);
  });

  it('approves a good file without writing it; the import then writes it', { timeout: 30_000 }, async () => {
    const { api } = await startTestService();
    const text = fileText({
      authProfiles: [{ kind: 'basic', name: 'b', username: 'u', password: 'p' }],
      webhooks: [{ ...webhook, authProfile: 'b', signingSecrets: 1 }],
    });
    const before = await everything(api);
    expect(await api.previewWorkspaceImport({ text })).toMatchObject({ counts: { webhooks: 1, authProfiles: 1 }, clashes: [] });
    expect(await everything(api)).toEqual(before);
    await api.importWorkspace({ text });
    expect((await api.listWebhooks()).map((saved) => saved.name)).toEqual(['w']);
  });
});
