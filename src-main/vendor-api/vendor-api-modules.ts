import type { VendorApiModule } from './vendor-api-module.ts';
import { flexnetApi } from './flexnet-api.ts';
import { sentinelApi } from './sentinel-api.ts';
import { zentitle2Api } from './zentitle2-api.ts';

/** The emulated APIs, in the order the Vendors page lists them. */
export const vendorApiModules: readonly VendorApiModule[] = [zentitle2Api, flexnetApi, sentinelApi];
