import type { CatalogEvent, VendorCatalog, VendorId } from '../domain/vendor.ts';
import { sentinelCatalog } from './sentinel-ems/catalog.ts';

export const vendorCatalogs: Record<VendorId, VendorCatalog> = {
  'sentinel-ems': sentinelCatalog,
};

export function catalogEvents(vendor: VendorId): CatalogEvent[] {
  return vendorCatalogs[vendor].entities.flatMap((entity) => entity.events);
}

export function findCatalogEvent(vendor: VendorId, eventName: string): CatalogEvent | undefined {
  return catalogEvents(vendor).find((candidate) => candidate.name === eventName);
}
