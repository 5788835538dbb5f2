import type { AttemptRequest, DeliverySummary } from '../../src-shared/domain/delivery.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { AuthProfileRepository } from '../storage/auth-profile-repository.ts';
import type { ClaimedDelivery, DeliveryRepository } from '../storage/delivery-repository.ts';
import type { GroupCommit } from '../storage/group-commit.ts';
import type { WebhookRepository } from '../storage/webhook-repository.ts';
import type { VendorProfile } from '../vendors/vendor-profile.ts';
import { authHeaders } from './auth-headers.ts';
import type { Clock } from './clock.ts';
import type { HttpSender, SendResult } from './http-sender.ts';
import { decideNextStep } from './retry-decision.ts';
import { standardWebhooksHeaders } from './standard-webhooks-signature.ts';
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
  profiles: Record<VendorId, VendorProfile>;
  userAgent: string;
  /** Requests in flight at once, over all endpoints. */
  concurrency: number;
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
  private running = false;
  private cancelTimer: (() => void) | null = null;
  private pumpScheduled = false;
  private idleWaiters: (() => void)[] = [];

  constructor(deps: DispatcherDeps) {
    this.deps = deps;
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
    const claimed = this.running && free > 0 ? this.deps.deliveries.claimDue(this.deps.clock.now(), free) : [];
    for (const work of claimed) {
      this.inFlight += 1;
      this.deps.onDeliveryChanged(work.delivery);
      void this.attempt(work).finally(() => {
        this.inFlight -= 1;
        this.schedulePump();
      });
    }
    if (!this.running) return;
    const due = this.deps.deliveries.nextDueAt();
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
    if (!webhook) {
      request = { method: 'POST', url: delivery.endpointUrl, headers: {}, body: '' };
      result = { response: null, error: 'The webhook was deleted before this try; nothing was sent.', durationMs: 0 };
    } else {
      const payload = profile.buildPayload(event, {
        webhookId: webhook.id,
        webhookName: webhook.name,
        includeData: webhook.includeData,
      });
      const auth = webhook.authProfileId ? deps.authProfiles.get(webhook.authProfileId) : null;
      const signingSecrets =
        webhook.signingSecrets.length > 0 ? deps.webhooks.sealedSigningSecrets(webhook.id).map((sealed) => deps.secrets.open(sealed)) : [];
      const headers = {
        ...payload.headers,
        'user-agent': deps.userAgent,
        ...authHeaders(auth, deps.secrets),
        // The delivery id stays the same over every try, as the spec wants of webhook-id; the
        // timestamp is this try's, on the vendor clock.
        ...(signingSecrets.length > 0 ? standardWebhooksHeaders(signingSecrets, delivery.id, Math.floor(startedAt / 1000), payload.body) : {}),
        'content-length': String(Buffer.byteLength(payload.body)),
      };
      request = { method: 'POST', url: webhook.endpointUrl, headers, body: payload.body };
      result = await deps.sender.send(request);
    }

    const finishedAt = deps.clock.now();
    const { outcome, error } = decideNextStep({
      result,
      webhookExists: webhook !== null,
      policy: webhook?.retryPolicy ?? profile.retryPolicy,
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
        },
        outcome,
        finishedAt,
      ),
    );
    deps.onDeliveryChanged(updated);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
