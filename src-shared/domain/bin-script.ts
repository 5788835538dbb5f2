import { z } from 'zod';
import { binNameSchema } from './bin-name.ts';
import { signingSecretSchema } from './webhook-signing.ts';

/**
 * How the receiver answers: `reply` sends the scripted status, headers and body; `hang` never
 * answers, so the sender's timeout fires; `close` drops the connection without an HTTP answer.
 */
export const BIN_REPLY_MODES = ['reply', 'hang', 'close'] as const;
export type BinReplyMode = (typeof BIN_REPLY_MODES)[number];

/** The status a scripted failure (failFirst, failureRate) answers with: retried by every vendor. */
export const SCRIPTED_FAILURE_STATUS = 503;
/** Longest scripted delay: long enough to outlast any sender timeout, short enough to notice a typo. */
export const BIN_DELAY_MAX_MS = 600_000;
const BODY_MAX = 1_000_000;
const BIN_SIGNING_SECRETS_MAX = 10;
/** RFC 9110 §5.1: a field name is a token. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** RFC 9110 §5.5 field-value characters (HTAB, SP, VCHAR, obs-text), as Node's HTTP server enforces them. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/**
 * Framing and connection headers belong to the server: a script setting them would contradict the
 * body Hooklab sends (Node then answers 500 while the capture says otherwise).
 */
const SERVER_OWNED_HEADERS = new Set(['connection', 'content-length', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** Why the receiver could not send a scripted reply header as HTTP requires; empty when it can. */
export function replyHeaderProblems(name: string, value: string): string[] {
  const problems: string[] = [];
  if (!HEADER_NAME.test(name)) problems.push("header names are letters, digits and !#$%&'*+-.^_`|~");
  else if (SERVER_OWNED_HEADERS.has(name.toLowerCase())) problems.push('is set by the receiver itself (framing and connection headers cannot be scripted)');
  if (!HEADER_VALUE.test(value)) problems.push('header values may not hold CR, LF, NUL or other control characters, nor characters beyond Latin-1');
  return problems;
}

/** A bad header name as an error path can show it: control characters escaped (`X-A\r\nB`), not sent to a terminal. */
function printable(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's job.
  return name.replace(/[\x00-\x1f\x7f]/g, (character) => JSON.stringify(character).slice(1, -1));
}

const headerValue = z.string({ error: 'header values must be text' });

/** Reply headers as HTTP requires them; a null value (left out of a workspace file) is checked by its name alone. */
export function replyHeadersSchema<V extends z.ZodType<string | null>>(value: V) {
  return (
    z
      .record(z.string(), value)
      // Checked here rather than in the key schema, whose message zod replaces with "Invalid key in record".
      .superRefine((headers, ctx) => {
        for (const [name, value] of Object.entries(headers)) {
          for (const message of replyHeaderProblems(name, (value as string | null) ?? '')) ctx.addIssue({ code: 'custom', path: [printable(name)], message });
        }
      })
  );
}

/**
 * The Authorization a bin expects, checked on every capture: Basic credentials, a static Bearer
 * token, or a JWT issued by the receiver's own OAuth token endpoint.
 */
export const expectedAuthSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('basic'), username: z.string().min(1, 'is required'), password: z.string().min(1, 'is required') }),
  z.strictObject({ kind: z.literal('bearer'), token: z.string().min(1, 'is required') }),
  z.strictObject({ kind: z.literal('issued-token') }),
]);
export type ExpectedAuth = z.output<typeof expectedAuthSchema>;

/** Which field of each expected-auth kind holds its secret (as AUTH_PROFILE_SECRET_FIELD for profiles). */
export const EXPECTED_AUTH_SECRET_FIELD = { none: null, basic: 'password', bearer: 'token', 'issued-token': null } as const satisfies Record<
  ExpectedAuth['kind'],
  string | null
>;

export const binScriptSchema = z.strictObject({
  status: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(200, 'must be an HTTP status from 200 to 599')
    .max(599, 'must be an HTTP status from 200 to 599')
    .default(200),
  headers: replyHeadersSchema(headerValue).default({}),
  /** null: the receiver's own `{"received": true, "captureId": …}`. */
  body: z.string().max(BODY_MAX, `must be at most ${BODY_MAX} characters`).nullable().default(null),
  delayMs: z
    .number({ error: 'must be a number' })
    .int('must be a whole number of milliseconds')
    .min(0, 'must not be negative')
    .max(BIN_DELAY_MAX_MS, `must be at most ${BIN_DELAY_MAX_MS} ms`)
    .default(0),
  failFirst: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(1_000_000, 'must be at most 1000000')
    .default(0),
  failureRate: z.number({ error: 'must be a number' }).min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1').default(0),
  mode: z.enum(BIN_REPLY_MODES, { error: `must be one of ${BIN_REPLY_MODES.join(', ')}` }).default('reply'),
  /**
   * Standard Webhooks secrets a request must be signed with (any one of them); empty: no check.
   * Kept in the script like the rest of the receiver's configuration: these stand for the
   * consumer's copy of the secret, not the sender's.
   */
  signingSecrets: z.array(signingSecretSchema).max(BIN_SIGNING_SECRETS_MAX, `at most ${BIN_SIGNING_SECRETS_MAX} secrets`).default([]),
  expectedAuth: expectedAuthSchema.default({ kind: 'none' }),
  /**
   * The Zentitle2 public key `N-Signature` is checked with: PEM, or the bare modulus in base64url
   * (exponent AQAB) as Zentitle2 hands it out. null: the workspace's own Zentitle2 account key,
   * whenever a request carries the header.
   */
  nSignatureKey: z.string().trim().min(1, 'must not be empty').max(10_000, 'must be at most 10000 characters').nullable().default(null),
});

export type BinScript = z.output<typeof binScriptSchema>;
export type BinScriptInput = z.input<typeof binScriptSchema>;

export const DEFAULT_BIN_SCRIPT: BinScript = binScriptSchema.parse({});

export const binRefSchema = z.strictObject({ bin: binNameSchema });
export const setBinScriptInputSchema = binRefSchema.extend({ script: binScriptSchema });
