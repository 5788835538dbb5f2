import { z } from 'zod';

export const VENDOR_IDS = ['sentinel-ems'] as const;
export const vendorIdSchema = z.enum(VENDOR_IDS);
export type VendorId = z.infer<typeof vendorIdSchema>;

export type CatalogOperation = 'Create' | 'Update' | 'Delete';

/** One event of a vendor's catalog, named exactly as the vendor names it. */
export interface CatalogEvent {
  name: string;
  entity: string;
  operation: CatalogOperation;
  activities: readonly string[];
  /** Whether the vendor lets a webhook on this event carry a trigger condition. */
  conditionsAllowed: boolean;
}

export interface CatalogEntity {
  name: string;
  /** Extra words shown next to the entity, e.g. "the User entity". */
  note?: string;
  events: readonly CatalogEvent[];
}

export interface VendorCatalog {
  vendor: VendorId;
  label: string;
  entities: readonly CatalogEntity[];
}
