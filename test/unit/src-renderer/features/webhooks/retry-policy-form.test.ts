import { describe, expect, it } from 'vitest';
import {
  retryNotationErrors,
  retryPolicyOf,
  retryValuesOf,
  type RetryFormValues,
} from '../../../../../src-renderer/src/features/webhooks/retry-policy-form.ts';
import { emptyWebhookValues, placeWebhookIssues, validateWebhook } from '../../../../../src-renderer/src/features/webhooks/webhook-form-model.ts';

const custom = (patch: Partial<RetryFormValues>): RetryFormValues => ({ ...retryValuesOf(null), mode: 'fixed', ...patch });

function formWith(retry: RetryFormValues) {
  return { ...emptyWebhookValues('sentinel-ems', 'http://127.0.0.1:9/hook'), name: 'Hook', retry };
}

describe('the retry policy fields of the webhook form', () => {
  it('reads intervals in the 30s / 2m / 1h notation, and writes a saved policy back the same way', () => {
    const policy = retryPolicyOf(custom({ intervals: '30s, 2m,10m ' }));
    expect(policy).toEqual({ kind: 'fixed', intervalsMs: [30_000, 120_000, 600_000] });
    expect(retryValuesOf(policy).intervals).toBe('30s, 2m, 10m');
    expect(retryPolicyOf(retryValuesOf(null))).toBeNull();
  });

  it('names the text that is not a duration', () => {
    expect(retryNotationErrors(custom({ intervals: '30s, 2x' })).retryIntervals).toMatch(/“2x” is not a duration/);
    expect(retryNotationErrors({ ...retryValuesOf(null), mode: 'exponential', cap: 'soon' }).retryCap).toMatch(/“soon”/);
  });

  it("places the engine's rules on the field they are about", () => {
    expect(validateWebhook(formWith(custom({ intervals: '30s, 0s' })), new Set()).retryIntervals).toBe('Each interval must be at least 1 s');
    const exponential = { ...retryValuesOf(null), mode: 'exponential' as const, base: '1m', cap: '10s' };
    expect(validateWebhook(formWith(exponential), new Set()).retryCap).toBe('Cap must not be below the first delay');
    expect(placeWebhookIssues([{ path: 'retryPolicy.factor', message: 'must be at least 1' }]).fields).toEqual({ retryFactor: 'Factor must be at least 1' });
  });
});
