import type { AuthProfileEditOutput } from '../../src-shared/domain/auth-profile.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { NewAuthProfile } from '../storage/auth-profile-repository.ts';

/**
 * What is stored for a validated profile: its one secret sealed, the rest in the clear. A
 * secret left out (null) is stored as none: the repository's update keeps the old one instead.
 */
export function authProfileRecord(input: AuthProfileEditOutput, secrets: SecretBox): NewAuthProfile {
  const seal = (secret: string | null) => (secret === null ? null : secrets.seal(secret));
  const record: NewAuthProfile = { name: input.name, kind: input.kind, username: null, oauth: null, sealedSecret: null };
  switch (input.kind) {
    case 'none':
      return record;
    case 'basic':
      return { ...record, username: input.username, sealedSecret: seal(input.password) };
    case 'bearer':
      return { ...record, sealedSecret: seal(input.token) };
    case 'oauth2': {
      const { tokenUrl, clientId, scope, audience, clientAuth } = input;
      return { ...record, oauth: { tokenUrl, clientId, scope, audience, clientAuth }, sealedSecret: seal(input.clientSecret) };
    }
  }
}
