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
  {
    vendor: 'zentitle2',
    subject: 'Token endpoint',
    choice:
      "POST /realms/{tenantId}/protocol/openid-connect/token on the APIs' port, shaped like Keycloak's (form body; client id and secret in the form or as Basic); the realm is the tenant id; answers { access_token, expires_in, token_type, scope }.",
    why: 'Zentitle2 issues tokens from its Keycloak at https://{tenant}.keycloak.nalpeiron.io/realms/{tenant}/…; which realm name a tenant has locally, and the exact response fields beyond access_token and expires_in, are not documented.',
  },
  {
    vendor: 'zentitle2',
    subject: 'Token lifetime',
    choice: 'Access tokens are HS256 JWTs that expire after 300 s (expires_in 300); an expired one gets 401.',
    why: "Keycloak's default access token lifespan; the lifetime Zentitle2 configures is not documented.",
  },
  {
    vendor: 'zentitle2',
    subject: 'Token scope',
    choice:
      "A token request without a scope, or asking for openid, gets webhooks:admin too (the client's default scope); a request naming only other scopes gets exactly those, so a token without webhooks:admin (403) can be had.",
    why: "The spec requires webhooks:admin on every webhook operation, and Nalpeiron's n8n node asks for scope=openid only, so the real client must get it by default; how Zentitle2 grants it is not documented.",
  },
  {
    vendor: 'zentitle2',
    subject: 'N-TenantId missing or wrong',
    choice:
      "The checks run in this order: no, invalid or expired Bearer token: 401; N-TenantId missing or not this workspace's tenant id: 403; token without webhooks:admin: 403.",
    why: "The spec gives 401 for a missing or invalid token and 403 for a request that is not allowed; a valid token used for another tenant is the latter. The header's own error is not documented.",
  },
  {
    vendor: 'zentitle2',
    subject: 'Error codes',
    choice:
      "Errors are the spec's ApiError with errorCode BadRequest (400), Unauthorized (401), Forbidden (403), NotFound (404), MethodNotAllowed (405, with Allow), Conflict (409), PayloadTooLarge (413, a body over 1 MiB), UnsupportedMediaType (415), ValidationFailed (422), InternalServerError (500) or ServiceUnavailable (503), and details null; any other refusal is BadRequest. Malformed JSON or a body that is no JSON object: 400; a body breaking the schema: 422. A path under /api/v1/account/webhooks no operation has: 404.",
    why: 'The spec names the statuses (400 cannot parse, 422 validation) and the ApiError fields, not the errorCode values.',
  },
  {
    vendor: 'zentitle2',
    subject: 'Validation errors',
    choice:
      "validationErrors name the body property as sent (uri, subscriptions, subscriptions[1], an unknown property's own name) with code Required, InvalidType, MaxLength, InvalidUri, MinItems, UnknownEventCode, Duplicate (a code listed twice: 422 naming the later place, e.g. subscriptions[1]; nothing is stored), UnknownProperty, OutOfRange (paging) or HooklabRule. HooklabRule: a rule of Hooklab's own webhooks the spec does not have, e.g. a uri over 2000 characters (the spec allows 2048) or with characters Hooklab refuses.",
    why: 'The spec gives the fields of a validation error, not the property naming or the codes.',
  },
  {
    vendor: 'zentitle2',
    subject: 'Paging',
    choice:
      "pageNumber defaults to 1, pageSize to 10 (the spec's examples); pageSize may be 1–100, pageNumber at least 1, else 422; a page past the end has no items. Webhooks are listed oldest first.",
    why: 'The spec gives the parameters (int32) and examples, not defaults, bounds or order.',
  },
  {
    vendor: 'zentitle2',
    subject: 'List shape',
    choice: 'GET /api/v1/account/webhooks answers { items, pageSize, pageNumber, elementsTotal } as the 2023 OpenAPI spec has it.',
    why: "Nalpeiron's n8n node reads response.data or a bare array instead: either the 2025 API changed or the node is wrong. Hooklab follows the spec.",
  },
  {
    vendor: 'zentitle2',
    subject: 'Listener ids',
    choice:
      "A webhook's id is wh_ followed by the base64url of its Hooklab UUID's 16 bytes, so webhooks made in Hooklab's UI are listed too; any other id is 404.",
    why: "The spec's examples spell ids wh_… (WebhookModel) and whl_… (path parameter) alike: 22 base64url characters, the length of 16 bytes.",
  },
  {
    vendor: 'zentitle2',
    subject: 'Which webhooks the API shows',
    choice:
      'Every Hooklab webhook of vendor Zentitle2, disabled ones included; PUT replaces uri and subscriptions and keeps Hooklab-only fields (name, auth, retry policy, enabled…), an activity filter narrowed to the codes still subscribed to. The same uri may be registered twice.',
    why: 'A Zentitle2 webhook has only id, uri and subscriptions; duplicate-uri behaviour is not documented.',
  },
  {
    vendor: 'zentitle2',
    subject: 'Names of API-made webhooks',
    choice: 'A webhook created through the API is named "Zentitle2 API" and 8 random characters (rename it in Hooklab at will).',
    why: "Hooklab needs a unique name per webhook; Zentitle2's body has none.",
  },
  {
    vendor: 'zentitle2',
    subject: 'Test of a disabled webhook',
    choice: 'POST …/{id}/test on a webhook disabled in Hooklab answers 409 and sends nothing.',
    why: 'Zentitle2 webhooks have no disabled state; Hooklab sends no event to a disabled webhook.',
  },
  {
    vendor: 'zentitle2',
    subject: 'Event types',
    choice:
      "GET …/events lists Hooklab's Zentitle2 catalog; type is customer, entitlementGroup or (seats, maintenance, usage too) entitlement; descriptions are Hooklab's wording except provision and usage summary.",
    why: "The spec's enum has these three types only; the stored excerpts give codes, not most descriptions.",
  },
  {
    vendor: 'zentitle2',
    subject: 'Ignored headers',
    choice: 'N-Api-Version and Accept are accepted and ignored; the API always answers JSON.',
    why: 'Their value format is not documented.',
  },

  // FlexNet Operations ENS
  {
    vendor: 'flexnet',
    subject: 'FlexNet ENS: /authenticate',
    choice:
      'POST /notifications/api/v1/authenticate with the credentials in the Authorization header (Fno or Basic base64(user:password)), no body; 200 with {"token": "<JWT>"}; 401 for missing or wrong credentials.',
    why: 'The documentation gives the header and says a JWT comes back, but not the method, how it comes back or the status codes.',
  },
  {
    vendor: 'flexnet',
    subject: 'FlexNet ENS: the JWT',
    choice:
      'HS256, signed with the workspace\'s token key, valid for one hour; sent as "Authorization: Bearer <JWT>" on every notificationService call, 401 without a valid one.',
    why: 'The documentation says only that "a JWT must be passed in the header of the request".',
  },
  {
    vendor: 'flexnet',
    subject: 'FlexNet ENS: error body',
    choice:
      "Spring Boot's default error document: {timestamp, status, error, message, path}, for every refusal under /notifications (also 413 for a body over 1 MB and 404 for an unknown path); message names the ENS field and the rule (entitlementSubscription: must be 'true' or 'false'), also when Hooklab's own rules refuse (fnoServiceUrl: must be at most 200 characters). 409 when Hooklab refuses a write as a conflict, 404 when something it needs is gone.",
    why: 'No error format is documented; the health endpoint\'s {"status":"UP"} is Spring Boot Actuator\'s, so the service is most likely Spring Boot.',
  },
  {
    vendor: 'flexnet',
    subject: 'FlexNet ENS: GET before POST',
    choice: '404 until the service is configured, i.e. until a category has a webhook (one made on the Webhooks page counts too).',
    why: 'The documentation: GET "does not return the configuration until the service has been configured using POST"; the status is not given.',
  },
  {
    vendor: 'flexnet',
    subject: 'FlexNet ENS: POST when configured',
    choice: '409 Conflict; PATCH changes an existing configuration.',
    why: 'The documentation: POST is "used for the initial configuration"; what a second POST does is not given.',
  },
  {
    vendor: 'flexnet',
    subject: 'FlexNet ENS: PATCH before POST',
    choice: '404, as GET: there is nothing to update.',
    why: 'The documentation: PATCH "updates an existing configuration".',
  },
  {
    vendor: 'flexnet',
    subject: 'FlexNet ENS: required fields',
    choice:
      'POST needs authType and at least one webhook URL; basic needs basicUserId and basicPassword, bearer needs authToken (PATCH only when it changes the authType or the credentials: new ones come whole); a subscription set to "true" needs its webhook URL, and a URL POSTed without its subscription flag is not subscribed (its webhook is made disabled); fnoServiceUser and fnoServiceUserPassword come together. Credentials the authType does not use must be left empty ("" and null count as left out). All responses 200 with the configuration as GET shows it; a refused request changes nothing.',
    why: 'The documentation lists the parameters without saying which are required, and what POST and PATCH answer.',
  },
  {
    vendor: 'flexnet',
    subject: 'FlexNet ENS: subscription flags',
    choice:
      'entitlementSubscription, productSubscription, deviceSubscription and includeLineItemCustomAttributes take "true"/"false" and JSON true/false; GET answers strings.',
    why: 'The current documentation says the value "must be enclosed in quotation marks"; accepting real booleans too keeps clients that send them working.',
  },
  {
    vendor: 'flexnet',
    subject: 'FlexNet ENS: masked fields',
    choice:
      'GET shows the masked fields (authToken, basicUserId, basicPassword, fnoServiceUser, fnoServiceUserPassword) as "********" when set and "" when not.',
    why: 'The documentation lists which fields are masked, not how.',
  },
  {
    vendor: 'flexnet',
    subject: 'FlexNet ENS: the configuration in Hooklab',
    choice:
      'The FlexNet vendor account is the configuration: its shared auth profile is the authType (none: no profile; new credentials always make a new profile, "FlexNet ENS webhooks (basic|bearer)", so a profile the user attached to the account stays as it is for whatever else uses it; the one the API made before is deleted unless something else uses it), its settings hold fnoServiceUrl and includeLineItemCustomAttributes, and a category\'s webhook is the oldest FlexNet webhook of that category (a new one, "FlexNet ENS entitlement|product|device", subscribes to all of the category\'s events). A name already taken becomes "<name> (2)", "(3)"...',
    why: 'Hooklab keeps webhooks, not one ENS configuration; this way webhooks made through the API deliver like any other and those made in Hooklab show in GET.',
  },
  {
    vendor: 'flexnet',
    subject: 'FlexNet ENS: unsubscribing',
    choice: 'A subscription set to "false" disables its category\'s webhook (the URL stays in the configuration), "true" enables it again.',
    why: 'The documentation does not say what happens to an unsubscribed URL; keeping it disabled lets a later "true" subscribe again without a URL.',
  },
  {
    vendor: 'flexnet',
    subject: 'FlexNet ENS: where the FNO service user is kept',
    choice:
      'fnoServiceUser and fnoServiceUserPassword: a Basic auth profile named "FlexNet ENS FNO service user" (its password sealed like every profile secret); new ones replace it with a new profile. Hooklab does not use them.',
    why: 'They are credentials of the FlexNet Operations instance ENS reads from, which Hooklab has no place for; a profile keeps the password sealed.',
  },

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
      'Lists take pageStartIndex (0-based, default 0, at most 10000, else 400) and pageSize (default 25, at most 100), and filters name (and event for webhooks); they answer {webhooks | authenticationProfiles | events, pageStartIndex, pageSize, count}, count being all matches. Unknown query parameters get 400.',
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
