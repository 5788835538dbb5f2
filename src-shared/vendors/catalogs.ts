import type { CatalogEvent, VendorCatalog, VendorId } from '../domain/vendor.ts';
import { cloudEventsCatalog } from './cloudevents/catalog.ts';
import { flexnetCatalog } from './flexnet/catalog.ts';
import { sentinelCatalog } from './sentinel-ems/catalog.ts';
import { zentitle2Catalog } from './zentitle2/catalog.ts';

export const vendorCatalogs: Record<VendorId, VendorCatalog> = {
  'sentinel-ems': sentinelCatalog,
  flexnet: flexnetCatalog,
  zentitle2: zentitle2Catalog,
  cloudevents: cloudEventsCatalog,
};

export function catalogEvents(vendor: VendorId): CatalogEvent[] {
  return vendorCatalogs[vendor].entities.flatMap((entity) => entity.events);
}

export function findCatalogEvent(vendor: VendorId, eventName: string): CatalogEvent | undefined {
  return catalogEvents(vendor).find((candidate) => candidate.name === eventName);
}

/** A webhook's value for each of its vendor's options, defaults filled in. */
export function resolvedVendorOptions(vendor: VendorId, given: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(vendorCatalogs[vendor].options.map((option) => [option.key, given[option.key] ?? option.default]));
}
