import { z } from 'zod';

/** A client of the built-in receiver's OAuth 2.0 token endpoint (client-credentials grant). */
export interface ReceiverClient {
  id: string;
  name: string;
  clientId: string;
  /** The receiver's token endpoint, to paste into an oauth2 auth profile. */
  tokenUrl: string;
  createdAt: number;
}

/** The only time the client secret leaves the engine: right after the client was made. */
export interface CreatedReceiverClient {
  client: ReceiverClient;
  clientSecret: string;
}

export const createReceiverClientInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
});
