import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppApi } from '../../src-shared/contracts/app-contract.ts';
import type { VendorApiAccess, VendorApiVendor } from '../../src-shared/domain/vendor-api.ts';
import type { VendorApiCredentials } from './vendor-api-credentials.ts';

/** What a vendor's emulated API works with: the engine only through its contract, as any client. */
export interface VendorApiDeps {
  /** The in-process AppApi (validation included): webhooks made here deliver like any other. */
  api: AppApi;
  credentials: VendorApiCredentials;
  /** Wall-clock time, for the tokens the APIs issue: clients check expiry on their own clock. */
  now(): number;
}

/** One vendor's management API: its routes, and how a client reaches them. */
export interface VendorApiModule {
  vendor: VendorApiVendor;
  /** Path prefixes of its routes, which attribute a call in the log to the vendor. */
  pathPrefixes: readonly string[];
  register(app: FastifyInstance, deps: VendorApiDeps): void;
  /**
   * Answers a refusal in the vendor's error shape where its routes' own handlers do not run: a
   * malformed URL, a body too large for a route outside a scope, a path no route has.
   */
  refuse(request: FastifyRequest, reply: FastifyReply, status: number, message: string): FastifyReply;
  /** `origin` is http://127.0.0.1:port, or null when the APIs are not listening. */
  access(origin: string | null, credentials: VendorApiCredentials): Omit<VendorApiAccess, 'vendor' | 'label'>;
}
