import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { curlCommandOf } from '../../../../src-shared/domain/curl-command.ts';
import { startEndpoint } from '../../../fixtures/http-endpoint.ts';

const run = promisify(execFile);

describe('curlCommandOf', () => {
  it('run by bash, curl sends the same method, headers and body bytes; nothing in them is expanded by the shell', async () => {
    const endpoint = await startEndpoint((_request, _index, reply) => reply.code(204).send());
    onTestFinished(() => endpoint.close());
    const body = `{"note":"it's $HOME and \`id\` and $(id)","lines":"a\\nb","snow":"☃"}\n`;
    const command = curlCommandOf({
      method: 'PUT',
      url: `${endpoint.url}/hooks?x='1'`,
      headers: { 'content-type': 'application/json', 'x-quote': "O'Brien $USER", host: 'stale.example', 'content-length': '1' },
      body,
    });
    await run('bash', ['-c', `${command} --silent --show-error`]);
    const [received] = endpoint.received;
    expect(received.method).toBe('PUT');
    expect(received.url).toBe("/hooks?x='1'");
    expect(received.body.toString('utf8')).toBe(body);
    expect(received.headers['x-quote']).toBe("O'Brien $USER");
    expect(received.headers['content-type']).toBe('application/json');
    // Host and length are curl's own, for this URL and body.
    expect(received.headers.host).toBe(new URL(endpoint.url).host);
    expect(received.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });
});
