import type { VendorApiModule } from './vendor-api-module.ts';

const PREFIX = '/ems/api/v5';

/**
 * Thales Sentinel EMS webhook operations (VENDOR-APIS.md §2): the documented operations under
 * assumed paths, with EMS's REST conventions (Basic auth, PUT replaces, PATCH updates, 429 + Retry-After).
 */
export const sentinelApi: VendorApiModule = {
  vendor: 'sentinel-ems',
  pathPrefixes: [PREFIX],
  register() {},
  access(origin, { sentinel }) {
    return {
      baseUrl: origin ? `${origin}${PREFIX}` : null,
      authentication: 'HTTP Basic with the user name and password below, as the EMS Web Services Guide describes.',
      credentials: [
        { name: 'User name', value: sentinel.username, secret: false },
        { name: 'Password', value: sentinel.password, secret: true },
      ],
      placeholders: {},
      endpoints: [],
    };
  },
};
