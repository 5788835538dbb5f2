import { createHash, randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import { prepared } from './statement-cache.ts';

interface ReceiverClientRow {
  id: string;
  name: string;
  client_id: string;
  secret_sha256: Buffer;
  created_at: number;
}

/** A client of the receiver's token endpoint as stored: its secret only as a SHA-256. */
export interface StoredReceiverClient {
  id: string;
  name: string;
  clientId: string;
  secretSha256: Buffer;
  createdAt: number;
}

function toClient(row: ReceiverClientRow): StoredReceiverClient {
  return { id: row.id, name: row.name, clientId: row.client_id, secretSha256: row.secret_sha256, createdAt: row.created_at };
}

/**
 * How a client secret is kept. Secrets are 256 random bits, so a plain SHA-256 is as hard to
 * reverse as a slow password hash would be, and checking one per token request stays cheap.
 */
export function clientSecretSha256(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export interface NewReceiverClient {
  name: string;
  clientId: string;
  secretSha256: Buffer;
}

export class ReceiverClientRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  list(): StoredReceiverClient[] {
    return (prepared(this.db, 'SELECT * FROM receiver_clients ORDER BY created_at, name').all() as ReceiverClientRow[]).map(toClient);
  }

  findByName(name: string): StoredReceiverClient | null {
    const row = prepared(this.db, 'SELECT * FROM receiver_clients WHERE name = ?').get(name) as ReceiverClientRow | undefined;
    return row ? toClient(row) : null;
  }

  findByClientId(clientId: string): StoredReceiverClient | null {
    const row = prepared(this.db, 'SELECT * FROM receiver_clients WHERE client_id = ?').get(clientId) as ReceiverClientRow | undefined;
    return row ? toClient(row) : null;
  }

  insert(client: NewReceiverClient, now: number): StoredReceiverClient {
    const id = randomUUID();
    prepared(this.db, 'INSERT INTO receiver_clients (id, name, client_id, secret_sha256, created_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      client.name,
      client.clientId,
      client.secretSha256,
      now,
    );
    return toClient({ id, name: client.name, client_id: client.clientId, secret_sha256: client.secretSha256, created_at: now });
  }

  delete(id: string): boolean {
    return prepared(this.db, 'DELETE FROM receiver_clients WHERE id = ?').run(id).changes > 0;
  }
}
