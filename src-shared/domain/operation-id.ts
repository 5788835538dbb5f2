import { z } from 'zod';

/** Chosen by the caller of a long operation; tags its progress events, so a UI can follow its own. */
export const operationIdSchema = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
