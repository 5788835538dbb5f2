import Database from 'better-sqlite3';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { AppService } from '../../../../src-main/services/app-service.ts';
import { DATABASE_FILE } from '../../../../src-main/storage/database.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const receiverPort = (service: AppService) => Number(new URL(service.info.receiverUrl).port);

/** Opens a raw connection to the receiver; resolves once connected. */
function open(service: AppService): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(receiverPort(service), '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends raw request bytes on a fresh connection and resolves with everything the receiver wrote back before closing. */
async function exchange(service: AppService, raw: string): Promise<string> {
  const socket = await open(service);
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  socket.write(raw);
  await new Promise((resolve) => socket.once('close', resolve));
  return answer;
}

describe('the receiver under hostile clients', () => {
  it('slow bodies: 50 sockets trickling one byte at a time are all answered 408 or closed by the deadline, and nothing is captured', {
    timeout: 30_000,
  }, async () => {
    const deadlineMs = 1_500;
    const service = await startTestService({ receiverRequestTimeoutMs: deadlineMs });
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, async (_, index) => {
        const socket = await open(service);
        let answer = '';
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
        socket.on('error', () => {});
        socket.write(`POST /r/slow/${index} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n`);
        const trickle = setInterval(() => socket.writable && socket.write('x'), 250);
        await new Promise((resolve) => socket.once('close', resolve));
        clearInterval(trickle);
        return { answer, closedAfterMs: Date.now() - started };
      }),
    );
    for (const { answer, closedAfterMs } of outcomes) {
      expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
      // The deadline, plus Node's check interval (1 s), plus a generous margin for a loaded machine.
      expect(closedAfterMs).toBeLessThan(deadlineMs + 6_000);
    }
    expect(outcomes.some(({ answer }) => answer.startsWith('HTTP/1.1 408'))).toBe(true);
    expect(await service.api.listCaptures({ bin: 'slow' })).toEqual([]);

    // A prompt client is not held up by them.
    const ok = await request(`${service.info.receiverUrl}/r/slow/prompt`, { method: 'POST', body: '{}' });
    expect(ok.statusCode).toBe(200);
    expect((await service.api.listCaptures({ bin: 'slow' })).map((capture) => capture.path)).toEqual(['/prompt']);
  });

  it('a bin scripted to hang still hangs past the deadline: the deadline is for reading the request only', { timeout: 30_000 }, async () => {
    const service = await startTestService({ receiverRequestTimeoutMs: 500 });
    await service.api.setBinScript({ bin: 'stuck', script: { mode: 'hang' } });
    const socket = await open(service);
    let closed = false;
    socket.on('close', () => (closed = true));
    socket.write('POST /r/stuck HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(closed).toBe(false);
    expect(await service.api.listCaptures({ bin: 'stuck' })).toHaveLength(1);
    socket.destroy();
  });

  it('an absolute-form request line is captured with the same path and query as the origin-form one', async () => {
    const service = await startTestService();
    const port = receiverPort(service);
    const send = (target: string) =>
      exchange(service, `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect(await send(`http://127.0.0.1:${port}/r/abs/x?q=1`)).toMatch(/^HTTP\/1\.1 200/);
    expect(await send('/r/abs/x?q=1')).toMatch(/^HTTP\/1\.1 200/);
    expect(await send(`http://127.0.0.1:${port}/r/abs`)).toMatch(/^HTTP\/1\.1 200/);
    const captured = (await service.api.listCaptures({ bin: 'abs' })).map(({ path, query }) => ({ path, query }));
    expect(captured).toEqual([
      { path: '/', query: '' },
      { path: '/x', query: 'q=1' },
      { path: '/x', query: 'q=1' },
    ]);
  });

  it('a request larger than the capture size limit alone is refused with 413 and not captured, declared or chunked', async () => {
    const service = await startTestService();
    await service.api.setCaptureRetention({ maxBytes: 1024 * 1024 });
    const body = Buffer.alloc(1024 * 1024 + 1, 'a');
    const declared = await request(`${service.info.receiverUrl}/r/big/declared`, { method: 'POST', body });
    expect(declared.statusCode).toBe(413);
    expect(await declared.body.json()).toMatchObject({
      code: 'payload_too_large',
      message: expect.stringMatching(/larger than the workspace's capture size limit \(1048576 bytes\)/),
    });
    const chunked = await request(`${service.info.receiverUrl}/r/big/chunked`, {
      method: 'POST',
      body: Readable.from([body.subarray(0, 1000), body.subarray(1000)]),
    });
    expect(chunked.statusCode).toBe(413);
    await chunked.body.dump();
    expect(await service.api.listCaptures({ bin: 'big' })).toEqual([]);
    const fits = await request(`${service.info.receiverUrl}/r/big/fits`, { method: 'POST', body: body.subarray(0, 512 * 1024) });
    expect(fits.statusCode).toBe(200);
    await fits.body.dump();
    expect(await service.api.listCaptures({ bin: 'big' })).toHaveLength(1);
  });

  it('reply headers with CR/LF, framing headers or bad names are refused naming the header, and the script stays as it was', async () => {
    const service = await startTestService();
    await service.api.setBinScript({ bin: 'hdr', script: { status: 201, headers: { 'X-Lab': 'one' } } });
    const refused = [
      [{ 'Transfer-Encoding': 'chunked' }, 'script.headers.Transfer-Encoding', /set by the receiver itself/],
      [{ 'X-Lab': 'one\r\nSet-Cookie: stolen=1' }, 'script.headers.X-Lab', /may not hold CR, LF, NUL/],
      [{ 'X-Bad\r\nName': 'x' }, 'script.headers.X-Bad\\r\\nName', /header names are letters/],
    ] as const;
    for (const [headers, path, rule] of refused) {
      const error = await rejection(service.api.setBinScript({ bin: 'hdr', script: { headers } }));
      expect(error.code).toBe('invalid_input');
      expect(error.details).toEqual({ issues: [{ path, message: expect.stringMatching(rule) }] });
      expect(error.message).toMatch(new RegExp(`^${path.replace(/[.\\]/g, '\\$&')}: `));
    }
    expect(await service.api.getBinScript({ bin: 'hdr' })).toMatchObject({ status: 201, headers: { 'X-Lab': 'one' } });
    const answer = await request(`${service.info.receiverUrl}/r/hdr`, { method: 'POST', body: '{}' });
    expect(answer.statusCode).toBe(201);
    expect(answer.headers['x-lab']).toBe('one');
    await answer.body.dump();
    expect((await service.api.listCaptures({ bin: 'hdr' }))[0].replyStatus).toBe(201);
  });

  it('a script stored before headers were checked loses the headers HTTP forbids, so the bin answers as its capture says', async () => {
    const dataDir = tempDir();
    const first = await startTestService({ dataDir });
    await first.api.setBinScript({ bin: 'legacy', script: { status: 202, headers: { 'X-Lab': 'one' } } });
    await first.close();
    const db = new Database(join(dataDir, DATABASE_FILE));
    const stored = { status: 202, headers: { 'X-Lab': 'one', 'Transfer-Encoding': 'chunked', 'X-Split': 'a\r\nb' } };
    db.prepare('UPDATE bin_scripts SET script = ? WHERE bin = ?').run(JSON.stringify(stored), 'legacy');
    db.close();

    const service = await startTestService({ dataDir });
    expect((await service.api.getBinScript({ bin: 'legacy' })).headers).toEqual({ 'X-Lab': 'one' });
    const answer = await request(`${service.info.receiverUrl}/r/legacy`, { method: 'POST', body: '{}' });
    expect(answer.statusCode).toBe(202);
    await answer.body.dump();
    expect((await service.api.listCaptures({ bin: 'legacy' }))[0].replyStatus).toBe(202);
  });
});
