import { describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../../src-shared/domain/capture.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { startTestService } from '../../../fixtures/app-service.ts';

/** Every 5th body is binary (not UTF-8), the rest JSON text. */
function entryBody(index: number): Buffer {
  return index % 5 === 0 ? Buffer.from([0xff, 0x00, 0xfe, index, 0x80, 0x0a]) : Buffer.from(JSON.stringify({ n: index, name: `Entitlement é ${index}` }));
}

function harWith(count: number) {
  return {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      entries: Array.from({ length: count }, (_, index) => {
        const body = entryBody(index);
        const binary = index % 5 === 0;
        return {
          startedDateTime: new Date(Date.UTC(2026, 0, 2, 3, 4, index)).toISOString(),
          request: {
            method: 'POST',
            url: `https://hooks.example.com/ems/${index}?attempt=${index}&x=%20y`,
            httpVersion: 'HTTP/2',
            headers: [
              { name: ':authority', value: 'hooks.example.com' },
              { name: 'Content-Type', value: binary ? 'application/octet-stream' : 'application/json' },
              { name: 'X-Entry', value: String(index) },
            ],
            postData: binary
              ? { mimeType: 'application/octet-stream', text: body.toString('base64'), encoding: 'base64' }
              : { mimeType: 'application/json', text: body.toString('utf8') },
          },
          response: { status: 200, headers: [] },
        };
      }),
    },
  };
}

async function bodyBytes(service: Awaited<ReturnType<typeof startTestService>>, id: string): Promise<Buffer> {
  const { body } = await service.api.getCapture({ id });
  return body.encoding === 'utf8' ? Buffer.from(body.text, 'utf8') : Buffer.from(body.base64, 'base64');
}

describe('importCaptures', () => {
  it('imports every request of a HAR file as a capture, bodies byte for byte', async () => {
    const service = await startTestService();
    const announced: CaptureSummary[] = [];
    service.api.onCaptureReceived((capture) => announced.push(capture));

    const result = await service.api.importCaptures({ text: JSON.stringify(harWith(50)), fileName: 'ems.har' });

    expect(result.bin).toBe('imported');
    expect(result.captures).toHaveLength(50);
    expect(announced.map((capture) => capture.id)).toEqual(result.captures.map((capture) => capture.id));
    for (const [index, capture] of result.captures.entries()) {
      expect(await bodyBytes(service, capture.id)).toEqual(entryBody(index));
      const detail = await service.api.getCapture({ id: capture.id });
      expect(detail).toMatchObject({
        method: 'POST',
        path: `/ems/${index}`,
        query: `attempt=${index}&x=%20y`,
        receivedAt: Date.UTC(2026, 0, 2, 3, 4, index),
        source: { kind: 'import', format: 'har', fileName: 'ems.har', entry: `entries[${index}]` },
      });
      // HTTP/2 lists the host only as :authority: it is kept as the Host header the request was sent with.
      expect(detail.headers).toEqual({
        'content-type': index % 5 === 0 ? 'application/octet-stream' : 'application/json',
        'x-entry': String(index),
        host: 'hooks.example.com',
      });
    }
    expect(await service.api.listCaptures({ bin: 'imported', limit: 1000 })).toHaveLength(50);
  });

  it('imports nothing from a HAR file with a bad entry, and names the entry', async () => {
    const service = await startTestService();
    const har = harWith(30);
    delete (har.log.entries[17].request as { url?: string }).url;

    const error = await rejection(service.api.importCaptures({ text: JSON.stringify(har), bin: 'partial' }));

    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('entries[17].request.url: must be an absolute http(s) URL');
    expect(await service.api.listCaptures({ limit: 1000 })).toEqual([]);
    expect((await service.api.listBins()).map((bin) => bin.name)).not.toContain('partial');
  });

  it('imports a Chrome "Copy as cURL (bash)" command with continuation lines and a $\'…\' body', async () => {
    const service = await startTestService();
    await service.api.setBinScript({ bin: 'guarded', script: { expectedAuth: { kind: 'basic', username: 'ems', password: 's3cret' } } });
    const command = [
      "curl 'https://hooks.example.com/ems/notify?tenant=acme' \\",
      "  -H 'accept: */*' \\",
      "  -H 'content-type: application/json' \\",
      "  -H $'x-note: it\\'s here' \\",
      '  -u ems:s3cret \\',
      `  --data-raw $'{"eventName":"Entitlement Added","note":"line1\\nline2 \\u00e9 \\u0021"}' \\`,
      '  --compressed',
    ].join('\n');

    const { captures } = await service.api.importCaptures({ text: command, bin: 'guarded' });

    expect(captures).toHaveLength(1);
    const detail = await service.api.getCapture({ id: captures[0].id });
    expect(detail).toMatchObject({ method: 'POST', path: '/ems/notify', query: 'tenant=acme', source: { format: 'curl', entry: 'line 1' } });
    expect(detail.headers).toEqual({
      accept: '*/*',
      'content-type': 'application/json',
      'x-note': "it's here",
      // What curl sends for the URL's host: the capture's target is the bin, so it would be lost otherwise.
      host: 'hooks.example.com',
      authorization: `Basic ${Buffer.from('ems:s3cret').toString('base64')}`,
    });
    expect(detail.body).toEqual({ encoding: 'utf8', text: '{"eventName":"Entitlement Added","note":"line1\nline2 é !"}' });
    expect(detail.auth).toEqual({ valid: true, reason: expect.any(String) });
  });

  it("keeps a Host header the curl command sets instead of the URL's host", async () => {
    const service = await startTestService();
    const { captures } = await service.api.importCaptures({ text: "curl -H 'Host: api.vendor.test' http://10.0.0.5:8080/hook -d '{}'" });
    expect((await service.api.getCapture({ id: captures[0].id })).headers.host).toBe('api.vendor.test');
  });

  it('names the line of an unterminated quote and imports nothing', async () => {
    const service = await startTestService();
    const error = await rejection(service.api.importCaptures({ text: "curl https://a.example/x \\\n  -H 'x: 1' \\\n  --data 'oops", format: 'curl' }));
    expect(error.message).toBe('line 3: unterminated single quote');
    expect(await service.api.listCaptures({ limit: 10 })).toEqual([]);
  });

  it('imports Hooklab capture JSON exported from one workspace identically into another', async () => {
    const source = await startTestService();
    const target = await startTestService();
    const binary = Buffer.from([0x00, 0xff, 0xc3, 0x28, 0x7f, 0x0a, 0x80]);
    const sent = [
      { path: '/hooks/bin?kind=raw', body: binary, type: 'application/octet-stream' },
      { path: '/hooks/text', body: Buffer.from('{"eventCode":"customer.created"}'), type: 'application/json' },
    ];
    const { receiverUrl } = await source.api.getAppInfo();
    for (const request of sent) {
      const response = await fetch(`${receiverUrl}/r/qa${request.path}`, {
        method: 'PUT',
        headers: { 'content-type': request.type, 'x-trace': 'abc' },
        body: request.body,
      });
      expect(response.status).toBe(200);
    }
    const exported = await Promise.all((await source.api.listCaptures({ bin: 'qa' })).map((capture) => source.api.getCapture({ id: capture.id })));

    const { captures } = await target.api.importCaptures({ text: JSON.stringify(exported, null, 2), bin: 'from-qa' });

    expect(captures).toHaveLength(2);
    for (const [index, imported] of captures.entries()) {
      const original = exported[index];
      const copy = await target.api.getCapture({ id: imported.id });
      expect(copy.headers).toEqual(original.headers);
      expect(copy.body).toEqual(original.body);
      expect(copy).toMatchObject({ method: 'PUT', path: original.path, query: original.query, receivedAt: original.receivedAt, bin: 'from-qa' });
      expect(copy.source).toEqual({ kind: 'import', format: 'hooklab', fileName: null, entry: `[${index}]` });
    }
    expect(exported.map((capture) => capture.body.encoding).sort()).toEqual(['base64', 'utf8']);
  });

  it('rejects a base64 body that is not base64, naming the field', async () => {
    const service = await startTestService();
    const capture = { method: 'POST', path: '/x', query: '', headers: {}, body: { encoding: 'base64', base64: 'not base64!' } };
    const error = await rejection(service.api.importCaptures({ text: JSON.stringify([capture, capture]) }));
    expect(error.message).toBe('[0].body.base64: must be base64; [1].body.base64: must be base64');
  });
});
