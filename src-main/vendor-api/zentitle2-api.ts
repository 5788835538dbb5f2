import type { VendorApiModule } from './vendor-api-module.ts';

/** Nalpeiron Zentitle2's Management API, webhook operations (VENDOR-APIS.md §3, the vendor's OpenAPI spec). */
export const zentitle2Api: VendorApiModule = {
  vendor: 'zentitle2',
  pathPrefixes: ['/api/v1/account/webhooks'],
  register() {},
  access(origin, { zentitle2 }) {
    return {
      baseUrl: origin,
      authentication: 'OAuth 2.0 client credentials (scope webhooks:admin), and the N-TenantId header on every call.',
      credentials: [
        { name: 'N-TenantId', value: zentitle2.tenantId, secret: false },
        { name: 'Client id', value: zentitle2.clientId, secret: false },
        { name: 'Client secret', value: zentitle2.clientSecret, secret: true },
      ],
      placeholders: {},
      endpoints: [],
    };
  },
};
