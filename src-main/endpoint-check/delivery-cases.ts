import type { CheckCase } from './check-case.ts';
import { answerOf, isAccepted } from './check-case.ts';

const applies = () => null;

export const deliveryCases: CheckCase[] = [
  {
    id: 'delivery.valid',
    gatesTheRest: true,
    family: 'delivery',
    title: 'A valid delivery is acknowledged in time',
    required: true,
    expected: "a 2xx answer within the webhook's deadline",
    why: 'An answer that is late or not 2xx makes the vendor retry, and after its last retry drop the event.',
    skipReason: applies,
    async run(session) {
      const exchange = await session.send(await session.delivery(session.event()));
      const deadline = session.target.webhook.timeoutMs;
      const verdict = isAccepted(exchange) ? `${answerOf(exchange)} (deadline ${deadline / 1000} s)` : answerOf(exchange);
      return { outcome: isAccepted(exchange) ? 'pass' : 'fail', verdict, exchanges: [exchange] };
    },
  },
];
