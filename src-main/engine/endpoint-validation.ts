import type { AttemptRequest } from '../../src-shared/domain/http-message.ts';
import type { EndpointConsent, EndpointValidationRepository } from '../storage/endpoint-validation-repository.ts';
import type { GroupCommit } from '../storage/group-commit.ts';
import type { HttpSender, SendResult } from './http-sender.ts';
import { headerValue } from './header-value.ts';
import { SingleFlight } from './single-flight.ts';

export interface EndpointValidatorDeps {
  commits: GroupCommit;
  consents: EndpointValidationRepository;
  sender: Pick<HttpSender, 'send'>;
  now(): number;
  userAgent: string;
}

/** A handshake that did not end in consent: recorded as the try, in place of the POST never sent. */
export interface ValidationRefusal {
  request: AttemptRequest;
  result: SendResult;
}

export type HandshakeJudgement = { consent: EndpointConsent } | { refusal: string };

/**
 * CloudEvents webhook spec §4.2: only WebHook-Allowed-Origin (the origin asked for, or `*`) is
 * consent; "the handshake cannot rely on status codes", so a bare 200 is not. Hooklab also wants
 * a 2xx with it, so an endpoint failing on OPTIONS is not taken as agreeing.
 */
export function judgeHandshake(url: string, origin: string, result: SendResult, now: number): HandshakeJudgement {
  const { response } = result;
  if (!response) return { refusal: `OPTIONS ${url} got no answer (${result.error})` };
  const allowed = headerValue(response.headers, 'webhook-allowed-origin');
  if (allowed === undefined) return { refusal: `${url} answered ${response.status} without WebHook-Allowed-Origin` };
  if (allowed !== origin && allowed !== '*') {
    return { refusal: `${url} answered ${response.status} with WebHook-Allowed-Origin "${allowed}", not "${origin}" or "*"` };
  }
  if (response.status < 200 || response.status > 299) {
    return { refusal: `${url} answered ${response.status}: consent needs a 2xx answer with WebHook-Allowed-Origin` };
  }
  const allowedRate = headerValue(response.headers, 'webhook-allowed-rate') ?? null;
  return { consent: { endpointUrl: url, origin, allowedOrigin: allowed, allowedRate, validatedAt: now } };
}

/** `OPTIONS <endpoint>` asking for deliveries from `origin` (CloudEvents webhook spec §4.1). */
export function handshakeRequest(url: string, origin: string, userAgent: string): AttemptRequest {
  return { method: 'OPTIONS', url, headers: { 'webhook-request-origin': origin, 'user-agent': userAgent }, body: '' };
}

/**
 * The abuse-protection handshake (CloudEvents webhook spec §4), as a pre-flight before the first
 * delivery to an endpoint: `OPTIONS <endpoint>` with `WebHook-Request-Origin`. Consent is kept
 * in SQLite, so an endpoint is asked once per origin, not once per delivery or per run.
 */
export class EndpointValidator {
  private readonly deps: EndpointValidatorDeps;
  /** Deliveries to an endpoint whose handshake is under way wait for that one, not a second. */
  private readonly pending = new SingleFlight<ValidationRefusal | null>();

  constructor(deps: EndpointValidatorDeps) {
    this.deps = deps;
  }

  /** null when the endpoint agreed (now or before); otherwise the failed handshake. */
  validate(url: string, origin: string): Promise<ValidationRefusal | null> {
    if (this.deps.consents.get(url, origin)) return Promise.resolve(null);
    return this.pending.run(`${origin} ${url}`, () => this.handshake(url, origin));
  }

  private async handshake(url: string, origin: string): Promise<ValidationRefusal | null> {
    const { deps } = this;
    const request = handshakeRequest(url, origin, deps.userAgent);
    const result = await deps.sender.send(request);
    const judgement = judgeHandshake(url, origin, result, deps.now());
    if ('consent' in judgement) {
      // Written before any waiting delivery goes on, so none of them asks again.
      await deps.commits.run(() => deps.consents.save(judgement.consent));
      return null;
    }
    return { request, result: { ...result, error: `endpoint validation: ${judgement.refusal}`, failure: 'validation' } };
  }
}
