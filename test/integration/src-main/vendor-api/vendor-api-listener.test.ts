import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { CURL } from '../../../fixtures/export-round-trip.ts';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { rejection } from '../../../fixtures/rejection.ts';
import { DATABASE_FILE } from '../../../../src-main/storage/database.ts';
import { VENDOR_API_BODY_LIMIT_BYTES } from '../../../../src-main/vendor-api/vendor-api-app.ts';
import { startTestService, startVendorApiService } from '../../../fixtures/app-service.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';

describe('the emulated vendor APIs: one loopback port, a live log, a switch', () => {
  it('listens on its own port, lists every vendor with its base URL and credentials, and logs each call with its response', async () => {
    const { api, state, access } = await startVendorApiService();
    expect(state.enabled).toBe(true);
    expect(state.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(state.vendors.map((vendor) => vendor.vendor)).toEqual(['zentitle2', 'flexnet', 'sentinel-ems']);
    expect(state.assumptions.length).toBeGreaterThan(0);
    const called: unknown[] = [];
    api.onVendorApiCalled((call) => called.push(call));

    const health = await fetch(`${access('flexnet').baseUrl}/health/status`, { headers: { authorization: 'Bearer abcdefghijklmnop' } });
    expect(await health.json()).toEqual({ status: 'UP' });
    const missing = await fetch(`${state.url}/nowhere`);
    expect(missing.status).toBe(404);

    const [last, first] = await api.listVendorApiCalls();
    expect(first).toMatchObject({ vendor: 'flexnet', method: 'GET', url: '/notifications/health/status', status: 200, responseBody: '{"status":"UP"}' });
    expect(first!.requestHeaders.authorization).toBe('Bearer abcdef… (16 characters)');
    expect(last).toMatchObject({ vendor: null, url: '/nowhere', status: 404 });
    expect(await api.listVendorApiCalls({ vendor: 'flexnet' })).toHaveLength(1);
    await waitFor(() => called.length === 2, 'two vendorApiCalled events');
  });

  it("each vendor's first call to try is answered 200 with its credentials, and shows in the log", async (context) => {
    if (!existsSync(CURL)) return context.skip(`${CURL} is not installed`);
    const { api, state } = await startVendorApiService();
    for (const access of state.vendors) {
      const { stdout } = await promisify(execFile)('bash', ['-c', access.firstCall!], { timeout: 20_000 });
      expect(stdout, access.vendor).toMatch(/^HTTP\/1\.1 200 /);
    }
    expect((await api.listVendorApiCalls()).map((call) => [call.vendor, call.status])).toEqual([
      ['sentinel-ems', 200],
      ['flexnet', 200],
      ['zentitle2', 200],
    ]);
  });

  it('keeps no whole credential from a broken body, neither the request nor an answer quoting it', async () => {
    const { api, access } = await startVendorApiService();
    const sentinel = access('sentinel-ems');
    const [user, password] = sentinel.credentials.map((credential) => credential.value);
    const response = await fetch(`${sentinel.baseUrl}/authenticationProfiles`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, 'content-type': 'application/json' },
      body: '{"name": "p", "password": s3cr3t-pa55w0rd}',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await api.listVendorApiCalls())).not.toContain('s3cr3t-pa55w0rd');
  });

  it('answers a malformed URL in the shape of the vendor whose path it is', async () => {
    const { access } = await startVendorApiService();
    const zentitle2 = await fetch(`${access('zentitle2').baseUrl}/api/v1/account/webhooks/%ZZ`);
    expect(await zentitle2.json()).toMatchObject({ errorCode: 'BadRequest', validationErrors: null });
    const flexnet = await fetch(`${access('flexnet').baseUrl}/%ZZ`);
    expect(await flexnet.json()).toMatchObject({ status: 400, path: expect.stringContaining('/notifications/') });
    const token = await fetch(`${access('zentitle2').baseUrl}/realms/x/protocol/openid-connect/token`);
    expect(token.status).toBe(404);
    expect(await token.json()).toMatchObject({ error: 'invalid_request', error_description: expect.any(String) });
    const ems = await fetch(`${access('sentinel-ems').baseUrl}/webhooks/%ZZ`);
    expect(await ems.json()).toMatchObject({ errorCode: expect.any(String), errorMessage: expect.any(String) });
  });

  it('refuses a body over the limit with 413 before reading it whole', async () => {
    const { access } = await startVendorApiService();
    const response = await fetch(`${access('flexnet').baseUrl}/health/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(VENDOR_API_BODY_LIMIT_BYTES + 1),
    });
    expect(response.status).toBe(413);
  });

  it('switched off, the port is closed; the choice, the port and the credentials outlast a restart, sealed on disk', async () => {
    const dataDir = tempDir();
    const first = await startVendorApiService({ dataDir });
    const url = first.state.url!;
    const off = await first.api.setVendorApisEnabled({ enabled: false });
    expect(off).toMatchObject({ enabled: false, url: null });
    expect(off.vendors.every((vendor) => vendor.baseUrl === null)).toBe(true);
    await expect(fetch(`${url}/notifications/health/status`)).rejects.toThrow();
    const credentials = first.state.vendors.flatMap((vendor) => vendor.credentials);
    await first.service.close();

    const again = await startTestService({ dataDir, mode: 'serve' });
    expect(await again.api.getVendorApis()).toMatchObject({ enabled: false, url: null, port: Number(new URL(url).port) });
    const on = await again.api.setVendorApisEnabled({ enabled: true });
    expect(on.url).toBe(url);
    expect(on.vendors.flatMap((vendor) => vendor.credentials)).toEqual(credentials);
    await again.close();

    const database = readFileSync(join(dataDir, DATABASE_FILE)).toString('latin1');
    for (const { value } of credentials.filter((credential) => credential.secret)) expect(database).not.toContain(value);
  });

  it('on "any free port" (0), switched off and on again, the APIs come back on the port clients were given', async () => {
    const { api, state } = await startVendorApiService();
    await api.setVendorApisEnabled({ enabled: false });
    expect((await api.setVendorApisEnabled({ enabled: true })).url).toBe(state.url);
    expect((await fetch(`${state.url}/notifications/health/status`)).status).toBe(200);
  });

  it('a CLI command changes the setting without listening', async () => {
    const { api } = await startTestService();
    expect((await api.getVendorApis()).url).toBeNull();
    expect(await api.setVendorApisEnabled({ enabled: false })).toMatchObject({ enabled: false, url: null });
  });
});

describe('a vendor API port that is taken', () => {
  it('named by the user, the start fails naming it, and leaves nothing listening: the receiver port and the workspace are free again', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const taken = (blocker.address() as AddressInfo).port;
    const receiverPort = await freeLoopbackPort();
    const dataDir = tempDir();

    const error = await rejection(startTestService({ dataDir, mode: 'serve', receiverPort, vendorApiPort: taken }));
    expect(error).toMatchObject({
      code: 'conflict',
      message: `vendor API port ${taken} is taken by another program: choose another port, or 0 for any free one`,
    });

    const receiverPortFree = createServer();
    await new Promise<void>((resolve, reject) => receiverPortFree.once('error', reject).listen(receiverPort, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => receiverPortFree.close(() => resolve()));
    const again = await startVendorApiService({ dataDir, receiverPort });
    expect(again.state.url).not.toBeNull();
  });
});

async function freeLoopbackPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
