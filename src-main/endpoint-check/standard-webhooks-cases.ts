import { randomUUID } from 'node:crypto';
import { generateSigningSecret, standardWebhooksHeaders } from '../engine/standard-webhooks-signature.ts';
import { answerOf, isAccepted, judgeRejected, type CheckCase } from './check-case.ts';
import { withHeaders, type CheckTarget } from './check-session.ts';

const HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'];
/** Twice the Standard Webhooks libraries' 5-minute tolerance: no clock skew explains it. */
const STALE_BY_MS = 10 * 60_000;

function skipReason(target: CheckTarget): string | null {
  if (target.signingSecrets.length > 0) return null;
  return target.webhookName === null
    ? 'no webhook given: requests carry no Standard Webhooks signature'
    : 'the webhook has no Standard Webhooks signing secret';
}

const REJECTION = 'a non-2xx answer';

export const standardWebhooksCases: CheckCase[] = [
  {
    id: 'standard-webhooks.missing-headers',
    family: 'standard-webhooks',
    title: 'A request without webhook-id, -timestamp and -signature is rejected',
    required: true,
    expected: REJECTION,
    why: 'A receiver that verifies only when the headers are present verifies nothing: a forger leaves them out.',
    skipReason,
    async run(session) {
      const valid = await session.delivery(session.event());
      return judgeRejected(await session.send(withHeaders(valid, {}, HEADERS)));
    },
  },
  {
    id: 'standard-webhooks.wrong-secret',
    family: 'standard-webhooks',
    title: 'A request signed with another secret is rejected',
    required: true,
    expected: REJECTION,
    why: "Only the webhook's own secret proves who sent the request.",
    skipReason,
    async run(session) {
      const event = session.event();
      const valid = await session.delivery(event);
      const timestamp = Number(valid.headers['webhook-timestamp']);
      const forged = withHeaders(valid, standardWebhooksHeaders([generateSigningSecret()], event.id, timestamp, valid.body));
      return judgeRejected(await session.send(forged));
    },
  },
  {
    id: 'standard-webhooks.stale-timestamp',
    family: 'standard-webhooks',
    title: 'A correctly signed request from 10 minutes ago is rejected',
    required: true,
    expected: REJECTION,
    why: 'Without a timestamp tolerance, a request captured once can be replayed for ever.',
    skipReason,
    async run(session) {
      const event = session.event();
      const stale = await session.authorized(session.signed(session.payload(event), { id: event.id, sentAt: session.now() - STALE_BY_MS }));
      return judgeRejected(await session.send(stale));
    },
  },
  {
    id: 'standard-webhooks.replayed-id',
    family: 'standard-webhooks',
    title: 'The same signed request sent again is rejected',
    required: false,
    expected: 'the first request accepted, the identical second one rejected',
    why: 'Within the tolerance a captured request verifies again; only remembering webhook-ids seen stops its replay.',
    skipReason,
    async run(session) {
      // A new id, so an endpoint that remembers ids has not seen this one from another case.
      const request = await session.delivery(session.event(), `msg_${randomUUID()}`);
      const first = await session.send(request);
      const replay = await session.send(request);
      const exchanges = [first, replay];
      if (!isAccepted(first))
        return { outcome: 'advisory', verdict: `the first request was not accepted (${answerOf(first)}), so the replay proves nothing`, exchanges };
      const { outcome, verdict } = judgeRejected(replay);
      return { outcome: outcome === 'pass' ? 'pass' : 'advisory', verdict: `the replay was ${verdict}`, exchanges };
    },
  },
];
