import { describe, expect, it } from 'vitest';
import { EnsUndoLog, type EnsUndo } from '../../../../src-main/vendor-api/flexnet-ens-undo.ts';
import type { AuthProfile } from '../../../../src-shared/domain/auth-profile.ts';
import { startVendorApiService } from '../../../fixtures/app-service.ts';

describe('EnsUndoLog: taking back the engine writes of a refused ENS request', () => {
  it('takes back what it can, newest first, and returns what stayed', async () => {
    const { api } = await startVendorApiService();
    const undo = new EnsUndoLog();
    const deleteProfile: EnsUndo<AuthProfile> = {
      what: (made) => `the new auth profile "${made.name}"`,
      run: (made) => api.deleteAuthProfile({ id: made.id }),
    };
    const kept = await undo.write({}, () => api.createAuthProfile({ kind: 'basic', name: 'kept', username: 'u1', password: 'p1' }), deleteProfile);
    await undo.write({}, () => api.createAuthProfile({ kind: 'basic', name: 'gone', username: 'u2', password: 'p2' }), deleteProfile);
    // Something else uses the first profile meanwhile: the engine refuses to delete it.
    await api.updateVendorAccount({ vendor: 'flexnet', authProfileId: kept.id });

    expect(await undo.undoAll()).toEqual(['the new auth profile "kept"']);
    expect((await api.listAuthProfiles()).map((profile) => profile.name)).toEqual(['kept']);
    expect(await undo.undoAll()).toEqual([]);
  });
});
