import { describe, expect, it } from 'vitest';
import { isDeleteActivity } from '../../../../../src-main/vendors/sentinel-ems/entity-updates.ts';
import { sentinelProfile } from '../../../../../src-main/vendors/sentinel-ems/sentinel-profile.ts';
import { findCatalogEvent } from '../../../../../src-shared/vendors/catalogs.ts';

type Key = { state: string; availableQuantity: number };
type Fields = { state: string; lastModifiedDate: string; productKeys: { productKey: Key[] } };

function fire(eventName: string, activity: string, seed = 4) {
  const event = findCatalogEvent('sentinel-ems', eventName)!;
  const generated = sentinelProfile.generateEntity(event, { activity, seed });
  const root = (state: Record<string, unknown> | null) => (state ? (Object.values(state)[0] as Fields) : null);
  return { before: root(generated.previousState), after: root(generated.currentState) };
}

describe('Sentinel EMS updates: the current state differs from the previous as the activity says', () => {
  it('"Disable Product Key" disables the first product key, not the entitlement', () => {
    const { before, after } = fire('Entitlement Updated', 'Disable Product Key');
    expect(before!.productKeys.productKey[0]!.state).toBe('ENABLE');
    expect(after!.productKeys.productKey[0]!.state).toBe('DISABLE');
    expect(after!.state).toBe('ENABLE');
  });

  it.each([
    ['Enable Entitlement', 'DISABLE', 'ENABLE'],
    ['Disable Entitlement', 'ENABLE', 'DISABLE'],
    ['Close Entitlement', 'ENABLE', 'CLOSE'],
  ])('"%s" takes the entitlement from %s to %s', (activity, from, to) => {
    const { before, after } = fire('Entitlement Updated', activity);
    expect([before!.state, after!.state]).toEqual([from, to]);
  });

  it('"Enable Product Key" enables a key that was disabled', () => {
    const { before, after } = fire('Entitlement Updated', 'Enable Product Key');
    expect([before!.productKeys.productKey[0]!.state, after!.productKeys.productKey[0]!.state]).toEqual(['DISABLE', 'ENABLE']);
  });

  it('"Add Activation" on an entitlement consumes a seat of its first key', () => {
    const { before, after } = fire('Entitlement Updated', 'Add Activation');
    const [was, is] = [before!.productKeys.productKey[0]!, after!.productKeys.productKey[0]!];
    expect(is.availableQuantity).toBe(was.availableQuantity - 1);
  });

  it.each([
    ['Activation Updated', 'Mark as Revoked', 'ENABLE', 'REVOKED'],
    ['Activation Updated', 'Confirm Revocation', 'REVOCATION_PENDING', 'REVOKED'],
    ['User Updated', 'User Locked', 'ACTIVE', 'LOCKED'],
    ['Provisioning Completed', 'Complete Provisioning Request', 'SENT', 'COMPLETED'],
    ['Provisioning Request Dispatch Failed', 'Initiation Failed For Provisioning Request', 'PENDING', 'DISPATCH_FAILED'],
  ])('%s / %s: %s → %s', (eventName, activity, from, to) => {
    const { before, after } = fire(eventName, activity);
    expect([before!.state, after!.state]).toEqual([from, to]);
  });

  it('any other update shows as a new modification stamp', () => {
    const { before, after } = fire('Namespace Updated', 'Replace Namespace');
    expect(before!.lastModifiedDate).toBe('');
    expect(after!.lastModifiedDate).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it('deleting the entity itself leaves a blank current state (seed: "It is blank for "Delete" events")', () => {
    for (const [eventName, activity] of [
      ['Entitlement Updated', 'Delete Entitlement'],
      ['Contact Updated', 'Delete Contact'],
      ['Partner Updated', 'Delete Partner'],
      ['Custom Entity Record Updated', 'Delete Custom Entity Record'],
    ] as const) {
      const { before, after } = fire(eventName, activity);
      expect(before, activity).not.toBeNull();
      expect(after, activity).toBeNull();
    }
  });

  it('deleting an association is an update, not a delete of the entity', () => {
    expect(isDeleteActivity('Product Updated', 'Delete Entitlement')).toBe(false);
    expect(isDeleteActivity('Partner Updated', 'Delete Partner User')).toBe(false);
    expect(isDeleteActivity('Customer Updated', 'Delete Associated Contact')).toBe(false);
    expect(fire('Product Updated', 'Delete Entitlement').after).not.toBeNull();
  });
});
