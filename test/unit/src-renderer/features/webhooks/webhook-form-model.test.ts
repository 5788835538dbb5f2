import { describe, expect, it } from 'vitest';
import { catalogEvents, vendorCatalogs } from '../../../../../src-shared/vendors/catalogs.ts';
import {
  emptyWebhookValues,
  switchVendor,
  toWebhookInput,
  validateWebhook,
  type WebhookFormValues,
} from '../../../../../src-renderer/src/features/webhooks/webhook-form-model.ts';

const sentinelHook = (patch: Partial<WebhookFormValues> = {}): WebhookFormValues => ({
  ...emptyWebhookValues('sentinel-ems', 'http://127.0.0.1:9/hook'),
  name: 'ERP hook',
  description: 'to the ERP',
  ...patch,
});

describe('switching the vendor of the webhook form', () => {
  it('keeps what every vendor has and starts over on the catalog, the auth choice and the options', () => {
    const before = sentinelHook({
      event: 'Entitlement Updated',
      allActivities: false,
      activities: ['Update Entitlement'],
      condition: "entitlement.state == 'ENABLE'",
      authProfileId: 'auth-1',
      includeData: false,
    });
    const { values, dropped } = switchVendor(before, 'cloudevents');

    expect(values).toMatchObject({ name: 'ERP hook', description: 'to the ERP', endpointUrl: 'http://127.0.0.1:9/hook', includeData: false });
    expect(values).toMatchObject({ vendor: 'cloudevents', event: catalogEvents('cloudevents')[0].name, allActivities: true, activities: [] });
    expect(values).toMatchObject({ condition: '', authProfileId: null });
    for (const option of vendorCatalogs.cloudevents.options) expect(values.vendorOptions[option.key]).toBe(option.default);
    expect(dropped).toEqual(['event Entitlement Updated', 'the activity filter', 'the trigger condition', 'the auth profile']);
    expect(validateWebhook(values, new Set())).toEqual({});
  });

  it('says nothing was dropped when only the defaults were there', () => {
    expect(switchVendor(sentinelHook(), 'zentitle2').dropped).toEqual([]);
    expect(switchVendor(sentinelHook({ authProfileId: 'auth-1' }), 'sentinel-ems').dropped).toEqual([]);
  });

  it('names every event of a webhook subscribed to several', () => {
    const { dropped } = switchVendor(sentinelHook({ event: 'Entitlement Added', otherEvents: ['Activation Added'] }), 'flexnet');
    expect(dropped).toEqual(['events Entitlement Added, Activation Added']);
  });
});

describe('what the webhook form sends to the engine', () => {
  it('sends the vendor options with their defaults filled in', () => {
    const { values } = switchVendor(sentinelHook(), 'cloudevents');
    const input = toWebhookInput({ ...values, vendorOptions: { ...values.vendorOptions, mode: 'binary' } });
    expect(input.vendorOptions).toEqual({ mode: 'binary' });
    expect(toWebhookInput(sentinelHook()).vendorOptions).toEqual({});
  });
});

describe('the timeout field of the webhook form', () => {
  it('starts at 30s and sends milliseconds', () => {
    expect(sentinelHook().timeout).toBe('30s');
    expect(toWebhookInput(sentinelHook({ timeout: '2m' })).timeoutMs).toBe(120_000);
    expect(validateWebhook(sentinelHook({ timeout: '1s' }), new Set())).toEqual({});
  });

  it('names what is not a duration, and the bounds', () => {
    expect(validateWebhook(sentinelHook({ timeout: 'soon' }), new Set()).timeoutMs).toBe(
      '“soon” is not a duration: write a number and s, m, h or d, e.g. 30s, 2m, 1h',
    );
    expect(validateWebhook(sentinelHook({ timeout: '500ms' }), new Set()).timeoutMs).toMatch(/is not a duration/);
    expect(validateWebhook(sentinelHook({ timeout: '0.5s' }), new Set()).timeoutMs).toBe('Timeout must be at least 1 s');
    expect(validateWebhook(sentinelHook({ timeout: '3m' }), new Set()).timeoutMs).toBe('Timeout must be at most 2 min');
  });
});
