import { headerValue } from '../engine/header-value.ts';
import { handshakeRequest, judgeHandshake } from '../engine/endpoint-validation.ts';
import { judgeAccepted, answerOf, type CheckCase } from './check-case.ts';
import { withHeaders, type CheckSession, type CheckTarget } from './check-session.ts';

function skipReason(target: CheckTarget): string | null {
  return target.profile.endpointValidation ? null : `${target.profile.catalog.label} sends no CloudEvents abuse-protection handshake`;
}

/** Deliveries per minute asked for in the handshake; the answer must say what the endpoint allows. */
const REQUESTED_RATE = '120';

async function deliverInMode(session: CheckSession, mode: string) {
  const event = session.event();
  const request = await session.authorized(session.signed(session.payload(event, { vendorOptions: { mode } }), { id: event.id }));
  return judgeAccepted(await session.send(request));
}

export const cloudEventsCases: CheckCase[] = [
  {
    id: 'cloudevents.handshake',
    gatesTheRest: true,
    family: 'cloudevents',
    title: 'The OPTIONS handshake grants the origin and a rate',
    required: true,
    expected: 'a 2xx answer with WebHook-Allowed-Origin (the origin or *) and WebHook-Allowed-Rate',
    why: 'A sender that follows the CloudEvents webhook spec delivers nothing to an endpoint that does not consent.',
    skipReason,
    async run(session) {
      const origin = session.target.profile.endpointValidation!.origin;
      const request = withHeaders(handshakeRequest(session.target.url, origin, session.deps.userAgent), { 'webhook-request-rate': REQUESTED_RATE });
      const exchange = await session.send(request);
      const judgement = judgeHandshake(session.target.url, origin, exchange, session.now());
      if ('refusal' in judgement) return { outcome: 'fail', verdict: judgement.refusal, exchanges: [exchange] };
      const rate = exchange.response ? headerValue(exchange.response.headers, 'webhook-allowed-rate') : undefined;
      if (rate === undefined)
        return { outcome: 'fail', verdict: `${answerOf(exchange)} without WebHook-Allowed-Rate, though the request asked for a rate`, exchanges: [exchange] };
      return { outcome: 'pass', verdict: `${answerOf(exchange)}: origin ${judgement.consent.allowedOrigin}, rate ${rate}`, exchanges: [exchange] };
    },
  },
  {
    id: 'cloudevents.structured',
    family: 'cloudevents',
    title: 'A structured-mode event (application/cloudevents+json) is accepted',
    required: true,
    expected: 'a 2xx answer',
    why: 'Senders choose the content mode; an endpoint that reads only one loses the events of the other.',
    skipReason,
    run: (session) => deliverInMode(session, 'structured'),
  },
  {
    id: 'cloudevents.binary',
    family: 'cloudevents',
    title: 'A binary-mode event (ce-* headers) is accepted',
    required: true,
    expected: 'a 2xx answer',
    why: 'Senders choose the content mode; an endpoint that reads only one loses the events of the other.',
    skipReason,
    run: (session) => deliverInMode(session, 'binary'),
  },
];
