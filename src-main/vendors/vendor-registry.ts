import type { VendorId } from '../../src-shared/domain/vendor.ts';
import { sentinelProfile } from './sentinel-ems/sentinel-profile.ts';
import type { VendorProfile } from './vendor-profile.ts';

export const vendorProfiles: Record<VendorId, VendorProfile> = {
  'sentinel-ems': sentinelProfile,
};
