import type { DeliverySummary, TokenExchange } from '../../src-shared/domain/delivery.ts';
import type { AttemptRequest } from '../../src-shared/domain/http-message.ts';
import type { FiredEvent } from '../../src-shared/domain/event.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { Webhook } from '../../src-shared/domain/webhook.ts';
import type { AccountSigningKeys } from './account-signing-keys.ts';
import type { EndpointValidator } from './endpoint-validation.ts';
import type { StoredVendorAccount, VendorAccountRepository } from '../storage/vendor-account-repository.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { AuthProfileRepository, SealedAuthProfile } from '../storage/auth-profile-repository.ts';
import type { ClaimedDelivery, DeliveryRepository } from '../storage/delivery-repository.ts';
import type { GroupCommit } from '../storage/group-commit.ts';
import type { WebhookRepository } from '../storage/webhook-repository.ts';
import { retryPolicyFor, sendingAuthProfileId, type VendorProfile } from '../vendors/vendor-profile.ts';
import { authHeaders } from './auth-headers.ts';
import { OAuthTokenError, type OAuthTokenCache } from './oauth-token-cache.ts';
import { TryDeadline, TryDeadlineExceeded } from './try-deadline.ts';
import type { Clock } from './clock.ts';
import { OriginSlots } from './origin-slots.ts';
import { originOf } from '../../src-shared/domain/http-url.ts';
import type { SlotWait } from '../../src-shared/domain/delivery.ts';
import type { HttpSender, SendResult } from './http-sender.ts';
import { decideNextStep } from './retry-decision.ts';
import { exactReplayRequest } from './replay-request.ts';
import { NEVER_RETRIED } from './retry-policy.ts';
import { deliveryPayload, signedRequest } from './delivery-request.ts';
import type { RandomSource } from './retry-policy.ts';

export interface DispatcherDeps {
  /** Attempts are recorded through it, sharing commits with captures and fired events. */
  commits: GroupCommit;
  deliveries: DeliveryRepository;
  webhooks: WebhookRepository;
  authProfiles: AuthProfileRepository;
  secrets: SecretBox;
  sender: HttpSender;
  clock: Clock;
  /**
   * Wall-clock time, for the Standard Webhooks `webhook-timestamp`: receivers (standardwebhooks,
   * svix) check it against their own clock, so vendor time under a time scale would be refused.
   */
  wallNow(): number;
  profiles: Record<VendorId, VendorProfile>;
  /** Account settings and shared credentials (FlexNet), read per try so changes apply at once. */
  accounts: VendorAccountRepository;
  /** The account private keys of vendors that sign every call (Zentitle2). */
  signingKeys: AccountSigningKeys;
  /** The CloudEvents pre-flight handshake, for vendors whose profile asks for it. */
  endpointValidator: EndpointValidator;
  /** OAuth 2.0 client-credentials tokens of auth profiles, shared by all tries. */
  tokens: OAuthTokenCache;
  userAgent: string;
  /** Tries in flight at once, over all endpoints. */
  concurrency: number;
  /** Tries in flight at once to one endpoint origin (scheme, host and port). */
  concurrencyPerOrigin: number;
  onDeliveryChanged(delivery: DeliverySummary): void;
  /** Jitter of exponential policies; seeded in tests. */
  random?: RandomSource;
}

/**
 * Claims due deliveries from the outbox and makes one try each; every try appends an attempt
 * and moves its delivery on (succeeded, retrying at the vendor's next interval, or failed).
 */
export class Dispatcher {
  private readonly deps: DispatcherDeps;
  private inFlight = 0;
  private readonly slots: OriginSlots;
  private running = false;
  private cancelTimer: (() => void) | null = null;
  private pumpScheduled = false;
  private idleWaiters: (() => void)[] = [];

  constructor(deps: DispatcherDeps) {
    this.deps = deps;
    this.slots = new OriginSlots(deps.concurrencyPerOrigin);
  }

  /**
   * Why a due delivery to `endpointUrl` is not being tried yet, when it is for want of a slot:
   * its origin's or (all endpoints together) the engine's; null when a slot is free.
   */
  slotWait(endpointUrl: string): SlotWait | null {
    const origin = originOf(endpointUrl);
    const atOrigin = this.slots.inFlightAt(origin);
    if (atOrigin >= this.slots.perOrigin) return { scope: 'origin', origin, inFlight: atOrigin };
    if (this.inFlight >= this.deps.concurrency) return { scope: 'engine', origin, inFlight: this.inFlight };
    return null;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.deps.deliveries.requeueInterrupted(this.deps.clock.now());
    this.pump();
  }

  /** Something became due now (an event was fired). */
  wake(): void {
    if (this.running) this.schedulePump();
  }

  /** Resolves when nothing is in flight and nothing is due right now. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops claiming; tries already in flight finish and are recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.cancelTimer?.();
    this.cancelTimer = null;
    while (this.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private isIdle(due: number | null = this.deps.deliveries.nextDueAt()): boolean {
    return this.inFlight === 0 && (due === null || due > this.deps.clock.now() || !this.running);
  }

  /**
   * Tries recorded in one group commit free their slots together: one claim refills them all, and
   * it joins the next group commit instead of committing alone. A try may go out before that
   * commit; after a crash its delivery is simply still due (at-least-once, as for any try).
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    void this.deps.commits.run(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const free = this.deps.concurrency - this.inFlight;
    const claimed = this.running && free > 0 ? this.deps.deliveries.claimDue(this.deps.clock.now(), free, this.slots) : [];
    for (const work of claimed) {
      this.inFlight += 1;
      this.slots.take(work.origin);
      this.deps.onDeliveryChanged(work.delivery);
      void this.attempt(work).finally(() => {
        this.inFlight -= 1;
        this.slots.release(work.origin);
        this.schedulePump();
      });
    }
    if (!this.running) return;
    // Deliveries waiting for a full origin need no timer: the end of a try there pumps again.
    const due = this.deps.deliveries.nextDueAt(this.slots.full());
    if (due !== null && this.inFlight < this.deps.concurrency) {
      this.cancelTimer = this.deps.clock.setTimer(due - this.deps.clock.now(), () => this.pump());
    }
    if (this.isIdle(due)) this.releaseIdleWaiters();
  }

  private releaseIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async attempt({ delivery, event, round }: ClaimedDelivery): Promise<void> {
    const { deps } = this;
    const number = delivery.attemptCount + 1;
    const scheduledAt = delivery.nextAttemptAt ?? deps.clock.now();
    const startedAt = deps.clock.now();
    const webhook = deps.webhooks.get(delivery.webhookId);
    const profile = deps.profiles[event.vendor];

    let request: AttemptRequest;
    let result: SendResult;
    let note: string | null = null;
    let tokenExchange: TokenExchange | null = null;
    // An exact replay is its source's request again, to the delivery's URL (a webhook's or any):
    // nothing is signed or authorized, so it needs no webhook, and a retry would send the same.
    const exactReplay = event.replay?.mode === 'exact' ? event.replay : null;
    if (exactReplay) {
      request = exactReplayRequest(exactReplay, delivery.endpointUrl);
      result = await deps.sender.send(request, webhook?.timeoutMs);
    } else if (!webhook) {
      request = { method: 'POST', url: delivery.endpointUrl, headers: {}, body: '' };
      result = { response: null, error: 'The webhook was deleted before this try; nothing was sent.', durationMs: 0 };
    } else {
      // Read once per try (settings, shared credentials, key): a change applies from the next try.
      const account = deps.accounts.get(event.vendor);
      const unauthorized = this.buildRequest(webhook, event, profile, account, number, delivery.id);
      // Asked before any token is fetched: an endpoint that refuses deliveries gets no POST at all.
      const validation = profile.endpointValidation;
      const refusal = validation ? await deps.endpointValidator.validate(unauthorized.url, validation.origin) : null;
      if (refusal) ({ request, result } = refusal);
      else
        ({ request, result, note, tokenExchange } = await this.sendAuthorized(unauthorized, this.authProfileOf(webhook, profile, account), webhook.timeoutMs));
    }

    const finishedAt = deps.clock.now();
    const { outcome, error } = decideNextStep({
      result,
      webhookExists: webhook !== null || exactReplay !== null,
      policy: exactReplay ? NEVER_RETRIED : (retryPolicyFor(profile, event) ?? webhook?.retryPolicy ?? profile.retryPolicy),
      trigger: round.trigger,
      tryInRound: number - round.firstAttempt + 1,
      now: finishedAt,
      random: deps.random,
    });
    const recordedRequest = { ...request, headers: { host: hostOf(request.url), ...request.headers } };
    const updated = await deps.commits.run(() =>
      deps.deliveries.recordAttempt(
        {
          deliveryId: delivery.id,
          number,
          round: round.number,
          roundTrigger: round.trigger,
          scheduledAt,
          startedAt,
          durationMs: result.durationMs,
          request: recordedRequest,
          response: result.response,
          error,
          note,
          tokenExchange,
        },
        outcome,
        finishedAt,
      ),
    );
    deps.onDeliveryChanged(updated);
  }

  /**
   * The request of one try without its Authorization: the vendor's payload (a resign replay's
   * body instead), its signature, the webhook's signing.
   */
  private buildRequest(
    webhook: Webhook,
    event: FiredEvent,
    profile: VendorProfile,
    account: StoredVendorAccount | null,
    attempt: number,
    deliveryId: string,
  ): AttemptRequest {
    const payload = deliveryPayload(webhook, event, profile, account, attempt);
    // Standard Webhooks' timestamp is this try's on the wall clock a receiver checks it against.
    return signedRequest(this.deps, { webhook, profile, account }, payload, {
      id: deliveryId,
      sentAt: this.deps.wallNow(),
      method: event.replay?.request.method,
    });
  }

  /** The webhook's auth profile, or the account's shared one for vendors with one credential per tenant (FlexNet). */
  private authProfileOf(webhook: Webhook, profile: VendorProfile, account: StoredVendorAccount | null): SealedAuthProfile | null {
    const id = sendingAuthProfileId(profile.catalog, webhook, account);
    return id ? this.deps.authProfiles.get(id) : null;
  }

  /**
   * Sends with the auth profile's Authorization. An OAuth 2.0 endpoint that answers 401 gets one
   * new token and the request once more, within the same try: the attempt records the resent
   * request, its answer and a note, and the retry policy counts one try. A token that cannot be
   * had is the try's error, retried like a network failure, and nothing is posted. The webhook's
   * deadline covers the whole try, token requests and the resent request included.
   */
  private async sendAuthorized(unauthorized: AttemptRequest, auth: SealedAuthProfile | null, timeoutMs: number): Promise<AuthorizedTry> {
    const { deps } = this;
    const deadline = new TryDeadline(timeoutMs);
    const authorize = async (rejectedToken?: string): Promise<AttemptRequest> => {
      const headers = authHeaders(auth, deps, rejectedToken);
      return { ...unauthorized, headers: { ...unauthorized.headers, ...(await (auth?.kind === 'oauth2' ? deadline.race(headers, 'OAuth token') : headers)) } };
    };
    let first: AttemptRequest | null = null;
    try {
      first = await authorize();
      const result = await deps.sender.send(first, timeoutMs, deadline.leftMs());
      if (auth?.kind !== 'oauth2') return { request: first, result, note: null, tokenExchange: null };
      if (result.response?.status !== 401) return { request: first, result, note: null, tokenExchange: this.exchangeBehind(auth, first) };
      const resent = await authorize(first.headers.authorization!.slice('Bearer '.length));
      const note = 'The endpoint answered HTTP 401 to the first request; a new OAuth token was fetched and the request sent again (shown here).';
      const resentResult = await deps.sender.send(resent, timeoutMs, deadline.leftMs());
      return { request: resent, result: resentResult, note, tokenExchange: this.exchangeBehind(auth, resent) };
    } catch (error) {
      const timedOut = error instanceof TryDeadlineExceeded;
      if (!timedOut && !(error instanceof OAuthTokenError)) throw error;
      // The first request went out and got a 401 when `first` is set: say so, since what is
      // recorded is the failed token fetch that followed it.
      const note = first ? 'The endpoint answered HTTP 401 to the first request (shown here); fetching a new OAuth token then failed.' : null;
      const failure = timedOut ? 'timeout' : 'network';
      const durationMs = timedOut ? timeoutMs : 0;
      const tokenExchange = error instanceof OAuthTokenError ? error.exchange : null;
      return { request: first ?? unauthorized, result: { response: null, error: (error as Error).message, failure, durationMs }, note, tokenExchange };
    }
  }

  /** The token exchange that got the Bearer token `request` carries (a cached token's, fetched for an earlier try). */
  private exchangeBehind(auth: SealedAuthProfile, request: AttemptRequest): TokenExchange | null {
    const token = request.headers.authorization?.slice('Bearer '.length);
    return token ? this.deps.tokens.exchangeOf(auth, token) : null;
  }
}

interface AuthorizedTry {
  request: AttemptRequest;
  result: SendResult;
  note: string | null;
  tokenExchange: TokenExchange | null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
