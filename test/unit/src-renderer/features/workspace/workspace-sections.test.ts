import { describe, expect, it } from 'vitest';
import { exportedContents } from '../../../../../src-renderer/src/features/workspace/workspace-sections.ts';

describe('exportedContents', () => {
  it('counts every section of the file and lists what it redacted', () => {
    const text = JSON.stringify({
      format: 'hooklab-workspace',
      version: 1,
      redacted: ['authProfiles[0].password'],
      authProfiles: [{ kind: 'basic', name: 'A', username: 'u', password: null }],
      webhooks: [{ name: 'one' }, { name: 'two' }],
    });
    expect(exportedContents(text)).toEqual({
      counts: { authProfiles: 1, vendorAccounts: 0, webhooks: 2, bins: 0, scenarios: 0 },
      redacted: ['authProfiles[0].password'],
    });
  });
});
