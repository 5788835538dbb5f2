import { z } from 'zod';
import type { AppApi } from '../../src-shared/contracts/app-contract.ts';
import { fieldIssues, issueMessages, validationError, type FieldIssue } from '../../src-shared/contracts/contract-kit.ts';
import { AUTH_IDENTIFIER_MAX, AUTH_SECRET_MAX, type AuthProfile } from '../../src-shared/domain/auth-profile.ts';
import { HTTP_URL_MAX, refineHttpUrl } from '../../src-shared/domain/http-url.ts';
import type { VendorAccount } from '../../src-shared/domain/vendor-account.ts';
import { endpointUrlSchema, webhookInputOf, type Webhook } from '../../src-shared/domain/webhook.ts';
import { AppError } from '../../src-shared/errors.ts';
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
import { EnsUndoLog, type EnsFields } from './flexnet-ens-undo.ts';

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
  /** Every webhook's name, whatever its vendor: names are unique across them. */
  webhookNames: string[];
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
    // The newest: an older one stays only while something else uses it (retire).
    fnoServiceUser:
      profiles.filter((profile) => profile.kind === 'basic' && madeAs(FNO_SERVICE_USER_PROFILE, profile)).sort((a, b) => b.createdAt - a.createdAt)[0] ?? null,
    webhooks: Object.fromEntries(ENS_SUBSCRIPTIONS.map(({ prefix, category }) => [prefix, ofCategory(category)])) as Record<Prefix, Webhook | null>,
    webhookNames: webhooks.map((webhook) => webhook.name),
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
  const fieldsOf = (Object.entries(uses) as [keyof typeof uses, EnsAuthType][]).filter(([, kind]) => kind === authType).map(([field]) => field);
  // Assumption "FlexNet ENS: required fields": new credentials come whole (they make a new profile).
  const changesCredentials = !unchangedKind || fieldsOf.some((field) => input[field] !== undefined);
  for (const [field, kind] of Object.entries(uses) as [keyof typeof uses, EnsAuthType][]) {
    if (input[field] !== undefined && authType !== kind) issues.push({ path: field, message: `must be left empty unless authType is ${kind}` });
    else if (input[field] === undefined && authType === kind && changesCredentials) issues.push({ path: field, message: `is required with authType ${kind}` });
  }
  for (const { prefix } of ENS_SUBSCRIPTIONS) {
    const subscribed = input[`${prefix}Subscription`] ?? state.webhooks[prefix]?.enabled ?? false;
    if (subscribed && input[`${prefix}WebhookUrl`] === undefined && state.webhooks[prefix] === null) {
      issues.push({ path: `${prefix}WebhookUrl`, message: `is required when ${prefix}Subscription is "true"` });
    }
  }
  if ((input.fnoServiceUser === undefined) !== (input.fnoServiceUserPassword === undefined)) {
    const missing = input.fnoServiceUser === undefined ? 'fnoServiceUser' : 'fnoServiceUserPassword';
    issues.push({ path: missing, message: `is required with ${missing === 'fnoServiceUser' ? 'fnoServiceUserPassword' : 'fnoServiceUser'}` });
  }
  return issues;
}

/**
 * A free name: `base`, or `base (2)`, `base (3)`... when taken, so a write never clashes with a
 * name the user gave something else (the engine would refuse it after earlier writes went through).
 */
function freeName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base} (${n})`)) n += 1;
  return `${base} (${n})`;
}

/** Whether the ENS API made this profile: its name is `base` or one freeName gave. */
const madeAs = (base: string, profile: AuthProfile) =>
  profile.name === base || (profile.name.startsWith(`${base} (`) && /^ \(\d+\)$/.test(profile.name.slice(base.length)));
const madeByEns = (profile: AuthProfile) => (profile.kind === 'basic' || profile.kind === 'bearer') && madeAs(webhookProfileName(profile.kind), profile);

/** A profile the write made, and the name it should end up with once the one it replaces is gone. */
interface MadeProfile {
  profile: AuthProfile;
  wantedName: string;
}

async function createProfile(
  api: AppApi,
  undo: EnsUndoLog,
  state: EnsState,
  fields: EnsFields,
  profile: Parameters<AppApi['createAuthProfile']>[0],
): Promise<MadeProfile> {
  const name = freeName(
    profile.name,
    state.profiles.map((existing) => existing.name),
  );
  const created = await undo.write(fields, () => api.createAuthProfile({ ...profile, name }), {
    what: (made) => `the new auth profile "${made.name}"`,
    run: (made) => api.deleteAuthProfile({ id: made.id }),
  });
  return { profile: created, wantedName: profile.name };
}

/**
 * The account's shared profile as the body asks: undefined when it stays, null for none, else a
 * new profile. Assumption "FlexNet ENS: the configuration in Hooklab": new credentials always make
 * a new profile, so a profile other webhooks share (the user's own, attached to the account) is
 * never changed under them, and a refused request can delete what it made.
 */
async function newSharedProfile(api: AppApi, undo: EnsUndoLog, input: EnsConfigurationInput, state: EnsState): Promise<MadeProfile | null | undefined> {
  const authType = input.authType ?? authTypeOf(state);
  if (authType === 'none') return state.account.authProfileId === null ? undefined : null;
  if (input.basicUserId === undefined && input.basicPassword === undefined && input.authToken === undefined) return undefined;
  // consistencyIssues made sure every credential of the authType is given.
  return authType === 'basic'
    ? createProfile(
        api,
        undo,
        state,
        { username: 'basicUserId', password: 'basicPassword' },
        {
          kind: 'basic',
          name: webhookProfileName('basic'),
          username: input.basicUserId!,
          password: input.basicPassword!,
        },
      )
    : createProfile(api, undo, state, { token: 'authToken' }, { kind: 'bearer', name: webhookProfileName('bearer'), token: input.authToken! });
}

/** Assumption "FlexNet ENS: where the FNO service user is kept": a new profile replaces the old one. */
async function newFnoServiceUser(api: AppApi, undo: EnsUndoLog, input: EnsConfigurationInput, state: EnsState): Promise<MadeProfile | undefined> {
  if (input.fnoServiceUser === undefined && input.fnoServiceUserPassword === undefined) return undefined;
  return createProfile(
    api,
    undo,
    state,
    { username: 'fnoServiceUser', password: 'fnoServiceUserPassword' },
    {
      kind: 'basic',
      name: FNO_SERVICE_USER_PROFILE,
      username: input.fnoServiceUser!,
      password: input.fnoServiceUserPassword!,
    },
  );
}

/**
 * Assumption "FlexNet ENS: unsubscribing": a subscription set to "false" disables its category's
 * webhook (its URL stays in the configuration); "true" enables it. A new one subscribes to every
 * event of its category, as ENS sends them all.
 */
async function applySubscriptions(api: AppApi, undo: EnsUndoLog, input: EnsConfigurationInput, state: EnsState): Promise<void> {
  const names = state.webhookNames.slice();
  for (const { prefix, category } of ENS_SUBSCRIPTIONS) {
    const url = input[`${prefix}WebhookUrl`];
    const subscribed = input[`${prefix}Subscription`];
    if (url === undefined && subscribed === undefined) continue;
    const webhook = state.webhooks[prefix];
    if (webhook) {
      const fields = { 'webhook.endpointUrl': `${prefix}WebhookUrl`, 'webhook.enabled': `${prefix}Subscription` };
      const before = webhookInputOf(webhook);
      await undo.write(
        fields,
        () => api.updateWebhook({ id: webhook.id, webhook: { ...before, endpointUrl: url ?? webhook.endpointUrl, enabled: subscribed ?? webhook.enabled } }),
        { what: () => `the change to webhook "${webhook.name}"`, run: () => api.updateWebhook({ id: webhook.id, webhook: before }) },
      );
    } else if (url !== undefined) {
      const events = FLEXNET_EVENT_TYPES.map((eventType) => flexnetEventName({ event: category, eventType }));
      const name = freeName(webhookName(prefix), names);
      names.push(name);
      // freeName keeps the name clear; should a webhook take it meanwhile, the refusal names the category's URL field, which the name is for.
      await undo.write(
        { endpointUrl: `${prefix}WebhookUrl`, enabled: `${prefix}Subscription`, name: `${prefix}WebhookUrl` },
        () => api.createWebhook({ vendor: 'flexnet', name, events, endpointUrl: url, enabled: subscribed ?? false }),
        { what: (created) => `the new webhook "${created.name}"`, run: (created) => api.deleteWebhook({ id: created.id }) },
      );
    }
  }
}

/** The account's settings and shared profile in one engine write: the last one that can be refused. */
async function applyAccount(api: AppApi, undo: EnsUndoLog, input: EnsConfigurationInput, shared: MadeProfile | null | undefined): Promise<void> {
  const settings: Record<string, string> = {};
  if (input.fnoServiceUrl !== undefined) settings[FLEXNET_SERVICE_URL_SETTING] = input.fnoServiceUrl;
  if (input.includeLineItemCustomAttributes !== undefined) settings[FLEXNET_LINE_ITEM_ATTRIBUTES_SETTING] = String(input.includeLineItemCustomAttributes);
  const change = {
    ...(Object.keys(settings).length > 0 ? { settings } : {}),
    ...(shared !== undefined ? { authProfileId: shared?.profile.id ?? null } : {}),
  };
  if (Object.keys(change).length === 0) return;
  const fields = {
    [`settings.${FLEXNET_SERVICE_URL_SETTING}`]: 'fnoServiceUrl',
    [`settings.${FLEXNET_LINE_ITEM_ATTRIBUTES_SETTING}`]: 'includeLineItemCustomAttributes',
    authProfileId: 'authType',
  };
  await undo.write(fields, () => api.updateVendorAccount({ vendor: 'flexnet', ...change }));
}

/**
 * After the write went through: a replaced profile the ENS API made goes, unless something else
 * uses it (the engine refuses with conflict: it stays for them) or a write at the same time
 * retired it already (not_found), and the new one takes its name.
 */
async function retire(api: AppApi, replaced: AuthProfile | null, made: MadeProfile | null | undefined): Promise<void> {
  if (replaced && made !== undefined) {
    await api.deleteAuthProfile({ id: replaced.id }).catch((error: unknown) => {
      if (!(error instanceof AppError && (error.code === 'conflict' || error.code === 'not_found'))) throw error;
    });
  }
  if (!made || made.profile.name === made.wantedName) return;
  if ((await api.listAuthProfiles()).some((profile) => profile.name === made.wantedName)) return;
  const { profile } = made;
  const renamed =
    profile.kind === 'bearer'
      ? { kind: 'bearer' as const, name: made.wantedName, token: null }
      : { kind: 'basic' as const, name: made.wantedName, username: profile.username ?? '', password: null };
  // Best-effort, as the write is committed: a profile given that name meanwhile (invalid_input) or the
  // new one deleted meanwhile (not_found) leaves it as it is.
  await api.updateAuthProfile({ id: profile.id, profile: renamed }).catch((error: unknown) => {
    if (!(error instanceof AppError && (error.code === 'invalid_input' || error.code === 'not_found'))) throw error;
  });
}

export type EnsOutcome = { status: 200; body: Record<string, string> } | { status: 404 | 409 | 500; message: string };

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
  // Each write that can be refused leaves its undo. The account goes last: a setting never set
  // would come back as its default, not unset, so it is never undone; only clean-up follows it.
  const undo = new EnsUndoLog();
  let shared: MadeProfile | null | undefined;
  let fnoServiceUser: MadeProfile | undefined;
  try {
    shared = await newSharedProfile(api, undo, parsed.data, state);
    fnoServiceUser = await newFnoServiceUser(api, undo, parsed.data, state);
    await applySubscriptions(api, undo, parsed.data, state);
    await applyAccount(api, undo, parsed.data, shared);
  } catch (error) {
    const stayed = await undo.undoAll();
    if (stayed.length === 0) throw error;
    // Not a clean refusal: the configuration changed in part, and the answer must say so.
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 500, message: `The request was refused (${reason}) and could be only partly taken back: ${stayed.join(', ')} stayed` };
  }
  await retire(api, state.shared && madeByEns(state.shared) ? state.shared : null, shared);
  await retire(api, state.fnoServiceUser, fnoServiceUser);
  return { status: 200, body: shownConfiguration(await readState(api)) };
}
