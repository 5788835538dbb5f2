import type { KeyObject } from 'node:crypto';
import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { VendorId, VendorSignature } from '../../src-shared/domain/vendor.ts';
import { cloudEventsProfile } from './cloudevents/cloudevents-profile.ts';
import { flexnetProfile } from './flexnet/flexnet-profile.ts';
import { sentinelProfile } from './sentinel-ems/sentinel-profile.ts';
import type { VendorProfile } from './vendor-profile.ts';
import { nSignatureHeaders } from './zentitle2/n-signature.ts';
import { zentitle2Profile } from './zentitle2/zentitle2-profile.ts';

export const vendorProfiles: Record<VendorId, VendorProfile> = {
  'sentinel-ems': sentinelProfile,
  flexnet: flexnetProfile,
  zentitle2: zentitle2Profile,
  cloudevents: cloudEventsProfile,
};

/** Headers that sign the exact body with the account's private key, for each vendor signature (VendorCatalog.signature) but 'none'. */
export const BODY_SIGNERS: Readonly<Record<Exclude<VendorSignature, 'none'>, (body: string, privateKey: KeyObject) => HttpHeaders>> = {
  'n-signature': nSignatureHeaders,
};
