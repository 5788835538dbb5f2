import { z } from 'zod';

/** Ids are UUIDs or short prefixed names (`builtin:…`), and run and operation ids callers pick: none needs more. */
export const ID_MAX = 200;

/** Surrounding spaces are a paste's, never an id's. */
export const idSchema = z.string().trim().min(1, 'is required').max(ID_MAX, `must be at most ${ID_MAX} characters`);
