import type { z } from 'zod';
import type { authProfileInputSchema } from '../../src-shared/domain/auth-profile.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { NewAuthProfile } from '../storage/auth-profile-repository.ts';

/** What is stored for a validated profile: its one secret sealed, the rest in the clear. */
export function authProfileRecord(input: z.output<typeof authProfileInputSchema>, secrets: SecretBox): NewAuthProfile {
  const record: NewAuthProfile = { name: input.name, kind: input.kind, username: null, oauth: null, sealedSecret: null };
  switch (input.kind) {
    case 'none':
      return record;
    case 'basic':
      return { ...record, username: input.username, sealedSecret: secrets.seal(input.password) };
    case 'bearer':
      return { ...record, sealedSecret: secrets.seal(input.token) };
    case 'oauth2': {
      const { tokenUrl, clientId, scope, audience, clientAuth } = input;
      return { ...record, oauth: { tokenUrl, clientId, scope, audience, clientAuth }, sealedSecret: secrets.seal(input.clientSecret) };
    }
  }
}
