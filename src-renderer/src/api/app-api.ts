import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';

let current: AppApi | null = null;

/** The stores reach the engine through this one handle, set once the transport is picked. */
export function setAppApi(api: AppApi): void {
  current = api;
}

export function appApi(): AppApi {
  if (!current) throw new Error('Hooklab API used before the transport was picked');
  return current;
}
