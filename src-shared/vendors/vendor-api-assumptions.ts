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
      "Errors are the spec's ApiError with errorCode BadRequest (400), Unauthorized (401), Forbidden (403), NotFound (404), Conflict (409) or ValidationFailed (422), and details null. Malformed JSON or a body that is no JSON object: 400; a body breaking the schema: 422.",
    why: 'The spec names the statuses (400 cannot parse, 422 validation) and the ApiError fields, not the errorCode values.',
  },
  {
    vendor: 'zentitle2',
    subject: 'Validation errors',
    choice:
      "validationErrors name the body property as sent (uri, subscriptions, subscriptions[1], an unknown property's own name) with code Required, InvalidType, MaxLength, InvalidUri, MinItems, UnknownEventCode, UnknownProperty, OutOfRange (paging) or HooklabRule. HooklabRule: a rule of Hooklab's own webhooks the spec does not have, e.g. a uri over 2000 characters (the spec allows 2048) or with characters Hooklab refuses.",
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

  // Sentinel EMS
];
