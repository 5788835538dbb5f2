import { z } from 'zod';
import type { AttemptResponse } from './delivery.ts';
import type { AttemptRequest } from './http-message.ts';
import { idSchema } from './record-id.ts';
import { vendorIdSchema, type VendorId } from './vendor.ts';
import { endpointUrlSchema, WEBHOOK_NAME_MAX } from './webhook.ts';

/** Groups of cases, each testing one thing a receiver must get right. */
export const CHECK_FAMILIES = ['delivery', 'n-signature', 'standard-webhooks', 'auth', 'cloudevents', 'at-least-once', 'bad-bodies'] as const;
export type CheckFamily = (typeof CHECK_FAMILIES)[number];

/**
 * pass / fail: the endpoint did or did not do what a correct receiver does. advisory: reported for
 * the user to judge (no single answer is right). skipped: the webhook's settings make the case moot
 * (no auth profile, no signing secret, another vendor).
 */
export type CheckOutcome = 'pass' | 'fail' | 'advisory' | 'skipped';

export interface CheckCaseResult {
  /** Stable over runs (e.g. `n-signature.forged`): how two runs are compared. */
  caseId: string;
  family: CheckFamily;
  title: string;
  /** A failed required case makes the run fail (exit 1 in the CLI). */
  required: boolean;
  outcome: CheckOutcome;
  /** What a correct receiver answers, e.g. "a non-2xx answer". */
  expected: string;
  /** Why the outcome is what it is, from what came back (or why the case was skipped). */
  verdict: string;
  /** Why the case matters, in one sentence. */
  why: string;
  /** The requests sent, in order, exactly as sent: each can be replayed. Empty when skipped. */
  exchanges: CheckExchange[];
}

/** How much of a request body a kept run stores: the oversized-body case sends megabytes on every run. */
export const CHECK_REQUEST_BODY_KEPT = 64 * 1024;
/** Runs kept per workspace (a CI job may check on every commit); the oldest go first. */
export const CHECK_RUNS_KEPT = 100;

export interface CheckExchange {
  request: AttemptRequest;
  /**
   * Set on a kept run whose request body was longer than CHECK_REQUEST_BODY_KEPT bytes (the
   * oversized-body case's): the size sent; `request.body` then holds only its start.
   */
  requestBodyBytes?: number;
  response: AttemptResponse | null;
  /** Why no (complete) answer came: a timeout, a refused connection. */
  error: string | null;
  durationMs: number;
}

export interface CheckRunSummary {
  id: string;
  url: string;
  vendor: VendorId;
  /** The webhook whose auth and signing settings the cases used; null for the vendor's defaults. */
  webhookName: string | null;
  startedAt: number;
  finishedAt: number;
  counts: Record<CheckOutcome, number>;
  /** True when no required case failed. */
  passed: boolean;
}

export interface CheckRun extends CheckRunSummary {
  cases: CheckCaseResult[];
}

/** One case as it finishes, while the run goes on. */
export interface CheckProgress {
  runId: string;
  done: number;
  total: number;
  result: CheckCaseResult;
}

export const runEndpointCheckInputSchema = z.strictObject({
  url: endpointUrlSchema,
  vendor: vendorIdSchema,
  /** The name of a webhook of `vendor`; its auth profile, signing secrets, options and deadline shape the cases. */
  webhook: z.string().trim().min(1, 'is required').max(WEBHOOK_NAME_MAX, `must be at most ${WEBHOOK_NAME_MAX} characters`).optional(),
  /** Chosen by the caller to follow `endpointCheckProgress` events of this run only. */
  runId: idSchema.optional(),
});
export type RunEndpointCheckInput = z.input<typeof runEndpointCheckInputSchema>;

export const CHECK_RUNS_LIST_MAX = 200;
export const listEndpointCheckRunsInputSchema = z
  .strictObject({
    limit: z.number().int('must be a whole number').min(1, 'must be at least 1').max(CHECK_RUNS_LIST_MAX, `must be at most ${CHECK_RUNS_LIST_MAX}`).default(50),
  })
  .default({ limit: 50 });

export function countOutcomes(cases: readonly CheckCaseResult[]): Record<CheckOutcome, number> {
  const counts: Record<CheckOutcome, number> = { pass: 0, fail: 0, advisory: 0, skipped: 0 };
  for (const result of cases) counts[result.outcome] += 1;
  return counts;
}

export function runPassed(cases: readonly CheckCaseResult[]): boolean {
  return !cases.some((result) => result.required && result.outcome === 'fail');
}

/** One case whose outcome differs between two runs (absent in one of them: null). */
export interface CheckCaseChange {
  caseId: string;
  title: string;
  before: CheckOutcome | null;
  after: CheckOutcome | null;
}

/** The cases whose outcome changed from `before` to `after`, in the order of `after` (then those only `before` had). */
export function diffCheckRuns(before: CheckRun, after: CheckRun): CheckCaseChange[] {
  const earlier = new Map(before.cases.map((result) => [result.caseId, result]));
  const changes: CheckCaseChange[] = [];
  for (const result of after.cases) {
    const old = earlier.get(result.caseId);
    earlier.delete(result.caseId);
    if (old?.outcome !== result.outcome) changes.push({ caseId: result.caseId, title: result.title, before: old?.outcome ?? null, after: result.outcome });
  }
  for (const old of earlier.values()) changes.push({ caseId: old.caseId, title: old.title, before: old.outcome, after: null });
  return changes;
}
