import type { CatalogEntity, CatalogEvent, CatalogOperation, VendorCatalog } from '../../domain/vendor.ts';

/**
 * Assumption: seed 003 says the service POSTs CloudEvents but names no event types. Hooklab
 * offers licensing events as reverse-DNS CloudEvents `type`s under this prefix; change them here.
 */
export const CLOUDEVENTS_TYPE_PREFIX = 'com.hooklab.licensing';

/**
 * The sender's name in the abuse-protection handshake (CloudEvents webhook spec §4.1.2: "a DNS
 * expression that identifies the sending system"), sent as `WebHook-Request-Origin` on the
 * OPTIONS request and on every delivery after it. Hooklab's own choice: the seed names none.
 */
export const CLOUDEVENTS_REQUEST_ORIGIN = 'hooklab.local';

/** One event per verb; its only activity is the verb, as the service reports no separate cause. */
function entity(name: string, noun: string, verbs: readonly (readonly [string, CatalogOperation])[]): CatalogEntity {
  const events: CatalogEvent[] = verbs.map(([verb, operation]) => ({
    name: `${CLOUDEVENTS_TYPE_PREFIX}.${noun}.${verb}`,
    entity: name,
    operation,
    activities: [verb],
    conditionsAllowed: false,
  }));
  return { name, events };
}

export const cloudEventsCatalog: VendorCatalog = {
  vendor: 'cloudevents',
  label: 'CloudEvents service (OAuth 2.0 Bearer)',
  note: 'The event types are a Hooklab assumption: the Event Notification Service documentation names none.',
  entities: [
    entity('Customer', 'customer', [
      ['created', 'Create'],
      ['updated', 'Update'],
    ]),
    entity('Entitlement', 'entitlement', [
      ['created', 'Create'],
      ['updated', 'Update'],
      ['renewed', 'Update'],
      ['expired', 'Update'],
      ['deleted', 'Delete'],
    ]),
    entity('License', 'license', [
      ['issued', 'Create'],
      ['revoked', 'Update'],
    ]),
    entity('Seat', 'seat', [
      ['activated', 'Create'],
      ['deactivated', 'Update'],
    ]),
    entity('Usage', 'usage', [
      ['recorded', 'Create'],
      ['exceeded', 'Update'],
    ]),
  ],
  auth: {
    kinds: ['oauth2', 'bearer'],
    sharedPerAccount: false,
    note: "Event Notification Service documentation: every call carries a Bearer token from the subscriber's token service (OAuth 2.0 client credentials).",
  },
  signature: 'none',
  includeDataChoice: true,
  options: [
    {
      key: 'mode',
      label: 'Content mode',
      choices: [
        { value: 'structured', label: 'Structured (application/cloudevents+json)' },
        { value: 'binary', label: 'Binary (ce-* headers)' },
      ],
      default: 'structured',
      help: 'Structured puts the whole event in the body; binary puts the attributes in ce-* headers and only data in the body.',
    },
  ],
  accountFields: [
    {
      key: 'source',
      label: 'Event source',
      default: '/hooklab/licensing',
      help: 'The CloudEvents `source` of every event (a URI-reference naming the service that produced it).',
    },
  ],
};
