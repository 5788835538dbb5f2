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
      "Spring Boot's default error document: {timestamp, status, error, message, path}; message names the field and the rule (entitlementSubscription: must be 'true' or 'false').",
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
      'POST needs authType and at least one webhook URL; basic needs basicUserId and basicPassword, bearer needs authToken (PATCH only when it changes the authType); a subscription set to "true" needs its webhook URL, and a URL POSTed without its subscription flag is not subscribed (its webhook is made disabled); fnoServiceUser and fnoServiceUserPassword come together the first time. Credentials the authType does not use must be left empty ("" and null count as left out). All responses 200 with the configuration as GET shows it.',
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
      'The FlexNet vendor account is the configuration: its shared auth profile is the authType (none: no profile; basic and bearer profiles made by the API are named "FlexNet ENS webhooks (basic|bearer)", or the account\'s own profile of that kind is changed in place), its settings hold fnoServiceUrl and includeLineItemCustomAttributes, and a category\'s webhook is the oldest FlexNet webhook of that category (a new one, "FlexNet ENS entitlement|product|device", subscribes to all of the category\'s events).',
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
      'fnoServiceUser and fnoServiceUserPassword: a Basic auth profile named "FlexNet ENS FNO service user" (its password sealed like every profile secret). Hooklab does not use them.',
    why: 'They are credentials of the FlexNet Operations instance ENS reads from, which Hooklab has no place for; a profile keeps the password sealed.',
  },

  // Sentinel EMS
];
