import { describe, expect, it } from 'vitest';
import { startTestService } from '../../../fixtures/app-service.ts';
import { rejection } from '../../../fixtures/rejection.ts';

describe('generateSampleState (real engine)', () => {
  it('is the state firing generates with the same event, activity and seed', async () => {
    const { api } = await startTestService();
    const sample = await api.generateSampleState({ eventName: 'Entitlement Updated', activity: 'Disable Entitlement', seed: 9 });
    const fired = await api.fireEvent({ eventName: 'Entitlement Updated', activity: 'Disable Entitlement', seed: 9 });
    expect(fired.event.entityId).toBe(sample.entityId);
    expect(fired.event.currentState).toEqual(sample.currentState);
    expect(fired.event.previousState).toEqual(sample.previousState);
  });

  it('a delete activity leaves no current state; an activity of another event is refused naming the field', async () => {
    const { api } = await startTestService();
    const deleted = await api.generateSampleState({ eventName: 'Entitlement Updated', activity: 'Delete Entitlement', seed: 1 });
    expect(deleted.currentState).toBeNull();
    expect(deleted.previousState).not.toBeNull();
    const error = await rejection(api.generateSampleState({ eventName: 'Entitlement Added', activity: 'Delete Entitlement' }));
    expect(error).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'activity', message: '"Delete Entitlement" is not an activity of "Entitlement Added"' }] },
    });
  });
});
