import type { AppEventName, AppMethodName } from './app-names.ts';

/** Every transport name is derived here from contract names; none is typed anywhere else. */
export const ipcChannel = (name: AppMethodName): string => `hooklab:call:${name}`;
export const ipcEventChannel = (name: AppEventName): string => `hooklab:event:${name}`;
export const httpRoute = (name: AppMethodName): string => `/api/call/${name}`;
export const HTTP_EVENTS_ROUTE = '/api/events';
/** `deliveryChanged` → `onDeliveryChanged`, as ClientApi's type spells it. */
export const listenerName = (name: AppEventName): string => `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;
