import type { AttemptRoundTrigger } from '../../src-shared/domain/delivery.ts';
import type { RetryPolicy } from '../../src-shared/domain/retry-policy.ts';
import type { DeliveryOutcome } from '../storage/delivery-repository.ts';
import type { SendResult } from './http-sender.ts';
import { classifyOutcome } from './outcome-classification.ts';
import { nextDelayInRound, type RandomSource } from './retry-policy.ts';

export interface TryFacts {
  result: SendResult;
  /** False when the webhook was deleted before this try: nothing was sent, and nothing will be. */
  webhookExists: boolean;
  policy: RetryPolicy;
  /** What started the round this try belongs to, and which try of the round it is (1-based). */
  trigger: AttemptRoundTrigger;
  tryInRound: number;
  /** Engine (vendor) time when the try finished; retries are scheduled from it. */
  now: number;
  random?: RandomSource;
}

export interface NextStep {
  outcome: DeliveryOutcome;
  /** What the attempt records as its error (null when it succeeded). */
  error: string | null;
}

/**
 * After a try: done, retry later, or give up. The wait before a retry is the policy's interval,
 * stretched to the endpoint's Retry-After when that asks for longer (never shortened by it, so
 * an endpoint cannot make the engine retry faster than the vendor would).
 */
export function decideNextStep({ result, webhookExists, policy, trigger, tryInRound, now, random }: TryFacts): NextStep {
  const verdict = classifyOutcome(result, now);
  const consequence = verdict.kind === 'final' && verdict.consequence ? ` ${verdict.consequence}` : '';
  const error = result.error ?? (result.response ? `Endpoint answered HTTP ${result.response.status}${consequence}` : null);
  if (!webhookExists) return { outcome: { status: 'failed', nextAttemptAt: null }, error };
  if (verdict.kind === 'success') return { outcome: { status: 'succeeded', nextAttemptAt: null }, error: null };
  const interval = verdict.kind === 'retry' ? nextDelayInRound(policy, trigger, tryInRound, random) : null;
  if (verdict.kind === 'final' || interval === null) return { outcome: { status: 'failed', nextAttemptAt: null }, error };
  const delay = Math.max(interval, verdict.retryAfterMs ?? 0);
  return { outcome: { status: 'retrying', nextAttemptAt: now + delay }, error };
}
