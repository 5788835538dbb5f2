import { z } from 'zod';
import { HTTP_URL_MAX, refineHttpUrl } from './http-url.ts';
import { idSchema } from './record-id.ts';

export const AUTH_PROFILE_NAME_MAX = 100;
/** Basic user names and OAuth client ids: identifiers, not documents. */
export const AUTH_IDENTIFIER_MAX = 256;
/** Passwords, Bearer tokens, client secrets: room for a signed JWT with many claims. */
export const AUTH_SECRET_MAX = 8192;
/** OAuth scope and audience: a space-separated list of scopes, or a URI. */
export const AUTH_SCOPE_MAX = 1000;

const name = z.string().trim().min(1, 'is required').max(AUTH_PROFILE_NAME_MAX, `must be at most ${AUTH_PROFILE_NAME_MAX} characters`);
const identifier = z.string().min(1, 'is required').max(AUTH_IDENTIFIER_MAX, `must be at most ${AUTH_IDENTIFIER_MAX} characters`);
const secret = z.string().min(1, 'is required').max(AUTH_SECRET_MAX, `must be at most ${AUTH_SECRET_MAX} characters`);
const scopeText = z.string().trim().max(AUTH_SCOPE_MAX, `must be at most ${AUTH_SCOPE_MAX} characters`).default('');

/** RFC 6749 §2.3.1: the client authenticates with Basic auth (recommended) or in the form body. */
export const CLIENT_AUTH_METHODS = ['basic', 'body'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

export const authProfileInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none'), name }),
  z.strictObject({
    kind: z.literal('basic'),
    name,
    username: identifier.refine((value) => !value.includes(':'), 'must not contain ":"'),
    password: secret,
  }),
  z.strictObject({ kind: z.literal('bearer'), name, token: secret }),
  z.strictObject({
    kind: z.literal('oauth2'),
    name,
    tokenUrl: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(HTTP_URL_MAX, `must be at most ${HTTP_URL_MAX} characters`)
      .superRefine(refineHttpUrl)
      .refine((value) => !value.includes('#'), 'must not contain a #fragment (RFC 6749 §3.2)'),
    clientId: identifier,
    clientSecret: secret,
    scope: scopeText,
    audience: scopeText,
    clientAuth: z.enum(CLIENT_AUTH_METHODS, { error: 'must be basic or body' }).default('basic'),
  }),
]);

export type AuthProfileInput = z.input<typeof authProfileInputSchema>;

/** Which field of each kind holds its secret. */
export const AUTH_PROFILE_SECRET_FIELD = { none: null, basic: 'password', bearer: 'token', oauth2: 'clientSecret' } as const satisfies Record<
  AuthProfileInput['kind'],
  string | null
>;

/** A secret that may be left out (null): a workspace file does not hand it out, or a user typed it in before importing. */
export const redactableSecret = secret.nullable();
/** A secret left out (null): an edit keeps the profile's own; a workspace file does not hand it out. */
const keptSecret = redactableSecret.default(null);

const [noneProfile, basicProfile, bearerProfile, oauthProfile] = authProfileInputSchema.options;
/** A profile whose secret may be left out. */
export const authProfileEditSchema = z.discriminatedUnion('kind', [
  noneProfile,
  basicProfile.extend({ password: keptSecret }),
  bearerProfile.extend({ token: keptSecret }),
  oauthProfile.extend({ clientSecret: keptSecret }),
]);
export type AuthProfileEdit = z.input<typeof authProfileEditSchema>;
export type AuthProfileEditOutput = z.output<typeof authProfileEditSchema>;

export const updateAuthProfileInputSchema = z.strictObject({ id: idSchema, profile: authProfileEditSchema });
export type AuthProfileKind = AuthProfileInput['kind'];
export const AUTH_PROFILE_KINDS: readonly AuthProfileKind[] = ['none', 'basic', 'bearer', 'oauth2'];

/** The OAuth 2.0 client-credentials settings of an `oauth2` profile; the client secret is not part of it. */
export interface OAuthClientSettings {
  tokenUrl: string;
  clientId: string;
  scope: string;
  audience: string;
  clientAuth: ClientAuthMethod;
}

/** What leaves the engine: secrets are never part of it. */
export interface AuthProfile {
  id: string;
  name: string;
  kind: AuthProfileKind;
  username: string | null;
  /** Set for `oauth2` profiles only. */
  oauth: OAuthClientSettings | null;
  hasSecret: boolean;
  createdAt: number;
}
