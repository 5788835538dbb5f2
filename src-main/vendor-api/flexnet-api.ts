import type { VendorApiModule } from './vendor-api-module.ts';

const PREFIX = '/notifications';

/**
 * Revenera FlexNet Operations' Event Notification Service REST API (VENDOR-APIS.md §1): the
 * tenant's one notification configuration, behind a JWT from /authenticate.
 */
export const flexnetApi: VendorApiModule = {
  vendor: 'flexnet',
  pathPrefixes: [PREFIX],
  register(app) {
    // R/opsEvtNotSvcStatus.htm: 200 {"status":"UP"}.
    app.get(`${PREFIX}/health/status`, async () => ({ status: 'UP' }));
  },
  access(origin, { flexnet }) {
    return {
      baseUrl: origin ? `${origin}${PREFIX}` : null,
      authentication: 'POST /api/v1/authenticate with "Authorization: Fno base64(user:password)" (or Basic) returns a JWT; send it as a Bearer token.',
      credentials: [
        { name: 'User', value: flexnet.userId, secret: false },
        { name: 'Password', value: flexnet.password, secret: true },
      ],
      placeholders: {},
      endpoints: [{ method: 'GET', path: '/health/status', summary: 'Service health: {"status":"UP"}', assumed: false }],
    };
  },
};
