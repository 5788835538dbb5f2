import { describe, expect, it } from 'vitest';
import { appContract, appMethodNames, type AppApi } from '../../../../src-shared/contracts/app-contract.ts';
import { parseInput } from '../../../../src-shared/contracts/contract-kit.ts';
import { httpRoute } from '../../../../src-shared/contracts/transport-names.ts';
import { JSON_DEPTH_MAX } from '../../../../src-shared/domain/json-depth.ts';
import { startTestServedWorkspace } from '../../../fixtures/app-service.ts';
import { bearer, callMethod } from '../../../fixtures/serve-api.ts';

const WEBHOOK = { name: 'w', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/x' };
const URL_TARGET = { kind: 'url', url: 'http://127.0.0.1:9/x' };

/**
 * A valid input of each method, as small as it gets (null: the method takes none). A method
 * missing here fails the first test below: add its row.
 */
const MINIMAL_INPUTS: Record<string, unknown> = {
  getAppInfo: null,
  listWebhooks: null,
  createWebhook: WEBHOOK,
  updateWebhook: { id: 'x', webhook: WEBHOOK },
  deleteWebhook: { id: 'x' },
  addSigningSecret: { webhookId: 'x' },
  removeSigningSecret: { webhookId: 'x', secretId: 'y' },
  getVendorAccount: { vendor: 'flexnet' },
  updateVendorAccount: { vendor: 'flexnet' },
  generateVendorKey: { vendor: 'zentitle2' },
  importVendorKey: { vendor: 'zentitle2', privateKeyPem: 'pem' },
  listAuthProfiles: null,
  createAuthProfile: { kind: 'none', name: 'p' },
  updateAuthProfile: { id: 'x', profile: { kind: 'none', name: 'p' } },
  deleteAuthProfile: { id: 'x' },
  fireEvent: { eventName: 'Entitlement Added' },
  sendTestEvent: { webhookId: 'x' },
  listDeliveries: {},
  getFiredEvent: { id: 'x' },
  getDelivery: { id: 'x' },
  retryDeliveries: { ids: ['x'] },
  markDeliveriesSuccessful: { ids: ['x'] },
  redeliverDelivery: { id: 'x' },
  getDeliveryRules: null,
  getTimeScale: null,
  setTimeScale: { scale: 60 },
  resetClock: null,
  listBins: null,
  getBinScript: { bin: 'b' },
  setBinScript: { bin: 'b', script: {} },
  listReceiverClients: null,
  createReceiverClient: { name: 'c' },
  deleteReceiverClient: { id: 'x' },
  listCaptures: {},
  getCapture: { id: 'x' },
  deleteCapture: { id: 'x' },
  clearBin: { bin: 'b' },
  getCaptureRetention: null,
  setCaptureRetention: { maxCount: 100 },
  importCaptures: { text: '[]' },
  replay: { source: { kind: 'capture', id: 'x' }, target: URL_TARGET },
  replayCaptures: { bin: 'b', target: URL_TARGET },
  stopReplayCaptures: { operationId: 'x' },
  listScenarios: null,
  getScenario: { id: 'x' },
  saveScenario: { name: 's', steps: [{ vendor: 'sentinel-ems', eventName: 'Entitlement Added' }] },
  deleteScenario: { id: 'x' },
  createScenarioWebhooks: { id: 'x' },
  runScenario: { name: 's' },
  startScenario: { name: 's' },
  controlScenarioRun: { runId: 'x', action: 'pause' },
  listScenarioRuns: null,
  exportProductionConfig: {},
  exportWorkspace: null,
  previewWorkspaceImport: { text: '{}' },
  importWorkspace: { text: '{}' },
  runEndpointCheck: { url: 'http://127.0.0.1:9/x', vendor: 'sentinel-ems' },
  listEndpointCheckRuns: {},
  getEndpointCheckRun: { id: 'x' },
  getVendorApis: {},
  setVendorApisEnabled: { enabled: true },
  listVendorApiCalls: {},
  evaluateCondition: { condition: '', payload: {} },
  generateSampleState: { eventName: 'Entitlement Added' },
};

/** Everything a refused call could have changed, as the API shows it. */
async function workspaceState(api: AppApi) {
  const { text } = await api.exportWorkspace();
  const { exportedAt: _when, ...workspace } = JSON.parse(text) as Record<string, unknown>;
  return {
    workspace,
    deliveries: await api.listDeliveries({}),
    captures: await api.listCaptures({}),
    captureRetention: await api.getCaptureRetention(),
    timeScale: (await api.getTimeScale()).scale,
    receiverClients: await api.listReceiverClients(),
    runs: await api.listScenarioRuns(),
    checkRuns: await api.listEndpointCheckRuns(),
    vendorApisEnabled: (await api.getVendorApis()).enabled,
    accounts: await Promise.all((['sentinel-ems', 'flexnet', 'zentitle2', 'cloudevents'] as const).map((vendor) => api.getVendorAccount({ vendor }))),
  };
}

describe('every contract method refuses unknown fields', () => {
  it('has a minimal input for every method', () => {
    const missing = appMethodNames.filter((name) => !Object.hasOwn(MINIMAL_INPUTS, name));
    expect(missing, `add a row to MINIMAL_INPUTS in ${import.meta.filename} for: ${missing.join(', ')}`).toEqual([]);
  });

  it.each(appMethodNames.filter((name) => Object.hasOwn(MINIMAL_INPUTS, name)))('%s: the minimal input is valid', (name) => {
    expect(() => parseInput(appContract.methods[name].input, MINIMAL_INPUTS[name])).not.toThrow();
  });

  it('over HTTP, each method with an unknown field answers 400 naming it, and nothing changes', async () => {
    const { apiUrl, token, service } = await startTestServedWorkspace();
    const before = await workspaceState(service.api);
    for (const name of appMethodNames) {
      const input = MINIMAL_INPUTS[name] ?? {};
      const response = await callMethod(apiUrl, name, { ...(input as object), surplusField: 1 }, bearer(token));
      expect(response.status, name).toBe(400);
      expect(response.body, name).toMatchObject({ code: 'invalid_input', details: { issues: [{ path: '', message: 'unknown field(s): surplusField' }] } });
    }
    expect(await workspaceState(service.api)).toEqual(before);
  });
});

/** `{"condition":"","payload":{"a":{"a":…}}}` nested `levels` deep, built as text: building it as an object and serializing it would recurse. */
const deepConditionBody = (levels: number) => `{"condition":"","payload":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;

describe(`input nested more than ${JSON_DEPTH_MAX} levels deep`, () => {
  it.each([5_000, 100_000])('over HTTP, %i levels answer 400 naming the too-deep value; the server goes on answering', async (levels) => {
    const { apiUrl, token } = await startTestServedWorkspace();
    const response = await fetch(`${apiUrl}${httpRoute('evaluateCondition')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: deepConditionBody(levels),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; details: { issues: { path: string; message: string }[] } };
    expect(body.code).toBe('invalid_input');
    // The outermost object is level 1, payload level 2: the value at level 65 is 63 "a"s below payload.
    expect(body.details.issues).toEqual([
      { path: `payload${'.a'.repeat(JSON_DEPTH_MAX - 1)}`, message: `nests objects or lists more than ${JSON_DEPTH_MAX} levels deep` },
    ]);
    expect((await callMethod(apiUrl, 'getTimeScale', null, bearer(token))).status).toBe(200);
  });

  it('exactly the limit is accepted', async () => {
    const { apiUrl, token } = await startTestServedWorkspace();
    const response = await fetch(`${apiUrl}${httpRoute('evaluateCondition')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: deepConditionBody(JSON_DEPTH_MAX - 1),
    });
    expect(response.status).toBe(200);
  });

  it('in process, lists nested 100,000 deep are refused the same way, before anything copies them', async () => {
    const { service } = await startTestServedWorkspace();
    const deep: unknown = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    await expect(service.api.fireEvent({ eventName: 'Entitlement Added', currentState: { nested: deep } })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: `currentState.nested${'[0]'.repeat(JSON_DEPTH_MAX - 2)}` }] },
    });
    expect((await service.api.listDeliveries({})).total).toBe(0);
  });
});
