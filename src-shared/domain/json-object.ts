import { z } from 'zod';
import { entityStateJson } from './entity-state-json.ts';

/** An object as JSON has them: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An entity's state, a condition's sample payload or a merge patch: vendor entities are a few KB of JSON. */
export const JSON_STATE_MAX = 1_000_000;

/**
 * A JSON object of at most JSON_STATE_MAX characters once serialized (input is checked for depth
 * before this runs). The text measured is kept for the state zod hands on: a fired event stores
 * and sends that same text, so it is made once.
 */
export const jsonStateSchema = z
  .record(z.string(), z.unknown())
  .refine((state) => entityStateJson(state).length <= JSON_STATE_MAX, `must be at most ${JSON_STATE_MAX} characters as JSON`);
