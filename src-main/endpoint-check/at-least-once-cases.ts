import { answerOf, isAccepted, type CheckCase } from './check-case.ts';

const applies = () => null;
/** How much older the late event is: well apart, whatever the clock resolution of the receiver. */
const EARLIER_BY_MS = 60_000;
/** How long before its retry the first try of the duplicated event is stamped. */
const RETRY_GAP_MS = 2_000;

export const atLeastOnceCases: CheckCase[] = [
  {
    id: 'at-least-once.duplicate',
    family: 'at-least-once',
    title: 'The same event delivered twice is acknowledged both times',
    required: true,
    expected: 'a 2xx answer to both',
    why: 'Vendors deliver at least once: an endpoint that fails a duplicate gets it retried until the vendor gives up.',
    skipReason: applies,
    async run(session) {
      const event = session.event();
      // The second is the event's retry: the same event and message id, its own attempt number and
      // timestamp. The first is stamped a moment earlier, as a first try is: within one second both
      // would carry the same timestamp and be the exact replay the replay case sends.
      const first = await session.send(
        await session.authorized(session.signed(session.payload(event), { id: event.id, sentAt: session.now() - RETRY_GAP_MS })),
      );
      const again = await session.authorized(session.signed(session.payload(event, { attempt: 2 }), { id: event.id }));
      const second = await session.send(again);
      const both = isAccepted(first) && isAccepted(second);
      return { outcome: both ? 'pass' : 'fail', verdict: `first ${answerOf(first)}; duplicate ${answerOf(second)}`, exchanges: [first, second] };
    },
  },
  {
    id: 'at-least-once.out-of-order',
    family: 'at-least-once',
    title: 'An older update of an entity arrives after a newer one',
    required: false,
    expected: 'both acknowledged, the older one not applied over the newer (judge from your data)',
    why: 'Retries reorder events: an endpoint that applies updates in arrival order can end on stale state.',
    skipReason: applies,
    async run(session) {
      const newer = session.event();
      const older = session.event({ entityId: newer.entityId, opTime: newer.opTime - EARLIER_BY_MS });
      const first = await session.send(await session.delivery(newer));
      const second = await session.send(await session.delivery(older));
      return {
        outcome: 'advisory',
        verdict: `newer update (entity ${newer.entityId}) ${answerOf(first)}; older update, 60 s earlier, ${answerOf(second)}`,
        exchanges: [first, second],
      };
    },
  },
];
