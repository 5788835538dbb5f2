import { describe, expect, it } from 'vitest';
import type { AppEventPayloads, AppHandlers } from '../../../../src-shared/contracts/app-contract.ts';
import { createDirectApi, invokeMethod } from '../../../../src-shared/contracts/client-api.ts';
import { EventHub } from '../../../../src-shared/contracts/event-hub.ts';
import { AppError } from '../../../../src-shared/errors.ts';

/** Handlers that record what reached them: the point is what validation lets through. */
function recordingHandlers() {
  const received: [string, unknown][] = [];
  const handlers = new Proxy({} as AppHandlers, {
    get: (_target, name: string) => (input: unknown) => {
      received.push([name, input]);
      return { handled: name };
    },
  });
  return { handlers, received };
}

describe('invokeMethod: the validation every shell goes through', () => {
  it('an unknown method is not_found and no handler runs', async () => {
    const { handlers, received } = recordingHandlers();
    await expect(invokeMethod(handlers, 'dropDatabase', {})).rejects.toMatchObject({ code: 'not_found' });
    await expect(invokeMethod(handlers, 'toString', {})).rejects.toMatchObject({ code: 'not_found' });
    await expect(invokeMethod(handlers, '__proto__', {})).rejects.toMatchObject({ code: 'not_found' });
    expect(received).toEqual([]);
  });

  it('bad input is invalid_input naming the field, and the handler never sees it', async () => {
    const { handlers, received } = recordingHandlers();
    const error = await invokeMethod(handlers, 'getDelivery', { id: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'invalid_input', message: 'id: is required' });
    await expect(invokeMethod(handlers, 'getDelivery', undefined)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(received).toEqual([]);
  });

  it('valid input reaches the handler with defaults applied; unknown fields are refused by name', async () => {
    const { handlers, received } = recordingHandlers();
    await invokeMethod(handlers, 'listDeliveries', undefined);
    await expect(invokeMethod(handlers, 'fireEvent', { eventName: 'Entitlement Added', extra: 'refused' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'unknown field(s): extra',
    });
    await invokeMethod(handlers, 'fireEvent', { eventName: 'Entitlement Added' });
    expect(received).toEqual([
      ['listDeliveries', { match: {}, offset: 0, limit: 200 }],
      ['fireEvent', { vendor: 'sentinel-ems', eventName: 'Entitlement Added' }],
    ]);
  });

  it('a method without input accepts none', async () => {
    const { handlers, received } = recordingHandlers();
    await expect(invokeMethod(handlers, 'getAppInfo', undefined)).resolves.toEqual({ handled: 'getAppInfo' });
    await expect(invokeMethod(handlers, 'getAppInfo', { sneaky: true })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(received).toHaveLength(1);
  });
});

describe('createDirectApi: the in-process API', () => {
  it("validates like the transports and passes handlers a copy, never the caller's object", async () => {
    const { handlers, received } = recordingHandlers();
    const api = createDirectApi(handlers, new EventHub<AppEventPayloads>());
    const input = { id: 'abc' };
    await api.getDelivery(input);
    expect(received).toEqual([['getDelivery', input]]);
    expect(received[0][1]).not.toBe(input);
    await expect(api.getDelivery({ id: '' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(received).toHaveLength(1);
  });

  it("onX subscribes to the engine's events and returns an unsubscribe", () => {
    const hub = new EventHub<AppEventPayloads>();
    const api = createDirectApi(recordingHandlers().handlers, hub);
    const got: unknown[] = [];
    const unsubscribe = api.onWebhooksChanged((payload) => got.push(payload));
    hub.emit('webhooksChanged', { webhooks: [] });
    unsubscribe();
    hub.emit('webhooksChanged', { webhooks: [] });
    expect(got).toEqual([{ webhooks: [] }]);
    expect(hub.listenerCount('webhooksChanged')).toBe(0);
  });
});
