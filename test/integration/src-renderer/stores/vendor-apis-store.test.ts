import { describe, expect, it } from 'vitest';
import { setAppApi } from '../../../../src-renderer/src/api/app-api.ts';
import { useVendorApis } from '../../../../src-renderer/src/stores/vendor-apis-store.ts';
import { startVendorApiService } from '../../../fixtures/app-service.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';

describe('the Vendors page store of the vendor APIs, against a real engine', () => {
  it('keeps calls made before the page loaded and calls arriving live, once each, newest first; the switch reports the new state', async () => {
    const { api, access } = await startVendorApiService();
    setAppApi(api);
    const store = useVendorApis;
    const unsubscribe = api.onVendorApiCalled((call) => store.getState().applyCall(call));
    const health = `${access('flexnet').baseUrl}/health/status`;

    await fetch(health);
    await waitFor(() => store.getState().calls.length === 1, 'the first call, live');
    // Loaded after the call arrived live: the list holds it once.
    await store.getState().fetch();
    expect(store.getState().load).toEqual({ status: 'ready' });
    expect(store.getState().calls).toHaveLength(1);
    await fetch(`${new URL(health).origin}/nowhere`);
    await waitFor(() => store.getState().calls.length === 2, 'the second call, live');
    expect(store.getState().calls.map((call) => [call.url, call.status])).toEqual([
      ['/nowhere', 404],
      ['/notifications/health/status', 200],
    ]);

    await store.getState().setEnabled(false);
    expect(store.getState()).toMatchObject({ switching: false, switchError: null, state: { enabled: false, url: null } });
    await store.getState().setEnabled(true);
    expect(store.getState().state?.vendors.find((vendor) => vendor.vendor === 'flexnet')?.baseUrl).toBe(access('flexnet').baseUrl);
    unsubscribe();
  });
});
