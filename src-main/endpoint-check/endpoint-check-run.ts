import { randomUUID } from 'node:crypto';
import {
  CHECK_REQUEST_BODY_KEPT,
  countOutcomes,
  runPassed,
  type CheckCaseResult,
  type CheckExchange,
  type CheckProgress,
  type CheckRun,
} from '../../src-shared/domain/endpoint-check.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import { AppError } from '../../src-shared/errors.ts';
import { OAuthTokenError } from '../engine/oauth-token-cache.ts';
import { atLeastOnceCases } from './at-least-once-cases.ts';
import { authCases } from './auth-cases.ts';
import { badBodyCases } from './bad-body-cases.ts';
import type { CaseVerdict, CheckCase } from './check-case.ts';
import { CheckSession, checkTarget, type EndpointCheckDeps } from './check-session.ts';
import { cloudEventsCases } from './cloudevents-cases.ts';
import { deliveryCases } from './delivery-cases.ts';
import { nSignatureCases } from './n-signature-cases.ts';
import { standardWebhooksCases } from './standard-webhooks-cases.ts';

/** Every case, in the order run: every run lists all of them (those that do not apply as skipped), so runs compare case by case. */
export const CHECK_CASES: readonly CheckCase[] = [
  ...cloudEventsCases,
  ...deliveryCases,
  ...nSignatureCases,
  ...standardWebhooksCases,
  ...authCases,
  ...atLeastOnceCases,
  ...badBodyCases,
];

export interface EndpointCheckRequest {
  url: string;
  vendor: VendorId;
  webhook?: string;
  runId?: string;
  /** Aborted when Hooklab closes: the run stops between cases, and nothing of it is returned. */
  signal?: AbortSignal;
}

function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('unavailable', 'Hooklab closed before the endpoint check ended; the run was not kept');
}

/** The exchange with at most CHECK_REQUEST_BODY_KEPT bytes of its request body, and the size sent when that is more. */
function keptBody(exchange: CheckExchange): CheckExchange {
  const { body } = exchange.request;
  // Measured without copying: most bodies are far below the cap.
  const size = Buffer.byteLength(body);
  if (size <= CHECK_REQUEST_BODY_KEPT) return exchange;
  return { ...exchange, request: { ...exchange.request, body: Buffer.from(body).subarray(0, CHECK_REQUEST_BODY_KEPT).toString() }, requestBodyBytes: size };
}

/** Why a case's requests were not sent (no OAuth token to be had), or null when they were. */
type Unsent = string | null;

/** A case that could not be sent (no OAuth token to be had) fails with the reason: the endpoint never saw it. */
async function runCase(session: CheckSession, check: CheckCase): Promise<[CaseVerdict, Unsent]> {
  try {
    return [await check.run(session), null];
  } catch (error) {
    if (!(error instanceof OAuthTokenError)) throw error;
    return [{ outcome: 'fail', verdict: `not sent: ${error.message}`, exchanges: [] }, error.message];
  }
}

/**
 * Runs every case against the endpoint one after another (cases that count or reorder requests
 * must not interleave), reporting each as it ends. Nothing is stored here; the caller keeps the run.
 */
export async function runEndpointCheck(
  deps: EndpointCheckDeps,
  request: EndpointCheckRequest,
  onProgress: (progress: CheckProgress) => void,
): Promise<CheckRun> {
  const target = checkTarget(deps, request.url, request.vendor, request.webhook);
  const session = new CheckSession(deps, target);
  const runId = request.runId ?? randomUUID();
  const startedAt = deps.clock.now();
  const cases: CheckCaseResult[] = [];
  let unanswered: string | null = null;
  for (const check of CHECK_CASES) {
    stopIfAborted(request.signal);
    const { id: caseId, family, title, required, expected, why } = check;
    const skipped: string | null = unanswered ?? check.skipReason(target);
    const [verdict, unsent]: [Pick<CheckCaseResult, 'outcome' | 'verdict' | 'exchanges'>, Unsent] =
      skipped === null ? await runCase(session, check) : [{ outcome: 'skipped', verdict: skipped, exchanges: [] }, null];
    // The run as reported is the run as kept: an oversized body's start only.
    const result: CheckCaseResult = { caseId, family, title, required, expected, why, ...verdict, exchanges: verdict.exchanges.map(keptBody) };
    const silent = result.exchanges.length > 0 && result.exchanges.every((exchange) => exchange.response === null);
    if (check.gatesTheRest && silent) unanswered = `not sent: ${caseId} got no answer (${result.exchanges[0]!.error}), so the endpoint is down or hangs`;
    // Each later case would wait for a token again (the cache keeps no failures).
    if (check.gatesTheRest && unsent !== null) unanswered = `not sent: ${caseId} could not be sent (${unsent})`;
    cases.push(result);
    onProgress({ runId, done: cases.length, total: CHECK_CASES.length, result });
  }
  stopIfAborted(request.signal);
  return {
    id: runId,
    url: request.url,
    vendor: request.vendor,
    webhookName: target.webhookName,
    startedAt,
    finishedAt: deps.clock.now(),
    counts: countOutcomes(cases),
    passed: runPassed(cases),
    cases,
  };
}
