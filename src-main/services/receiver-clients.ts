import { randomBytes } from 'node:crypto';
import { validationError } from '../../src-shared/contracts/contract-kit.ts';
import type { CreatedReceiverClient, ReceiverClient } from '../../src-shared/domain/receiver-client.ts';
import { AppError } from '../../src-shared/errors.ts';
import { TOKEN_PATH } from '../receiver/oauth-token-endpoint.ts';
import { clientSecretSha256, type ReceiverClientRepository, type StoredReceiverClient } from '../storage/receiver-client-repository.ts';

export interface ReceiverClientDeps {
  clients: ReceiverClientRepository;
  receiverUrl: string;
  now(): number;
}

function publicClient(deps: ReceiverClientDeps, { secretSha256: _hash, ...client }: StoredReceiverClient): ReceiverClient {
  return { ...client, tokenUrl: `${deps.receiverUrl}${TOKEN_PATH}` };
}

export function listReceiverClients(deps: ReceiverClientDeps): ReceiverClient[] {
  return deps.clients.list().map((client) => publicClient(deps, client));
}

/** A new client of the token endpoint; its secret is returned here and never again (only a hash is kept). */
export function createReceiverClient(deps: ReceiverClientDeps, name: string): CreatedReceiverClient {
  if (deps.clients.findByName(name)) throw validationError([{ path: 'name', message: 'is already used by another receiver client' }]);
  const clientSecret = randomBytes(32).toString('base64url');
  const stored = deps.clients.insert(
    { name, clientId: `hooklab-${randomBytes(8).toString('hex')}`, secretSha256: clientSecretSha256(clientSecret) },
    deps.now(),
  );
  return { client: publicClient(deps, stored), clientSecret };
}

/** Tokens already issued to the client stop being accepted: the receiver checks the client still exists. */
export function deleteReceiverClient(deps: ReceiverClientDeps, id: string): { id: string } {
  if (!deps.clients.delete(id)) throw new AppError('not_found', `No receiver client has id "${id}"`);
  return { id };
}
