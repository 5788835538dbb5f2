import type { VendorApiAssumption } from '../domain/vendor-api.ts';

/**
 * Every choice the emulated vendor APIs make where the vendors' documentation (shared/VENDOR-APIS.md)
 * is silent, in one place: the Vendors page, `hooklab vendor api` and the README show this list,
 * and the code that makes a choice names its entry here.
 */
export const VENDOR_API_ASSUMPTIONS: readonly VendorApiAssumption[] = [
  {
    vendor: null,
    subject: 'Where the APIs listen',
    choice:
      'One port of their own on 127.0.0.1, apart from the receiver: each vendor under its documented path prefix (/api/v1/account, /notifications, /ems/api/v5).',
    why: 'The vendors run these APIs on hosts of their own. Apart from the receiver, the APIs can be switched off without touching deliveries or captures, and no bin path can clash with a vendor path.',
  },
  // Zentitle2

  // FlexNet Operations ENS

  // Sentinel EMS
];
