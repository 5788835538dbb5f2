import { randomInt } from 'node:crypto';
import type { AttemptRequest, HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { CheckExchange } from '../../src-shared/domain/endpoint-check.ts';
import type { FiredEvent } from '../../src-shared/domain/event.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import { webhookInputSchema, type Webhook } from '../../src-shared/domain/webhook.ts';
import { findCatalogEvent, firstEventOf } from '../../src-shared/vendors/catalogs.ts';
import { AppError } from '../../src-shared/errors.ts';
import { validationError } from '../../src-shared/contracts/contract-kit.ts';
import { authHeaders } from '../engine/auth-headers.ts';
import type { Clock } from '../engine/clock.ts';
import { deliveryPayload, openSigningSecrets, signedRequest, type RequestSigningDeps } from '../engine/delivery-request.ts';
import type { HttpSender } from '../engine/http-sender.ts';
import type { OAuthTokenCache } from '../engine/oauth-token-cache.ts';
import { TOKEN_PATH, type ReceiverTokens } from '../receiver/oauth-token-endpoint.ts';
import type { AuthProfileRepository, SealedAuthProfile } from '../storage/auth-profile-repository.ts';
import type { StoredVendorAccount, VendorAccountRepository } from '../storage/vendor-account-repository.ts';
import type { WebhookRepository } from '../storage/webhook-repository.ts';
import { sendingAuthProfileId, type VendorPayload, type VendorProfile } from '../vendors/vendor-profile.ts';
import { newFiredEvent } from '../services/fire-event.ts';

export interface EndpointCheckDeps extends RequestSigningDeps {
  webhooks: WebhookRepository;
  authProfiles: AuthProfileRepository;
  accounts: VendorAccountRepository;
  profiles: Record<VendorId, VendorProfile>;
  sender: Pick<HttpSender, 'send'>;
  tokens: OAuthTokenCache;
  /** The receiver's token endpoint: expired and wrong-audience tokens are signed with its key. */
  receiverTokens: Pick<ReceiverTokens, 'key' | 'issuer'>;
  /** The wall clock, not the engine's scaled one: timestamps and token lifetimes are judged by the endpoint in real time. */
  clock: Pick<Clock, 'now'>;
}

/** What the cases are built from: the endpoint, and the webhook whose vendor, auth and signing they use. */
export interface CheckTarget {
  url: string;
  profile: VendorProfile;
  /** The named webhook pointed at `url`, or the vendor's defaults (no auth profile of its own, no signing secret). */
  webhook: Webhook;
  webhookName: string | null;
  account: StoredVendorAccount | null;
  auth: SealedAuthProfile | null;
  signingSecrets: string[];
  /** Hooklab's own token endpoint: only tokens of an auth profile using it can Hooklab sign expired or for another audience. */
  hooklabTokenUrl: string;
}

/** A webhook as the form would make it with nothing but the vendor chosen: the schema's defaults, no signing secret. */
function defaultWebhook(vendor: VendorId, url: string, now: number): Webhook {
  const draft = webhookInputSchema.parse({ vendor, name: 'endpoint check', events: [firstEventOf(vendor).eventName], endpointUrl: url });
  return { ...draft, id: 'endpoint-check', signingSecrets: [], createdAt: now, updatedAt: now };
}

/** The target of a check; a named webhook must exist and be of `vendor`. */
export function checkTarget(deps: EndpointCheckDeps, url: string, vendor: VendorId, webhookName: string | undefined): CheckTarget {
  let webhook = defaultWebhook(vendor, url, deps.clock.now());
  if (webhookName !== undefined) {
    const named = deps.webhooks.findByName(webhookName);
    if (!named) throw new AppError('not_found', `No webhook is named "${webhookName}"`);
    if (named.vendor !== vendor) {
      throw validationError([{ path: 'webhook', message: `is a ${named.vendor} webhook, not ${vendor}` }]);
    }
    webhook = { ...named, endpointUrl: url };
  }
  const profile = deps.profiles[vendor];
  const account = deps.accounts.get(vendor);
  const authId = sendingAuthProfileId(profile.catalog, webhook, account);
  return {
    url,
    profile,
    webhook,
    webhookName: webhookName ?? null,
    account,
    auth: authId ? deps.authProfiles.get(authId) : null,
    signingSecrets: openSigningSecrets(deps, webhook),
    hooklabTokenUrl: `${deps.receiverTokens.issuer()}${TOKEN_PATH}`,
  };
}

/** Builds, signs, authorizes and sends the requests of one check run, as the dispatcher would. */
export class CheckSession {
  readonly deps: EndpointCheckDeps;
  readonly target: CheckTarget;

  constructor(deps: EndpointCheckDeps, target: CheckTarget) {
    this.deps = deps;
    this.target = target;
  }

  now(): number {
    return this.deps.clock.now();
  }

  /** A new event of the webhook's first event, with a generated entity (`entityId` to follow one entity). */
  event(fields: { entityId?: string; opTime?: number } = {}): FiredEvent {
    const { webhook, profile } = this.target;
    // A stored webhook's events are catalog events (checked when it was saved).
    const catalogEvent = findCatalogEvent(webhook.vendor, webhook.events[0]!)!;
    const activity = catalogEvent.activities.find((name) => webhook.activities.includes(name)) ?? catalogEvent.activities[0]!;
    const generated = profile.generateEntity(catalogEvent, { activity, seed: randomInt(2 ** 31), entityId: fields.entityId });
    const event = newFiredEvent(webhook.vendor, catalogEvent, this.now(), { activity, origin: 'synthetic', ...generated });
    return fields.opTime === undefined ? event : { ...event, opTime: fields.opTime };
  }

  payload(event: FiredEvent, options: { attempt?: number; vendorOptions?: Record<string, string> } = {}): VendorPayload {
    const { webhook, profile, account } = this.target;
    const target = options.vendorOptions ? { ...webhook, vendorOptions: { ...webhook.vendorOptions, ...options.vendorOptions } } : webhook;
    return deliveryPayload(target, event, profile, account, options.attempt ?? 1);
  }

  /** The payload signed as the webhook signs (vendor signature, Standard Webhooks with `message.id` as webhook-id), not yet authorized. */
  signed(payload: VendorPayload, message: { id: string; sentAt?: number }): AttemptRequest {
    const { webhook, profile, account } = this.target;
    return signedRequest(this.deps, { webhook, profile, account }, payload, { id: message.id, sentAt: message.sentAt ?? this.now() });
  }

  /** The delivery of `event` signed, without Authorization. */
  unauthorized(event: FiredEvent, messageId: string = event.id): AttemptRequest {
    return this.signed(this.payload(event), { id: messageId });
  }

  /** The request with the Authorization of `auth` (default: the webhook's own profile). */
  async authorized(request: AttemptRequest, auth: SealedAuthProfile | null = this.target.auth): Promise<AttemptRequest> {
    return { ...request, headers: { ...request.headers, ...(await authHeaders(auth, this.deps)) } };
  }

  /** A signed, authorized delivery of `event`, as its first try would be. */
  async delivery(event: FiredEvent, messageId: string = event.id): Promise<AttemptRequest> {
    return this.authorized(this.unauthorized(event, messageId));
  }

  async send(request: AttemptRequest): Promise<CheckExchange> {
    const result = await this.deps.sender.send(request, this.target.webhook.timeoutMs);
    return { request, response: result.response, error: result.response && !result.failure ? null : result.error, durationMs: result.durationMs };
  }
}

/** `headers` with `names` left out (case-insensitively), then `extra` added. */
export function withHeaders(request: AttemptRequest, extra: HttpHeaders, names: readonly string[] = []): AttemptRequest {
  const dropped = new Set([...names, ...Object.keys(extra)].map((name) => name.toLowerCase()));
  const kept = Object.entries(request.headers).filter(([name]) => !dropped.has(name.toLowerCase()));
  return { ...request, headers: { ...Object.fromEntries(kept), ...extra } };
}

/** The request with another body, its content-length to match and its signatures left as they were. */
export function withBody(request: AttemptRequest, body: string): AttemptRequest {
  return { ...withHeaders(request, { 'content-length': String(Buffer.byteLength(body)) }), body };
}
