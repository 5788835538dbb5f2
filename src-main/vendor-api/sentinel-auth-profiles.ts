import { z } from 'zod';
import type { AppApi } from '../../src-shared/contracts/app-contract.ts';
import type { AuthProfile, AuthProfileEdit } from '../../src-shared/domain/auth-profile.ts';
import { asSentinel, requireFreeName, resourceNotFound, type AttributeNames } from './sentinel-api-error.ts';
import { checkBodyId, definedOnly, pageOf, pagingQuery, sentinelBody, sentinelParsed, sentinelQuery, type SentinelRoute } from './sentinel-request.ts';

/** "Masked secrets" assumption: a stored password or client secret shows as this, never as itself. */
export const MASKED_SECRET = '********';

// "Authentication profile body" assumption: type BASIC or OAUTH (the UG's two kinds) with the UG's
// fields in camelCase ("Access Token URL" as tokenUrl). JSON types only here; the rules are Hooklab's.
const basicSchema = z.strictObject({ id: z.string().optional(), type: z.literal('BASIC'), name: z.string(), username: z.string(), password: z.string() });
const oauthSchema = z.strictObject({
  id: z.string().optional(),
  type: z.literal('OAUTH'),
  name: z.string(),
  tokenUrl: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  scope: z.string().optional(),
  audience: z.string().optional(),
});
const profileType = z.enum(['BASIC', 'OAUTH'], { error: 'must be BASIC or OAUTH' });
const typeSchema = z.looseObject({ type: profileType });
type ProfileBody = z.output<typeof basicSchema> | z.output<typeof oauthSchema>;

/** Every field of either type, all optional: a PATCH names what changes. */
const patchSchema = z.strictObject({ ...basicSchema.shape, ...oauthSchema.shape, type: profileType }).partial();

const listQuery = z.strictObject({ ...pagingQuery, name: z.string().optional() });

const profileAttributes: AttributeNames = (path) => {
  const field = path.replace(/^profile\./, '');
  return field === 'kind' ? 'type' : field;
};

/** EMS knows Basic and OAuth profiles; Hooklab's other kinds (none, bearer) are not part of this API. */
const isSentinelProfile = (profile: AuthProfile) => profile.kind === 'basic' || profile.kind === 'oauth2';

function sentinelProfile(profile: AuthProfile) {
  const secret = profile.hasSecret ? MASKED_SECRET : null;
  if (profile.kind === 'basic') return { id: profile.id, name: profile.name, type: 'BASIC', username: profile.username, password: secret };
  const { tokenUrl, clientId, scope, audience } = profile.oauth!;
  return { id: profile.id, name: profile.name, type: 'OAUTH', tokenUrl, clientId, clientSecret: secret, scope, audience };
}

/** The mask sent back (as a client does after a GET) stands for the stored secret: null keeps it. */
const secretOrKept = (secret: string) => (secret === MASKED_SECRET ? null : secret);

/** A full body as Hooklab's profile. */
function hooklabProfile(body: ProfileBody, existing: AuthProfile | null): AuthProfileEdit {
  if (body.type === 'BASIC') return { kind: 'basic', name: body.name, username: body.username, password: secretOrKept(body.password) };
  const { name, tokenUrl, clientId, scope, audience } = body;
  const clientSecret = secretOrKept(body.clientSecret);
  // How the client authenticates to the token URL has no EMS attribute: a profile keeps its own.
  const clientAuth = existing?.oauth?.clientAuth;
  return { kind: 'oauth2', name, tokenUrl, clientId, clientSecret, scope, audience, ...(clientAuth ? { clientAuth } : {}) };
}

function fullBody(raw: unknown): ProfileBody {
  const { type } = sentinelParsed(typeSchema, raw);
  return sentinelParsed(type === 'BASIC' ? basicSchema : oauthSchema, raw);
}

const sentinelProfiles = async (api: AppApi) => (await api.listAuthProfiles()).filter(isSentinelProfile);

async function existing(api: AppApi, id: string): Promise<AuthProfile> {
  const profile = (await sentinelProfiles(api)).find((candidate) => candidate.id === id);
  if (!profile) throw resourceNotFound('authentication profile', id);
  return profile;
}

async function updated(api: AppApi, profile: AuthProfile, body: ProfileBody) {
  checkBodyId(body.id, profile.id);
  requireFreeName(await api.listAuthProfiles(), 'authentication profile', body.name, profile.id);
  return sentinelProfile(await asSentinel(profileAttributes, () => api.updateAuthProfile({ id: profile.id, profile: hooklabProfile(body, profile) })));
}

const bodyOf = (request: Parameters<SentinelRoute['handle']>[0]) => fullBody(sentinelBody(request, typeSchema));

export const SENTINEL_AUTH_PROFILE_ROUTES: readonly SentinelRoute[] = [
  {
    method: 'POST',
    path: '/authenticationProfiles',
    summary:
      'Add Authentication Profile (201): {name, type: BASIC, username, password} or {name, type: OAUTH, tokenUrl, clientId, clientSecret, scope, audience}; 409 when the name is taken',
    async handle(request, reply, api) {
      const body = bodyOf(request);
      checkBodyId(body.id, null);
      requireFreeName(await api.listAuthProfiles(), 'authentication profile', body.name, null);
      // A secret given as the mask is null here, which Hooklab refuses by name: a new profile has no secret to keep.
      const input = hooklabProfile(body, null) as Parameters<AppApi['createAuthProfile']>[0];
      return reply.code(201).send(sentinelProfile(await asSentinel(profileAttributes, () => api.createAuthProfile(input))));
    },
  },
  {
    method: 'GET',
    path: '/authenticationProfiles',
    summary: 'Search Authentication Profiles: ?name=&pageStartIndex=&pageSize= → {authenticationProfiles, pageStartIndex, pageSize, count}; secrets masked',
    async handle(request, _reply, api) {
      const { name, ...paging } = sentinelQuery(request, listQuery);
      const matching = (await sentinelProfiles(api)).filter((profile) => name === undefined || profile.name === name);
      const { items, ...page } = pageOf(matching, paging);
      return { authenticationProfiles: items.map(sentinelProfile), ...page };
    },
  },
  {
    method: 'GET',
    path: '/authenticationProfiles/{id}',
    summary: 'Get Authentication Profile (secrets masked)',
    async handle(request, _reply, api) {
      return sentinelProfile(await existing(api, request.params.id!));
    },
  },
  {
    method: 'PUT',
    path: '/authenticationProfiles/{id}',
    summary: 'Replace Authentication Profile: the whole body as for Add, secret included (or the mask, to keep it)',
    async handle(request, _reply, api) {
      const profile = await existing(api, request.params.id!);
      return updated(api, profile, bodyOf(request));
    },
  },
  {
    method: 'PATCH',
    path: '/authenticationProfiles/{id}',
    summary: 'Update Authentication Profile: only the fields given change; a secret left out is kept',
    async handle(request, _reply, api) {
      const profile = await existing(api, request.params.id!);
      const patch = definedOnly(sentinelBody(request, patchSchema));
      const { password: _password, clientSecret: _clientSecret, ...shown } = sentinelProfile(profile) as Record<string, unknown>;
      // Another type starts from the name alone: the old type's fields do not belong to it.
      const base = patch.type === undefined || patch.type === shown.type ? shown : { name: shown.name };
      const merged = { ...base, ...patch };
      // A secret left out is kept, as the mask says.
      const secretField = merged.type === 'BASIC' ? 'password' : 'clientSecret';
      return updated(api, profile, fullBody({ [secretField]: MASKED_SECRET, ...merged }));
    },
  },
  {
    method: 'DELETE',
    path: '/authenticationProfiles/{id}',
    summary: 'Delete Authentication Profile (204); 409 while a webhook uses it',
    async handle(request, reply, api) {
      const profile = await existing(api, request.params.id!);
      await asSentinel(profileAttributes, () => api.deleteAuthProfile({ id: profile.id }));
      return reply.code(204).send();
    },
  },
];
