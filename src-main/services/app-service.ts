import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppApi, AppEventPayloads, AppHandlers, FireEventResult } from '../../src-shared/contracts/app-contract.ts';
import { createDirectApi } from '../../src-shared/contracts/client-api.ts';
import { EventHub } from '../../src-shared/contracts/event-hub.ts';
import type { AppInfo, AppMode } from '../../src-shared/domain/app-info.ts';
import { DEFAULT_BIN_SCRIPT } from '../../src-shared/domain/bin-script.ts';
import type { CaptureSummary } from '../../src-shared/domain/capture.ts';
import type { CapturesPruned } from '../../src-shared/domain/capture-retention.ts';
import type { EventOrigin } from '../../src-shared/domain/event.ts';
import { TIME_SCALES, type TimeScale, type TimeScaleState } from '../../src-shared/domain/time-scale.ts';
import { AppError } from '../../src-shared/errors.ts';
import { VENDOR_IDS } from '../../src-shared/domain/vendor.ts';
import { vendorCatalogs } from '../../src-shared/vendors/catalogs.ts';
import { evaluateCondition } from '../conditions/condition-evaluation.ts';
import { createScaledClock, systemClock, type Clock } from '../engine/clock.ts';
import { Dispatcher } from '../engine/dispatcher.ts';
import { HttpSender } from '../engine/http-sender.ts';
import { EndpointValidator } from '../engine/endpoint-validation.ts';
import type { RandomSource } from '../engine/retry-policy.ts';
import { createKeyFileSecretBox, KEY_FILE } from '../platform/key-file-secret-box.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { checkNSignatureKey } from '../receiver/n-signature-verification.ts';
import { createReceiverApp } from '../receiver/receiver-app.ts';
import type { VerificationKeys } from '../receiver/capture-verification.ts';
import { AuthProfileRepository, publicAuthProfile } from '../storage/auth-profile-repository.ts';
import { BinScriptRepository } from '../storage/bin-script-repository.ts';
import { CaptureRepository } from '../storage/capture-repository.ts';
import { CaptureRetentionRepository } from '../storage/capture-retention-repository.ts';
import { DATABASE_FILE, openDatabase, type Db } from '../storage/database.ts';
import { ensureDataDir } from '../storage/data-dir.ts';
import { makeDataDirPrivate } from '../storage/private-data-dir.ts';
import { sealPlainCredentials } from '../storage/credential-sealing.ts';
import { DeliveryRepository } from '../storage/delivery-repository.ts';
import { EndpointValidationRepository } from '../storage/endpoint-validation-repository.ts';
import { GroupCommit } from '../storage/group-commit.ts';
import { startWalCheckpointer } from '../storage/wal-checkpointer.ts';
import { SettingsRepository } from '../storage/settings-repository.ts';
import { ReceiverClientRepository } from '../storage/receiver-client-repository.ts';
import { tokenSigningKey } from '../receiver/token-signing-key.ts';
import { OAuthTokenCache } from '../engine/oauth-token-cache.ts';
import { runEndpointCheck } from '../endpoint-check/endpoint-check-run.ts';
import { EndpointCheckRepository } from '../storage/endpoint-check-repository.ts';
import { createAuthProfile, deleteAuthProfile, updateAuthProfile, type AuthProfileDeps } from './auth-profiles.ts';
import { createReceiverClient, deleteReceiverClient, listReceiverClients, type ReceiverClientDeps } from './receiver-clients.ts';
import { VendorAccountRepository } from '../storage/vendor-account-repository.ts';
import { WebhookRepository } from '../storage/webhook-repository.ts';
import { WEBHOOK_TIMEOUT_DEFAULT_MS } from '../../src-shared/domain/webhook.ts';
import { AccountSigningKeys } from '../engine/account-signing-keys.ts';
import { generateVendorKey, getVendorAccount, importVendorKey, updateVendorAccount, type VendorAccountDeps } from './vendor-accounts.ts';
import { vendorProfiles } from '../vendors/vendor-registry.ts';
import { acquireDataDir, OWNER_FILE, type Ownership } from './data-dir-owner.ts';
import { createDemoWorkspaceOnce } from './demo-workspace.ts';
import { markDeliveriesSuccessful, redeliverDelivery, retryDeliveries, type DeliveryOperationDeps } from './delivery-operations.ts';
import { deliveryRules } from './delivery-rules.ts';
import { fireEvent } from './fire-event.ts';
import { ScenarioLibrary } from './scenario-library.ts';
import { ScenarioRuns } from './scenario-runs.ts';
import { createScenarioWebhooks } from './scenario-webhooks.ts';
import { ScenarioRepository } from '../storage/scenario-repository.ts';
import { exportProductionConfig } from './production-export.ts';
import { importCaptures } from './capture-import.ts';
import { replay, replayCaptures, stopReplayCaptures, type ReplayDeps } from './replay.ts';
import { sendTestEvent } from './test-event.ts';
import { generateSampleState } from './sample-state.ts';
import { addSigningSecret, saveWebhook, type WebhookDeps } from './webhooks.ts';
import { HOOKLAB_VERSION } from './version.ts';
import { exportWorkspace, type WorkspaceExportDeps } from './workspace-file-export.ts';
import { vendorApiCredentials } from '../vendor-api/vendor-api-credentials.ts';
import { VendorApiListener } from '../vendor-api/vendor-api-listener.ts';
import { vendorApiModules } from '../vendor-api/vendor-api-modules.ts';
import { importWorkspace, previewWorkspaceImport, type WorkspaceImportDeps } from './workspace-file-import.ts';

export interface AppServiceOptions {
  dataDir: string;
  mode: AppMode;
  /** Port of the built-in receiver; defaults to the one this data directory used last. */
  receiverPort?: number;
  /** Real time; the engine runs a scaled clock on top of it. */
  clock?: Clock;
  /** Start at this time scale instead of the one this data directory used last. */
  timeScale?: TimeScale;
  secrets?: SecretBox;
  /** Tries in flight at once, over all endpoints (default 64). */
  concurrency?: number;
  /** Tries in flight at once to one endpoint origin (default 8). */
  concurrencyPerOrigin?: number;
  /** Deadline for a whole request to the built-in receiver (RECEIVER_REQUEST_TIMEOUT_MS); short in tests. */
  receiverRequestTimeoutMs?: number;
  /** Retry jitter and scripted failure rates draw from it; seeded in tests. */
  random?: RandomSource;
  /** Port of the emulated vendor APIs; defaults to the one this data directory used last. */
  vendorApiPort?: number;
  /** Create the demo webhook on first run (default true). */
  demoWorkspace?: boolean;
}

export interface AppService {
  handlers: AppHandlers;
  events: EventHub<AppEventPayloads>;
  /** The same API the shells expose, in process (validation included). */
  api: AppApi;
  info: AppInfo;
  ownership: Ownership;
  dispatcher: Dispatcher;
  /** Notes for the person starting Hooklab (e.g. the receiver had to move port). */
  warnings: string[];
  close(): Promise<void>;
}

const RECEIVER_PORT_SETTING = 'receiver.port';
/**
 * Kept across restarts: deliveries already scheduled in (fast) vendor time would otherwise wait
 * that long in real time after a restart at 1×.
 */
const TIME_SCALE_SETTING = 'clock.timeScale';

function savedTimeScale(settings: SettingsRepository): TimeScale {
  const saved = Number(settings.get(TIME_SCALE_SETTING));
  return (TIME_SCALES as readonly number[]).includes(saved) ? (saved as TimeScale) : 1;
}

async function listenReceiver(app: FastifyInstance, settings: SettingsRepository, explicit: number | undefined) {
  const saved = Number(settings.get(RECEIVER_PORT_SETTING) ?? 0);
  const wanted = explicit ?? saved;
  const warnings: string[] = [];
  try {
    await app.listen({ host: '127.0.0.1', port: wanted });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || explicit !== undefined) throw error;
    await app.listen({ host: '127.0.0.1', port: 0 });
    warnings.push(`Receiver port ${wanted} is taken; the receiver listens on another port this time, so webhooks pointing at port ${wanted} will fail.`);
  }
  const port = (app.server.address() as { port: number }).port;
  if (!saved) settings.set(RECEIVER_PORT_SETTING, String(port));
  return { url: `http://127.0.0.1:${port}`, warnings };
}

/** What Hooklab itself writes in a data directory; anything else there is the user's. */
const WORKSPACE_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, KEY_FILE, OWNER_FILE];

/**
 * The composition root: one engine on one data directory. Every shell (desktop, serve, CLI)
 * starts exactly this and talks to it only through `handlers`/`events` (the AppApi contract).
 */
export async function startAppService(options: AppServiceOptions): Promise<AppService> {
  const dataDir = ensureDataDir(options.dataDir);
  // Before the database opens: SQLite makes its -wal and -shm files with the database's mode.
  const privacyNotices = makeDataDirPrivate(dataDir, WORKSPACE_FILES);
  const ownership = acquireDataDir(dataDir, options.mode);
  let db: Db | null = null;
  try {
    db = openDatabase(join(dataDir, DATABASE_FILE));
    return await assemble(options, dataDir, db, ownership, privacyNotices);
  } catch (error) {
    db?.close();
    ownership.release();
    throw error;
  }
}

async function assemble(options: AppServiceOptions, dataDir: string, db: Db, ownership: Ownership, notices: string[]): Promise<AppService> {
  const secrets = options.secrets ?? createKeyFileSecretBox(dataDir);
  const sealedRows = sealPlainCredentials(db, secrets);
  if (sealedRows > 0) notices.push(`Sealed the credentials an earlier Hooklab stored in plain text (${sealedRows} stored header sets and bin scripts).`);
  const events = new EventHub<AppEventPayloads>();
  const webhooks = new WebhookRepository(db);
  const authProfiles = new AuthProfileRepository(db);
  const deliveries = new DeliveryRepository(db, secrets);
  const captures = new CaptureRepository(db, secrets);
  const binScripts = new BinScriptRepository(db, secrets);
  const settings = new SettingsRepository(db);
  const retention = new CaptureRetentionRepository(db, settings);
  const accounts = new VendorAccountRepository(db);
  const wallClock = options.clock ?? systemClock;
  const clock = createScaledClock(wallClock, options.timeScale ?? savedTimeScale(settings));
  const timeScaleState = (): TimeScaleState => ({ scale: clock.scale as TimeScale, vendorNow: clock.now(), realNow: wallClock.now() });

  // The vendor whose account key signs N-Signature (Zentitle2): the receiver checks with its key.
  const nSignatureVendor = VENDOR_IDS.find((vendor) => vendorCatalogs[vendor].signature === 'n-signature') ?? null;
  const commits = new GroupCommit(db);
  const receiverClients = new ReceiverClientRepository(db);
  // What the receiver checks requests with; imported requests are checked the same way.
  const verificationKeys: VerificationKeys = {
    // receiverUrl is set before the receiver handles its first request (right after it listens).
    tokens: { clients: receiverClients, key: tokenSigningKey(settings, secrets), issuer: () => receiverUrl, now: clock.now },
    nSignatureAccountKey: () => (nSignatureVendor ? (accounts.get(nSignatureVendor)?.publicKeyPem ?? null) : null),
  };
  const onCapture = (capture: CaptureSummary) => events.emit('captureReceived', capture);
  const onPruned = (pruned: CapturesPruned) => events.emit('capturesPruned', pruned);
  const receiver = createReceiverApp({
    commits,
    captures,
    retention,
    scripts: binScripts,
    now: clock.now,
    wallNow: wallClock.now,
    keys: verificationKeys,
    random: options.random,
    onCapture,
    onPruned,
    requestTimeoutMs: options.receiverRequestTimeoutMs,
  });
  const { url: receiverUrl, warnings } = await listenReceiver(receiver, settings, options.receiverPort);

  // A try in flight is one socket and at most 64 KiB of kept body: 64 of them cost little, and
  // 32 endpoints that each hold a try open (until its deadline) still leave half the slots free.
  const concurrency = options.concurrency ?? 64;
  // As many sockets as tries in flight: with fewer, tries to one endpoint (the built-in receiver,
  // say) queue inside undici, and the dispatcher's concurrency is not what goes on the wire.
  // OAuth token fetches and CloudEvents handshakes serve many webhooks: they get the default deadline.
  const sender = new HttpSender({ timeoutMs: WEBHOOK_TIMEOUT_DEFAULT_MS, connectionsPerOrigin: concurrency });
  const tokens = new OAuthTokenCache({ secrets, clock, sender });
  const userAgent = `Hooklab/${HOOKLAB_VERSION}`;
  const signingKeys = new AccountSigningKeys(secrets);
  const checkRuns = new EndpointCheckRepository(db, secrets);
  /** Endpoint checks under way, by run id: one run per id, and stopped when the engine closes. */
  const runningChecks = new Map<string, AbortController>();
  const dispatcher = new Dispatcher({
    commits,
    deliveries,
    webhooks,
    authProfiles,
    secrets,
    sender,
    clock,
    wallNow: wallClock.now,
    profiles: vendorProfiles,
    accounts,
    signingKeys,
    tokens,
    endpointValidator: new EndpointValidator({ commits, consents: new EndpointValidationRepository(db), sender, now: clock.now, userAgent }),
    userAgent,
    concurrency,
    // Eight saturated origins are needed to fill the engine: one slow or hanging endpoint leaves
    // seven eighths of the slots to the others, and 8 is more than most receivers take at once.
    concurrencyPerOrigin: options.concurrencyPerOrigin ?? 8,
    onDeliveryChanged: (delivery) => events.emit('deliveryChanged', delivery),
    random: options.random,
  });

  const info: AppInfo = { version: HOOKLAB_VERSION, mode: options.mode, dataDir, receiverUrl };
  const webhooksChanged = () => events.emit('webhooksChanged', { webhooks: webhooks.list() });
  const operationDeps: DeliveryOperationDeps = {
    deliveries,
    clock,
    onDeliveryChanged: (delivery) => events.emit('deliveryChanged', delivery),
    onProgress: (progress) => events.emit('bulkProgress', progress),
    onDue: () => dispatcher.wake(),
  };
  const replayDeps: ReplayDeps = {
    ...operationDeps,
    commits,
    captures,
    webhooks,
    onProgress: (progress) => events.emit('replayProgress', progress),
    bulkReplays: new Map(),
  };
  const accountDeps: VendorAccountDeps = { accounts, authProfiles, secrets, now: clock.now };
  const clientDeps: ReceiverClientDeps = { clients: receiverClients, receiverUrl, now: clock.now };
  const notFound = (what: string, id: string) => new AppError('not_found', `No ${what} has id "${id}"`);
  /** Writes an event and its deliveries in one commit, then tells listeners and the dispatcher. */
  const send = async (write: () => FireEventResult): Promise<FireEventResult> => {
    const result = await commits.run(write);
    for (const delivery of result.deliveries) events.emit('deliveryChanged', delivery);
    dispatcher.wake();
    return result;
  };
  const fire = (input: Parameters<typeof fireEvent>[1], origin: EventOrigin) =>
    send(() => fireEvent({ webhooks, deliveries, profiles: vendorProfiles, clock }, input, origin));
  const webhookDeps: WebhookDeps = { webhooks, authProfiles, accountDeps, secrets, now: clock.now };
  const scenarioRepository = new ScenarioRepository(db);
  const authProfileDeps: AuthProfileDeps = { authProfiles, webhooks, accounts, secrets, now: clock.now };
  const scenarios = new ScenarioLibrary(scenarioRepository, clock.now);
  const workspaceDeps: WorkspaceExportDeps = {
    webhooks,
    authProfiles,
    accounts,
    binScripts,
    captures,
    scenarios: scenarioRepository,
    receiverUrl,
    now: clock.now,
  };
  const workspaceImportDeps: WorkspaceImportDeps = { ...workspaceDeps, commits, secrets, accountDeps, library: scenarios };
  const scenarioRuns = new ScenarioRuns({
    profiles: vendorProfiles,
    clock,
    fire: (input) => fire(input, 'scenario'),
    onChange: (status) => events.emit('scenarioRunChanged', status),
  });

  const handlers: AppHandlers = {
    getAppInfo: () => info,

    listWebhooks: () => webhooks.list(),
    createWebhook: (draft) => {
      const created = saveWebhook(webhookDeps, null, draft);
      webhooksChanged();
      return created;
    },
    updateWebhook: ({ id, webhook }) => {
      if (!webhooks.get(id)) throw notFound('webhook', id);
      const updated = saveWebhook(webhookDeps, id, webhook);
      webhooksChanged();
      return updated;
    },
    deleteWebhook: ({ id }) => {
      if (!webhooks.delete(id)) throw notFound('webhook', id);
      webhooksChanged();
      return { id };
    },

    addSigningSecret: ({ webhookId, secret }) => {
      if (!webhooks.get(webhookId)) throw notFound('webhook', webhookId);
      const added = addSigningSecret(webhookDeps, webhookId, secret);
      webhooksChanged();
      return { webhook: webhooks.get(webhookId)!, secret: added };
    },
    removeSigningSecret: ({ webhookId, secretId }) => {
      if (!webhooks.removeSigningSecret(webhookId, secretId)) throw notFound('signing secret of this webhook', secretId);
      webhooksChanged();
      return webhooks.get(webhookId)!;
    },

    getVendorAccount: ({ vendor }) => getVendorAccount(accountDeps, vendor),
    updateVendorAccount: (input) => updateVendorAccount(accountDeps, input),
    generateVendorKey: ({ vendor }) => generateVendorKey(accountDeps, vendor),
    importVendorKey: ({ vendor, privateKeyPem }) => importVendorKey(accountDeps, vendor, privateKeyPem),

    listAuthProfiles: () => authProfiles.list().map(publicAuthProfile),
    createAuthProfile: (input) => createAuthProfile(authProfileDeps, input),
    updateAuthProfile: ({ id, profile }) => updateAuthProfile(authProfileDeps, id, profile),
    deleteAuthProfile: ({ id }) => deleteAuthProfile(authProfileDeps, id),

    fireEvent: (input) => fire(input, 'synthetic'),
    sendTestEvent: ({ webhookId }) => send(() => sendTestEvent({ webhooks, deliveries, clock }, webhookId)),
    listDeliveries: (filter) => deliveries.listDeliveries(filter),
    getFiredEvent: ({ id }) => {
      const event = deliveries.getEvent(id);
      if (!event) throw notFound('event', id);
      return { event, deliveries: deliveries.listEventDeliveries(id), skipped: deliveries.listSkipped(id) };
    },
    getDelivery: ({ id }) => {
      const delivery = deliveries.getDelivery(id);
      if (!delivery) throw notFound('delivery', id);
      const due = (delivery.status === 'pending' || delivery.status === 'retrying') && (delivery.nextAttemptAt ?? Infinity) <= clock.now();
      return {
        delivery,
        event: deliveries.getEvent(delivery.eventId)!,
        attempts: deliveries.listAttempts(id),
        slotWait: due ? dispatcher.slotWait(delivery.endpointUrl) : null,
        skipped: deliveries.listSkipped(delivery.eventId),
      };
    },
    retryDeliveries: (selection) => retryDeliveries(operationDeps, selection),
    markDeliveriesSuccessful: (selection) => markDeliveriesSuccessful(operationDeps, selection),
    redeliverDelivery: ({ id }) => redeliverDelivery(operationDeps, id),
    getDeliveryRules: () => deliveryRules(vendorProfiles),

    getTimeScale: () => timeScaleState(),
    setTimeScale: ({ scale }) => {
      clock.setScale(scale);
      scenarioRuns.scaleChanged();
      settings.set(TIME_SCALE_SETTING, String(scale));
      return timeScaleState();
    },
    resetClock: async () => {
      // One commit: the dispatcher claims against the clock and the schedule moving together.
      const shift = await commits.run(() => {
        const moved = clock.reset();
        deliveries.shiftSchedule(moved);
        return moved;
      });
      scenarioRuns.clockMoved(shift);
      dispatcher.wake();
      return timeScaleState();
    },

    listBins: () => {
      const scripts = binScripts.all();
      return captures.listBins().map((bin) => ({ ...bin, url: `${receiverUrl}/r/${bin.name}`, script: scripts.get(bin.name) ?? DEFAULT_BIN_SCRIPT }));
    },
    getBinScript: ({ bin }) => binScripts.get(bin) ?? DEFAULT_BIN_SCRIPT,
    setBinScript: ({ bin, script }) => {
      checkNSignatureKey(script.nSignatureKey);
      binScripts.set(bin, script, clock.now());
      return script;
    },
    listReceiverClients: () => listReceiverClients(clientDeps),
    createReceiverClient: ({ name }) => createReceiverClient(clientDeps, name),
    deleteReceiverClient: ({ id }) => deleteReceiverClient(clientDeps, id),
    listCaptures: (filter) => captures.list(filter),
    getCapture: ({ id }) => {
      const capture = captures.get(id);
      if (!capture) throw notFound('capture', id);
      return capture;
    },
    deleteCapture: ({ id }) => {
      const bin = captures.delete(id);
      if (bin === null) throw notFound('capture', id);
      events.emit('capturesDeleted', { bin, captureId: id, count: 1 });
      return { id };
    },
    clearBin: ({ bin }) => {
      const deleted = captures.clearBin(bin);
      if (deleted === null) throw new AppError('not_found', `No bin is named "${bin}"`);
      events.emit('capturesDeleted', { bin, captureId: null, count: deleted });
      return { bin, deleted };
    },
    getCaptureRetention: () => retention.get(),
    setCaptureRetention: async (changes) => {
      const pruned = await commits.run(() => {
        retention.setLimits({ ...retention.limits(), ...changes });
        return retention.prune('limits-lowered');
      });
      if (pruned) onPruned(pruned);
      return retention.get();
    },
    importCaptures: (input) =>
      importCaptures(
        { commits, captures, retention, scripts: binScripts, keys: verificationKeys, now: clock.now, wallNow: wallClock.now, onCapture, onPruned },
        input,
      ),
    replay: (input) => replay(replayDeps, input),
    replayCaptures: (input) => replayCaptures(replayDeps, input),
    stopReplayCaptures: ({ operationId }) => stopReplayCaptures(replayDeps, operationId),

    listScenarios: () => scenarios.list(),
    getScenario: ({ id }) => scenarios.get(id),
    saveScenario: ({ id, ...definition }) => scenarios.save(id, definition),
    deleteScenario: ({ id }) => {
      scenarios.delete(id);
      return { id };
    },
    createScenarioWebhooks: async ({ id }) => {
      const result = await commits.run(() => createScenarioWebhooks(webhookDeps, scenarios.get(id), receiverUrl));
      if (result.created.length > 0) webhooksChanged();
      return result;
    },
    runScenario: ({ speed, maxWaitMs, runId, ...ref }) => scenarioRuns.start(scenarios.find(ref), { speed, maxWaitMs, runId, paused: false }).done,
    startScenario: ({ speed, maxWaitMs, runId, paused, ...ref }) => scenarioRuns.start(scenarios.find(ref), { speed, maxWaitMs, runId, paused }).status(),
    controlScenarioRun: (input) => scenarioRuns.control(input),
    listScenarioRuns: () => scenarioRuns.list(),

    exportProductionConfig: (input) => exportProductionConfig({ webhooks, accountDeps, profiles: vendorProfiles, timeScale: () => clock.scale }, input),

    exportWorkspace: () => exportWorkspace(workspaceDeps),
    previewWorkspaceImport: ({ text }) => previewWorkspaceImport(workspaceImportDeps, text),
    importWorkspace: async ({ text, onClash }) => {
      const result = await importWorkspace(workspaceImportDeps, text, onClash);
      webhooksChanged();
      return result;
    },

    runEndpointCheck: async (input) => {
      const runId = input.runId ?? randomUUID();
      if (runningChecks.has(runId) || checkRuns.has(runId)) {
        throw new AppError('conflict', `runId: an endpoint check run with id "${runId}" exists or is under way`, {
          issues: [{ path: 'runId', message: 'is taken' }],
        });
      }
      const stop = new AbortController();
      runningChecks.set(runId, stop);
      try {
        // The user's endpoint checks timestamps and token expiry on the wall clock, whatever the engine's time scale.
        const checkDeps = {
          webhooks,
          authProfiles,
          accounts,
          profiles: vendorProfiles,
          sender,
          tokens,
          secrets,
          signingKeys,
          userAgent,
          clock: wallClock,
          receiverTokens: verificationKeys.tokens,
        };
        const run = await runEndpointCheck(checkDeps, { ...input, runId, signal: stop.signal }, (progress) => events.emit('endpointCheckProgress', progress));
        await commits.run(() => checkRuns.save(run));
        const { cases: _cases, ...summary } = run;
        events.emit('endpointCheckRunSaved', summary);
        return run;
      } finally {
        runningChecks.delete(runId);
      }
    },
    listEndpointCheckRuns: ({ limit }) => checkRuns.list(limit),
    getEndpointCheckRun: ({ id }) => {
      const run = checkRuns.get(id);
      if (!run) throw notFound('endpoint check run', id);
      return run;
    },

    getVendorApis: () => vendorApis.state(),
    setVendorApisEnabled: async ({ enabled }) => {
      const state = await vendorApis.setEnabled(enabled);
      events.emit('vendorApisChanged', state);
      return state;
    },
    listVendorApiCalls: (input) => vendorApis.calls(input?.vendor, input?.limit),

    evaluateCondition: ({ condition, payload }) => evaluateCondition(condition, payload),
    generateSampleState: (input) => generateSampleState(vendorProfiles, input),
  };

  const api = createDirectApi(handlers, events);
  const vendorApis = new VendorApiListener({
    settings,
    modules: vendorApiModules,
    deps: { api, credentials: vendorApiCredentials(settings, secrets), now: wallClock.now },
    onCall: (call) => events.emit('vendorApiCalled', call),
    port: options.vendorApiPort,
    // A CLI command is gone in a moment: it reports and changes the APIs' settings, it does not serve them.
    serves: options.mode !== 'cli',
  });
  try {
    const vendorApiWarning = await vendorApis.start();
    if (vendorApiWarning) warnings.push(vendorApiWarning);
    if (options.demoWorkspace ?? true) await createDemoWorkspaceOnce(api, settings, receiverUrl);
  } catch (error) {
    // What listens already must stop, or the process outlives its failed start.
    await vendorApis.close();
    await receiver.close();
    await sender.close();
    commits.flush();
    throw error;
  }
  // A CLI command lives for a few writes, checkpointed when it closes; a worker would only slow its start.
  const checkpointer = options.mode === 'cli' ? null : startWalCheckpointer(db);
  dispatcher.start();

  let closed = false;
  return {
    handlers,
    events,
    api,
    info,
    ownership,
    dispatcher,
    warnings: [...notices, ...warnings],
    async close() {
      if (closed) return;
      closed = true;
      scenarioRuns.stopAll();
      // Their requests are cut when the sender closes: a run ended that way is not kept.
      for (const stop of runningChecks.values()) stop.abort();
      await vendorApis.close();
      await dispatcher.stop();
      await receiver.close();
      await sender.close();
      await checkpointer?.stop();
      commits.flush();
      db.close();
      ownership.release();
    },
  };
}
