import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SENTINEL_SEED_FILE, SHARED_SENTINEL_SEED_FILE, sharedSeedAvailable } from '../fixtures/seed-documents.ts';

describe('seed documents used by the tests', () => {
  it.runIf(sharedSeedAvailable())('the Sentinel EMS seed copy is byte-identical to ../shared/seeds', () => {
    expect(readFileSync(SENTINEL_SEED_FILE).equals(readFileSync(SHARED_SENTINEL_SEED_FILE))).toBe(true);
  });
});
