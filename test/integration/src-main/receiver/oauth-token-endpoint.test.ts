import Database from 'better-sqlite3';
import { join } from 'node:path';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createKeyFileSecretBox } from '../../../../src-main/platform/key-file-secret-box.ts';
import { DATABASE_FILE } from '../../../../src-main/storage/database.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { ManualClock } from '../../../fixtures/manual-clock.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';
import { basicAuthorization } from '../../../fixtures/basic-auth.ts';

async function postToken(tokenUrl: string, form: Record<string, string>, authorization?: string) {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(authorization ? { authorization } : {}) },
    body: new URLSearchParams(form),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** The workspace's HS256 key as the data directory holds it: sealed in the settings table. */
function workspaceKey(dataDir: string): Uint8Array {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  const { value } = db.prepare("SELECT value FROM settings WHERE key = 'receiver.tokenSigningKey'").get() as { value: string };
  db.close();
  return Buffer.from(createKeyFileSecretBox(dataDir).open(Buffer.from(value, 'base64')), 'base64');
}

describe('the receiver’s OAuth token endpoint (client credentials)', () => {
  it('issues a JWT to a created client that jose verifies with the workspace key; exp is on the engine clock', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock();
    const service = await startTestService({ dataDir, clock });
    const { client, clientSecret } = await service.api.createReceiverClient({ name: 'ci pipeline' });
    expect(client.tokenUrl).toBe(`${service.info.receiverUrl}/oauth/token`);
    expect(await service.api.listReceiverClients()).toEqual([client]);
    expect(JSON.stringify(await service.api.listReceiverClients())).not.toContain(clientSecret);

    const { status, headers, body } = await postToken(
      client.tokenUrl,
      { grant_type: 'client_credentials', scope: 'hooks', audience: 'bin-a' },
      basicAuthorization(client.clientId, clientSecret),
    );
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'hooks' });

    const token = body.access_token as string;
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'at+jwt' });
    const { payload } = await jwtVerify(token, workspaceKey(dataDir), {
      issuer: service.info.receiverUrl,
      audience: 'bin-a',
      currentDate: new Date(clock.now()),
    });
    const nowSeconds = Math.floor(clock.now() / 1000);
    expect(payload).toMatchObject({ sub: client.clientId, client_id: client.clientId, scope: 'hooks', iat: nowSeconds, exp: nowSeconds + 3600 });
  });

  it('accepts the client credentials in the form body too', async () => {
    const service = await startTestService();
    const { client, clientSecret } = await service.api.createReceiverClient({ name: 'form client' });
    const { status, body } = await postToken(client.tokenUrl, {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: clientSecret,
    });
    expect(status).toBe(200);
    expect(body.scope).toBeUndefined();
  });

  it('answers RFC 6749 §5.2 errors: 401 invalid_client for a wrong secret, 400 for a bad request', async () => {
    const service = await startTestService();
    const { client, clientSecret } = await service.api.createReceiverClient({ name: 'ci' });
    const tokenUrl = client.tokenUrl;

    const wrong = await postToken(tokenUrl, { grant_type: 'client_credentials' }, basicAuthorization(client.clientId, `${clientSecret}x`));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Basic realm="Hooklab receiver"');
    expect(wrong.body).toEqual({ error: 'invalid_client', error_description: `unknown client_id ${client.clientId} or wrong client_secret` });

    const grant = await postToken(tokenUrl, { grant_type: 'password' }, basicAuthorization(client.clientId, clientSecret));
    expect(grant).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    const missing = await postToken(tokenUrl, {}, basicAuthorization(client.clientId, clientSecret));
    expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_request', error_description: 'grant_type is required' } });
    const both = await postToken(tokenUrl, { grant_type: 'client_credentials', client_id: client.clientId }, basicAuthorization(client.clientId, clientSecret));
    expect(both).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const json = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
    // None of these are captures: the token endpoint is not a bin.
    expect(await service.api.listCaptures({})).toEqual([]);
  });

  it('a deleted client gets no more tokens; names are unique', async () => {
    const service = await startTestService();
    const { client, clientSecret } = await service.api.createReceiverClient({ name: 'ci' });
    await expect(service.api.createReceiverClient({ name: 'ci' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'name', message: 'is already used by another receiver client' }] },
    });
    await service.api.deleteReceiverClient({ id: client.id });
    expect(await service.api.listReceiverClients()).toEqual([]);
    const refused = await postToken(client.tokenUrl, { grant_type: 'client_credentials' }, basicAuthorization(client.clientId, clientSecret));
    expect(refused).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    await expect(service.api.deleteReceiverClient({ id: client.id })).rejects.toMatchObject({ code: 'not_found' });
  });
});
