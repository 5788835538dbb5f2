import { fieldIssues, type FieldIssue } from '../../../../src-shared/contracts/contract-kit.ts';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { WEBHOOK_TIMEOUT_DEFAULT_MS, webhookInputSchema, type Webhook, type WebhookInput } from '../../../../src-shared/domain/webhook.ts';
import { formatDurationNotation, parseDurationNotation } from '../../../../src-shared/domain/duration-notation.ts';
import { placeIssues, type PlacedIssues } from '../../api/ui-error.ts';
import { catalogEvents, firstEventOf, resolvedVendorOptions, vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import {
  RETRY_FIELD_LABELS,
  notationError,
  retryFieldOfPath,
  retryNotationErrors,
  retryPolicyOf,
  retryValuesOf,
  type RetryField,
  type RetryFormValues,
} from './retry-policy-form.ts';

/** What the form edits; `toWebhookInput` turns it into what the engine takes. */
export interface WebhookFormValues {
  vendor: VendorId;
  name: string;
  event: string;
  /** Events beyond the first, for webhooks made elsewhere (CLI, API) with several events. */
  otherEvents: string[];
  endpointUrl: string;
  authProfileId: string | null;
  allActivities: boolean;
  activities: string[];
  includeData: boolean;
  enabled: boolean;
  description: string;
  condition: string;
  retry: RetryFormValues;
  /** The vendor's own choices (VendorCatalog.options), defaults filled in. */
  vendorOptions: Record<string, string>;
  /** The deadline of each try, as typed (30s, 2m). */
  timeout: string;
}

export type WebhookField =
  | 'vendor'
  | 'name'
  | 'event'
  | 'endpointUrl'
  | 'authProfileId'
  | 'activities'
  | 'includeData'
  | 'enabled'
  | 'description'
  | 'condition'
  | 'vendorOptions'
  | 'timeoutMs'
  | RetryField;

export type FieldErrors = Partial<Record<WebhookField, string>>;

export const FIELD_LABELS: Record<WebhookField, string> = {
  vendor: 'Vendor',
  name: 'Name',
  event: 'Event',
  endpointUrl: 'Endpoint URL',
  authProfileId: 'Auth profile',
  activities: 'Activities',
  includeData: 'Include data',
  enabled: 'Enabled',
  description: 'Description',
  condition: 'Trigger condition',
  vendorOptions: 'Vendor options',
  timeoutMs: 'Timeout',
  ...RETRY_FIELD_LABELS,
};

/** The order errors are visited in, top of the form first. */
export const FIELD_ORDER: readonly WebhookField[] = [
  'vendor',
  'name',
  'event',
  'activities',
  'condition',
  'endpointUrl',
  'authProfileId',
  'vendorOptions',
  'timeoutMs',
  'includeData',
  'enabled',
  'retryIntervals',
  'retryBase',
  'retryFactor',
  'retryCap',
  'retryJitter',
  'retryCount',
  'description',
];

export function emptyWebhookValues(vendor: VendorId, endpointUrl = ''): WebhookFormValues {
  return {
    vendor,
    name: '',
    event: firstEventOf(vendor).eventName,
    otherEvents: [],
    endpointUrl,
    authProfileId: null,
    allActivities: true,
    activities: [],
    includeData: true,
    enabled: true,
    description: '',
    condition: '',
    retry: retryValuesOf(null),
    vendorOptions: resolvedVendorOptions(vendor, {}),
    timeout: formatDurationNotation(WEBHOOK_TIMEOUT_DEFAULT_MS),
  };
}

export function webhookToValues(webhook: Webhook): WebhookFormValues {
  const [event = '', ...otherEvents] = webhook.events;
  return {
    vendor: webhook.vendor,
    name: webhook.name,
    event,
    otherEvents,
    endpointUrl: webhook.endpointUrl,
    authProfileId: webhook.authProfileId,
    allActivities: webhook.activities.length === 0,
    activities: [...webhook.activities],
    includeData: webhook.includeData,
    enabled: webhook.enabled,
    description: webhook.description,
    condition: webhook.condition,
    retry: retryValuesOf(webhook.retryPolicy),
    vendorOptions: resolvedVendorOptions(webhook.vendor, webhook.vendorOptions),
    timeout: formatDurationNotation(webhook.timeoutMs),
  };
}

export function toWebhookInput(values: WebhookFormValues): WebhookInput {
  return {
    vendor: values.vendor,
    name: values.name,
    events: [values.event, ...values.otherEvents].filter(Boolean),
    endpointUrl: values.endpointUrl,
    authProfileId: values.authProfileId,
    activities: values.allActivities ? [] : values.activities,
    includeData: values.includeData,
    enabled: values.enabled,
    description: values.description,
    condition: values.condition.trim(),
    retryPolicy: retryPolicyOf(values.retry),
    vendorOptions: values.vendorOptions,
    // What is not a duration goes as NaN, which the schema refuses; validateWebhook says why.
    timeoutMs: parseDurationNotation(values.timeout) ?? Number.NaN,
  };
}

/**
 * Another vendor keeps what every vendor has (name, URL, description, switches, retries) and
 * starts over on what belongs to one catalog or auth model; `dropped` names what the user had
 * chosen and lost, so the form can say so.
 */
export function switchVendor(values: WebhookFormValues, vendor: VendorId): { values: WebhookFormValues; dropped: string[] } {
  const events = [values.event, ...values.otherEvents].filter(Boolean);
  const eventChosen = events.length > 1 || values.event !== firstEventOf(values.vendor).eventName;
  const dropped = [
    ...(eventChosen ? [`${events.length > 1 ? 'events' : 'event'} ${events.join(', ')}`] : []),
    ...(!values.allActivities && values.activities.length > 0 ? ['the activity filter'] : []),
    ...(values.condition.trim() !== '' ? ['the trigger condition'] : []),
    ...(values.authProfileId ? ['the auth profile'] : []),
  ];
  return {
    values: {
      ...values,
      vendor,
      event: firstEventOf(vendor).eventName,
      otherEvents: [],
      allActivities: true,
      activities: [],
      condition: '',
      authProfileId: null,
      vendorOptions: resolvedVendorOptions(vendor, {}),
      // Vendors without Sentinel's Include Data always send the state.
      includeData: vendorCatalogs[vendor].includeDataChoice ? values.includeData : true,
    },
    dropped: values.vendor === vendor ? [] : dropped,
  };
}

/** `endpointUrl` → endpointUrl, `events[0]` → event, `retryPolicy.baseMs` → retryBase. */
export function fieldOfPath(path: string): WebhookField | null {
  const retryField = retryFieldOfPath(path);
  if (retryField) return retryField;
  const head = path.split(/[.[]/)[0];
  if (head === 'events') return 'event';
  return (FIELD_ORDER as readonly string[]).includes(head) ? (head as WebhookField) : null;
}

/** Splits issues into per-field messages and those that belong to no field. */
export const placeWebhookIssues = (issues: readonly FieldIssue[]): PlacedIssues<WebhookField> => placeIssues(issues, FIELD_LABELS, fieldOfPath);

/**
 * The engine's own schema (Sentinel's attribute rules) plus what only the UI can tell while
 * typing: a name another webhook already has, an activity filter left empty.
 */
export function validateWebhook(values: WebhookFormValues, takenNames: ReadonlySet<string>): FieldErrors {
  const result = webhookInputSchema.safeParse(toWebhookInput(values));
  const errors: FieldErrors = result.success ? {} : placeWebhookIssues(fieldIssues(result.error)).fields;
  if (!errors.event && !catalogEvents(values.vendor).some((event) => event.name === values.event)) {
    errors.event = 'Choose an event from the catalog';
  }
  if (!errors.name && takenNames.has(values.name.trim())) {
    errors.name = 'Name is already used by another webhook';
  }
  if (!values.allActivities && values.activities.length === 0) {
    errors.activities = 'Choose at least one activity, or all activities';
  }
  if (parseDurationNotation(values.timeout) === null) errors.timeoutMs = notationError(values.timeout.trim());
  return { ...errors, ...retryNotationErrors(values.retry) };
}
