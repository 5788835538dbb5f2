import type { CatalogEntity, CatalogOperation, VendorCatalog } from '../../domain/vendor.ts';

type EventRow = readonly [operation: CatalogOperation, name: string, activities: readonly string[]];

interface EntityRows {
  name: string;
  /** Seed 002: "Contact" refers to the User entity; Product Suite is "(Deprecated)". */
  note?: string;
  events: readonly EventRow[];
}

/**
 * Seed 002, "Trigger Conditions": "You can define trigger conditions only for the following
 * events: Entitlement Added, Entitlement Updated, Activation Added, Activation Updated".
 */
const CONDITION_EVENTS: ReadonlySet<string> = new Set(['Entitlement Added', 'Entitlement Updated', 'Activation Added', 'Activation Updated']);

/**
 * Seed 002, "Events and Activities", row by row in the seed's order. Names are case- and
 * space-sensitive ("Use the event and activity names exactly as shown in this table").
 *
 * Judgement calls on the flattened table (cells run together, spanned cells appear once):
 * - The line "Entitlement Expired" sits inside the "Entitlement Updated" activity cell. The seed's
 *   notes call it an event ("The Entitlement Expired event contains full entitlement payload only
 *   in the current state", "only the Entitlement Expired event is sent"), so it is an Update event
 *   of its own, and the activities after it stay with "Entitlement Updated". Its activity cell is
 *   not in the text; like "Product Key Expired Product Key Expired" it takes its own name.
 * - "Product Key Expired" and "Product Key Quantity Exhausted" carry no entity or operation of
 *   their own: both inherit Entitlement / Update from the spanned cells, and the seed's sample
 *   sends "Product Key Quantity Exhausted" with "entityName": "Entitlement".
 * - Every "Provisioning Request" line restates its operation, so each is its own event:
 *   "Update Provisioning Completed Complete Provisioning Request" = event "Provisioning
 *   Completed", activity "Complete Provisioning Request".
 */
const TABLE: readonly EntityRows[] = [
  {
    name: 'Entitlement',
    events: [
      ['Create', 'Entitlement Added', ['Add Entitlement', 'Add Draft Entitlement', 'Add Batch Entitlement', 'Bulk Entitlement Upload', 'Split or Transfer']],
      [
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
      ],
      ['Update', 'Entitlement Expired', ['Entitlement Expired']],
      ['Update', 'Product Key Expired', ['Product Key Expired']],
      ['Update', 'Product Key Quantity Exhausted', ['Add Activation', 'Split or Transfer']],
    ],
  },
  {
    name: 'Fingerprint',
    events: [
      ['Create', 'Fingerprint Added', ['Add Fingerprint']],
      ['Update', 'Fingerprint Updated', ['Update Fingerprint', 'Delete Fingerprint', 'Replace Fingerprint']],
    ],
  },
  {
    name: 'Activation',
    events: [
      ['Create', 'Activation Added', ['Add Activation', 'Renew Activation', 'Rehost Activation']],
      [
        'Update',
        'Activation Updated',
        [
          'Update Activation',
          'Renew Activation',
          'Rehost Activation',
          'Associate Activatees',
          'Replace Activatees',
          'Update Activatees',
          'Mark as Revoked',
          'Mark as Bulk Revoked',
          'Custom Revocation',
          'Generate Permission Tickets',
          'Submit Revocation Proofs',
          'Confirm Revocation',
          'Reject Revocation',
        ],
      ],
    ],
  },
  {
    name: 'License Grant',
    events: [
      ['Create', 'License Grant Added', ['Add License Grant']],
      ['Update', 'License Grant Updated', ['Replace Access Grant', 'Remove Access Grant', 'Update License Grant', 'Delete License Grant']],
    ],
  },
  {
    name: 'Customer',
    events: [
      ['Create', 'Customer Added', ['Add Customer', 'Bulk Customer Upload']],
      [
        'Update',
        'Customer Updated',
        [
          'Update Customer',
          'Replace Customer',
          'Delete Customer',
          'Replace Associated Contacts',
          'Update Associated Contacts',
          'Delete Associated Contact',
          'Update External Contacts',
          'Delete External Contact',
        ],
      ],
    ],
  },
  {
    name: 'User',
    note: 'Contact …',
    events: [
      ['Create', 'Contact Added', ['Add Contact', 'Bulk Contact Upload', 'Add Activation', 'Manage Activatee']],
      [
        'Update',
        'Contact Updated',
        ['Update Contact', 'Replace Contact', 'Delete Contact', 'Register Contact', 'Change Password', 'Forgot Password', 'Remove Password'],
      ],
    ],
  },
  {
    name: 'Product Consumer Authorization',
    events: [
      ['Create', 'Product Consumer Authorization Added', ['Add Product Consumer Authorization']],
      [
        'Update',
        'Product Consumer Authorization Updated',
        ['Update Product Consumer Authorization', 'Replace Product Consumer Authorization', 'Remove User Association'],
      ],
    ],
  },
  {
    name: 'Channel Partner',
    events: [
      ['Create', 'Partner Added', ['Add Partner']],
      [
        'Update',
        'Partner Updated',
        ['Update Partner', 'Replace Partner', 'Delete Partner', 'Add Partner User', 'Update Partner User', 'Replace Partner User', 'Delete Partner User'],
      ],
    ],
  },
  {
    name: 'Product',
    events: [
      ['Create', 'Product Added', ['Add Product', 'Add Draft Product', 'Bulk Product Upload']],
      [
        'Update',
        'Product Updated',
        [
          'Update Product',
          'Replace Product',
          'Delete Product',
          'Replace Associated Features',
          'Update Associated Features',
          'Delete Associated Feature',
          'Add Entitlement',
          'Delete Entitlement',
        ],
      ],
    ],
  },
  {
    name: 'Feature',
    events: [
      ['Create', 'Feature Added', ['Add Feature', 'Bulk Feature Upload']],
      [
        'Update',
        'Feature Updated',
        [
          'Update Feature',
          'Replace Feature',
          'Delete Feature',
          'Update Associated License Models',
          'Replace Associated License Models',
          'Delete Associated License Model',
          'Add Entitlement',
          'Delete Entitlement',
        ],
      ],
    ],
  },
  {
    name: 'License Model',
    events: [
      ['Create', 'License Model Added', ['Add License Model']],
      ['Update', 'License Model Updated', ['Update License Model', 'Replace License Model', 'Delete License Model']],
    ],
  },
  {
    name: 'Product Bundle',
    events: [
      ['Create', 'Product Bundle Added', ['Add Product Bundle', 'Bulk Product Bundle Upload']],
      [
        'Update',
        'Product Bundle Updated',
        [
          'Update Product Bundle',
          'Replace Product Bundle',
          'Delete Product Bundle',
          'Update Associated Products',
          'Replace Associated Products',
          'Delete Associated Product',
        ],
      ],
    ],
  },
  {
    name: 'Product Suite',
    note: 'Deprecated',
    events: [
      ['Create', 'Product Suite Added', ['Add Product Suite', 'Bulk Product Suite Upload']],
      [
        'Update',
        'Product Suite Updated',
        [
          'Update Product Suite',
          'Replace Product Suite',
          'Delete Product Suite',
          'Update Associated Products',
          'Replace Associated Products',
          'Delete Associated Product',
        ],
      ],
    ],
  },
  {
    name: 'Namespace',
    events: [
      ['Create', 'Namespace Added', ['Add Namespace']],
      ['Update', 'Namespace Updated', ['Update Namespace', 'Replace Namespace', 'Delete Namespace', 'Add Entitlement']],
    ],
  },
  {
    name: 'Provisioning Request',
    events: [
      ['Update', 'Provisioning Request Sent', ['Initiate Provisioning Request']],
      ['Update', 'Provisioning Completed', ['Complete Provisioning Request']],
      ['Update', 'Provisioning Failed', ['Provisioning Request Failure']],
      ['Update', 'Provisioning Request Dispatch Failed', ['Initiation Failed For Provisioning Request']],
    ],
  },
  {
    name: 'Provisioning Association',
    events: [
      ['Create', 'Provisioning Association Added', ['Add Provisioning Association']],
      ['Update', 'Provisioning Association Updated', ['Update Provisioning Association', 'Delete Provisioning Association']],
    ],
  },
  {
    name: 'Provisioning Method',
    events: [
      ['Create', 'Provisioning Method Added', ['Add Provisioning Method']],
      ['Update', 'Provisioning Method Updated', ['Update Provisioning Method', 'Delete Provisioning Method']],
    ],
  },
  {
    name: 'Provisioning Plan',
    events: [
      ['Create', 'Provisioning Plan Added', ['Add Provisioning Plan']],
      ['Update', 'Provisioning Plan Updated', ['Update Provisioning Plan', 'Delete Provisioning Plan']],
    ],
  },
  {
    name: 'Download',
    events: [
      ['Create', 'Download Added', ['Add Download', 'Bulk Download Upload']],
      [
        'Update',
        'Download Updated',
        [
          'Update Download',
          'Replace Download',
          'Delete Download',
          'Update Associated Downloads',
          'Replace Associated Download',
          'Delete Associated Download',
          'Update Associated Products',
          'Replace Associated Products',
          'Delete Associated Product',
          'Update Associated Customers',
          'Replace Associated Customer',
          'Delete Associated Customer',
        ],
      ],
    ],
  },
  {
    name: 'Sentinel Key',
    events: [
      [
        'Update',
        'Sentinel Key Association Updated',
        ['Associate Sentinel Keys With Product Key', 'Replace Sentinel Keys In Product Key', 'Remove Sentinel Keys From Product Key'],
      ],
    ],
  },
  {
    name: 'Device',
    events: [
      ['Create', 'Device Added', ['Add Device']],
      [
        'Update',
        'Device Updated',
        [
          'Update Device',
          'Replace Device',
          'Replace Associated Contact',
          'Update Associated Contact',
          'Delete Associated Contact',
          'Replace Associated Customer',
          'Update Associated Customer',
          'Delete Associated Customer',
          'Claim Device',
        ],
      ],
    ],
  },
  {
    name: 'Vendor User',
    events: [
      ['Create', 'User Added', ['Add User']],
      [
        'Update',
        'User Updated',
        [
          'Replace User',
          'Update User',
          'Delete User',
          'Replace Associated Roles',
          'Update Associated Roles',
          'Delete Associated Roles',
          'Update Associated Market Groups',
          'Replace Associated Market Groups',
          'Remove Associated Market Group',
          'Change User Password',
          'Forgot User Password',
          'User Locked',
        ],
      ],
    ],
  },
  {
    name: 'Role',
    events: [
      ['Create', 'Role Added', ['Add Role']],
      [
        'Update',
        'Role Updated',
        ['Replace Role', 'Update Role', 'Delete Role', 'Replace Associated Users', 'Update Associated Users', 'Delete Associated User'],
      ],
    ],
  },
  {
    name: 'Market Group',
    events: [
      ['Create', 'Market Group Added', ['Add Market Group']],
      [
        'Update',
        'Market Group Updated',
        [
          'Replace Market Group',
          'Update Market Group',
          'Delete Market Group',
          'Replace Associated Namespace',
          'Update Associated Namespace',
          'Delete Associated Namespace',
          'Replace Associated User',
          'Update Associated User',
          'Delete Associated User',
          'Replace Linked Market Groups',
          'Update Linked Market Groups',
          'Remove Linked Market Group',
        ],
      ],
    ],
  },
  {
    name: 'Application Properties',
    events: [['Update', 'Application Properties Updated', ['Update Application Properties']]],
  },
  {
    name: 'Custom Attributes',
    events: [
      ['Create', 'Custom Attribute Added', ['Add Custom Attribute']],
      ['Update', 'Custom Attribute Updated', ['Update Custom Attribute', 'Delete Custom Attribute']],
    ],
  },
  {
    name: 'List Attribute',
    events: [
      ['Create', 'List Attribute Added', ['Add Custom Attribute']],
      ['Update', 'List Attribute Updated', ['Replace Associated Options', 'Update Associated Options', 'Delete Associated Options']],
    ],
  },
  {
    name: 'Custom Entity',
    events: [
      ['Create', 'Custom Entity Added', ['Add Custom Entity']],
      ['Update', 'Custom Entity Updated', ['Update Custom Entity', 'Replace Custom Entity', 'Delete Custom Entity']],
    ],
  },
  {
    name: 'Custom Entity Attribute',
    events: [
      ['Create', 'Custom Entity Attribute Added', ['Add Custom Entity Attribute']],
      ['Update', 'Custom Entity Attribute Updated', ['Update Custom Entity Attribute', 'Replace Custom Entity Attribute', 'Delete Custom Entity Attribute']],
    ],
  },
  {
    name: 'Custom Entity Record',
    events: [
      ['Create', 'Custom Entity Record Added', ['Add Custom Entity Record']],
      ['Update', 'Custom Entity Record Updated', ['Update Custom Entity Record', 'Replace Custom Entity Record', 'Delete Custom Entity Record']],
    ],
  },
];

function toEntity({ name, note, events }: EntityRows): CatalogEntity {
  return {
    name,
    ...(note === undefined ? {} : { note }),
    events: events.map(([operation, eventName, activities]) => ({
      name: eventName,
      entity: name,
      operation,
      activities,
      conditionsAllowed: CONDITION_EVENTS.has(eventName),
    })),
  };
}

export const sentinelCatalog: VendorCatalog = {
  vendor: 'sentinel-ems',
  label: 'Thales Sentinel EMS',
  entities: TABLE.map(toEntity),
  auth: {
    kinds: ['basic', 'oauth2', 'none'],
    sharedPerAccount: false,
    note: 'Sentinel EMS documentation: every webhook needs an Authentication Profile, Basic or OAuth. "None" is for local tests only; EMS itself has no such option.',
  },
  signature: 'none',
  includeDataChoice: true,
  nameInPayload: 'webhookName',
  options: [],
  accountFields: [],
};
