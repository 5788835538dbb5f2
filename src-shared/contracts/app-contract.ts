import { z } from 'zod';
import type { AppInfo } from '../domain/app-info.ts';
import { authProfileInputSchema, updateAuthProfileInputSchema, type AuthProfile } from '../domain/auth-profile.ts';
import { binRefSchema, setBinScriptInputSchema, type BinScript } from '../domain/bin-script.ts';
import {
  captureFilterSchema,
  clearBinInputSchema,
  deleteCaptureInputSchema,
  type Bin,
  type CaptureDetail,
  type CaptureSummary,
  type CapturesDeleted,
  type ClearedBin,
} from '../domain/capture.ts';
import { setCaptureRetentionInputSchema, type CaptureRetention, type CapturesPruned } from '../domain/capture-retention.ts';
import { importCapturesInputSchema, type ImportedCaptures } from '../domain/capture-import.ts';
import { evaluateConditionInputSchema, sampleStateInputSchema, type ConditionEvaluation, type SampleState } from '../domain/condition.ts';
import {
  deliveryFilterSchema,
  deliverySelectionSchema,
  type BulkProgress,
  type BulkResult,
  type DeliveryDetail,
  type DeliveryPage,
  type DeliverySummary,
} from '../domain/delivery.ts';
import type { DeliveryRules } from '../domain/delivery-rules.ts';
import {
  listEndpointCheckRunsInputSchema,
  runEndpointCheckInputSchema,
  type CheckProgress,
  type CheckRun,
  type CheckRunSummary,
} from '../domain/endpoint-check.ts';
import { fireEventInputSchema, type FiredEvent, type SkippedWebhook } from '../domain/event.ts';
import { createReceiverClientInputSchema, type CreatedReceiverClient, type ReceiverClient } from '../domain/receiver-client.ts';
import {
  replayCapturesInputSchema,
  replayInputSchema,
  stopReplayCapturesInputSchema,
  type ReplayCapturesResult,
  type ReplayProgress,
  type ReplayResult,
} from '../domain/replay.ts';
import { productionExportInputSchema, type ProductionExport } from '../domain/production-export.ts';
import {
  controlScenarioRunInputSchema,
  runScenarioInputSchema,
  saveScenarioInputSchema,
  startScenarioInputSchema,
  type Scenario,
  type ScenarioRunStatus,
  type ScenarioWebhooks,
} from '../domain/scenario.ts';
import { idSchema } from '../domain/record-id.ts';
import { timeScaleSchema, type TimeScaleState } from '../domain/time-scale.ts';
import { webhookInputSchema, type Webhook } from '../domain/webhook.ts';
import {
  importWorkspaceInputSchema,
  previewWorkspaceImportInputSchema,
  type WorkspaceExport,
  type WorkspaceImportPreview,
  type WorkspaceImportResult,
} from '../domain/workspace-file.ts';
import { importVendorKeyInputSchema, updateVendorAccountInputSchema, vendorRefSchema, type VendorAccount } from '../domain/vendor-account.ts';
import { listVendorApiCallsInputSchema, setVendorApisEnabledInputSchema, type VendorApiCall, type VendorApisState } from '../domain/vendor-api.ts';
import { addSigningSecretInputSchema, removeSigningSecretInputSchema } from '../domain/webhook-signing.ts';
import { event, method, noInput, type ClientApi, type EventPayloads, type EventSpec, type Handlers, type MethodSpec } from './contract-kit.ts';
import { appEventNames, appMethodNames, type AppEventName, type AppMethodName } from './app-names.ts';

const byId = z.strictObject({ id: idSchema });

/** The only time a signing secret leaves the engine in full: right after it was added. */
export interface AddedSigningSecret {
  webhook: Webhook;
  secret: string;
}

export interface FireEventResult {
  event: FiredEvent;
  deliveries: DeliverySummary[];
  /** Every other webhook subscribed to the event, and why it got no delivery. */
  skipped: SkippedWebhook[];
}

/**
 * The one list of what the engine offers. IPC channels, preload functions and HTTP routes are
 * all derived from it (see transport-names.ts); nothing else spells a method name.
 */
export const appContract = {
  // `satisfies` keeps each spec's own type and rejects a name missing from, or not in, app-names.ts.
  methods: {
    getAppInfo: method(noInput).returns<AppInfo>(),

    listWebhooks: method(noInput).returns<Webhook[]>(),
    createWebhook: method(webhookInputSchema).returns<Webhook>(),
    updateWebhook: method(byId.extend({ webhook: webhookInputSchema })).returns<Webhook>(),
    deleteWebhook: method(byId).returns<{ id: string }>(),
    /** Generates a Standard Webhooks secret unless one is given; it signs beside the others (rotation). */
    addSigningSecret: method(addSigningSecretInputSchema).returns<AddedSigningSecret>(),
    removeSigningSecret: method(removeSigningSecretInputSchema).returns<Webhook>(),

    /** What a vendor keeps per tenant/account: settings, shared credentials (FlexNet), the signing key (Zentitle2). */
    getVendorAccount: method(vendorRefSchema).returns<VendorAccount>(),
    updateVendorAccount: method(updateVendorAccountInputSchema).returns<VendorAccount>(),
    /** Replaces the account's RSA key pair with a new one; receivers need the new public key. */
    generateVendorKey: method(vendorRefSchema).returns<VendorAccount>(),
    importVendorKey: method(importVendorKeyInputSchema).returns<VendorAccount>(),

    listAuthProfiles: method(noInput).returns<AuthProfile[]>(),
    createAuthProfile: method(authProfileInputSchema).returns<AuthProfile>(),
    /** Changes a profile in place (its webhooks stay linked); a secret left out (null) keeps the stored one. */
    updateAuthProfile: method(updateAuthProfileInputSchema).returns<AuthProfile>(),
    deleteAuthProfile: method(byId).returns<{ id: string }>(),

    fireEvent: method(fireEventInputSchema).returns<FireEventResult>(),
    /** Zentitle2 "Test": an event with an empty payload for this one webhook, never retried. */
    sendTestEvent: method(z.strictObject({ webhookId: idSchema })).returns<FireEventResult>(),
    /** A fired event with its deliveries as they stand now and the webhooks it skipped, and why. */
    getFiredEvent: method(byId).returns<FireEventResult>(),
    listDeliveries: method(deliveryFilterSchema).returns<DeliveryPage>(),
    getDelivery: method(byId).returns<DeliveryDetail>(),
    /** Failed deliveries get a new round of up to `manualRetryAttempts` tries; others are skipped. */
    retryDeliveries: method(deliverySelectionSchema).returns<BulkResult>(),
    /** Failed deliveries become marked_successful (they leave the failure queue); others are skipped. */
    markDeliveriesSuccessful: method(deliverySelectionSchema).returns<BulkResult>(),
    /** Sends a succeeded (or marked successful) delivery again: a new round, same event id. */
    redeliverDelivery: method(byId).returns<DeliverySummary>(),
    getDeliveryRules: method(noInput).returns<DeliveryRules>(),

    getTimeScale: method(noInput).returns<TimeScaleState>(),
    setTimeScale: method(timeScaleSchema).returns<TimeScaleState>(),
    /** Puts the engine clock back to real time (the scale stays); pending retries and scenario waits keep what is left of their delays. */
    resetClock: method(noInput).returns<TimeScaleState>(),

    listBins: method(noInput).returns<Bin[]>(),
    getBinScript: method(binRefSchema).returns<BinScript>(),
    setBinScript: method(setBinScriptInputSchema).returns<BinScript>(),
    /** Clients of the receiver's OAuth token endpoint (`POST <receiver>/oauth/token`). */
    listReceiverClients: method(noInput).returns<ReceiverClient[]>(),
    createReceiverClient: method(createReceiverClientInputSchema).returns<CreatedReceiverClient>(),
    deleteReceiverClient: method(byId).returns<{ id: string }>(),
    listCaptures: method(captureFilterSchema).returns<CaptureSummary[]>(),
    getCapture: method(byId).returns<CaptureDetail>(),
    deleteCapture: method(deleteCaptureInputSchema).returns<{ id: string }>(),
    /** Deletes every capture of a bin; the bin and its script stay. */
    clearBin: method(clearBinInputSchema).returns<ClearedBin>(),
    /** The workspace's capture limits, what it holds and what the limits have pruned so far. */
    getCaptureRetention: method(noInput).returns<CaptureRetention>(),
    /** Changes the limits given; lower limits prune the oldest captures at once (announced by `capturesPruned`). */
    setCaptureRetention: method(setCaptureRetentionInputSchema).returns<CaptureRetention>(),
    /** Requests from Hooklab capture JSON, a HAR file or curl commands become captures of a bin; a bad file imports nothing. */
    importCaptures: method(importCapturesInputSchema).returns<ImportedCaptures>(),
    /** Sends a capture or an attempt again (exact, or re-signed by a target webhook) as an event of origin `replay`. */
    replay: method(replayInputSchema).returns<ReplayResult>(),
    /** Replays a bin's captures at a rate, with `replayProgress` events. */
    replayCaptures: method(replayCapturesInputSchema).returns<ReplayCapturesResult>(),
    /** Stops a bulk replay before its next capture; what was sent stays sent. */
    stopReplayCaptures: method(stopReplayCapturesInputSchema).returns<{ operationId: string }>(),

    /** Built-in scenarios (read-only, ids `builtin:…`) and the user's. */
    listScenarios: method(noInput).returns<Scenario[]>(),
    getScenario: method(byId).returns<Scenario>(),
    /** Creates a scenario, or replaces the user scenario `id`; every step must be an event (and activity) of its vendor's catalog. */
    saveScenario: method(saveScenarioInputSchema).returns<Scenario>(),
    deleteScenario: method(byId).returns<{ id: string }>(),
    /** Webhooks to the built-in receiver for the scenario's events that no enabled, unconditional webhook delivers yet. */
    createScenarioWebhooks: method(byId).returns<ScenarioWebhooks>(),
    /** Plays a scenario's steps in order, each after its delay on the engine clock; resolves when the last has fired. */
    runScenario: method(runScenarioInputSchema).returns<ScenarioRunStatus>(),
    /** Starts a run in the background (paused before its first step if asked) and answers at once; follow it with `scenarioRunChanged`. */
    startScenario: method(startScenarioInputSchema).returns<ScenarioRunStatus>(),
    /** Pause, resume, step (fire the next step now, then hold), stop, or change a run's speed. */
    controlScenarioRun: method(controlScenarioRunInputSchema).returns<ScenarioRunStatus>(),
    /** This engine's runs, newest first: those under way and the last ones over. */
    listScenarioRuns: method(noInput).returns<ScenarioRunStatus[]>(),

    /** Webhooks in their vendors' REST API formats (JSON bodies, curl scripts); secrets only when asked for. */
    exportProductionConfig: method(productionExportInputSchema).returns<ProductionExport>(),
    /** Everything configured (webhooks, auth profiles, vendor accounts, bins, user scenarios) as one JSON file, secrets redacted. */
    exportWorkspace: method(noInput).returns<WorkspaceExport>(),
    /** What importing a workspace file would do: counts, name clashes, secrets it leaves out. */
    previewWorkspaceImport: method(previewWorkspaceImportInputSchema).returns<WorkspaceImportPreview>(),
    /** Imports a workspace file whole or not at all; with name clashes, `onClash` is required. */
    importWorkspace: method(importWorkspaceInputSchema).returns<WorkspaceImportResult>(),

    /**
     * Sends the endpoint check's battery of cases to `url` (signatures, auth, handshake, duplicates,
     * bad bodies), one `endpointCheckProgress` per case; resolves with the run, which is kept.
     */
    runEndpointCheck: method(runEndpointCheckInputSchema).returns<CheckRun>(),
    /** Kept endpoint check runs, newest first, without their cases. */
    listEndpointCheckRuns: method(listEndpointCheckRunsInputSchema).returns<CheckRunSummary[]>(),
    getEndpointCheckRun: method(byId).returns<CheckRun>(),

    /** The emulated vendor management APIs: whether they are on, where they listen, the credentials to use, every assumed path or field. */
    getVendorApis: method(noInput).returns<VendorApisState>(),
    /** Switches the vendor APIs on or off (kept across restarts); webhooks they made stay. */
    setVendorApisEnabled: method(setVendorApisEnabledInputSchema).returns<VendorApisState>(),
    /** The live log of calls to the vendor APIs, newest first (kept in memory while Hooklab runs). */
    listVendorApiCalls: method(listVendorApiCallsInputSchema).returns<VendorApiCall[]>(),

    evaluateCondition: method(evaluateConditionInputSchema).returns<ConditionEvaluation>(),
    generateSampleState: method(sampleStateInputSchema).returns<SampleState>(),
  } satisfies Record<AppMethodName, MethodSpec>,
  events: {
    deliveryChanged: event<DeliverySummary>(),
    bulkProgress: event<BulkProgress>(),
    replayProgress: event<ReplayProgress>(),
    scenarioRunChanged: event<ScenarioRunStatus>(),
    captureReceived: event<CaptureSummary>(),
    /** The oldest captures were pruned to keep the workspace within its capture limits. */
    capturesPruned: event<CapturesPruned>(),
    /** Captures deleted with deleteCapture or clearBin, so every window drops them. */
    capturesDeleted: event<CapturesDeleted>(),
    webhooksChanged: event<{ webhooks: Webhook[] }>(),
    /** One case of an endpoint check run has ended. */
    endpointCheckProgress: event<CheckProgress>(),
    /** An endpoint check run has ended and is kept (from any window or the CLI). */
    endpointCheckRunSaved: event<CheckRunSummary>(),
    /** A call to an emulated vendor API was answered. */
    vendorApiCalled: event<VendorApiCall>(),
    /** The vendor APIs were switched on or off (from any window or the CLI), with where they listen now. */
    vendorApisChanged: event<VendorApisState>(),
  } satisfies Record<AppEventName, EventSpec>,
} as const;

export type AppMethods = typeof appContract.methods;
export type AppEvents = typeof appContract.events;
export { appEventNames, appMethodNames, type AppEventName, type AppMethodName };

/** The API every shell hands to the renderer and the CLI. */
export type AppApi = ClientApi<AppMethods, AppEvents>;
export type AppHandlers = Handlers<AppMethods>;
export type AppEventPayloads = EventPayloads<AppEvents>;

export function isAppMethodName(name: string): name is AppMethodName {
  return Object.hasOwn(appContract.methods, name);
}
