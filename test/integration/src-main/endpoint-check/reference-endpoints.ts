import { createPublicKey, verify } from 'node:crypto';
import { HTTP } from 'cloudevents';
import { jwtVerify } from 'jose';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { startEndpoint, type ReceivedRequest, type TestEndpoint } from '../../../fixtures/http-endpoint.ts';

/** What the reference endpoint checks requests against: the subscriber's copy of each credential. */
export interface SubscriberSecrets {
  basic?: { username: string; password: string };
  /** A static Bearer token. */
  bearer?: string;
  /** The HS256 key, issuer and audience of the tokens it accepts. */
  jwt?: { key: Uint8Array; issuer: string; audience: string };
  standardWebhooksSecret?: string;
  nSignaturePublicKeyPem?: string;
  /** The CloudEvents origin it consents to in the abuse-protection handshake. */
  cloudEventsOrigin?: string;
}

/** How a reference endpoint falls short: the two commonest receiver bugs, or none. */
export type ReferenceFlaw = 'none' | 'skips-signature-verification' | 'accepts-any-credentials';

const header = (request: ReceivedRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

async function credentialsValid(request: ReceivedRequest, secrets: SubscriberSecrets): Promise<boolean> {
  const authorization = header(request, 'authorization') ?? '';
  if (secrets.basic) {
    const expected = `Basic ${Buffer.from(`${secrets.basic.username}:${secrets.basic.password}`).toString('base64')}`;
    return authorization === expected;
  }
  if (secrets.bearer) return authorization === `Bearer ${secrets.bearer}`;
  if (secrets.jwt) {
    const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
    if (!token) return false;
    try {
      await jwtVerify(token, secrets.jwt.key, { issuer: secrets.jwt.issuer, audience: secrets.jwt.audience, algorithms: ['HS256'] });
      return true;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * A subscriber endpoint written as a careful receiver would write it (or with one flaw): checks
 * credentials (401), then signatures with the reference libraries (Standard Webhooks package,
 * RSA verify for N-Signature), refuses an exact replay of a signed request (409), parses the body
 * (CloudEvents with the cloudevents package; 400 when it cannot), acknowledges duplicates, and
 * keeps fastify's 1 MiB body limit (413). Only 127.0.0.1.
 */
export function startReferenceEndpoint(secrets: SubscriberSecrets, flaw: ReferenceFlaw): Promise<TestEndpoint> {
  const seenMessages = new Set<string>();
  return startEndpoint(async (request, _index, reply) => {
    if (request.method === 'OPTIONS') {
      const origin = header(request, 'webhook-request-origin');
      if (!secrets.cloudEventsOrigin || origin !== secrets.cloudEventsOrigin) return reply.code(403).send();
      return reply.code(200).header('webhook-allowed-origin', origin).header('webhook-allowed-rate', '120').send();
    }
    if (flaw !== 'accepts-any-credentials' && !(await credentialsValid(request, secrets))) return reply.code(401).send({ error: 'unauthorized' });
    const body = request.body.toString('utf8');
    if (flaw !== 'skips-signature-verification') {
      if (secrets.standardWebhooksSecret) {
        try {
          new StandardWebhook(secrets.standardWebhooksSecret).verify(body, {
            'webhook-id': header(request, 'webhook-id') ?? '',
            'webhook-timestamp': header(request, 'webhook-timestamp') ?? '',
            'webhook-signature': header(request, 'webhook-signature') ?? '',
          });
        } catch {
          return reply.code(400).send({ error: 'bad signature' });
        }
        const message = `${header(request, 'webhook-id')} ${header(request, 'webhook-timestamp')}`;
        if (seenMessages.has(message)) return reply.code(409).send({ error: 'replayed request' });
        seenMessages.add(message);
      }
      if (secrets.nSignaturePublicKeyPem) {
        const signature = Buffer.from(header(request, 'n-signature') ?? '', 'base64');
        if (!verify('sha256', request.body, createPublicKey(secrets.nSignaturePublicKeyPem), signature)) return reply.code(400).send({ error: 'bad N-Signature' });
      }
    }
    try {
      if (secrets.cloudEventsOrigin) HTTP.toEvent({ headers: request.headers, body });
      else JSON.parse(body);
    } catch {
      return reply.code(400).send({ error: 'unreadable body' });
    }
    // At-least-once: a duplicate is acknowledged like the first.
    return reply.code(200).send({ ok: true });
  });
}
