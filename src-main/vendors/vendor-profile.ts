import type { HttpHeaders } from '../../src-shared/domain/delivery.ts';
import type { FiredEvent } from '../../src-shared/domain/event.ts';
import type { CatalogEvent, VendorCatalog } from '../../src-shared/domain/vendor.ts';
import type { RetryPolicy } from '../../src-shared/domain/retry-policy.ts';

export type EntityState = Record<string, unknown>;

export interface GeneratedEntity {
  entityId: string;
  previousState: EntityState | null;
  currentState: EntityState | null;
}

export interface GenerateOptions {
  activity: string;
  /** Same seed, same entity: runs are reproducible. */
  seed: number;
  entityId?: string;
}

/** The webhook-side facts a payload needs. */
export interface PayloadTarget {
  webhookId: string;
  webhookName: string;
  includeData: boolean;
}

export interface VendorPayload {
  headers: HttpHeaders;
  body: string;
}

/**
 * Everything that differs between vendors. The engine only talks to this interface, so a new
 * vendor is a new folder under src-main/vendors plus its catalog in src-shared/vendors.
 */
export interface VendorProfile {
  catalog: VendorCatalog;
  /** Used by webhooks without a policy of their own. */
  retryPolicy: RetryPolicy;
  /** Shown to users: where the default schedule comes from and whether it is an assumption. */
  retryPolicySource: string;
  generateEntity(event: CatalogEvent, options: GenerateOptions): GeneratedEntity;
  buildPayload(event: FiredEvent, target: PayloadTarget): VendorPayload;
}
