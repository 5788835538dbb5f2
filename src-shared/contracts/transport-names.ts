import { eventListenerName } from './contract-kit.ts';
import type { AppEventName, AppMethodName } from './app-contract.ts';

/** Every transport name is derived here from contract names; none is typed anywhere else. */
export const ipcChannel = (name: AppMethodName): string => `hooklab:call:${name}`;
export const ipcEventChannel = (name: AppEventName): string => `hooklab:event:${name}`;
export const httpRoute = (name: AppMethodName): string => `/api/call/${name}`;
export const HTTP_EVENTS_ROUTE = '/api/events';
export const listenerName = (name: AppEventName): string => eventListenerName(name);
