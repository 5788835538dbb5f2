import { z } from 'zod';
import { isBase64 } from './base64.ts';
import { idSchema } from './record-id.ts';

/** Standard Webhooks secrets are written `whsec_<base64>`; the prefix is optional on input, as in the reference library. */
export const SIGNING_SECRET_PREFIX = 'whsec_';
/** The spec asks for 24 to 64 random bytes. */
export const SIGNING_SECRET_MIN_BYTES = 24;
export const SIGNING_SECRET_MAX_BYTES = 64;

/** The base64 part of a secret, with or without its `whsec_` prefix. */
export function withoutSigningSecretPrefix(secret: string): string {
  return secret.startsWith(SIGNING_SECRET_PREFIX) ? secret.slice(SIGNING_SECRET_PREFIX.length) : secret;
}

function base64ByteLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** A pasted secret, normalised to carry its `whsec_` prefix. */
export const signingSecretSchema = z
  .string()
  .trim()
  .transform(withoutSigningSecretPrefix)
  .refine((key) => key.length > 0 && isBase64(key), `must be "${SIGNING_SECRET_PREFIX}" followed by base64`)
  .refine(
    (key) => !isBase64(key) || (base64ByteLength(key) >= SIGNING_SECRET_MIN_BYTES && base64ByteLength(key) <= SIGNING_SECRET_MAX_BYTES),
    `must decode to ${SIGNING_SECRET_MIN_BYTES}-${SIGNING_SECRET_MAX_BYTES} bytes`,
  )
  .transform((key) => `${SIGNING_SECRET_PREFIX}${key}`);

export const addSigningSecretInputSchema = z.strictObject({
  webhookId: idSchema,
  /** Absent: Hooklab generates one. */
  secret: signingSecretSchema.optional(),
});

export const removeSigningSecretInputSchema = z.strictObject({
  webhookId: idSchema,
  secretId: idSchema,
});

/** What the renderer sees of a secret: enough to tell them apart, never enough to sign. */
export interface SigningSecretSummary {
  id: string;
  /** `whsec_` and the last four characters. */
  hint: string;
  createdAt: number;
}

/** The receiver's verdict on a request's Standard Webhooks signature. */
export interface SignatureCheck {
  valid: boolean;
  /** Why it is invalid, or which secret matched. */
  reason: string;
}

export function signingSecretHint(secret: string): string {
  return `${SIGNING_SECRET_PREFIX}…${secret.slice(-4)}`;
}
