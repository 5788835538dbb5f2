import { randomInt } from 'node:crypto';
import type { SampleState, SampleStateInput } from '../../src-shared/domain/condition.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { VendorProfile } from '../vendors/vendor-profile.ts';
import { requireCatalogEvent } from './catalog-lookup.ts';

type ParsedSampleStateInput = Required<Pick<SampleStateInput, 'vendor'>> & SampleStateInput;

/**
 * A realistic entity state for an event, as the engine would generate it when firing (the event's
 * first activity): the sample trigger conditions are tried against in the editor.
 */
export function generateSampleState(profiles: Record<VendorId, VendorProfile>, input: ParsedSampleStateInput): SampleState {
  const event = requireCatalogEvent(input.vendor, input.eventName);
  const generated = profiles[input.vendor].generateEntity(event, {
    activity: event.activities[0]!,
    seed: input.seed ?? randomInt(2 ** 31),
  });
  return { eventName: event.name, ...generated };
}
