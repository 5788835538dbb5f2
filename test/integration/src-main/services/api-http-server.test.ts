import { describe, expect, it, onTestFinished } from 'vitest';
import type { DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import type { FireEventResult } from '../../../../src-shared/contracts/app-contract.ts';
import { HTTP_EVENTS_ROUTE, httpRoute } from '../../../../src-shared/contracts/transport-names.ts';
import { startTestServedWorkspace } from '../../../fixtures/app-service.ts';
import { bearer, callMethod, openEventStream, requestWithHost } from '../../../fixtures/serve-api.ts';

const DEMO_WEBHOOK = 'Demo - Entitlement Added';

describe('serve mode API: token, Host and Origin checks', () => {
  it('a call without the token, or with a wrong one, is 401 with {code, message} and does nothing', async () => {
    const { apiUrl, token, service } = await startTestServedWorkspace();
    const input = { name: 'sneaky', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/x' };
    for (const headers of [{}, bearer('wrong-token'), { authorization: token }]) {
      const response = await callMethod(apiUrl, 'createWebhook', input, headers);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ code: 'unauthorized', message: expect.stringMatching(/access token/) });
    }
    const events = await openEventStream(apiUrl, {});
    expect(events.status).toBe(401);
    expect((await service.api.listWebhooks()).map((webhook) => webhook.name)).toEqual([DEMO_WEBHOOK]);
  });

  it('a percent-encoded path that the router decodes to an API route still needs the token', async () => {
    const { apiUrl } = await startTestServedWorkspace();
    const encoded = (route: string) => `${apiUrl}${route.replace('/api/', '/%61pi/')}`;
    const call = await fetch(encoded(httpRoute('getAppInfo')), { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'null' });
    expect(call.status).toBe(401);
    expect(await call.json()).toMatchObject({ code: 'unauthorized' });
    const events = await fetch(encoded(HTTP_EVENTS_ROUTE));
    expect(events.status).toBe(401);
    await events.body?.cancel();
  });

  it('with the token the API answers: the app info says serve mode and names the receiver', async () => {
    const { apiUrl, token, service } = await startTestServedWorkspace();
    const response = await callMethod(apiUrl, 'getAppInfo', null, bearer(token));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ mode: 'serve', dataDir: service.info.dataDir, receiverUrl: service.info.receiverUrl });
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('a Host header other than the bound loopback address is refused (DNS rebinding), token or not', async () => {
    const { apiUrl, token } = await startTestServedWorkspace();
    const port = new URL(apiUrl).port;
    const url = `${apiUrl}${httpRoute('getAppInfo')}`;
    for (const host of ['attacker.example', `attacker.example:${port}`, '127.0.0.1:1']) {
      const response = await requestWithHost(url, host, bearer(token));
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ code: 'forbidden', message: `Host "${host}" is not allowed` });
    }
    expect((await requestWithHost(url, `localhost:${port}`, bearer(token))).status).toBe(200);
  });

  it("a request from a foreign Origin is refused (CSRF); the UI's own origin is accepted", async () => {
    const { apiUrl, token, service } = await startTestServedWorkspace();
    const input = { name: 'from another site', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/x' };
    const foreign = await callMethod(apiUrl, 'createWebhook', input, { ...bearer(token), origin: 'http://attacker.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toEqual({ code: 'forbidden', message: 'Origin "http://attacker.example" is not allowed' });
    expect((await service.api.listWebhooks()).map((webhook) => webhook.name)).toEqual([DEMO_WEBHOOK]);

    const own = await callMethod(apiUrl, 'createWebhook', input, { ...bearer(token), origin: apiUrl });
    expect(own.status).toBe(200);
    expect((own.body as Webhook).name).toBe('from another site');
  });
});

describe('serve mode API: bad requests', () => {
  it('createWebhook with a name over 100 characters or a bad URL is 400 naming each field and rule; nothing is created', async () => {
    const { apiUrl, token, service } = await startTestServedWorkspace();
    const response = await callMethod(
      apiUrl,
      'createWebhook',
      { name: 'n'.repeat(101), events: ['Entitlement Added'], endpointUrl: 'ftp://127.0.0.1/x' },
      bearer(token),
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 'invalid_input',
      message: 'name: must be at most 100 characters; endpointUrl: must be an absolute http:// or https:// URL',
      details: {
        issues: [
          { path: 'name', message: 'must be at most 100 characters' },
          { path: 'endpointUrl', message: 'must be an absolute http:// or https:// URL' },
        ],
      },
    });
    const unknownEvent = await callMethod(
      apiUrl,
      'createWebhook',
      { name: 'ok', events: ['Entitlement Exploded'], endpointUrl: 'http://127.0.0.1:9/x' },
      bearer(token),
    );
    expect(unknownEvent.status).toBe(400);
    expect(unknownEvent.body).toMatchObject({ message: 'events[0]: "Entitlement Exploded" is not a sentinel-ems event; did you mean "Entitlement Expired"?' });
    expect((await service.api.listWebhooks()).map((webhook) => webhook.name)).toEqual([DEMO_WEBHOOK]);
  });

  it('a malformed JSON body is 400 with a clear message, in the contract error shape', async () => {
    const { apiUrl, token, service } = await startTestServedWorkspace();
    const response = await fetch(`${apiUrl}${httpRoute('createWebhook')}`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: '{"name": "half',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe('invalid_input');
    expect(body.message).toMatch(/^request body: .*JSON/);
    expect(await service.api.listWebhooks()).toHaveLength(1);
  });

  it('a method without input takes no body, null or {} (what scripts send), and names any field it is given', async () => {
    const { apiUrl, token } = await startTestServedWorkspace();
    for (const input of [undefined, null, {}]) {
      const response = await callMethod(apiUrl, 'listWebhooks', input, bearer(token));
      expect(response.status).toBe(200);
      expect((response.body as Webhook[]).map((webhook) => webhook.name)).toEqual([DEMO_WEBHOOK]);
    }
    const extra = await callMethod(apiUrl, 'listWebhooks', { verbose: true }, bearer(token));
    expect(extra.status).toBe(400);
    expect(extra.body).toMatchObject({ code: 'invalid_input', details: { issues: [{ message: 'unknown field(s): verbose' }] } });
  });

  it('an unknown method is 404 not_found naming it; the token is checked first', async () => {
    const { apiUrl, token } = await startTestServedWorkspace();
    const unknown = await callMethod(apiUrl, 'dropDatabase', {}, bearer(token));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 'not_found', message: expect.stringContaining('dropDatabase') });
    expect((await callMethod(apiUrl, 'dropDatabase', {})).status).toBe(401);
  });
});

describe('serve mode API: server-sent events', () => {
  it('GET /api/events streams deliveryChanged for a fired event until it has succeeded', async () => {
    const { apiUrl, token } = await startTestServedWorkspace();
    const stream = await openEventStream(apiUrl, bearer(token));
    onTestFinished(() => stream.close());
    expect(stream.status).toBe(200);

    const fired = await callMethod(apiUrl, 'fireEvent', { eventName: 'Entitlement Added' }, bearer(token));
    expect(fired.status).toBe(200);
    const { event, deliveries } = fired.body as FireEventResult;
    expect(deliveries).toHaveLength(1);

    const ofThisEvent = (status: string) => (sse: { event: string; data: unknown }) =>
      sse.event === 'deliveryChanged' && (sse.data as DeliverySummary).eventId === event.id && (sse.data as DeliverySummary).status === status;
    await stream.next(ofThisEvent('pending'), 'deliveryChanged: pending');
    const succeeded = await stream.next(ofThisEvent('succeeded'), 'deliveryChanged: succeeded');
    expect(succeeded.data).toMatchObject({ id: deliveries[0].id, webhookName: DEMO_WEBHOOK, attemptCount: 1, lastStatusCode: 200 });
    await stream.next((sse) => sse.event === 'captureReceived' && (sse.data as { bin: string }).bin === 'demo', 'captureReceived in bin demo');

    const statuses = stream.events.filter((sse) => sse.event === 'deliveryChanged').map((sse) => (sse.data as DeliverySummary).status);
    expect(statuses).toEqual(['pending', 'in_progress', 'succeeded']);
  });
});
