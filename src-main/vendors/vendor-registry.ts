import type { VendorId } from '../../src-shared/domain/vendor.ts';
import { cloudEventsProfile } from './cloudevents/cloudevents-profile.ts';
import { flexnetProfile } from './flexnet/flexnet-profile.ts';
import { sentinelProfile } from './sentinel-ems/sentinel-profile.ts';
import type { VendorProfile } from './vendor-profile.ts';
import { zentitle2Profile } from './zentitle2/zentitle2-profile.ts';

export const vendorProfiles: Record<VendorId, VendorProfile> = {
  'sentinel-ems': sentinelProfile,
  flexnet: flexnetProfile,
  zentitle2: zentitle2Profile,
  cloudevents: cloudEventsProfile,
};
