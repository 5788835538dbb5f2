import type { CatalogEvent, VendorCatalog } from '../../../../src-shared/domain/vendor.ts';

export interface CatalogMatch {
  event: CatalogEvent;
  /** Activities that matched when the entity and event name did not; empty otherwise. */
  activities: readonly string[];
}

export interface CatalogGroup {
  entity: string;
  note?: string;
  matches: CatalogMatch[];
}

/**
 * The catalog narrowed to what `query` names, entity by entity, in catalog order. An entity or
 * event name that matches keeps the whole event; otherwise the event stays only for the
 * activities that match, so "add activation" finds the event that activity raises.
 */
export function searchCatalog(catalog: Pick<VendorCatalog, 'entities'>, query: string): CatalogGroup[] {
  const needle = query.trim().toLowerCase();
  const has = (text: string) => text.toLowerCase().includes(needle);
  return catalog.entities
    .map((entity) => ({
      entity: entity.name,
      note: entity.note,
      matches: entity.events.flatMap((event): CatalogMatch[] => {
        if (needle === '' || has(entity.name) || has(event.name)) return [{ event, activities: [] }];
        const activities = event.activities.filter(has);
        return activities.length > 0 ? [{ event, activities }] : [];
      }),
    }))
    .filter((group) => group.matches.length > 0);
}
