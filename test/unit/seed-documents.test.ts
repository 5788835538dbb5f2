import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FLEXNET_SEED_NAMES,
  SENTINEL_SEED_FILE,
  SHARED_SENTINEL_SEED_FILE,
  seedCopyFile,
  sharedSeedAvailable,
  sharedSeedFile,
} from '../fixtures/seed-documents.ts';

describe('seed documents used by the tests', () => {
  it.runIf(sharedSeedAvailable())('the Sentinel EMS seed copy is byte-identical to ../shared/seeds', () => {
    expect(readFileSync(SENTINEL_SEED_FILE).equals(readFileSync(SHARED_SENTINEL_SEED_FILE))).toBe(true);
  });

  it.runIf(sharedSeedAvailable()).each(FLEXNET_SEED_NAMES)('the FlexNet seed copy %s is byte-identical to ../shared/seeds', (name) => {
    expect(readFileSync(seedCopyFile(name)).equals(readFileSync(sharedSeedFile(name)))).toBe(true);
  });
});
