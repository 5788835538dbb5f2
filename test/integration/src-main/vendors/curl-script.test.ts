import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { curlScript } from '../../../../src-main/vendors/curl-script.ts';
import { CURL } from '../../../fixtures/export-round-trip.ts';
import { startSubscriber } from '../../../fixtures/subscriber-endpoint.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

async function run(script: string) {
  const path = join(tempDir(), 'export.sh');
  writeFileSync(path, script);
  return promisify(execFile)('bash', [path], { timeout: 20_000 });
}

describe('export curl scripts: a token for later calls, statuses that mean "there already"', () => {
  it('keeps a token from a form-encoded request, sends it in later headers and URLs, and goes on after an accepted 409', async (context) => {
    if (!existsSync(CURL)) return context.skip(`${CURL} is not installed`);
    const server = await startSubscriber((request, _index, reply) => {
      if (request.url === '/token') return reply.send({ token_type: 'Bearer', access_token: "tok'en-1" });
      if (request.url.startsWith('/profiles')) return reply.code(409).send({ error: 'exists' });
      return reply.code(201).send({ id: 'w1' });
    });
    const script = curlScript(
      'test',
      [],
      [
        {
          operation: 'Token',
          method: 'POST',
          url: `${server.url}/token`,
          headers: {},
          body: null,
          form: { grant_type: 'client_credentials', client_secret: 'a b&c' },
          keep: { field: 'access_token', variable: 'ACCESS_TOKEN' },
        },
        {
          operation: 'Add profile',
          method: 'POST',
          url: `${server.url}/profiles?t=\${ACCESS_TOKEN}`,
          headers: { Authorization: 'Bearer ${ACCESS_TOKEN}' },
          body: { name: 'p' },
          alsoAccepted: [409],
        },
        {
          operation: 'Add webhook',
          method: 'POST',
          url: `${server.url}/webhooks`,
          headers: { Authorization: 'Bearer ${ACCESS_TOKEN}', 'X-Literal': '${NOT_KEPT}' },
          body: { name: "it's $HOME" },
        },
      ],
    );
    const { stdout } = await run(script);

    const [token, profile, webhook] = server.received;
    expect(Object.fromEntries(new URLSearchParams(token!.body.toString('utf8')))).toEqual({ grant_type: 'client_credentials', client_secret: 'a b&c' });
    expect(profile!.url).toBe("/profiles?t=tok'en-1");
    expect(profile!.headers.authorization).toBe("Bearer tok'en-1");
    expect(webhook!.headers).toMatchObject({ authorization: "Bearer tok'en-1", 'x-literal': '${NOT_KEPT}' });
    expect(JSON.parse(webhook!.body.toString('utf8'))).toEqual({ name: "it's $HOME" });
    expect(stdout).not.toContain('tok');
    expect(stdout).toContain('"id":"w1"');
  });

  it('sends HTTP Basic credentials for the API itself (placeholders filled in, quotes and all)', async (context) => {
    if (!existsSync(CURL)) return context.skip(`${CURL} is not installed`);
    const server = await startSubscriber((_request, _index, reply) => reply.code(201).send({ id: 'p1' }));
    const script = curlScript(
      'test',
      [],
      [
        {
          operation: 'Add profile',
          method: 'POST',
          url: `${server.url}/profiles`,
          basicAuth: { username: 'api', password: "pa ss'w:rd" },
          headers: {},
          body: { name: 'p' },
        },
      ],
    );
    await run(script);
    expect(server.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from("api:pa ss'w:rd").toString('base64')}`);
  });

  it('stops at the first refused call, printing its answer and status', async (context) => {
    if (!existsSync(CURL)) return context.skip(`${CURL} is not installed`);
    const server = await startSubscriber((_request, _index, reply) => reply.code(422).send({ error: 'uri is required' }));
    const script = curlScript(
      'test',
      [],
      [
        { operation: 'Add webhook', method: 'POST', url: `${server.url}/a`, headers: {}, body: {} },
        { operation: 'Never sent', method: 'POST', url: `${server.url}/b`, headers: {}, body: {} },
      ],
    );
    const failure = await run(script).catch((error: Error & { stderr: string }) => error);
    expect((failure as Error & { stderr: string }).stderr).toMatch(/uri is required[\s\S]*Add webhook failed: HTTP 422/);
    expect(server.received).toHaveLength(1);
  });
});
