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

/** Where a vendor's pickers start: the first event of its catalog, with that event's first activity. */
export function firstEventOf(vendor: VendorId): { eventName: string; activity: string } {
  const event = vendorCatalogs[vendor].entities[0]!.events[0]!;
  return { eventName: event.name, activity: event.activities[0] ?? '' };
}

/** Each vendor's events by name, made on first use: every fired event looks its own up. */
const eventsByName = new Map<VendorId, Map<string, CatalogEvent>>();

export function findCatalogEvent(vendor: VendorId, eventName: string): CatalogEvent | undefined {
  let byName = eventsByName.get(vendor);
  if (!byName) {
    byName = new Map(catalogEvents(vendor).map((event) => [event.name, event]));
    eventsByName.set(vendor, byName);
  }
  return byName.get(eventName);
}

/** The value given for each field, or its default; keys the vendor does not have are dropped. */
function withDefaults(fields: readonly { key: string; default: string }[], given: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.key, given[field.key] ?? field.default]));
}

/** A webhook's value for each of its vendor's options, defaults filled in. */
export function resolvedVendorOptions(vendor: VendorId, given: Readonly<Record<string, string>>): Record<string, string> {
  return withDefaults(vendorCatalogs[vendor].options, given);
}

/** A vendor account's value for each of the vendor's account fields, defaults filled in. */
export function resolvedAccountSettings(vendor: VendorId, saved: Readonly<Record<string, string>>): Record<string, string> {
  return withDefaults(vendorCatalogs[vendor].accountFields, saved);
}
