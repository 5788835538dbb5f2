import { useMemo } from 'react';

export type ParsedSample = { sample: Record<string, unknown>; error: null } | { sample: null; error: string | null };

/** The sample text as an evaluation context (or the Fire page's state, `noun` "state"): a JSON object, or why it is not one. */
export function useParsedSample(text: string, noun = 'sample'): ParsedSample {
  return useMemo(() => {
    if (text.trim() === '') return { sample: null, error: null };
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { sample: null, error: `The ${noun} must be a JSON object, e.g. { "entitlement": { … } }` };
      }
      return { sample: value as Record<string, unknown>, error: null };
    } catch (error) {
      return { sample: null, error: `The ${noun} is not valid JSON: ${(error as Error).message}` };
    }
  }, [text, noun]);
}
