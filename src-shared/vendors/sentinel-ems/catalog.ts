import type { CatalogEntity, CatalogEvent, CatalogOperation, VendorCatalog } from '../../domain/vendor.ts';

function event(
  entity: string,
  operation: CatalogOperation,
  name: string,
  activities: readonly string[],
  conditionsAllowed = false,
): CatalogEvent {
  return { name, entity, operation, activities, conditionsAllowed };
}

/**
 * Sentinel EMS webhook catalog (seed 002, "Events and Activities"). Names are case- and
 * space-sensitive and must stay exactly as the seed writes them.
 */
const entitlement: CatalogEntity = {
  name: 'Entitlement',
  events: [
    event(
      'Entitlement',
      'Create',
      'Entitlement Added',
      ['Add Entitlement', 'Add Draft Entitlement', 'Add Batch Entitlement', 'Bulk Entitlement Upload', 'Split or Transfer'],
      true,
    ),
    event(
      'Entitlement',
      'Update',
      'Entitlement Updated',
      [
        'Update Entitlement',
        'Replace Entitlement',
        'Delete Entitlement',
        'Associate Contact',
        'Remove Associated Contact',
        'Associate Customer',
        'Remove Associated Customer',
        'Add Product Key',
        'Update Product Key',
        'Associate Named Users',
        'Update Associated Named User',
        'Remove Associated Named User',
        'Split or Transfer',
        'Associate Partners',
        'Remove Associated Partner',
        'Update Associated Partners',
        'Add Activation',
        'Remove From Product Key',
        'Update Product Key Association',
        'Remove From Entitlement',
        'Update Variant Association',
        'Remove From Variant',
        'Update Entitlement Association',
        'Enable Entitlement',
        'Disable Entitlement',
        'Close Entitlement',
        'Enable Product Key',
        'Disable Product Key',
        'Close Product Key',
        'Associate Product Bundles',
        'Update Associated Product Bundles',
        'Product Key Update',
      ],
      true,
    ),
  ],
};

export const sentinelCatalog: VendorCatalog = {
  vendor: 'sentinel-ems',
  label: 'Thales Sentinel EMS',
  entities: [entitlement],
};
