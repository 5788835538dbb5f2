import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../../../src-shared/contracts/app-contract.ts';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { startTestService } from '../../../fixtures/app-service.ts';

const URL_ = 'https://hooks.example.com/in';

async function configure(api: AppApi) {
  const oauth = await api.createAuthProfile({
    kind: 'oauth2',
    name: 'ce-oauth',
    tokenUrl: 'https://idp.example.com/token',
    clientId: 'hooklab',
    clientSecret: 's3cret',
    scope: 'events',
  });
  const basic = await api.createAuthProfile({ kind: 'basic', name: 'ems-basic', username: 'ems', password: 'pw' });
  await api.updateVendorAccount({ vendor: 'flexnet', settings: { tenant: 'acme' }, authProfileId: basic.id });
  const ems = await api.createWebhook({
    vendor: 'sentinel-ems',
    name: 'EMS entitlements',
    events: ['Entitlement Added'],
    endpointUrl: URL_,
    authProfileId: basic.id,
    condition: "entitlement.state == 'ENABLE'",
    retryPolicy: { kind: 'fixed', intervalsMs: [1000, 2000] },
    description: 'conditions',
    includeData: false,
  });
  await api.addSigningSecret({ webhookId: ems.id });
  await api.createWebhook({ vendor: 'flexnet', name: 'FNO', events: ['ENT CREATE'], endpointUrl: URL_ });
  await api.createWebhook({ vendor: 'zentitle2', name: 'Seats', events: ['entitlement.seat.activated'], endpointUrl: URL_, enabled: false });
  await api.createWebhook({
    vendor: 'cloudevents',
    name: 'CE',
    events: ['com.hooklab.licensing.customer.created'],
    endpointUrl: URL_,
    authProfileId: oauth.id,
    vendorOptions: { mode: 'binary' },
  });
  await api.saveScenario({ name: 'My story', steps: [{ vendor: 'sentinel-ems', eventName: 'Entitlement Added', delayMs: 5 }] });
  await api.setBinScript({ bin: 'qa', script: { status: 503, expectedAuth: { kind: 'basic', username: 'u', password: 'p' } } });
}

const comparable = (webhooks: Webhook[], names: Map<string, string>) =>
  [...webhooks]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ id: _i, createdAt: _c, updatedAt: _u, signingSecrets, authProfileId, ...rest }) => ({
      ...rest,
      authProfile: authProfileId ? names.get(authProfileId) : null,
      signed: signingSecrets.length > 0,
    }));

async function profileNames(api: AppApi) {
  return new Map((await api.listAuthProfiles()).map((profile) => [profile.id, profile.name]));
}

async function rowCounts(api: AppApi) {
  return [(await api.listWebhooks()).length, (await api.listAuthProfiles()).length, (await api.listScenarios()).length, (await api.listBins()).length];
}

describe('workspace files', () => {
  it('an exported workspace imported into an empty data directory yields the same webhooks, secrets excepted', { timeout: 60_000 }, async () => {
    const source = await startTestService();
    await configure(source.api);
    const exported = await source.api.exportWorkspace();
    expect(exported.fileName).toMatch(/^hooklab-workspace-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exported.text).not.toContain('s3cret');
    expect(JSON.parse(exported.text).redacted).toEqual(
      expect.arrayContaining(['authProfiles[0].clientSecret', 'authProfiles[1].password', 'webhooks[0].signingSecrets']),
    );

    const target = await startTestService();
    const result = await target.api.importWorkspace({ text: exported.text });

    expect(comparable(await target.api.listWebhooks(), await profileNames(target.api))).toEqual(
      comparable(await source.api.listWebhooks(), await profileNames(source.api)),
    );
    expect(result.signingSecrets.map((s) => s.webhook)).toEqual(['EMS entitlements']);
    expect(result.needsSecrets.map(({ section, name, field }) => `${section}:${name}:${field}`)).toEqual(
      expect.arrayContaining([
        'authProfiles:ce-oauth:clientSecret',
        'authProfiles:ems-basic:password',
        'vendorAccounts:zentitle2:privateKey',
        'bins:qa:expectedAuth.password',
      ]),
    );
    const sourceKey = (await source.api.getVendorAccount({ vendor: 'zentitle2' })).signingKey!;
    const targetKey = (await target.api.getVendorAccount({ vendor: 'zentitle2' })).signingKey!;
    expect(targetKey.fingerprint).toBe(sourceKey.fingerprint);
    expect((await target.api.getVendorAccount({ vendor: 'flexnet' })).settings.tenant).toBe('acme');
    expect((await target.api.listScenarios()).filter((s) => !s.builtIn).map((s) => s.name)).toEqual(['My story']);
    expect(await target.api.getBinScript({ bin: 'qa' })).toMatchObject({ status: 503, expectedAuth: { kind: 'none' } });

    // What a user does next: types in the secrets that were left out.
    const basic = (await target.api.listAuthProfiles()).find((profile) => profile.name === 'ems-basic')!;
    expect(basic.hasSecret).toBe(false);
    const edit = { kind: 'basic' as const, name: basic.name, username: basic.username! };
    const missing = await target.api.updateAuthProfile({ id: basic.id, profile: { ...edit, password: null } }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'invalid_input', message: 'profile.password: is required: this profile has none to keep' });
    expect(await target.api.updateAuthProfile({ id: basic.id, profile: { ...edit, password: 'typed in' } })).toMatchObject({ id: basic.id, hasSecret: true });
  });

  it('credential reply headers of bins are left out of the file, asked for by an import, and kept by a replacing one', { timeout: 60_000 }, async () => {
    const source = await startTestService();
    await source.api.setBinScript({ bin: 'session', script: { headers: { 'Set-Cookie': 'sid=c00k1e-8f2a', 'X-Api-Token': 'tok-77e1', 'X-Trace': 'plain' } } });
    const exported = await source.api.exportWorkspace();
    expect(exported.text).not.toContain('c00k1e-8f2a');
    expect(exported.text).not.toContain('tok-77e1');
    const file = JSON.parse(exported.text);
    expect(file.redacted).toEqual(expect.arrayContaining(['bins[0].script.headers.Set-Cookie', 'bins[0].script.headers.X-Api-Token']));
    expect(file.bins[0].script.headers).toEqual({ 'Set-Cookie': null, 'X-Api-Token': null, 'X-Trace': 'plain' });

    const target = await startTestService();
    const imported = await target.api.importWorkspace({ text: exported.text });
    expect(imported.needsSecrets.map(({ section, name, field }) => `${section}:${name}:${field}`)).toEqual([
      'bins:session:headers.Set-Cookie',
      'bins:session:headers.X-Api-Token',
    ]);
    expect((await target.api.getBinScript({ bin: 'session' })).headers).toEqual({ 'X-Trace': 'plain' });

    file.bins[0].script.status = 201;
    const replaced = await source.api.importWorkspace({ text: JSON.stringify(file), onClash: 'replace' });
    expect(replaced.needsSecrets).toEqual([]);
    expect(await source.api.getBinScript({ bin: 'session' })).toMatchObject({
      status: 201,
      headers: { 'Set-Cookie': 'sid=c00k1e-8f2a', 'X-Api-Token': 'tok-77e1', 'X-Trace': 'plain' },
    });
  });

  it('a bad file names the path and changes nothing', { timeout: 60_000 }, async () => {
    const source = await startTestService();
    await configure(source.api);
    const file = JSON.parse((await source.api.exportWorkspace()).text);
    file.webhooks[2].endpointUrl = 'ftp://nope';
    file.webhooks[0].events[1] = 'No Such Event';
    const target = await startTestService();
    const before = await rowCounts(target.api);

    const error = await target.api.importWorkspace({ text: JSON.stringify(file) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('webhooks[2].endpointUrl: must be an absolute http') });

    file.webhooks[2].endpointUrl = URL_;
    const ruleError = await target.api.importWorkspace({ text: JSON.stringify(file) }).catch((e: unknown) => e);
    expect(ruleError).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('webhooks[0].events[1]') });
    file.webhooks[0].events = ['Entitlement Added'];
    file.webhooks[3].authProfile = 'nobody';
    const refError = await target.api.importWorkspace({ text: JSON.stringify(file) }).catch((e: unknown) => e);
    expect(refError).toMatchObject({ message: expect.stringContaining('webhooks[3].authProfile: no auth profile is named "nobody"') });
    expect(await rowCounts(target.api)).toEqual(before);
  });

  it('refuses a file from a newer Hooklab', async () => {
    const target = await startTestService();
    const error = await target.api
      .importWorkspace({ text: JSON.stringify({ format: 'hooklab-workspace', version: 2, webhooks: 'whatever' }) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_input', message: 'version: version 2 is newer than this Hooklab reads (1)' });
  });

  it('name clashes: refused without onClash, then skipped, renamed or replaced in place; entries as they are here are no clash', {
    timeout: 60_000,
  }, async () => {
    const service = await startTestService();
    await configure(service.api);
    const exported = JSON.parse((await service.api.exportWorkspace()).text);
    // The file differs from this workspace in every entry but the first webhook.
    for (const webhook of exported.webhooks.slice(1)) webhook.description = 'from the file';
    for (const profile of exported.authProfiles) {
      if (profile.name === 'ems-basic') profile.username = 'other';
      else profile.scope = 'other';
    }
    exported.bins.find((bin: { bin: string }) => bin.bin === 'qa').script.status = 502;
    exported.scenarios[0].description = 'from the file';
    const text = JSON.stringify(exported);
    const before = await rowCounts(service.api);

    const preview = await service.api.previewWorkspaceImport({ text });
    expect(preview.clashes).toEqual(
      expect.arrayContaining([
        { section: 'webhooks', name: 'FNO' },
        { section: 'authProfiles', name: 'ems-basic' },
        { section: 'bins', name: 'qa' },
        { section: 'scenarios', name: 'My story' },
      ]),
    );
    expect(preview.clashes).not.toContainEqual({ section: 'webhooks', name: 'EMS entitlements' });
    const refused = await service.api.importWorkspace({ text }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringContaining('webhooks "FNO"') });
    expect(await rowCounts(service.api)).toEqual(before);

    const skipped = await service.api.importWorkspace({ text, onClash: 'skip' });
    expect(skipped).toMatchObject({ skipped: { webhooks: 3 }, unchanged: { webhooks: 1 } });
    expect(await rowCounts(service.api)).toEqual(before);

    const ids = new Map((await service.api.listWebhooks()).map((w) => [w.name, w.id]));
    const replaced = await service.api.importWorkspace({ text, onClash: 'replace' });
    expect(replaced).toMatchObject({ replaced: { webhooks: 3 }, unchanged: { webhooks: 1 } });
    const fno = (await service.api.listWebhooks()).find((w) => w.name === 'FNO')!;
    expect(fno).toMatchObject({ id: ids.get('FNO'), description: 'from the file' });
    // The replaced profile keeps its own password: nothing to ask for.
    expect(replaced.needsSecrets.filter((s) => s.section === 'authProfiles')).toEqual([]);

    exported.webhooks[2].description = 'once more';
    const renamed = await service.api.importWorkspace({ text: JSON.stringify(exported), onClash: 'rename' });
    // After the replace, only what differs from the workspace is a clash: one webhook.
    expect(renamed.renamed).toEqual([{ section: 'webhooks', from: exported.webhooks[2].name, to: `${exported.webhooks[2].name} (2)` }]);
    expect(renamed.unchanged).toMatchObject({ webhooks: 3, authProfiles: 2, bins: 1, scenarios: 1 });
    expect((await service.api.listWebhooks()).map((w) => w.name)).toContain(`${exported.webhooks[2].name} (2)`);
  });

  it('renaming on a clash renames the references too', { timeout: 60_000 }, async () => {
    const service = await startTestService();
    await configure(service.api);
    const file = JSON.parse((await service.api.exportWorkspace()).text);
    for (const profile of file.authProfiles) {
      if (profile.name === 'ems-basic') profile.username = 'other';
      else profile.scope = 'other';
    }
    for (const webhook of file.webhooks) webhook.description = 'from the file';
    const renamed = await service.api.importWorkspace({ text: JSON.stringify(file), onClash: 'rename' });
    expect(renamed.renamed).toEqual(
      expect.arrayContaining([
        { section: 'webhooks', from: 'FNO', to: 'FNO (2)' },
        { section: 'authProfiles', from: 'ce-oauth', to: 'ce-oauth (2)' },
      ]),
    );
    const names = (await service.api.listWebhooks()).map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['EMS entitlements (2)', 'FNO (2)', 'Seats (2)', 'CE (2)']));
    const copy = (await service.api.listWebhooks()).find((w) => w.name === 'CE (2)')!;
    expect((await profileNames(service.api)).get(copy.authProfileId!)).toBe('ce-oauth (2)');
  });

  it("webhooks sending to the exporting workspace's receiver send to the importing one's", { timeout: 60_000 }, async () => {
    const source = await startTestService();
    await source.api.createWebhook({ name: 'to my bin', events: ['Entitlement Added'], endpointUrl: `${source.info.receiverUrl}/r/mine` });
    const target = await startTestService();
    expect(target.info.receiverUrl).not.toBe(source.info.receiverUrl);
    await target.api.importWorkspace({ text: (await source.api.exportWorkspace()).text });
    expect((await target.api.listWebhooks()).map((w) => w.endpointUrl)).toEqual([`${target.info.receiverUrl}/r/mine`]);
  });

  it('a bin renamed on import takes the webhooks sending to it along; a replace may not change the kind of a profile in use', { timeout: 60_000 }, async () => {
    const service = await startTestService();
    const { api } = service;
    await api.setBinScript({ bin: 'orders', script: { status: 200 } });
    await api.createWebhook({ name: 'to orders', events: ['Entitlement Added'], endpointUrl: `${service.info.receiverUrl}/r/orders/in?x=1` });
    const file = JSON.parse((await api.exportWorkspace()).text);
    file.bins[0].script.status = 202;
    file.webhooks[0].description = 'from the file';

    const renamed = await api.importWorkspace({ text: JSON.stringify(file), onClash: 'rename' });
    expect(renamed.renamed).toEqual([
      { section: 'bins', from: 'orders', to: 'orders-2' },
      { section: 'webhooks', from: 'to orders', to: 'to orders (2)' },
    ]);
    const copy = (await api.listWebhooks()).find((webhook) => webhook.name === 'to orders (2)')!;
    expect(copy.endpointUrl).toBe(`${service.info.receiverUrl}/r/orders-2/in?x=1`);
    expect(renamed.warnings).toEqual([]);

    const basic = await api.createAuthProfile({ kind: 'basic', name: 'shared', username: 'u', password: 'p' });
    const { id, signingSecrets: _secrets, createdAt: _created, updatedAt: _updated, ...fields } = copy;
    await api.updateWebhook({ id, webhook: { ...fields, authProfileId: basic.id } });
    const before = await rowCounts(api);
    const changedKind = { format: 'hooklab-workspace', version: 1, authProfiles: [{ kind: 'bearer', name: 'shared', token: 't' }] };
    const refused = await api.importWorkspace({ text: JSON.stringify(changedKind), onClash: 'replace' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'invalid_input',
      message: 'authProfiles[0].kind: cannot replace "basic" while 1 webhook(s) or vendor account(s) use the profile',
    });
    expect(await rowCounts(api)).toEqual(before);
    expect((await api.listAuthProfiles()).find((profile) => profile.name === 'shared')).toMatchObject({ kind: 'basic', hasSecret: true });
  });
});
