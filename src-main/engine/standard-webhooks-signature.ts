import { createHmac, randomBytes } from 'node:crypto';
import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import { SIGNING_SECRET_PREFIX, withoutSigningSecretPrefix } from '../../src-shared/domain/webhook-signing.ts';

const GENERATED_SECRET_BYTES = 32;

/** A new `whsec_` secret of 32 random bytes. */
export function generateSigningSecret(): string {
  return `${SIGNING_SECRET_PREFIX}${randomBytes(GENERATED_SECRET_BYTES).toString('base64')}`;
}

/** `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, keyed with the secret's decoded bytes. */
export function standardWebhooksSignature(secret: string, id: string, timestampSeconds: number, body: string | Buffer): string {
  const key = Buffer.from(withoutSigningSecretPrefix(secret), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestampSeconds}.`).update(body).digest('base64');
  return `v1,${mac}`;
}

/** The three headers of a signed request; every secret signs, so receivers holding any of them accept it. */
export function standardWebhooksHeaders(secrets: readonly string[], id: string, timestampSeconds: number, body: string): HttpHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets.map((secret) => standardWebhooksSignature(secret, id, timestampSeconds, body)).join(' '),
  };
}
