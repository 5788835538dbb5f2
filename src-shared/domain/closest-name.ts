import { distance } from 'fastest-levenshtein';

/** Longer names tolerate more typos; beyond three edits a "did you mean" is more guess than help. */
function editsAllowed(name: string): number {
  return Math.max(1, Math.min(3, Math.floor(name.length / 4)));
}

/**
 * The candidate a misspelled name most likely meant (case aside, the fewest edits, the first of
 * equals), or null when none is close enough to suggest.
 */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  const wanted = name.toLowerCase();
  let best: string | null = null;
  let bestEdits = editsAllowed(name) + 1;
  for (const candidate of candidates) {
    const edits = distance(wanted, candidate.toLowerCase());
    if (edits < bestEdits) {
      best = candidate;
      bestEdits = edits;
    }
  }
  return best;
}
