import { judgeClientError, type CheckCase } from './check-case.ts';
import type { CheckSession } from './check-session.ts';

const applies = () => null;
/** Twice the 1 MiB that common frameworks (fastify, body-parser's raw limit) refuse by default. */
export const OVERSIZED_BODY_BYTES = 2 * 1024 * 1024;
const MALFORMED_BODY = '{"event": "truncated", "data": {';

/** `body` signed and authorized as the webhook would: only the body itself is wrong. */
async function sendBody(session: CheckSession, body: string) {
  const event = session.event();
  const payload = session.payload(event);
  return session.send(await session.authorized(session.signed({ ...payload, body }, { id: event.id })));
}

export const badBodyCases: CheckCase[] = [
  {
    id: 'bad-bodies.malformed',
    family: 'bad-bodies',
    title: 'A signed body that is not valid JSON gets a 4xx',
    required: true,
    expected: 'a 4xx answer (not a 5xx, not a hang)',
    why: 'A 5xx tells the vendor to retry a request that can never succeed.',
    skipReason: applies,
    run: async (session) => judgeClientError(await sendBody(session, MALFORMED_BODY)),
  },
  {
    id: 'bad-bodies.oversized',
    family: 'bad-bodies',
    title: 'A 2 MiB body gets a 4xx',
    required: true,
    expected: 'a 4xx answer such as 413 (not a 5xx, not a hang)',
    why: 'An endpoint without a body limit can be made to buffer any amount of memory.',
    skipReason: applies,
    run: async (session) => judgeClientError(await sendBody(session, JSON.stringify({ padding: 'x'.repeat(OVERSIZED_BODY_BYTES) }))),
  },
];
