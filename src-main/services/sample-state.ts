import { randomInt } from 'node:crypto';
import type { SampleState, SampleStateInput } from '../../src-shared/domain/condition.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { VendorProfile } from '../vendors/vendor-profile.ts';
import { requireCatalogActivity, requireCatalogEvent } from './catalog-lookup.ts';

type ParsedSampleStateInput = Required<Pick<SampleStateInput, 'vendor'>> & SampleStateInput;

/**
 * A realistic entity state for an event, as the engine generates it when firing with the same
 * activity and seed: the sample trigger conditions are tried on, the state the Fire page edits.
 */
export function generateSampleState(profiles: Record<VendorId, VendorProfile>, input: ParsedSampleStateInput): SampleState {
  const event = requireCatalogEvent(input.vendor, input.eventName);
  const generated = profiles[input.vendor].generateEntity(event, {
    activity: requireCatalogActivity(event, input.activity),
    seed: input.seed ?? randomInt(2 ** 31),
  });
  return { eventName: event.name, ...generated };
}
