import type { FastifyInstance } from 'fastify';
import { AppError } from '../../src-shared/errors.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { VendorApiCall, VendorApisState } from '../../src-shared/domain/vendor-api.ts';
import { vendorCatalogs } from '../../src-shared/vendors/catalogs.ts';
import { VENDOR_API_ASSUMPTIONS } from '../../src-shared/vendors/vendor-api-assumptions.ts';
import type { SettingsRepository } from '../storage/settings-repository.ts';
import { createVendorApiApp } from './vendor-api-app.ts';
import { VendorApiLog } from './vendor-api-log.ts';
import type { VendorApiDeps, VendorApiModule } from './vendor-api-module.ts';

const ENABLED_SETTING = 'vendorApi.enabled';
const PORT_SETTING = 'vendorApi.port';

export interface VendorApiListenerOptions {
  settings: SettingsRepository;
  modules: readonly VendorApiModule[];
  deps: VendorApiDeps;
  onCall(call: VendorApiCall): void;
  /** Listen on this port instead of the one this data directory used last (0: any free port). */
  port?: number;
  requestTimeoutMs?: number;
  /** False in a CLI command: the setting is read and changed, nothing listens. */
  serves: boolean;
}

/**
 * The emulated vendor APIs' listener: on 127.0.0.1 while the setting says so, on the port this
 * workspace used last (another one, with a warning, when that is taken), off at the user's word.
 */
export class VendorApiListener {
  private readonly options: VendorApiListenerOptions;
  private readonly log: VendorApiLog;
  private app: FastifyInstance | null = null;
  private url: string | null = null;
  /** The port "any free port" (0) got the first time: switched off and on again, clients keep the URL they were given. */
  private freePort: number | null = null;
  /** Runs start and stop one after the other: a switch flipped twice quickly ends in the last state. */
  private transition: Promise<unknown> = Promise.resolve();

  constructor(options: VendorApiListenerOptions) {
    this.options = options;
    this.log = new VendorApiLog(options.onCall);
  }

  get enabled(): boolean {
    return this.options.settings.get(ENABLED_SETTING) !== 'false';
  }

  /** Starts listening if the setting allows; a warning for the person starting Hooklab, or null. */
  async start(): Promise<string | null> {
    return this.enabled && this.options.serves ? this.serialized(() => this.listen()) : null;
  }

  async setEnabled(enabled: boolean): Promise<VendorApisState> {
    this.options.settings.set(ENABLED_SETTING, String(enabled));
    if (this.options.serves) await this.serialized(() => (enabled ? this.listen() : this.stop()));
    return this.state();
  }

  async close(): Promise<void> {
    await this.serialized(() => this.stop());
  }

  calls(vendor: VendorId | undefined, limit: number | undefined): VendorApiCall[] {
    return this.log.list(vendor, limit);
  }

  state(): VendorApisState {
    const { settings, modules, deps } = this.options;
    const saved = Number(settings.get(PORT_SETTING) ?? 0);
    return {
      enabled: this.enabled,
      url: this.url,
      port: this.url ? Number(new URL(this.url).port) : saved || null,
      vendors: modules.map((module) => ({
        vendor: module.vendor,
        label: vendorCatalogs[module.vendor].label,
        ...module.access(this.url, deps.credentials),
      })),
      assumptions: VENDOR_API_ASSUMPTIONS,
    };
  }

  private serialized<T>(step: () => Promise<T>): Promise<T> {
    const next = this.transition.then(step, step);
    this.transition = next.catch(() => undefined);
    return next;
  }

  private async listen(): Promise<string | null> {
    if (this.app) return null;
    const { settings, modules, deps, port: explicit, requestTimeoutMs } = this.options;
    const app = createVendorApiApp({ modules, deps, log: this.log, requestTimeoutMs });
    const saved = Number(settings.get(PORT_SETTING) ?? 0);
    const wanted = explicit === 0 && this.freePort !== null ? this.freePort : (explicit ?? saved);
    let warning: string | null = null;
    try {
      await app.listen({ host: '127.0.0.1', port: wanted });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      // A port the user named is theirs to change; a remembered one gives way to any free port.
      if (explicit) {
        throw new AppError('conflict', `vendor API port ${explicit} is taken by another program: choose another port, or 0 for any free one`);
      }
      await app.listen({ host: '127.0.0.1', port: 0 });
      warning = `Vendor API port ${wanted} is taken; the vendor APIs listen on another port this time, so clients configured with port ${wanted} will fail.`;
    }
    const port = (app.server.address() as { port: number }).port;
    if (!saved) settings.set(PORT_SETTING, String(port));
    if (explicit === 0) this.freePort = port;
    this.app = app;
    this.url = `http://127.0.0.1:${port}`;
    return warning;
  }

  private async stop(): Promise<null> {
    const app = this.app;
    this.app = null;
    this.url = null;
    await app?.close();
    return null;
  }
}
