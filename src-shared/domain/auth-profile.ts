import { z } from 'zod';

const name = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');

export const authProfileInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none'), name }),
  z.object({
    kind: z.literal('basic'),
    name,
    username: z.string().min(1, 'is required').refine((value) => !value.includes(':'), 'must not contain ":"'),
    password: z.string().min(1, 'is required'),
  }),
  z.object({ kind: z.literal('bearer'), name, token: z.string().min(1, 'is required') }),
]);

export type AuthProfileInput = z.input<typeof authProfileInputSchema>;
export type AuthProfileKind = AuthProfileInput['kind'];

/** What leaves the engine: secrets are never part of it. */
export interface AuthProfile {
  id: string;
  name: string;
  kind: AuthProfileKind;
  username: string | null;
  hasSecret: boolean;
  createdAt: number;
}
