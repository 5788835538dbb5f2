import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../src-main/engine/seeded-random.ts';
import { chooseReply } from '../../../../src-main/receiver/scripted-reply.ts';
import { binScriptSchema } from '../../../../src-shared/domain/bin-script.ts';

const script = (input: Parameters<typeof binScriptSchema.parse>[0]) => binScriptSchema.parse(input);
const never = () => 0.999;

describe('chooseReply', () => {
  it('the default script answers 200 with the receiver’s own body', () => {
    expect(chooseReply(script({}), 0, never)).toMatchObject({ mode: 'reply', status: 200, headers: {}, body: null, delayMs: 0 });
  });

  it('fail the first N: 503 for requests 1..N, then the normal reply', () => {
    const failTwice = script({ failFirst: 2, status: 202, body: 'ok' });
    expect([1, 2, 3, 4].map((n) => chooseReply(failTwice, n, never))).toMatchObject([
      { mode: 'reply', status: 503 },
      { mode: 'reply', status: 503 },
      { mode: 'reply', status: 202, body: 'ok' },
      { mode: 'reply', status: 202, body: 'ok' },
    ]);
  });

  it('a failure rate fails about that share of requests, the same ones for the same seed', () => {
    const flaky = script({ failureRate: 0.3 });
    const random = seededRandom(11);
    const statuses = Array.from({ length: 2000 }, (_, i) => (chooseReply(flaky, i + 1, random) as { status: number }).status);
    const failed = statuses.filter((status) => status === 503).length;
    expect(failed / statuses.length).toBeGreaterThan(0.27);
    expect(failed / statuses.length).toBeLessThan(0.33);
    const again = seededRandom(11);
    expect(Array.from({ length: 2000 }, (_, i) => (chooseReply(flaky, i + 1, again) as { status: number }).status)).toEqual(statuses);
  });

  it('hang and close have no HTTP answer, and keep the delay', () => {
    expect(chooseReply(script({ mode: 'hang', delayMs: 50 }), 1, never)).toMatchObject({ mode: 'hang', delayMs: 50 });
    expect(chooseReply(script({ mode: 'close' }), 1, never)).toMatchObject({ mode: 'close' });
  });

  it('a scripted failure comes before hang or close', () => {
    expect(chooseReply(script({ mode: 'hang', failFirst: 1 }), 1, never)).toMatchObject({ mode: 'reply', status: 503 });
  });
});
