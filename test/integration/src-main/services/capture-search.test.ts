import { describe, expect, it } from 'vitest';
import { CAPTURE_IMPORT_REQUESTS_MAX } from '../../../../src-shared/domain/capture-import.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { waitForCaptures } from '../../../fixtures/scripted-bin.ts';

/** A HAR of `count` small JSON posts; entry 0 (the oldest) carries the needle in its body. */
function harOf(count: number) {
  return JSON.stringify({
    log: {
      version: '1.2',
      entries: Array.from({ length: count }, (_, index) => ({
        startedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, index)).toISOString(),
        request: {
          method: 'POST',
          url: `https://hooks.example.com/n/${index}`,
          headers: [{ name: 'content-type', value: 'application/json' }],
          postData: { mimeType: 'application/json', text: JSON.stringify({ n: index, customer: index === 0 ? 'Needle-Corp' : 'Acme' }) },
        },
      })),
    },
  });
}

describe('searching captures: path, plain headers and body, in the engine', () => {
  it('finds text in the body of the oldest of 10,000 captures, far past the 200 the list shows', async () => {
    const service = await startTestService();
    const { api } = service;
    await api.importCaptures({ text: harOf(CAPTURE_IMPORT_REQUESTS_MAX), bin: 'bulk' });

    expect(await api.listCaptures({ limit: 200 })).not.toContainEqual(expect.objectContaining({ path: '/n/0' }));
    const found = await api.listCaptures({ search: 'needle-corp' });
    expect(found.map((capture) => capture.path)).toEqual(['/n/0']);
    expect(await api.listCaptures({ search: '"customer":"Acme"', limit: 1000 })).toHaveLength(1000);
  });

  it('matches the path, a plain header and the body in any case, within a bin; never a sealed credential header', async () => {
    const service = await startTestService();
    const { api } = service;
    const bin = (name: string) => `${service.info.receiverUrl}/r/${name}`;
    const token = 'tok-Sealed-7f3a9c';
    await fetch(`${bin('orders')}/v1/refunds?tenant=ACME`, { method: 'POST', headers: { 'x-trace': 'Trace-Blue-42' }, body: '{"sku":"Gadget"}' });
    await fetch(bin('orders'), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-api-key': 'key-Hidden-11' }, body: 'plain' });
    await fetch(bin('other'), { method: 'POST', body: '{"sku":"gadget"}' });
    await waitForCaptures(api, 'orders', 2);
    await waitForCaptures(api, 'other', 1);

    const paths = async (search: string, bin?: string) => (await api.listCaptures({ search, bin })).map((capture) => `${capture.bin}${capture.path}`);
    expect(await paths('REFUNDS')).toEqual(['orders/v1/refunds']);
    expect(await paths('tenant=acme')).toEqual(['orders/v1/refunds']);
    expect(await paths('trace-blue')).toEqual(['orders/v1/refunds']);
    expect(await paths('GADGET')).toEqual(['other/', 'orders/v1/refunds']);
    expect(await paths('gadget', 'orders')).toEqual(['orders/v1/refunds']);
    // The credential values sit sealed on disk: searching for them finds nothing.
    expect(await paths(token)).toEqual([]);
    expect(await paths('key-hidden')).toEqual([]);
    // Their names stay plain and findable; the capture still holds the values, for whoever opens it.
    const [withToken] = await api.listCaptures({ search: 'x-api-key' });
    expect((await api.getCapture({ id: withToken!.id })).headers.authorization).toBe(`Bearer ${token}`);
  });

  it('refuses an empty or overlong search, naming the field', async () => {
    const service = await startTestService();
    expect((await rejection(service.api.listCaptures({ search: '   ' }))).message).toBe('search: must not be empty');
    expect((await rejection(service.api.listCaptures({ search: 'x'.repeat(201) }))).message).toBe('search: must be at most 200 characters');
  });
});
