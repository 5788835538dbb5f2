import { z } from 'zod';
import { isHttpUrl } from './http-url.ts';

const name = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');

/** RFC 6749 §2.3.1: the client authenticates with Basic auth (recommended) or in the form body. */
export const CLIENT_AUTH_METHODS = ['basic', 'body'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

export const authProfileInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none'), name }),
  z.strictObject({
    kind: z.literal('basic'),
    name,
    username: z.string().min(1, 'is required').refine((value) => !value.includes(':'), 'must not contain ":"'),
    password: z.string().min(1, 'is required'),
  }),
  z.strictObject({ kind: z.literal('bearer'), name, token: z.string().min(1, 'is required') }),
  z.strictObject({
    kind: z.literal('oauth2'),
    name,
    tokenUrl: z
      .string()
      .trim()
      .min(1, 'is required')
      .refine(isHttpUrl, 'must be an absolute http:// or https:// URL')
      .refine((value) => !value.includes('#'), 'must not contain a #fragment (RFC 6749 §3.2)'),
    clientId: z.string().min(1, 'is required'),
    clientSecret: z.string().min(1, 'is required'),
    scope: z.string().trim().default(''),
    audience: z.string().trim().default(''),
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
export const redactableSecret = z.string().min(1, 'is required').nullable();
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

export const updateAuthProfileInputSchema = z.strictObject({ id: z.string().min(1, 'is required'), profile: authProfileEditSchema });
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
