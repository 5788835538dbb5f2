import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appContract, appEventNames, appMethodNames } from '../../../../src-shared/contracts/app-contract.ts';
import { buildClientApi } from '../../../../src-shared/contracts/client-api-builder.ts';
import { noInput } from '../../../../src-shared/contracts/contract-kit.ts';
import { HTTP_EVENTS_ROUTE, httpRoute, ipcChannel, ipcEventChannel, listenerName } from '../../../../src-shared/contracts/transport-names.ts';
import { readSource, REPO_ROOT, repoRelative, sourceFiles, withoutComments } from '../../../fixtures/source-files.ts';

type InputKind = 'none' | 'optional' | 'required';

function inputKind(name: (typeof appMethodNames)[number]): InputKind {
  const schema = appContract.methods[name].input;
  if (schema === noInput) return 'none';
  return schema.safeParse(undefined).success ? 'optional' : 'required';
}

/**
 * The whole surface, written out by hand. A method or event added, removed or renamed, or a
 * change in how channels/routes are derived, fails here until this list is updated on purpose.
 */
const EXPECTED_METHODS: Record<string, { ipc: string; http: string; input: InputKind }> = {
  getAppInfo: { ipc: 'hooklab:call:getAppInfo', http: '/api/call/getAppInfo', input: 'none' },
  listWebhooks: { ipc: 'hooklab:call:listWebhooks', http: '/api/call/listWebhooks', input: 'none' },
  createWebhook: { ipc: 'hooklab:call:createWebhook', http: '/api/call/createWebhook', input: 'required' },
  updateWebhook: { ipc: 'hooklab:call:updateWebhook', http: '/api/call/updateWebhook', input: 'required' },
  deleteWebhook: { ipc: 'hooklab:call:deleteWebhook', http: '/api/call/deleteWebhook', input: 'required' },
  addSigningSecret: { ipc: 'hooklab:call:addSigningSecret', http: '/api/call/addSigningSecret', input: 'required' },
  removeSigningSecret: { ipc: 'hooklab:call:removeSigningSecret', http: '/api/call/removeSigningSecret', input: 'required' },
  getVendorAccount: { ipc: 'hooklab:call:getVendorAccount', http: '/api/call/getVendorAccount', input: 'required' },
  updateVendorAccount: { ipc: 'hooklab:call:updateVendorAccount', http: '/api/call/updateVendorAccount', input: 'required' },
  generateVendorKey: { ipc: 'hooklab:call:generateVendorKey', http: '/api/call/generateVendorKey', input: 'required' },
  importVendorKey: { ipc: 'hooklab:call:importVendorKey', http: '/api/call/importVendorKey', input: 'required' },
  listAuthProfiles: { ipc: 'hooklab:call:listAuthProfiles', http: '/api/call/listAuthProfiles', input: 'none' },
  createAuthProfile: { ipc: 'hooklab:call:createAuthProfile', http: '/api/call/createAuthProfile', input: 'required' },
  updateAuthProfile: { ipc: 'hooklab:call:updateAuthProfile', http: '/api/call/updateAuthProfile', input: 'required' },
  deleteAuthProfile: { ipc: 'hooklab:call:deleteAuthProfile', http: '/api/call/deleteAuthProfile', input: 'required' },
  fireEvent: { ipc: 'hooklab:call:fireEvent', http: '/api/call/fireEvent', input: 'required' },
  sendTestEvent: { ipc: 'hooklab:call:sendTestEvent', http: '/api/call/sendTestEvent', input: 'required' },
  listDeliveries: { ipc: 'hooklab:call:listDeliveries', http: '/api/call/listDeliveries', input: 'optional' },
  getFiredEvent: { ipc: 'hooklab:call:getFiredEvent', http: '/api/call/getFiredEvent', input: 'required' },
  getDelivery: { ipc: 'hooklab:call:getDelivery', http: '/api/call/getDelivery', input: 'required' },
  retryDeliveries: { ipc: 'hooklab:call:retryDeliveries', http: '/api/call/retryDeliveries', input: 'required' },
  markDeliveriesSuccessful: {
    ipc: 'hooklab:call:markDeliveriesSuccessful',
    http: '/api/call/markDeliveriesSuccessful',
    input: 'required',
  },
  redeliverDelivery: { ipc: 'hooklab:call:redeliverDelivery', http: '/api/call/redeliverDelivery', input: 'required' },
  getDeliveryRules: { ipc: 'hooklab:call:getDeliveryRules', http: '/api/call/getDeliveryRules', input: 'none' },
  getTimeScale: { ipc: 'hooklab:call:getTimeScale', http: '/api/call/getTimeScale', input: 'none' },
  setTimeScale: { ipc: 'hooklab:call:setTimeScale', http: '/api/call/setTimeScale', input: 'required' },
  resetClock: { ipc: 'hooklab:call:resetClock', http: '/api/call/resetClock', input: 'none' },
  listBins: { ipc: 'hooklab:call:listBins', http: '/api/call/listBins', input: 'none' },
  getBinScript: { ipc: 'hooklab:call:getBinScript', http: '/api/call/getBinScript', input: 'required' },
  setBinScript: { ipc: 'hooklab:call:setBinScript', http: '/api/call/setBinScript', input: 'required' },
  listReceiverClients: { ipc: 'hooklab:call:listReceiverClients', http: '/api/call/listReceiverClients', input: 'none' },
  createReceiverClient: { ipc: 'hooklab:call:createReceiverClient', http: '/api/call/createReceiverClient', input: 'required' },
  deleteReceiverClient: { ipc: 'hooklab:call:deleteReceiverClient', http: '/api/call/deleteReceiverClient', input: 'required' },
  listCaptures: { ipc: 'hooklab:call:listCaptures', http: '/api/call/listCaptures', input: 'optional' },
  getCapture: { ipc: 'hooklab:call:getCapture', http: '/api/call/getCapture', input: 'required' },
  deleteCapture: { ipc: 'hooklab:call:deleteCapture', http: '/api/call/deleteCapture', input: 'required' },
  clearBin: { ipc: 'hooklab:call:clearBin', http: '/api/call/clearBin', input: 'required' },
  getCaptureRetention: { ipc: 'hooklab:call:getCaptureRetention', http: '/api/call/getCaptureRetention', input: 'none' },
  setCaptureRetention: { ipc: 'hooklab:call:setCaptureRetention', http: '/api/call/setCaptureRetention', input: 'required' },
  importCaptures: { ipc: 'hooklab:call:importCaptures', http: '/api/call/importCaptures', input: 'required' },
  replay: { ipc: 'hooklab:call:replay', http: '/api/call/replay', input: 'required' },
  replayCaptures: { ipc: 'hooklab:call:replayCaptures', http: '/api/call/replayCaptures', input: 'required' },
  stopReplayCaptures: { ipc: 'hooklab:call:stopReplayCaptures', http: '/api/call/stopReplayCaptures', input: 'required' },
  listScenarios: { ipc: 'hooklab:call:listScenarios', http: '/api/call/listScenarios', input: 'none' },
  getScenario: { ipc: 'hooklab:call:getScenario', http: '/api/call/getScenario', input: 'required' },
  saveScenario: { ipc: 'hooklab:call:saveScenario', http: '/api/call/saveScenario', input: 'required' },
  deleteScenario: { ipc: 'hooklab:call:deleteScenario', http: '/api/call/deleteScenario', input: 'required' },
  createScenarioWebhooks: { ipc: 'hooklab:call:createScenarioWebhooks', http: '/api/call/createScenarioWebhooks', input: 'required' },
  runScenario: { ipc: 'hooklab:call:runScenario', http: '/api/call/runScenario', input: 'required' },
  startScenario: { ipc: 'hooklab:call:startScenario', http: '/api/call/startScenario', input: 'required' },
  controlScenarioRun: { ipc: 'hooklab:call:controlScenarioRun', http: '/api/call/controlScenarioRun', input: 'required' },
  listScenarioRuns: { ipc: 'hooklab:call:listScenarioRuns', http: '/api/call/listScenarioRuns', input: 'none' },
  exportProductionConfig: { ipc: 'hooklab:call:exportProductionConfig', http: '/api/call/exportProductionConfig', input: 'optional' },
  exportWorkspace: { ipc: 'hooklab:call:exportWorkspace', http: '/api/call/exportWorkspace', input: 'none' },
  previewWorkspaceImport: { ipc: 'hooklab:call:previewWorkspaceImport', http: '/api/call/previewWorkspaceImport', input: 'required' },
  importWorkspace: { ipc: 'hooklab:call:importWorkspace', http: '/api/call/importWorkspace', input: 'required' },
  runEndpointCheck: { ipc: 'hooklab:call:runEndpointCheck', http: '/api/call/runEndpointCheck', input: 'required' },
  listEndpointCheckRuns: { ipc: 'hooklab:call:listEndpointCheckRuns', http: '/api/call/listEndpointCheckRuns', input: 'optional' },
  getEndpointCheckRun: { ipc: 'hooklab:call:getEndpointCheckRun', http: '/api/call/getEndpointCheckRun', input: 'required' },
  getVendorApis: { ipc: 'hooklab:call:getVendorApis', http: '/api/call/getVendorApis', input: 'none' },
  setVendorApisEnabled: { ipc: 'hooklab:call:setVendorApisEnabled', http: '/api/call/setVendorApisEnabled', input: 'required' },
  listVendorApiCalls: { ipc: 'hooklab:call:listVendorApiCalls', http: '/api/call/listVendorApiCalls', input: 'optional' },
  evaluateCondition: { ipc: 'hooklab:call:evaluateCondition', http: '/api/call/evaluateCondition', input: 'required' },
  generateSampleState: { ipc: 'hooklab:call:generateSampleState', http: '/api/call/generateSampleState', input: 'required' },
};

const EXPECTED_EVENTS: Record<string, { ipc: string; listener: string }> = {
  deliveryChanged: { ipc: 'hooklab:event:deliveryChanged', listener: 'onDeliveryChanged' },
  bulkProgress: { ipc: 'hooklab:event:bulkProgress', listener: 'onBulkProgress' },
  replayProgress: { ipc: 'hooklab:event:replayProgress', listener: 'onReplayProgress' },
  scenarioRunChanged: { ipc: 'hooklab:event:scenarioRunChanged', listener: 'onScenarioRunChanged' },
  captureReceived: { ipc: 'hooklab:event:captureReceived', listener: 'onCaptureReceived' },
  capturesPruned: { ipc: 'hooklab:event:capturesPruned', listener: 'onCapturesPruned' },
  capturesDeleted: { ipc: 'hooklab:event:capturesDeleted', listener: 'onCapturesDeleted' },
  webhooksChanged: { ipc: 'hooklab:event:webhooksChanged', listener: 'onWebhooksChanged' },
  endpointCheckProgress: { ipc: 'hooklab:event:endpointCheckProgress', listener: 'onEndpointCheckProgress' },
  endpointCheckRunSaved: { ipc: 'hooklab:event:endpointCheckRunSaved', listener: 'onEndpointCheckRunSaved' },
  vendorApiCalled: { ipc: 'hooklab:event:vendorApiCalled', listener: 'onVendorApiCalled' },
  vendorApisChanged: { ipc: 'hooklab:event:vendorApisChanged', listener: 'onVendorApisChanged' },
};

describe('AppApi contract surface', () => {
  it('methods, their IPC channels, HTTP routes and input kinds are exactly the expected list', () => {
    const actual = Object.fromEntries(appMethodNames.map((name) => [name, { ipc: ipcChannel(name), http: httpRoute(name), input: inputKind(name) }]));
    expect(actual).toEqual(EXPECTED_METHODS);
  });

  it('events, their IPC channels and listener names are exactly the expected list', () => {
    const actual = Object.fromEntries(appEventNames.map((name) => [name, { ipc: ipcEventChannel(name), listener: listenerName(name) }]));
    expect(actual).toEqual(EXPECTED_EVENTS);
    expect(HTTP_EVENTS_ROUTE).toBe('/api/events');
  });

  it('the names-only lists (what the preload bundles) are exactly the contract methods and events, in order', () => {
    expect(appMethodNames).toEqual(Object.keys(appContract.methods));
    expect(appEventNames).toEqual(Object.keys(appContract.events));
  });

  it('no two methods or events share a channel or route', () => {
    const names = [...appMethodNames.map(ipcChannel), ...appMethodNames.map(httpRoute), ...appEventNames.map(ipcEventChannel), HTTP_EVENTS_ROUTE];
    expect(new Set(names).size).toBe(names.length);
  });

  it('a client built from the contract has one function per method and one onX per event, nothing else', async () => {
    const calls: [string, unknown][] = [];
    const api = buildClientApi(
      async (name, input) => {
        calls.push([name, input]);
        return `result of ${name}`;
      },
      () => () => {},
    ) as unknown as Record<string, (arg?: unknown) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(EXPECTED_METHODS), ...Object.values(EXPECTED_EVENTS).map((e) => e.listener)].sort());
    await expect(api.getDelivery({ id: 'd1' })).resolves.toBe('result of getDelivery');
    expect(calls).toEqual([['getDelivery', { id: 'd1' }]]);
    expect(typeof api.onDeliveryChanged(() => {})).toBe('function');
  });
});

describe('transport names are derived, never retyped', () => {
  it('no source code outside transport-names.ts spells a channel or route prefix (comments may describe them)', () => {
    const offenders = ['src-shared', 'src-main', 'src-renderer']
      .flatMap((dir) => sourceFiles(join(REPO_ROOT, dir)))
      .filter((file) => !file.endsWith(join('contracts', 'transport-names.ts')))
      .filter((file) => /hooklab:(call|event):|\/api\/call\//.test(withoutComments(readSource(file))))
      .map(repoRelative);
    expect(offenders).toEqual([]);
  });
});
