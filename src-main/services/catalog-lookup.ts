import { validationError } from '../../src-shared/contracts/contract-kit.ts';
import type { CatalogEvent, VendorId } from '../../src-shared/domain/vendor.ts';
import { catalogEvents, findCatalogEvent } from '../../src-shared/vendors/catalogs.ts';
import { closestName } from '../../src-shared/domain/closest-name.ts';

/** Why `eventName` is refused for `vendor`, with the catalog event it most likely meant. */
export function unknownEventMessage(vendor: VendorId, eventName: string): string {
  const meant = closestName(
    eventName,
    catalogEvents(vendor).map((known) => known.name),
  );
  return `"${eventName}" is not a ${vendor} event${meant ? `; did you mean "${meant}"?` : ''}`;
}

/** The catalog event an API call names, or the validation error on `eventName` that the CLI maps to --event. */
export function requireCatalogEvent(vendor: VendorId, eventName: string): CatalogEvent {
  const event = findCatalogEvent(vendor, eventName);
  if (event) return event;
  throw validationError([{ path: 'eventName', message: unknownEventMessage(vendor, eventName) }]);
}

/** The activity an API call names (default: the event's first), or the validation error on `activity`. */
export function requireCatalogActivity(event: CatalogEvent, activity: string | undefined): string {
  const chosen = activity ?? event.activities[0]!;
  if (!event.activities.includes(chosen)) {
    throw validationError([{ path: 'activity', message: `"${chosen}" is not an activity of "${event.name}"` }]);
  }
  return chosen;
}
