import { describe, expect, it } from 'vitest';
import { filterErrors, filterValuesOf, matchOf } from '../../../../../src-renderer/src/features/deliveries/delivery-filter-form.ts';

describe('the delivery filter fields', () => {
  it('leave out what is empty, so an untouched bar searches everything', () => {
    expect(matchOf({ webhookId: '', eventId: '  ', statuses: [], from: '', to: '' })).toEqual({
      webhookId: undefined,
      eventId: undefined,
      statuses: undefined,
      createdFrom: undefined,
      createdTo: undefined,
    });
  });

  it('turn a time range into vendor epoch milliseconds and back', () => {
    const match = matchOf({ webhookId: 'w1', eventId: 'e1', statuses: ['failed'], from: '2030-01-01T10:00', to: '2030-01-02T10:00' });
    expect(match.createdTo! - match.createdFrom!).toBe(86_400_000);
    expect(filterValuesOf(match)).toEqual({ webhookId: 'w1', eventId: 'e1', statuses: ['failed'], from: '2030-01-01T10:00', to: '2030-01-02T10:00' });
  });

  it("put the engine's refusal next to the field it is about", () => {
    expect(filterErrors([{ path: 'match.createdTo', message: 'must be after the start of the range' }])).toEqual({
      to: 'To must be after the start of the range',
    });
  });
});
