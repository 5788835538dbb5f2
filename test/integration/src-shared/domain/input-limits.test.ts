import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../../../src-shared/contracts/app-contract.ts';
import { AUTH_IDENTIFIER_MAX, AUTH_SECRET_MAX } from '../../../../src-shared/domain/auth-profile.ts';
import { CAPTURE_IMPORT_REQUESTS_MAX, CAPTURE_IMPORT_TEXT_MAX } from '../../../../src-shared/domain/capture-import.ts';
import { JSON_DEPTH_MAX } from '../../../../src-shared/domain/json-depth.ts';
import { JSON_STATE_MAX } from '../../../../src-shared/domain/json-object.ts';
import { SCENARIO_STEPS_MAX } from '../../../../src-shared/domain/scenario.ts';
import { VENDOR_VALUES_MAX } from '../../../../src-shared/domain/vendor.ts';
import { WEBHOOK_EVENTS_MAX } from '../../../../src-shared/domain/webhook.ts';
import { WORKSPACE_FILE_TEXT_MAX, WORKSPACE_SECTION_MAX } from '../../../../src-shared/domain/workspace-file.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { rejection } from '../../../fixtures/rejection.ts';

const MB = 'x'.repeat(1_000_000);
const webhook = { name: 'w', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/x' };
const step = { vendor: 'sentinel-ems' as const, eventName: 'Entitlement Added' };
const workspaceText = (entries: object) => JSON.stringify({ format: 'hooklab-workspace', version: 1, ...entries });
const capture = { method: 'POST', path: '/', headers: {}, body: { encoding: 'utf8', text: '' } };
const nested = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** Everything the calls below could have written. */
async function snapshot(api: AppApi) {
  return {
    webhooks: await api.listWebhooks(),
    profiles: await api.listAuthProfiles(),
    scenarios: await api.listScenarios(),
    deliveries: (await api.listDeliveries({})).total,
    bins: await api.listBins(),
    account: await api.getVendorAccount({ vendor: 'flexnet' }),
  };
}

describe('sizes and counts: too much input is refused naming the field and the limit, and nothing changes', () => {
  it.each<[string, (api: AppApi) => Promise<unknown>, string, string]>([
    [
      'a 1 MB Basic user name',
      (api) => api.createAuthProfile({ kind: 'basic', name: 'b', username: MB, password: 'p' }),
      'username',
      `must be at most ${AUTH_IDENTIFIER_MAX} characters`,
    ],
    [
      'a 1 MB password',
      (api) => api.createAuthProfile({ kind: 'basic', name: 'b', username: 'u', password: MB }),
      'password',
      `must be at most ${AUTH_SECRET_MAX} characters`,
    ],
    ['a 1 MB Bearer token', (api) => api.createAuthProfile({ kind: 'bearer', name: 'b', token: MB }), 'token', `must be at most ${AUTH_SECRET_MAX} characters`],
    [
      'a 1 MB OAuth client secret',
      (api) => api.createAuthProfile({ kind: 'oauth2', name: 'o', tokenUrl: 'http://127.0.0.1:9/t', clientId: 'c', clientSecret: MB }),
      'clientSecret',
      `must be at most ${AUTH_SECRET_MAX} characters`,
    ],
    [
      'a 1 MB OAuth scope',
      (api) => api.createAuthProfile({ kind: 'oauth2', name: 'o', tokenUrl: 'http://127.0.0.1:9/t', clientId: 'c', clientSecret: 's', scope: MB }),
      'scope',
      'must be at most 1000 characters',
    ],
    [
      '10,000 events in a webhook',
      (api) => api.createWebhook({ ...webhook, events: Array(10_000).fill('Entitlement Added') }),
      'events',
      `must list at most ${WEBHOOK_EVENTS_MAX} events`,
    ],
    ['a 1 MB event name', (api) => api.createWebhook({ ...webhook, events: [MB] }), 'events[0]', 'must be at most 200 characters'],
    [
      'a 1 MB endpoint URL',
      (api) => api.createWebhook({ ...webhook, endpointUrl: `http://127.0.0.1/${MB}` }),
      'endpointUrl',
      'must be at most 2000 characters',
    ],
    [
      'too many vendor options',
      (api) => api.createWebhook({ ...webhook, vendorOptions: Object.fromEntries(Array.from({ length: VENDOR_VALUES_MAX + 1 }, (_, i) => [`k${i}`, 'v'])) }),
      'vendorOptions',
      `must have at most ${VENDOR_VALUES_MAX} options`,
    ],
    [
      'a 1 MB account setting',
      (api) => api.updateVendorAccount({ vendor: 'flexnet', settings: { tenant: MB } }),
      'settings.tenant',
      'must be at most 2000 characters',
    ],
    [
      '50,000 scenario steps',
      (api) => api.saveScenario({ name: 's', steps: Array(50_000).fill(step) }),
      'steps',
      `must have at most ${SCENARIO_STEPS_MAX} steps`,
    ],
    [
      'a state over 1 MB of JSON',
      (api) => api.fireEvent({ eventName: 'Entitlement Added', currentState: { blob: MB } }),
      'currentState',
      `must be at most ${JSON_STATE_MAX} characters as JSON`,
    ],
    [
      'scenario state edits over 1 MB of JSON',
      (api) => api.saveScenario({ name: 's', steps: [{ ...step, stateEdits: { blob: MB } }] }),
      'steps[0].stateEdits',
      `must be at most ${JSON_STATE_MAX} characters as JSON`,
    ],
    ['a 1 MB webhook id', (api) => api.deleteWebhook({ id: MB }), 'id', 'must be at most 200 characters'],
    [
      'a workspace file over the size limit',
      (api) => api.previewWorkspaceImport({ text: ' '.repeat(WORKSPACE_FILE_TEXT_MAX + 1) }),
      'text',
      `must be at most ${WORKSPACE_FILE_TEXT_MAX} characters`,
    ],
    [
      'a workspace file with too many webhooks',
      (api) =>
        api.importWorkspace({
          text: workspaceText({ webhooks: Array.from({ length: WORKSPACE_SECTION_MAX + 1 }, (_, i) => ({ ...webhook, name: `w${i}` })) }),
        }),
      'webhooks',
      `must have at most ${WORKSPACE_SECTION_MAX} entries`,
    ],
    [
      'a workspace file nested too deep',
      (api) => api.importWorkspace({ text: workspaceText({ scenarios: 'deep' }).replace('"deep"', nested(5_000)) }),
      `scenarios${'[0]'.repeat(JSON_DEPTH_MAX - 1)}`,
      `nests objects or lists more than ${JSON_DEPTH_MAX} levels deep`,
    ],
    [
      'a capture file over the size limit',
      (api) => api.importCaptures({ text: ' '.repeat(CAPTURE_IMPORT_TEXT_MAX + 1) }),
      'text',
      `must be at most ${CAPTURE_IMPORT_TEXT_MAX} characters`,
    ],
    [
      'a capture file with too many requests',
      (api) => api.importCaptures({ text: JSON.stringify(Array(CAPTURE_IMPORT_REQUESTS_MAX + 1).fill(capture)) }),
      'text',
      `holds ${CAPTURE_IMPORT_REQUESTS_MAX + 1} requests; one import takes at most ${CAPTURE_IMPORT_REQUESTS_MAX}`,
    ],
    [
      'a capture file nested too deep',
      (api) => api.importCaptures({ text: nested(100_000) }),
      'text',
      `nests objects or lists more than ${JSON_DEPTH_MAX} levels deep (at ${'[0]'.repeat(JSON_DEPTH_MAX)})`,
    ],
    [
      'a 1 MB replay URL',
      (api) => api.replay({ source: { kind: 'capture', id: 'c' }, target: { kind: 'url', url: `http://127.0.0.1/${MB}` } }),
      'target.url',
      'must be at most 2000 characters',
    ],
  ])('%s', { timeout: 60_000 }, async (_case, call, path, message) => {
    const { api } = await startTestService();
    const before = await snapshot(api);
    const error = await rejection(call(api));
    expect(error.code).toBe('invalid_input');
    expect((error.details as { issues: unknown[] }).issues).toContainEqual({ path, message: expect.stringContaining(message) });
    expect(await snapshot(api)).toEqual(before);
  });

  it('what fits the limits is taken', { timeout: 60_000 }, async () => {
    const { api } = await startTestService();
    const secret = 's'.repeat(AUTH_SECRET_MAX);
    await expect(api.createAuthProfile({ kind: 'bearer', name: 'long token', token: secret })).resolves.toMatchObject({ hasSecret: true });
    const steps = Array(SCENARIO_STEPS_MAX).fill(step);
    await expect(api.saveScenario({ name: 'long story', steps })).resolves.toMatchObject({ steps: expect.any(Array) });
  });
});
