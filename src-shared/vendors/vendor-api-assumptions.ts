import type { VendorApiAssumption } from '../domain/vendor-api.ts';

/**
 * Every choice the emulated vendor APIs make where the vendors' documentation (shared/VENDOR-APIS.md)
 * is silent, in one place: the Vendors page, `hooklab vendor api` and the README show this list,
 * and the code that makes a choice names its entry here.
 */
export const VENDOR_API_ASSUMPTIONS: readonly VendorApiAssumption[] = [
  {
    vendor: null,
    subject: 'Where the APIs listen',
    choice:
      'One port of their own on 127.0.0.1, apart from the receiver: each vendor under its documented path prefix (/api/v1/account, /notifications, /ems/api/v5).',
    why: 'The vendors run these APIs on hosts of their own. Apart from the receiver, the APIs can be switched off without touching deliveries or captures, and no bin path can clash with a vendor path.',
  },
  // Zentitle2

  // FlexNet Operations ENS

  // Sentinel EMS
  {
    vendor: 'sentinel-ems',
    subject: 'Paths',
    choice:
      'Webhooks at /webhooks and /webhooks/{id}, authentication profiles at /authenticationProfiles and /authenticationProfiles/{id}, events at /webhooks/events (search), /webhooks/events/retry and /webhooks/events/markSuccessful, all under /ems/api/v5. Every Sentinel EMS operation is marked assumed.',
    why: 'The WSG gives the base URL /ems/api/v5 and the path style of its resources (POST /namespaces, PUT|PATCH|DELETE /namespaces/{id}); no EMS webhook API reference was found.',
  },
  {
    vendor: 'sentinel-ems',
    subject: 'API authentication',
    choice: "HTTP Basic only, with the workspace's Sentinel user name and password; a missing or wrong one gets 401 with WWW-Authenticate: Basic.",
    why: 'The older WSG documents Basic; the newer one mentions OAuth 2.0 without a token endpoint. Basic is what every EMS version takes.',
  },
  {
    vendor: 'sentinel-ems',
    subject: 'Webhook body',
    choice:
      "{event, name, endpointUrl, authenticationProfile: {name} or {id}, filterActivities, triggerConditions, description, includeData, enableWebhook}: the Webhook Attributes table in camelCase, Yes/No as booleans; answers add the id and show the profile as {id, name}, so a GET's answer can be sent back to PUT as it is (an id in a body must be the one in the path; a profile with both id and name counts by id). The rules of each attribute (lengths, characters, conditions only on Entitlement and Activation events) are Hooklab's, from the same table.",
    why: 'The User Guide names the attributes but shows no JSON. The production export writes the same body, so its scripts run against this API.',
  },
  {
    vendor: 'sentinel-ems',
    subject: 'One event',
    choice:
      'A webhook subscribes to one event. A Hooklab webhook with several events (made in Hooklab) shows its first as event; PUT or PATCH with an event makes it the only one.',
    why: "The attributes table has one Event per webhook; Hooklab's own webhooks may have more.",
  },
  {
    vendor: 'sentinel-ems',
    subject: 'Authentication profile body',
    choice:
      '{name, type: BASIC, username, password} or {name, type: OAUTH, tokenUrl, clientId, clientSecret, scope, audience} (tokenUrl is the "Access Token URL"). Hooklab\'s None and Bearer profiles are not part of this API.',
    why: "The User Guide has Basic (username, password) and OAuth (Client ID, Client Secret, Access Token URL) profiles, without JSON; scope and audience are what Hooklab's OAuth profiles add.",
  },
  {
    vendor: 'sentinel-ems',
    subject: 'Masked secrets',
    choice:
      'Answers show a stored password or client secret as ******** (null when there is none). PATCH without the secret, or PUT or PATCH with the mask, keeps the stored one.',
    why: 'Secrets never leave Hooklab; a client that sends back what it read must not overwrite the secret with the mask.',
  },
  {
    vendor: 'sentinel-ems',
    subject: 'Duplicate name',
    choice: 'Adding (or renaming to) a name another webhook or authentication profile has gets 409 DUPLICATE_NAME.',
    why: 'Names are unique in EMS (attributes table); 409 lets the export\'s scripts take a second Add Authentication Profile of a shared profile as "there already".',
  },
  {
    vendor: 'sentinel-ems',
    subject: 'Error body',
    choice:
      '{errorCode, errorMessage, errors: [{attribute, message}]} with the WSG status codes: 400 INVALID_REQUEST or INVALID_JSON naming each attribute, 401, 404 RESOURCE_NOT_FOUND, 405 METHOD_NOT_ALLOWED (with Allow), 409 CONFLICT (a profile in use) or DUPLICATE_NAME, 429 TOO_MANY_REQUESTS, 500.',
    why: 'The WSG says only that "the response body contains an error code and an error message".',
  },
  {
    vendor: 'sentinel-ems',
    subject: 'Paging',
    choice:
      'Lists take pageStartIndex (0-based, default 0) and pageSize (default 25, at most 100), and filters name (and event for webhooks); they answer {webhooks | authenticationProfiles | events, pageStartIndex, pageSize, count}, count being all matches. Unknown query parameters get 400.',
    why: "EMS has a Pagination page that was not retrieved; the parameter names are those of Thales's RMS Cloud LM API, another product.",
  },
  {
    vendor: 'sentinel-ems',
    subject: 'Event search',
    choice:
      "GET /webhooks/events?webhookId=&eventId=&status=&startTime=&endTime= (ISO 8601, engine time, start included, end excluded): one entry per event sent to a webhook {id, eventId, webhookId, webhookName, eventName, activityName, endpointUrl, status, attempts, lastStatusCode, lastError, createdAt, updatedAt}, newest first. Only Sentinel EMS webhooks' events.",
    why: 'The User Guide names Search Events by webhook id, event id, time range and status, without its parameters or answer.',
  },
  {
    vendor: 'sentinel-ems',
    subject: 'Event status',
    choice: 'PENDING (pending, in progress or waiting for a retry), SUCCESSFUL, FAILED, MARKED_SUCCESSFUL; status= takes several, comma-separated.',
    why: "EMS's status values are not in the sources; FAILED and successful are the words of its retry and Mark as Bulk Successful actions.",
  },
  {
    vendor: 'sentinel-ems',
    subject: 'Bulk actions',
    choice:
      'Retry Event and Mark as Bulk Successful take {ids: [...]} or {filter: {webhookId, eventId, status: [...], startTime, endTime}}; only FAILED events change. Retry answers 202 (the tries run in the background), Mark 200; both with {matchedCount, updatedCount, skippedCount, skippedReason}.',
    why: "The User Guide names the actions (by id or by filter); the WSG's 202 is for an action started asynchronously.",
  },
  {
    vendor: 'sentinel-ems',
    subject: 'Rate limit',
    choice: 'At most 600 requests a minute per client address (a fixed one-minute window); more get 429 with Retry-After: 60.',
    why: 'The WSG documents the 429 and its Retry-After of 60 seconds, not the rate.',
  },
];
