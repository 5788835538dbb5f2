import { z } from 'zod';
import type { AppApi } from '../../src-shared/contracts/app-contract.ts';
import { fieldIssues, issueMessages, validationError, type FieldIssue } from '../../src-shared/contracts/contract-kit.ts';
import { AUTH_IDENTIFIER_MAX, AUTH_SECRET_MAX, type AuthProfile } from '../../src-shared/domain/auth-profile.ts';
import { HTTP_URL_MAX, refineHttpUrl } from '../../src-shared/domain/http-url.ts';
import type { VendorAccount } from '../../src-shared/domain/vendor-account.ts';
import { endpointUrlSchema, webhookInputOf, type Webhook } from '../../src-shared/domain/webhook.ts';
import {
  FLEXNET_CATEGORIES,
  FLEXNET_ENS_SUBSCRIPTIONS,
  FLEXNET_EVENT_TYPES,
  FLEXNET_LINE_ITEM_ATTRIBUTES_SETTING,
  FLEXNET_SERVICE_URL_SETTING,
  flexnetEventHeader,
  flexnetEventName,
  type FlexnetCategory,
  type FlexnetEnsSubscription,
} from '../../src-shared/vendors/flexnet/catalog.ts';

/** The configuration's three subscriptions: the prefix of their `…Subscription` / `…WebhookUrl` fields, and their category. */
const ENS_SUBSCRIPTIONS = FLEXNET_CATEGORIES.map((category) => ({ prefix: FLEXNET_ENS_SUBSCRIPTIONS[category], category }));
type Prefix = FlexnetEnsSubscription;

const ENS_AUTH_TYPES = ['basic', 'bearer', 'none'] as const;
type EnsAuthType = (typeof ENS_AUTH_TYPES)[number];

/** Assumption "FlexNet ENS: where the FNO service user is kept": a Basic profile of this name (sealed like every profile secret). */
const FNO_SERVICE_USER_PROFILE = 'FlexNet ENS FNO service user';
/** Assumption "FlexNet ENS: the configuration in Hooklab": profiles the API makes for the webhooks' credentials. */
const webhookProfileName = (kind: 'basic' | 'bearer') => `FlexNet ENS webhooks (${kind})`;
const webhookName = (prefix: Prefix) => `FlexNet ENS ${prefix}`;

/** Assumption "FlexNet ENS: masked fields": what GET shows for a set secret; unset ones are "". */
const ENS_MASK = '********';

/** Assumption "FlexNet ENS: subscription flags": "true"/"false" as documented, JSON booleans too. */
const flag = z.union([z.enum(['true', 'false']), z.boolean()], { error: 'must be "true" or "false"' }).transform((value) => value === true || value === 'true');
/** The documentation says to "leave empty" credentials the authType does not use: "" and null are as if left out. */
const leftEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());
const secret = leftEmpty(z.string({ error: 'must be a string' }).max(AUTH_SECRET_MAX, `must be at most ${AUTH_SECRET_MAX} characters`));
const user = leftEmpty(
  z
    .string({ error: 'must be a string' })
    .max(AUTH_IDENTIFIER_MAX, `must be at most ${AUTH_IDENTIFIER_MAX} characters`)
    .refine((value) => !value.includes(':'), 'must not contain ":" (it is sent as user:password)'),
);

/** The documented configuration parameters (VENDOR-APIS.md §1(a)); anything else is refused, naming it. */
const ensConfigurationSchema = z.strictObject({
  authType: z.enum(ENS_AUTH_TYPES, { error: 'must be basic, bearer or none' }).optional(),
  authToken: secret,
  basicUserId: user,
  basicPassword: secret,
  entitlementSubscription: flag.optional(),
  entitlementWebhookUrl: endpointUrlSchema.optional(),
  productSubscription: flag.optional(),
  productWebhookUrl: endpointUrlSchema.optional(),
  deviceSubscription: flag.optional(),
  deviceWebhookUrl: endpointUrlSchema.optional(),
  fnoServiceUrl: z.string({ error: 'must be a string' }).max(HTTP_URL_MAX, `must be at most ${HTTP_URL_MAX} characters`).superRefine(refineHttpUrl).optional(),
  fnoServiceUser: user,
  fnoServiceUserPassword: secret,
  includeLineItemCustomAttributes: flag.optional(),
});
type EnsConfigurationInput = z.output<typeof ensConfigurationSchema>;

/** What Hooklab holds of the configuration: the FlexNet account, its profiles and one webhook per category. */
interface EnsState {
  account: VendorAccount;
  profiles: AuthProfile[];
  /** The account's shared profile: its kind is the authType. */
  shared: AuthProfile | null;
  fnoServiceUser: AuthProfile | null;
  webhooks: Record<Prefix, Webhook | null>;
}

/**
 * Assumption "FlexNet ENS: the configuration in Hooklab": a category's webhook is the oldest FlexNet
 * webhook of that category, whoever made it, so webhooks made on the Webhooks page show up too.
 */
async function readState(api: AppApi): Promise<EnsState> {
  const [account, profiles, webhooks] = await Promise.all([api.getVendorAccount({ vendor: 'flexnet' }), api.listAuthProfiles(), api.listWebhooks()]);
  const flexnet = webhooks.filter((webhook) => webhook.vendor === 'flexnet').sort((a, b) => a.createdAt - b.createdAt);
  const ofCategory = (category: FlexnetCategory) => flexnet.find((webhook) => flexnetEventHeader(webhook.events[0] ?? '')?.event === category) ?? null;
  return {
    account,
    profiles,
    shared: profiles.find((profile) => profile.id === account.authProfileId) ?? null,
    fnoServiceUser: profiles.find((profile) => profile.name === FNO_SERVICE_USER_PROFILE) ?? null,
    webhooks: Object.fromEntries(ENS_SUBSCRIPTIONS.map(({ prefix, category }) => [prefix, ofCategory(category)])) as Record<Prefix, Webhook | null>,
  };
}

/** Assumption "FlexNet ENS: GET before POST": there is a configuration once a category has a webhook. */
const configured = (state: EnsState) => Object.values(state.webhooks).some((webhook) => webhook !== null);

function authTypeOf(state: EnsState): EnsAuthType {
  return state.shared?.kind === 'basic' || state.shared?.kind === 'bearer' ? state.shared.kind : 'none';
}

const masked = (isSet: boolean) => (isSet ? ENS_MASK : '');

/** The configuration as GET returns it, every value a string as the documentation writes them, secrets masked. */
function shownConfiguration(state: EnsState): Record<string, string> {
  const authType = authTypeOf(state);
  const shown: Record<string, string> = {
    authType,
    authToken: masked(authType === 'bearer'),
    basicUserId: masked(authType === 'basic'),
    basicPassword: masked(authType === 'basic'),
  };
  for (const { prefix } of ENS_SUBSCRIPTIONS) {
    const webhook = state.webhooks[prefix];
    shown[`${prefix}Subscription`] = String(webhook?.enabled ?? false);
    shown[`${prefix}WebhookUrl`] = webhook?.endpointUrl ?? '';
  }
  shown.fnoServiceUrl = state.account.settings[FLEXNET_SERVICE_URL_SETTING] ?? '';
  shown.fnoServiceUser = masked(state.fnoServiceUser !== null);
  shown.fnoServiceUserPassword = masked(state.fnoServiceUser !== null);
  shown.includeLineItemCustomAttributes = String(state.account.settings[FLEXNET_LINE_ITEM_ATTRIBUTES_SETTING] === 'true');
  return shown;
}

/** What the body cannot mean given what is there; checked before anything changes. */
function consistencyIssues(input: EnsConfigurationInput, state: EnsState, initial: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // Assumption "FlexNet ENS: required fields": POST names the authType and at least one webhook URL.
  if (initial && input.authType === undefined) issues.push({ path: 'authType', message: 'is required: basic, bearer or none' });
  if (initial && ENS_SUBSCRIPTIONS.every(({ prefix }) => input[`${prefix}WebhookUrl`] === undefined)) {
    issues.push({ path: 'entitlementWebhookUrl', message: 'give at least one of entitlementWebhookUrl, productWebhookUrl, deviceWebhookUrl' });
  }
  const authType = input.authType ?? authTypeOf(state);
  const unchangedKind = state.shared?.kind === authType;
  // "Leave empty if authType=none or authType=basic" (and the Basic fields unless basic).
  const uses: Record<'authToken' | 'basicUserId' | 'basicPassword', EnsAuthType> = { authToken: 'bearer', basicUserId: 'basic', basicPassword: 'basic' };
  for (const [field, kind] of Object.entries(uses) as [keyof typeof uses, EnsAuthType][]) {
    if (input[field] !== undefined && authType !== kind) issues.push({ path: field, message: `must be left empty unless authType is ${kind}` });
    else if (input[field] === undefined && authType === kind && !unchangedKind) issues.push({ path: field, message: `is required with authType ${kind}` });
  }
  for (const { prefix } of ENS_SUBSCRIPTIONS) {
    const subscribed = input[`${prefix}Subscription`] ?? state.webhooks[prefix]?.enabled ?? false;
    if (subscribed && input[`${prefix}WebhookUrl`] === undefined && state.webhooks[prefix] === null) {
      issues.push({ path: `${prefix}WebhookUrl`, message: `is required when ${prefix}Subscription is "true"` });
    }
  }
  if (state.fnoServiceUser === null && (input.fnoServiceUser === undefined) !== (input.fnoServiceUserPassword === undefined)) {
    const missing = input.fnoServiceUser === undefined ? 'fnoServiceUser' : 'fnoServiceUserPassword';
    issues.push({ path: missing, message: `is required with ${missing === 'fnoServiceUser' ? 'fnoServiceUserPassword' : 'fnoServiceUser'}` });
  }
  return issues;
}

/** The account's shared profile as the body asks: none, or a Basic or Bearer profile (changed in place when of that kind). */
async function applyAuth(api: AppApi, input: EnsConfigurationInput, state: EnsState): Promise<void> {
  const authType = input.authType ?? authTypeOf(state);
  if (authType === 'none') {
    if (state.account.authProfileId !== null) await api.updateVendorAccount({ vendor: 'flexnet', authProfileId: null });
    return;
  }
  const given = authType === 'basic' ? input.basicUserId !== undefined || input.basicPassword !== undefined : input.authToken !== undefined;
  const target =
    state.shared?.kind === authType
      ? state.shared
      : (state.profiles.find((profile) => profile.name === webhookProfileName(authType) && profile.kind === authType) ?? null);
  const name = target?.name ?? webhookProfileName(authType);
  const edit =
    authType === 'basic'
      ? { kind: 'basic' as const, name, username: input.basicUserId ?? target?.username ?? '', password: input.basicPassword ?? null }
      : { kind: 'bearer' as const, name, token: input.authToken ?? null };
  let id = target?.id;
  if (target && given) await api.updateAuthProfile({ id: target.id, profile: edit });
  else if (!target) {
    const created =
      authType === 'basic'
        ? { kind: 'basic' as const, name, username: input.basicUserId!, password: input.basicPassword! }
        : { kind: 'bearer' as const, name, token: input.authToken! };
    id = (await api.createAuthProfile(created)).id;
  }
  if (id !== state.account.authProfileId) await api.updateVendorAccount({ vendor: 'flexnet', authProfileId: id! });
}

async function applyFnoServiceUser(api: AppApi, input: EnsConfigurationInput, state: EnsState): Promise<void> {
  if (input.fnoServiceUser === undefined && input.fnoServiceUserPassword === undefined) return;
  const existing = state.fnoServiceUser;
  if (!existing) {
    await api.createAuthProfile({ kind: 'basic', name: FNO_SERVICE_USER_PROFILE, username: input.fnoServiceUser!, password: input.fnoServiceUserPassword! });
    return;
  }
  const profile = {
    kind: 'basic' as const,
    name: existing.name,
    username: input.fnoServiceUser ?? existing.username ?? '',
    password: input.fnoServiceUserPassword ?? null,
  };
  await api.updateAuthProfile({ id: existing.id, profile });
}

async function applySettings(api: AppApi, input: EnsConfigurationInput): Promise<void> {
  const settings: Record<string, string> = {};
  if (input.fnoServiceUrl !== undefined) settings[FLEXNET_SERVICE_URL_SETTING] = input.fnoServiceUrl;
  if (input.includeLineItemCustomAttributes !== undefined) settings[FLEXNET_LINE_ITEM_ATTRIBUTES_SETTING] = String(input.includeLineItemCustomAttributes);
  if (Object.keys(settings).length > 0) await api.updateVendorAccount({ vendor: 'flexnet', settings });
}

/**
 * Assumption "FlexNet ENS: unsubscribing": a subscription set to "false" disables its category's
 * webhook (its URL stays in the configuration); "true" enables it. A new one subscribes to every
 * event of its category, as ENS sends them all.
 */
async function applySubscriptions(api: AppApi, input: EnsConfigurationInput, state: EnsState): Promise<void> {
  for (const { prefix, category } of ENS_SUBSCRIPTIONS) {
    const url = input[`${prefix}WebhookUrl`];
    const subscribed = input[`${prefix}Subscription`];
    if (url === undefined && subscribed === undefined) continue;
    const webhook = state.webhooks[prefix];
    if (webhook) {
      await api.updateWebhook({
        id: webhook.id,
        webhook: { ...webhookInputOf(webhook), endpointUrl: url ?? webhook.endpointUrl, enabled: subscribed ?? webhook.enabled },
      });
    } else if (url !== undefined) {
      const events = FLEXNET_EVENT_TYPES.map((eventType) => flexnetEventName({ event: category, eventType }));
      await api.createWebhook({ vendor: 'flexnet', name: webhookName(prefix), events, endpointUrl: url, enabled: subscribed ?? false });
    }
  }
}

export type EnsOutcome = { status: 200; body: Record<string, string> } | { status: 404 | 409; message: string };

/** GET: the configuration, masked; 404 before there is one (the documentation: none "until the service has been configured using POST"). */
export async function getEnsConfiguration(api: AppApi): Promise<EnsOutcome> {
  const state = await readState(api);
  if (!configured(state)) return { status: 404, message: 'The Event Notification Service is not configured: POST a configuration first' };
  return { status: 200, body: shownConfiguration(state) };
}

/**
 * POST (initial configuration) or PATCH (update). Assumptions "FlexNet ENS: POST when configured"
 * (409) and "FlexNet ENS: PATCH before POST" (404). A bad body throws a validation error naming
 * the field, before anything changes.
 */
export async function writeEnsConfiguration(api: AppApi, body: unknown, initial: boolean): Promise<EnsOutcome> {
  const parsed = ensConfigurationSchema.safeParse(body ?? {}, { error: issueMessages });
  if (!parsed.success) throw validationError(fieldIssues(parsed.error));
  const state = await readState(api);
  if (initial && configured(state)) return { status: 409, message: 'The Event Notification Service is configured already: PATCH to change it' };
  if (!initial && !configured(state)) return { status: 404, message: 'The Event Notification Service is not configured: POST a configuration first' };
  const issues = consistencyIssues(parsed.data, state, initial);
  if (issues.length > 0) throw validationError(issues);
  await applyAuth(api, parsed.data, state);
  await applyFnoServiceUser(api, parsed.data, state);
  await applySettings(api, parsed.data);
  await applySubscriptions(api, parsed.data, state);
  return { status: 200, body: shownConfiguration(await readState(api)) };
}
